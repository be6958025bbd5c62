// Signals and their triage decision in the browser journeys: a school's signal made in the
// database, and the steps of a triage decision that hands the signal over to another organisation.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { TestUser } from '../support/factory.js';
import { createSignal } from '../../src/modules/signals/signals.service.js';
import { CreateSignalBody } from '../../src/modules/signals/signals.contract.js';
import { confirmStep, focused, type Env } from './support.js';

/** A school's signal (normal urgency, safety not at stake) from `teacher` to `receivingOrganisationId`, with the rest of `body`. */
export async function createSchoolSignal(
  env: Env,
  teacher: TestUser,
  receivingOrganisationId: string,
  body: Omit<z.input<typeof CreateSignalBody>, 'receivingOrganisationId' | 'source' | 'urgency' | 'safetyAtStake'>,
) {
  return createSignal(
    env.t.db,
    teacher.actor,
    CreateSignalBody.parse({ receivingOrganisationId, source: 'school', urgency: 'normal', safetyAtStake: false, ...body }),
  );
}

/** Fills the triage decision as "zorgen" with `reasoning` and "hand over"; returns the "Overdragen aan" select. */
export async function decideToHandOver(page: Page, reasoning: string): Promise<Locator> {
  await page.getByLabel('zorgen', { exact: true }).check();
  await page.getByLabel('Onderbouwing van de inschatting').fill(reasoning);
  await page.getByLabel('overdragen aan een andere organisatie').check();
  return page.getByLabel('Overdragen aan', { exact: true });
}

/** Records the triage decision and waits for its confirm step, which takes the focus; returns the step. */
export async function openTriageConfirmStep(page: Page) {
  await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
  const confirm = confirmStep(page);
  await confirm.region.waitFor();
  await expect.poll(() => focused(page)).toBe('h3: Controleer en bevestig');
  return confirm;
}

/** Confirms the handover on the confirm step; the result panel takes the focus and says the decision is recorded. */
export async function confirmSignalHandover(page: Page, confirm: ReturnType<typeof confirmStep>) {
  await confirm.region.getByRole('button', { name: 'Ja, draag de melding over' }).click();
  await expect.poll(() => focused(page)).toBe('h2: Melding overgedragen');
  await expect.poll(() => page.getByText('Het triagebesluit is vastgelegd.').count()).toBe(1);
}
