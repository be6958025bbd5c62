// Journeys of issue 10 (front door, finished): a refused handover of a signal comes back into
// the sender's triage queue as "refused — new decision needed" with the receiver's reason, where
// a new decision is made; and the functional administrator sees which users cannot be reached by
// e-mail (e-mail notifications on) and gives one an address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { createSignal } from '../../src/modules/signals/signals.service.js';
import { CreateSignalBody } from '../../src/modules/signals/signals.contract.js';
import { oneRow } from '../../src/platform/db/rows.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';
import { confirmSignalHandover, decideToHandOver, openTriageConfirmStep } from './triage.support.js';

let env: Env;
let vtPro: TestUser;
let teamPro: TestUser;
let teamLead: TestUser;
let admin: TestUser;
let unreachable: TestUser;
let signal: { id: string; reference: string };
const nameOf = (u: TestUser) => `Prof ${u.username.slice(2, 8)}`;
const REASON = 'Dit gezin woont in Middelburg, buiten ons werkgebied.';

beforeAll(async () => {
  // E-mail notifications on (no server listens; no test waits for an e-mail): every account then needs an address.
  env = await startEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '2', JOBS: 'off' });
  const region = await createRegion(env.t.db);
  const vt = await createOrganisation(env.t.db, region, 'veilig_thuis', 'Veilig Thuis Zeeland');
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Team Jeugd Vlissingen');
  await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Veere');
  const gp = await createOrganisation(env.t.db, region, 'gp_practice', 'Huisarts Dok');
  vtPro = await createUser(env.t.db, region, vt, ['professional', 'coordinator']);
  teamPro = await createUser(env.t.db, region, team, ['professional']);
  teamLead = await createUser(env.t.db, region, team, ['professional', 'team_lead']);
  admin = await createUser(env.t.db, region, team, ['functional_admin']);
  unreachable = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  // Everyone has an address except the one the administrator will find.
  await env.t.db.query(`UPDATE users SET email = username || '@example.nl' WHERE region_id = $1 AND id <> $2`, [
    region,
    unreachable.actor.userId,
  ]);
  const gpUser = await createUser(env.t.db, region, gp, ['professional']);
  await env.t.db.query(`UPDATE users SET email = 'dok@example.nl' WHERE region_id = $1 AND id = $2`, [region, gpUser.actor.userId]);
  signal = await createSignal(
    env.t.db,
    gpUser.actor,
    CreateSignalBody.parse({
      receivingOrganisationId: vt,
      source: 'gp',
      subjectDescription: 'Gezin aan de Dorpsstraat',
      whatSeen: 'Kind heeft blauwe plekken en vertelt over ruzie thuis.',
      concerns: { domestic_relations: 'Ouders maken veel ruzie.' },
      safetyAtStake: false,
      urgency: 'high',
    }),
  );
});
afterAll(async () => {
  await env?.close();
});

const row = (page: Page, reference: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: reference }) });

