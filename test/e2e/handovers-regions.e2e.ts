// Browser journey: a family moves from Walcheren to Goes, in another region. Veilig Thuis in
// Walcheren hands the case to Team Jeugd Goes (region De Bevelanden); a professional there sees
// it incoming, confirms that the mother is already known in Goes, and accepts with a
// coordinator; the family and its case now exist in De Bevelanden, and the sender's case in
// Walcheren is closed as moved. And a signal that Veilig Thuis triages is handed over to Team
// Jeugd Goes straight from the triage decision; the professional in Goes sees it incoming.
// Every screen gets an axe check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { oneRow } from '../../src/platform/db/rows.js';
import { confirmStep, expectAccessible, focused, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';
import { sendCaseHandover } from './handovers.support.js';
import { confirmSignalHandover, createSchoolSignal, decideToHandOver, openTriageConfirmStep } from './triage.support.js';

let env: Env;
let walcheren: string;
let bevelanden: string;
let vtCoord: TestUser;
let goesCoord: TestUser;
let goesPro: TestUser;
let familyId: string;
let caseId: string;
let annaInGoes: string;
let signal: { id: string; reference: string };
const nameOf = (u: TestUser) => `Prof ${u.username.slice(2, 8)}`;

beforeAll(async () => {
  env = await startEnv();
  walcheren = await createRegion(env.t.db);
  bevelanden = await createRegion(env.t.db);
  await env.t.db.query(`UPDATE regions SET name = CASE id WHEN $1 THEN 'Walcheren' ELSE 'De Bevelanden' END WHERE id IN ($1, $2)`, [
    walcheren,
    bevelanden,
  ]);
  const vt = await createOrganisation(env.t.db, walcheren, 'veilig_thuis', 'Veilig Thuis Zeeland');
  await createOrganisation(env.t.db, walcheren, 'municipal_team', 'Sociaal Team Middelburg');
  const goes = await createOrganisation(env.t.db, bevelanden, 'municipal_team', 'Team Jeugd Goes');
  await createOrganisation(env.t.db, bevelanden, 'gp_practice', 'Huisartsenpraktijk Goes-Oost');
  vtCoord = await createUser(env.t.db, walcheren, vt, ['professional', 'coordinator']);
  goesCoord = await createUser(env.t.db, bevelanden, goes, ['professional', 'coordinator']);
  goesPro = await createUser(env.t.db, bevelanden, goes, ['professional']);
  // The family, without BSNs, in Walcheren
  ({ id: familyId, caseId } = await registerFamily(
    env.t.db,
    vtCoord.actor,
    RegisterFamilyBody.parse(familyBody(vtCoord.actor.userId, { familyName: 'Bakker', children: 1, legalBasis: 'safety', withBsn: false })),
  ));
  // Goes already knows the mother (same name and birth date, no BSN), in a family the professional works with
  const there = await registerFamily(
    env.t.db,
    goesPro.actor,
    RegisterFamilyBody.parse({
      members: [{ givenNames: 'Anna', familyName: 'Bakker', birthDate: '1988-04-12', relation: 'parent' }],
      case: { coordinatorUserId: goesCoord.actor.userId, legalBasis: 'consent' },
    }),
  );
  annaInGoes = oneRow(
    await env.t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
      bevelanden,
      there.id,
    ]),
    'family member',
  ).person_id;
  // A school in Walcheren reports a signal to Veilig Thuis about a family that has just moved to Goes
  const school = await createOrganisation(env.t.db, walcheren, 'school', 'Basisschool De Zeester');
  const teacher = await createUser(env.t.db, walcheren, school, ['professional']);
  signal = await createSchoolSignal(env, teacher, vt, {
    subjectDescription: 'Leerling groep 6, verhuisd naar Goes',
    whatSeen: 'Komt sinds weken zonder lunch en vertelt over ruzie thuis.',
  });
});
afterAll(async () => {
  await env?.close();
});

