// The one form pattern (issue 13): after a failed submit the error summary has focus, each line is
// a plain Dutch sentence that names the field and links to it, field errors are not announced on
// their own, and drafts belong to what they are for (a handover draft for one family never shows
// on another's) and can be discarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { createSignal } from '../../src/modules/signals/signals.service.js';
import { CreateSignalBody } from '../../src/modules/signals/signals.contract.js';
import { expectAccessible, loginAndWait, newPage, startEnv, type Env } from './support.js';

let env: Env;
let region: string;
let coord: TestUser;
let caseA: string;
let caseB: string;
let school: TestUser;
let signalId: string;

beforeAll(async () => {
  env = await startEnv();
  region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Goes');
  await createOrganisation(env.t.db, region, 'veilig_thuis', 'Veilig Thuis Zeeland');
  await env.t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, team]);
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  ({ caseId: caseA } = await registerFamily(
    env.t.db,
    coord.actor,
    RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Aarts', children: 1 })),
  ));
  school = await createUser(env.t.db, region, await createOrganisation(env.t.db, region, 'school', 'OBS De Linde'), ['professional']);
  ({ id: signalId } = await createSignal(
    env.t.db,
    school.actor,
    CreateSignalBody.parse({
      receivingOrganisationId: team,
      source: 'school',
      urgency: 'normal',
      safetyAtStake: false,
      subjectDescription: 'Leerling Sem',
      whatSeen: 'Sem komt al weken zonder eten naar school en is erg moe.',
    }),
  ));
  ({ caseId: caseB } = await registerFamily(
    env.t.db,
    coord.actor,
    RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Boer', children: 1 })),
  ));
});
afterAll(async () => {
  await env?.close();
});

/** The summary's lines, once it has focus after the failed submit. */
async function summaryAfterSubmit(page: Page): Promise<string[]> {
  await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.regie-error-summary'))).toBe(true);
  const summary = page.locator('.regie-error-summary');
  expect(await summary.getByRole('heading', { name: 'Er ging iets mis' }).count()).toBe(1);
  const lines = (await summary.locator('li').allTextContents()).map((s) => s.trim());
  // Plain words only: no field paths, no schema words; and no field announces itself separately.
  for (const l of lines) expect(l).not.toMatch(/\[\d+\]|\w\.\w|Verwacht|niet toegestaan|Ongeldig formaat|string|undefined/);
  expect(
    await page.locator('.utrecht-form-field-error-message[role="alert"], [role="alert"] .utrecht-form-field-error-message').count(),
  ).toBe(0);
  return lines;
}

/** Activating a summary line moves focus to the field it names. */
async function linkFocuses(page: Page, line: string, label: string | RegExp) {
  await page.locator('.regie-error-summary').getByRole('link', { name: line }).click();
  const focused = await page.evaluate(() => document.activeElement?.id ?? '');
  const labelled = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  expect(focused).not.toBe('');
  expect(await labelled.getAttribute('id')).toBe(focused);
}