describe('journey: a refused handover comes back into the triage queue for a new decision', () => {
  it('Veilig Thuis triages the signal as a handover to the municipal team, naming the receiving professional', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, vtPro.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/${signal.id}`);
    await page.getByRole('heading', { name: 'Triagebesluit' }).waitFor();
    const target = await decideToHandOver(page, 'Signalen van ruzie thuis; kind niet direct in gevaar.');
    await target.selectOption({ label: 'Team Jeugd Vlissingen (gemeentelijk team)' });
    await expect
      .poll(() => page.getByLabel('Ontvangende professional (optioneel)').locator('option').allTextContents())
      .toEqual(expect.arrayContaining([nameOf(teamPro), nameOf(teamLead)]));
    await page.getByLabel('Ontvangende professional (optioneel)').selectOption({ label: nameOf(teamPro) });
    await expectAccessible(page, 'triage: overdragen met ontvangende professional');
    // Handing over is confirmed first: what will happen, with focus on the confirm step.
    const confirm = await openTriageConfirmStep(page);
    expect(await confirm.lines()).toEqual([
      'Het triagebesluit wordt vastgelegd met de veiligheidsinschatting "zorgen".',
      'Team Jeugd Vlissingen krijgt een overdracht met een informatiepakket: de melding, uw veiligheidsinschatting en toelichting, en de betrokken personen.',
      'De professional die u noemde, krijgt er ook bericht van.',
      'Team Jeugd Vlissingen reageert binnen 5 werkdagen. Tot Team Jeugd Vlissingen aanvaardt, blijft uw organisatie verantwoordelijk.',
      'Wordt de overdracht geweigerd of niet op tijd beantwoord, dan komt de melding terug in uw triagelijst voor een nieuw besluit.',
    ]);
    await confirmSignalHandover(page, confirm);
    await expect.poll(() => page.getByText('De overdracht aan Team Jeugd Vlissingen is verstuurd.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Naar de uitgaande overdrachten' }).count()).toBe(1);
    await expect.poll(() => page.getByText('overgedragen', { exact: true }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the named professional reads the package — the signal itself, not boilerplate — and refuses with a reason', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, teamPro.username, PASSWORD);
    await page.goto(`${env.base}/overdrachten?direction=incoming`);
    await page.getByRole('link', { name: `Melding ${signal.reference}` }).click();
    await page.getByRole('heading', { name: 'Informatiepakket' }).waitFor();
    await expect.poll(() => page.getByText(/Kind heeft blauwe plekken en vertelt over ruzie thuis\./).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Ouders maken veel ruzie\./).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Ontvangende professional', { exact: true }).count()).toBe(1);
    await page.getByLabel('Reden van weigeren').fill(REASON);
    await page.getByRole('button', { name: 'Weigeren' }).click();
    await expect.poll(() => page.getByText('De overdracht is geweigerd; de afzender is op de hoogte gebracht.').count()).toBe(1);
    await expectAccessible(page, 'overdracht geweigerd');
    await page.context().close();
  });

  it('Veilig Thuis finds it back in its triage queue as "refused — new decision needed" with the reason, and decides again', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, vtPro.username, PASSWORD);
    await page.goto(`${env.base}/triage`);
    await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
    await expect.poll(() => row(page, signal.reference).count()).toBe(1);
    await expect.poll(() => row(page, signal.reference).getByText('geweigerd — nieuw besluit nodig').count()).toBe(1);
    await expect.poll(() => row(page, signal.reference).getByText(REASON).count()).toBe(1);
    await expectAccessible(page, 'triagelijst met geweigerde overdracht');
    await screenshot(page, 'triage-geweigerd');
    // Its own filter shows it too.
    await page.getByLabel('Status').selectOption({ label: 'geweigerd — nieuw besluit nodig' });
    await expect.poll(() => page.getByRole('link', { name: signal.reference }).count()).toBe(1);

    await page.getByRole('link', { name: signal.reference }).click();
    await page.getByText('Nieuw besluit nodig.').waitFor();
    await expect.poll(() => page.getByText(`Reden van weigeren: ${REASON}`).count()).toBe(1);
    await expectAccessible(page, 'melding terug na weigering');
    const target = await decideToHandOver(page, 'Signalen van ruzie thuis; kind niet direct in gevaar.');
    await target.selectOption({ label: 'Sociaal Team Veere (gemeentelijk team)' });
    const confirm = await openTriageConfirmStep(page);
    expect(await confirm.lines()).toContain(
      'Sociaal Team Veere reageert binnen 5 werkdagen. Tot Sociaal Team Veere aanvaardt, blijft uw organisatie verantwoordelijk.',
    );
    await confirmSignalHandover(page, confirm);
    const s = oneRow(await env.t.db.query<{ status: string }>(`SELECT status FROM signals WHERE id = $1`, [signal.id]), 'signal');
    expect(s.status).toBe('handed_over');
    await page.context().close();
  });
});

describe('journey: the administrator sees who cannot be reached by e-mail', () => {
  it('lists the active account without an address, asks for one when creating, and takes it off the list once it has one', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, admin.username, PASSWORD);
    await page.goto(`${env.base}/beheer/accounts`);
    const section = page.getByRole('region', { name: 'Niet bereikbaar per e-mail' });
    await expect.poll(() => section.getByText(nameOf(unreachable)).count()).toBe(1);
    await expect.poll(() => section.getByText(/1 actief account zonder e-mailadres/).count()).toBe(1);
    await expect.poll(() => section.getByText(nameOf(teamPro)).count()).toBe(0);
    await expectAccessible(page, 'accounts: niet bereikbaar');
    await screenshot(page, 'beheer-niet-bereikbaar');

    // A new account without an address is refused on the field, in Dutch.
    const form = page.getByRole('region', { name: 'Account aanmaken' });
    await form.getByLabel('Organisatie').selectOption({ label: 'Team Jeugd Vlissingen' });
    await form.getByLabel('Naam', { exact: true }).fill('Noor de Bruijn');
    await form.getByLabel('Gebruikersnaam').fill(`n.debruijn.${Date.now()}`);
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    await expect.poll(() => form.getByText(/Vul het e-mailadres in/).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'account zonder e-mailadres geweigerd');

    await section.getByRole('button', { name: `E-mailadres invullen voor ${nameOf(unreachable)}` }).click();
    await page.getByLabel('E-mailadres', { exact: true }).first().waitFor();
    const edit = page.getByRole('region', { name: `Account wijzigen: ${nameOf(unreachable)}` });
    await edit.getByLabel('E-mailadres', { exact: true }).fill('bereikbaar@example.nl');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText(`Account van ${nameOf(unreachable)} is opgeslagen.`).count()).toBe(1);
    await expect.poll(() => section.getByText('Alle actieve accounts hebben een e-mailadres.').count()).toBe(1);
    const u = oneRow(await env.t.db.query<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [unreachable.actor.userId]), 'user');
    expect(u.email).toBe('bereikbaar@example.nl');
    await page.context().close();
  });
});