describe('journey: a case handed over to a team in another region', () => {
  let handoverUrl = '';

  it('Walcheren picks Team Jeugd Goes under its region, is told what happens, and sends', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, vtCoord.username, PASSWORD);
    await page.goto(`${env.base}/overdrachten/nieuw`);
    await page.getByRole('heading', { name: 'Dossier overdragen', level: 1 }).waitFor();
    const receiver = page.getByLabel('Ontvangende organisatie');
    await expect
      .poll(() => receiver.locator('optgroup').evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label)))
      .toEqual(['Uw regio (Walcheren)', 'Regio De Bevelanden']);
    // the GP practice in Goes has no task to take over a case
    await expect
      .poll(() => receiver.locator('optgroup[label="Regio De Bevelanden"] option').allTextContents())
      .toEqual(['Team Jeugd Goes (gemeentelijk team)']);
    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Gezin Bakker' });
    await receiver.selectOption({ label: 'Team Jeugd Goes (gemeentelijk team)' });
    await expect.poll(() => page.getByText('Team Jeugd Goes werkt in een andere regio (De Bevelanden).').count()).toBe(1);
    await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await expectAccessible(page, 'overdracht naar een andere regio versturen');
    await screenshot(page, 'overdracht-regio-versturen');
    await sendCaseHandover(page, 'Het gezin verhuist naar Goes; Team Jeugd Goes neemt de regie over.', 'Gezin Bakker');
    await expect.poll(() => page.locator('.regie-lead').textContent()).toContain('Team Jeugd Goes (regio De Bevelanden)');
    await expect.poll(() => page.getByText(/Deze overdracht gaat naar een andere regio \(De Bevelanden\)/).count()).toBe(1);
    handoverUrl = new URL(page.url()).pathname;
    await expectAccessible(page, 'overdracht naar een andere regio (afzender)');
  });

  it('the professional in Goes sees it incoming with its region, confirms the known mother and accepts with a coordinator', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, goesPro.username, PASSWORD);
    await page.getByRole('link', { name: 'Overdrachten' }).click();
    const row = page.getByRole('row', { name: /Gezin Bakker/ });
    await expect.poll(() => row.getByText('regio Walcheren').count()).toBe(1);
    await expectAccessible(page, 'overdrachten met een andere regio');
    await row.getByRole('link', { name: 'Gezin Bakker' }).click();
    await page.getByRole('heading', { name: 'Het gezin in uw regio' }).waitFor();
    await expect.poll(() => page.getByText('Dit gezin komt uit regio Walcheren.', { exact: false }).count()).toBe(1);
    const same = page.getByRole('group', { name: 'Is Anna Bakker al bekend in uw regio?' });
    await expect.poll(() => same.getByRole('radio').count()).toBe(2);
    await expect.poll(() => page.getByText('Kind1 Bakker').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'overdracht uit een andere regio (ontvanger)');
    await same.getByLabel(/Dezelfde persoon als Anna Bakker/).check();
    await page.getByLabel('Regisseur bij uw organisatie').selectOption({ label: nameOf(goesCoord) });
    await screenshot(page, 'overdracht-regio-ontvanger');
    await page.getByRole('button', { name: 'Aanvaarden' }).click();
    // From another region: first what accepting will do, with focus on the confirm step.
    const confirm = confirmStep(page);
    await confirm.region.waitFor();
    await expect.poll(() => focused(page)).toBe('h3: Controleer en bevestig');
    expect(await confirm.lines()).toEqual([
      `${nameOf(goesCoord)} wordt de regisseur van een nieuw dossier in uw regio en krijgt daarvan bericht.`,
      'Het gezin wordt als nieuw gezin in uw regio geregistreerd.',
      'Anna Bakker: gekoppeld aan Anna Bakker (door u bevestigd).',
      'Kind1 Bakker: nieuw geregistreerd in uw regio.',
      'Het casusteam krijgt de grondslag van de overdracht: wettelijke taak.',
      'In regio Walcheren wordt het dossier van Veilig Thuis Zeeland afgesloten als verhuisd en eindigt hun toegang.',
      'Veilig Thuis Zeeland krijgt bericht dat u de overdracht heeft aanvaard.',
    ]);
    await expectAccessible(page, 'overdracht uit een andere regio: controleer en bevestig');
    await screenshot(page, 'overdracht-regio-bevestigen');
    // Back: the form with the choices made, focus on its button; nothing was answered.
    await confirm.region.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => focused(page)).toBe('button: Aanvaarden');
    expect(await same.getByLabel(/Dezelfde persoon als Anna Bakker/).isChecked()).toBe(true);
    expect(await page.getByLabel('Regisseur bij uw organisatie').inputValue()).toBe(goesCoord.actor.userId);
    const pending = await env.t.db.query<{ status: string }>(`SELECT status FROM handovers WHERE region_id = $1 AND case_id = $2`, [
      walcheren,
      caseId,
    ]);
    expect(pending).toEqual([{ status: 'pending' }]);
    await page.getByRole('button', { name: 'Aanvaarden' }).click();
    await confirm.region.getByRole('button', { name: 'Ja, aanvaard de overdracht' }).click();
    // The result panel takes focus and says what happened and what comes next.
    await expect.poll(() => focused(page)).toBe('h2: Overdracht aanvaard');
    await expect
      .poll(() => page.getByText(`${nameOf(goesCoord)} is nu de regisseur; het gezin is in uw regio geregistreerd.`).count())
      .toBe(1);
    await expect.poll(() => page.getByText('Veilig Thuis Zeeland in regio Walcheren heeft bericht gekregen.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Doorlooptijden van dit dossier' }).count()).toBe(1);
    await expectAccessible(page, 'overdracht uit een andere regio aanvaard');
    await page.getByRole('link', { name: 'Naar het gezin' }).click();
    await page.getByRole('heading', { name: 'Gezin Bakker', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.regie-lead').textContent()).toContain(nameOf(goesCoord));
    await expect
      .poll(() => page.getByText('Overdracht van Veilig Thuis Zeeland (regio Walcheren) aanvaard', { exact: false }).count())
      .toBe(1);
    await expectAccessible(page, 'gezin in de nieuwe regio');
    // the family exists in De Bevelanden, with the mother linked (not a second Anna) and the child new
    const goesFamily = new URL(page.url()).pathname.split('/').pop()!;
    const members = await env.t.db.query<{ person_id: string }>(
      `SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`,
      [bevelanden, goesFamily],
    );
    expect(members.map((m) => m.person_id)).toContain(annaInGoes);
    expect(members).toHaveLength(2);
  });

  it('the sender in Walcheren sees the answer; its case is closed as moved', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, vtCoord.username, PASSWORD);
    await page.goto(`${env.base}${handoverUrl}`);
    await expect.poll(() => page.locator('.regie-badge--accepted').count()).toBe(1);
    await expect.poll(() => page.getByText('Uw dossier is afgesloten als verhuisd', { exact: false }).count()).toBe(1);
    await expect.poll(() => page.getByText(nameOf(goesCoord)).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'overdracht naar een andere regio aanvaard (afzender)');
    const [c] = await env.t.db.query<{ status: string; closed_reason: string }>(
      `SELECT status, closed_reason FROM cases WHERE region_id = $1 AND id = $2`,
      [walcheren, caseId],
    );
    expect(c).toEqual({ status: 'closed', closed_reason: 'verhuisd; overgedragen aan Team Jeugd Goes (regio De Bevelanden)' });
    // English
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('Your case was closed as moved', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'handover to another region (English)');
    void familyId;
  });
});