describe('journey: one form pattern for every form', () => {
  it('login: empty fields are said at once, linked to the field; a wrong password takes focus too', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    expect(await summaryAfterSubmit(page)).toEqual(['Vul uw gebruikersnaam in.', 'Vul uw wachtwoord in.']);
    await linkFocuses(page, 'Vul uw wachtwoord in.', 'Wachtwoord');
    await page.getByLabel('Gebruikersnaam').fill(coord.username);
    await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // The refusal (401, not an ended session) takes focus like any other, so a screen reader hears it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.regie-error-summary')?.textContent ?? ''))
      .toContain('Gebruikersnaam of wachtwoord klopt niet.');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectAccessible(page, 'inloggen: foutsamenvatting');
  });

  it('register family: the summary takes focus, says per field what to do in plain Dutch, and links to the field', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/nieuw`);
    await page.getByRole('heading', { name: 'Gezin registreren', level: 1 }).waitFor();
    await page.locator('fieldset').nth(0).getByLabel(/BSN/).fill('123456789');
    await page.getByRole('button', { name: 'Registreren' }).click();
    const lines = await summaryAfterSubmit(page);
    expect(lines).toEqual([
      'Vul de voornamen in.',
      'Vul de achternaam in.',
      'Dit BSN klopt niet (elfproef).',
      'Vul de voornamen in.',
      'Vul de achternaam in.',
      'Kies de grondslag uit de lijst.',
    ]);
    await linkFocuses(page, 'Kies de grondslag uit de lijst.', 'Grondslag');
    await linkFocuses(page, 'Dit BSN klopt niet (elfproef).', /BSN/);
    // the same sentence at the field
    expect(await page.locator('fieldset').nth(0).getByText('Dit BSN klopt niet (elfproef).').count()).toBe(1);
    await expectAccessible(page, 'gezin registreren: foutsamenvatting');
  });

  it('handover: plain messages with focus; a draft for family A is not shown on family B, says whose it is, and can be discarded', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/overdrachten/nieuw?caseId=${caseA}`);
    await page.getByRole('heading', { name: 'Dossier overdragen', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Overdracht versturen' }).click();
    const lines = await summaryAfterSubmit(page);
    expect(lines).toEqual([
      'Kies de ontvangende organisatie uit de lijst.',
      'Geef de reden van de overdracht (minstens 5 tekens).',
      'Kies de inschatting van de veiligheid uit de lijst.',
      'Beschrijf wat er bekend is (minstens 5 tekens).',
      'Kies de grondslag uit de lijst.',
    ]);
    await linkFocuses(page, 'Geef de reden van de overdracht (minstens 5 tekens).', 'Reden van overdracht');
    await linkFocuses(page, 'Kies de ontvangende organisatie uit de lijst.', 'Ontvangende organisatie');
    await expectAccessible(page, 'overdracht: foutsamenvatting');

    const reason = 'Reden alleen voor gezin Aarts';
    await page.getByLabel('Reden van overdracht').fill(reason);
    await expect.poll(() => page.evaluate((r) => Object.values(sessionStorage).some((v) => v.includes(r)), reason)).toBe(true);
    // Family B: nothing of A's draft.
    await page.goto(`${env.base}/overdrachten/nieuw?caseId=${caseB}`);
    await page.getByRole('heading', { name: 'Dossier overdragen', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Dossier', { exact: true }).inputValue()).toBe(caseB);
    expect(await page.getByLabel('Reden van overdracht').inputValue()).toBe('');
    expect(await page.getByText(/teruggezet/).count()).toBe(0);
    // Choosing family A in the form brings A's draft back, and says so.
    await page.getByLabel('Dossier', { exact: true }).selectOption(caseA);
    await expect.poll(() => page.getByLabel('Reden van overdracht').inputValue()).toBe(reason);
    await page.goto(`${env.base}/overdrachten/nieuw?caseId=${caseA}`);
    await expect.poll(() => page.getByText(/^Concept voor Gezin Aarts van .+ teruggezet\./).count()).toBe(1);
    expect(await page.getByLabel('Reden van overdracht').inputValue()).toBe(reason);
    // Discard: the form is empty, and stays empty after a reload.
    await page.getByRole('button', { name: 'Concept weggooien' }).click();
    await expect.poll(() => page.getByLabel('Reden van overdracht').inputValue()).toBe('');
    expect(await page.getByText(/teruggezet/).count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Dossier overdragen', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Dossier', { exact: true }).inputValue()).toBe(caseA);
    expect(await page.getByLabel('Reden van overdracht').inputValue()).toBe('');
    expect(await page.getByText(/teruggezet/).count()).toBe(0);
  });

  it('public concern form: the summary in plain Dutch, linked to the field', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/zorg-melden`);
    await page.getByRole('heading', { name: 'Zorgen over iemand melden', level: 1 }).waitFor();
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const lines = await summaryAfterSubmit(page);
    expect(lines).toEqual(['Schrijf op over wie u zich zorgen maakt.', 'Vertel in minstens 10 tekens wat u zag of hoorde.']);
    await linkFocuses(page, 'Vertel in minstens 10 tekens wat u zag of hoorde.', 'Wat heeft u gezien of gehoord?');
    await expectAccessible(page, 'zorg melden: foutsamenvatting');
  });

  it('signal form: the summary in plain Dutch, linked to the field', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/nieuw`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page
      .getByRole('button', { name: /versturen|Melding/ })
      .last()
      .click();
    const lines = await summaryAfterSubmit(page);
    expect(lines).toEqual(['Beschrijf in minstens 10 tekens wat u zag of hoorde.', 'Kies de urgentie uit de lijst.']);
    await linkFocuses(page, 'Beschrijf in minstens 10 tekens wat u zag of hoorde.', 'Wat heeft u gezien of gehoord?');
    await expectAccessible(page, 'melding: foutsamenvatting');
  });

  it('triage: the summary in plain Dutch, linked to the field', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/${signalId}`);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).waitFor();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const lines = await summaryAfterSubmit(page);
    expect(lines).toEqual([
      'Kies de inschatting van de veiligheid uit de lijst.',
      'Licht de veiligheidsinschatting toe.',
      'Kies de beslissing uit de lijst.',
    ]);
    await linkFocuses(page, 'Licht de veiligheidsinschatting toe.', 'Onderbouwing van de inschatting');
    await expectAccessible(page, 'triage: foutsamenvatting');
  });

  it('reference index: the summary in plain Dutch, one message per field (9 digits before the elfproef), linked to the field', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, school.username, PASSWORD);
    await page.getByRole('link', { name: 'Verwijsindex' }).click();
    await page.getByRole('heading', { name: 'Verwijsindex', level: 1 }).waitFor();
    await page.getByLabel('BSN van de jongere').fill('12345');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    const lines = await summaryAfterSubmit(page);
    expect(lines).toEqual(['Een BSN heeft 9 cijfers.', 'Vul de geboortedatum van de jongere in.', 'Kies de grondslag.']);
    await linkFocuses(page, 'Kies de grondslag.', 'Grondslag');
    await linkFocuses(page, 'Een BSN heeft 9 cijfers.', 'BSN van de jongere');
    await page.getByLabel('BSN van de jongere').fill('');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    expect((await summaryAfterSubmit(page))[0]).toBe('Vul het BSN van de jongere in.');
    await page.getByLabel('BSN van de jongere').fill('123456789');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    expect((await summaryAfterSubmit(page))[0]).toBe('Dit BSN klopt niet (elfproef).');
    await expectAccessible(page, 'verwijsindex: foutsamenvatting');
  });
});
