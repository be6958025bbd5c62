// Switching to English shows the family's timeline and the inbox in English: events and
// notifications are stored as a kind and parameters and said in the reader's language (issue 11),
// also the older events loaded page by page (issue 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { appendEvent } from '../../src/modules/timeline/timeline.js';
import { expectAccessible, loginAndWait, newPage, startEnv, type Env } from './support.js';
import { notifyHandoverReceived, notifyTriageOverdue } from './notifications.support.js';

let env: Env;
let coord: TestUser;
let familyId: string;

/** Fragments of the Dutch sentences of events and notifications: none may show in English. */
const DUTCH =
  /geregistreerd met|Dossier geopend|Regisseur toegewezen|Fase gewijzigd|Gezinslid toegevoegd|Overdracht aan|antwoord uiterlijk|Nieuwe overdracht|Triage te laat|verkenning|Oudere gebeurtenissen/;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Goes');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  const colleague = await createUser(env.t.db, region, team, ['professional']);
  familyId = (
    await registerFamily(
      env.t.db,
      coord.actor,
      RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Kramer', children: 1 })),
    )
  ).id;
  const day = (n: number) => new Date(Date.now() - n * 86_400_000);
  await asActor(env.t.db, coord.actor, async (tx) => {
    // The oldest event, beyond the family page's latest 50: shown only after "load older events".
    await appendEvent(tx, coord.actor, { familyId, kind: 'member_added', params: { givenNames: 'Oudste' }, occurredAt: day(400) });
    for (let i = 0; i < 55; i++)
      await appendEvent(tx, coord.actor, { familyId, kind: 'note', params: { text: `note ${i}` }, occurredAt: day(300 - i) });
  });
  await asActor(env.t.db, coord.actor, async (tx) => {
    await appendEvent(tx, coord.actor, { familyId, kind: 'case_status_changed', params: { fromPhase: 'exploring', toPhase: 'plan' } });
    await appendEvent(tx, coord.actor, { familyId, kind: 'handover_sent', params: { to: { name: 'GI Zeeland' }, dueOn: '2026-12-18' } });
  });
  await asActor(env.t.db, colleague.actor, async (tx) => {
    const to = { regionId: region, userId: coord.actor.userId };
    await notifyHandoverReceived(tx, { ...to, from: 'Veilig Thuis', familyId, dedupeKey: 'e2e:lang-handover' });
    await notifyTriageOverdue(tx, { ...to, reference: 'M-2026-0077', dedupeKey: 'e2e:lang-triage' });
  });
});
afterAll(async () => {
  await env?.close();
});

describe('journey: reading the history and the inbox in English', () => {
  it('shows the timeline, its older events and the messages in the chosen language', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    const timeline = page.locator('section[aria-labelledby="timeline-title"]');
    // Dutch first.
    await expect.poll(() => timeline.getByText('Fase gewijzigd: verkenning → plan').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => timeline.getByText('Overdracht aan GI Zeeland verstuurd; antwoord uiterlijk 18 december 2026').count()).toBe(1);

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => timeline.getByText('Phase changed: exploring → plan').count()).toBe(1);
    await expect.poll(() => timeline.getByText('Handover to GI Zeeland sent; answer due by December 18, 2026').count()).toBe(1);
    await expect.poll(() => timeline.getByText(/Gezin Kramer registered with \d members?/).count()).toBe(1);
    await expect.poll(() => timeline.getByText('Family member added: Oudste').count()).toBe(0); // beyond the latest 50: not loaded yet
    expect(await timeline.innerText()).not.toMatch(DUTCH);

    // The whole history: the family page's 50, then the older ones.
    await timeline.getByRole('button', { name: /^Show all 50 events$/ }).click();
    await timeline.getByRole('button', { name: 'Load older events' }).click();
    await expect.poll(() => timeline.getByText('Family member added: Oudste').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => timeline.getByText(/registered with \d members?/).count()).toBe(1);
    await expect.poll(() => timeline.getByRole('button', { name: 'Load older events' }).count()).toBe(0);
    await expect.poll(() => timeline.getByRole('status').innerText()).toMatch(/older events loaded\. This is the start of the timeline\./);
    expect(await timeline.locator('li').count()).toBe(56 + 2 + 3);
    expect(await timeline.innerText()).not.toMatch(DUTCH);
    await expectAccessible(page, 'family page in English with older events');

    // The inbox in English too, and e-mails follow the chosen language.
    await page
      .getByRole('banner')
      .getByRole('link', { name: /^Messages/ })
      .click();
    await expect.poll(() => page.getByRole('link', { name: /New handover from Veilig Thuis/ }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: /Triage overdue: signal M-2026-0077/ }).count()).toBe(1);
    expect(await page.locator('main').innerText()).not.toMatch(DUTCH);
    await expectAccessible(page, 'inbox in English');
    await expect
      .poll(
        async () =>
          (await env.t.db.query<{ language: string }>(`SELECT language FROM users WHERE id = $1`, [coord.actor.userId]))[0]?.language,
      )
      .toBe('en');

    // The language belongs to the account: a login on another device (a fresh browser context,
    // nothing stored) opens in English, and a choice made there on the login screen wins.
    const other = await newPage(env);
    await loginAndWait(other, env, coord.username, PASSWORD, null);
    await expect.poll(() => other.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    await expect.poll(() => other.evaluate(() => document.documentElement.lang)).toBe('en');
    await other.context().close();

    const third = await newPage(env);
    await third.goto(`${env.base}/`);
    await third.getByRole('button', { name: 'English' }).click();
    await third.getByRole('button', { name: 'Nederlands' }).click();
    await third.getByLabel('Gebruikersnaam').fill(coord.username);
    await third.getByLabel('Wachtwoord').fill(PASSWORD);
    await third.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => third.getByRole('button', { name: 'Uitloggen' }).count()).toBe(1);
    await expect
      .poll(
        async () =>
          (await env.t.db.query<{ language: string }>(`SELECT language FROM users WHERE id = $1`, [coord.actor.userId]))[0]?.language,
      )
      .toBe('nl');
    await third.context().close();
  });
});