describe('journey: a signal handed over from triage to a team in another region', () => {
  it('Veilig Thuis in Walcheren triages and picks Team Jeugd Goes under its region; the decision names the region', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, vtCoord.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/${signal.id}`);
    await page.getByRole('heading', { name: `Melding ${signal.reference}`, level: 1 }).waitFor();
    const target = await decideToHandOver(page, 'Verwaarlozing mogelijk; geen acuut gevaar. Het gezin woont nu in Goes.');
    await expect
      .poll(() => target.locator('optgroup').evaluateAll((els) => els.map((e) => (e as HTMLOptGroupElement).label)))
      .toEqual(['Uw regio (Walcheren)', 'Regio De Bevelanden']);
    // only organisations with the task to take over a signal: not the GP practice in Goes, not the school, not Veilig Thuis itself
    await expect
      .poll(() => target.locator('optgroup[label="Regio De Bevelanden"] option').allTextContents())
      .toEqual(['Team Jeugd Goes (gemeentelijk team)']);
    await expect
      .poll(() => target.locator('optgroup[label="Uw regio (Walcheren)"] option').allTextContents())
      .toEqual(['Sociaal Team Middelburg (gemeentelijk team)']);
    await target.selectOption({ label: 'Team Jeugd Goes (gemeentelijk team)' });
    await expect.poll(() => page.getByText('Team Jeugd Goes werkt in een andere regio (De Bevelanden)', { exact: false }).count()).toBe(1);
    await page.getByLabel(/Advies of toelichting/).fill('Het gezin is verhuisd naar Goes; school en moeder weten van de overdracht.');
    await expectAccessible(page, 'triage: overdragen aan een andere regio');
    await screenshot(page, 'triage-overdracht-regio');
    // Handing over cannot be undone: first what will happen, with focus on the confirm step.
    const confirm = await openTriageConfirmStep(page);
    expect(await confirm.lines()).toEqual([
      'Het triagebesluit wordt vastgelegd met de veiligheidsinschatting "zorgen".',
      'Team Jeugd Goes krijgt een overdracht met een informatiepakket: de melding, uw veiligheidsinschatting en toelichting, en de betrokken personen.',
      'Team Jeugd Goes werkt in regio De Bevelanden: de betrokken personen gaan mee met naam, geboortedatum en BSN. De melding zelf blijft in uw regio.',
      'Team Jeugd Goes reageert binnen 5 werkdagen. Tot Team Jeugd Goes aanvaardt, blijft uw organisatie verantwoordelijk.',
      'Wordt de overdracht geweigerd of niet op tijd beantwoord, dan komt de melding terug in uw triagelijst voor een nieuw besluit.',
    ]);
    await expectAccessible(page, 'triage: overdragen aan een andere regio, controleer en bevestig');
    // Back: the decision as filled in, focus on its button; nothing was decided or sent.
    await confirm.region.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => focused(page)).toBe('button: Besluit vastleggen');
    expect(await target.inputValue()).not.toBe('');
    expect(await page.getByLabel(/Advies of toelichting/).inputValue()).toBe(
      'Het gezin is verhuisd naar Goes; school en moeder weten van de overdracht.',
    );
    expect(
      await env.t.db.query(`SELECT id FROM signal_triage_decisions WHERE region_id = $1 AND signal_id = $2`, [walcheren, signal.id]),
    ).toEqual([]);
    expect(await env.t.db.query(`SELECT id FROM handovers WHERE region_id = $1 AND signal_id = $2`, [walcheren, signal.id])).toEqual([]);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await confirmSignalHandover(page, confirm);
    await expect.poll(() => page.getByText('De overdracht aan Team Jeugd Goes in regio De Bevelanden is verstuurd.').count()).toBe(1);
    await expect.poll(() => page.getByText('Team Jeugd Goes (regio De Bevelanden)').count()).toBe(1);
    await expectAccessible(page, 'melding overgedragen aan een andere regio');
    const [d] = await env.t.db.query<{ target_region_id: string }>(
      `SELECT target_region_id FROM signal_triage_decisions WHERE region_id = $1 AND signal_id = $2`,
      [walcheren, signal.id],
    );
    expect(d).toEqual({ target_region_id: bevelanden });
    const [h] = await env.t.db.query<{ to_region_id: string; status: string }>(
      `SELECT to_region_id, status FROM handovers WHERE region_id = $1 AND signal_id = $2`,
      [walcheren, signal.id],
    );
    expect(h).toEqual({ to_region_id: bevelanden, status: 'pending' });
    // English
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByText('Team Jeugd Goes (region De Bevelanden)').count()).toBe(1);
  });

  it('the professional in Goes sees it incoming from Walcheren, with the package', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, goesPro.username, PASSWORD);
    await page.getByRole('link', { name: 'Overdrachten' }).click();
    const row = page.getByRole('row', { name: new RegExp(`Melding ${signal.reference}`) });
    await expect.poll(() => row.getByText('regio Walcheren').count()).toBe(1);
    await expectAccessible(page, 'overdrachten met een melding uit een andere regio');
    await row.getByRole('link', { name: `Melding ${signal.reference}` }).click();
    await page.getByRole('heading', { name: `Melding ${signal.reference}`, level: 1 }).waitFor();
    await expect.poll(() => page.locator('.regie-lead').textContent()).toContain('Veilig Thuis Zeeland (regio Walcheren)');
    await expect
      .poll(() => page.getByText('Het gezin is verhuisd naar Goes; school en moeder weten van de overdracht.').count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('button', { name: 'Aanvaarden' }).count()).toBe(1);
    await expectAccessible(page, 'melding uit een andere regio (ontvanger)');
    await screenshot(page, 'triage-overdracht-regio-ontvanger');
  });
});
