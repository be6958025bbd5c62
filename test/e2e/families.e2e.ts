import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { confirmStep, expectAccessible, focused, login, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';

let env: Env;
let coord: TestUser;
let colleague: TestUser;
let outsider: TestUser;
let gpUser: TestUser;
let familyId: string;
let visserId: string;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Middelburg');
  const gp = await createOrganisation(env.t.db, region, 'gp_practice', 'Huisartsenpraktijk De Abdij');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  colleague = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  gpUser = await createUser(env.t.db, region, gp, ['professional']);
  outsider = await createUser(env.t.db, region, gp, ['professional']);
  familyId = (
    await registerFamily(
      env.t.db,
      coord.actor,
      RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Bakker', children: 2 })),
    )
  ).id;
  visserId = (
    await registerFamily(
      env.t.db,
      coord.actor,
      RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Visser', children: 1 })),
    )
  ).id;
});
afterAll(async () => {
  await env?.close();
});

describe('journey: a coordinator finds a family and works on its case team', () => {
  it('logs in, sees Mijn gezinnen with time columns, searches and opens the family page', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await expectAccessible(page, 'login');
    await login(page, env, coord.username, PASSWORD);
    await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Gezin Bakker' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Gezin Visser' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('columnheader', { name: 'Laatste activiteit' }).count()).toBe(1);
    await expectAccessible(page, 'mijn gezinnen');
    await screenshot(page, 'mijn-gezinnen');
    await page.getByLabel('Zoek op naam, BSN of geboortedatum').fill('bakk');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Gezin Visser' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Gezin Bakker' }).click();
    await page.getByRole('heading', { name: 'Gezin Bakker', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Anna Bakker', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Dossier geopend').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Casusteam' }).count()).toBe(1);
    await expectAccessible(page, 'gezinspagina');
    await screenshot(page, 'gezinspagina');
  });

  it('adds a GP to the case team, transfers the coordinator role, and ends a membership', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    await page.getByText('Professional toevoegen aan casusteam').click();
    await page
      .getByLabel('Professional', { exact: true })
      .selectOption({ label: `Prof ${gpUser.username.slice(2, 8)} — Huisartsenpraktijk De Abdij` });
    await page.getByLabel('Grondslag', { exact: true }).selectOption({ label: 'toestemming' });
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect.poll(() => page.getByRole('cell', { name: `Prof ${gpUser.username.slice(2, 8)}`, exact: true }).count()).toBe(1);
    await page.getByText('Regie overdragen').first().click();
    await page.getByLabel('Nieuwe regisseur').selectOption({ label: `Prof ${colleague.username.slice(2, 8)} — Sociaal Team Middelburg` });
    await page.getByRole('button', { name: 'Regie overdragen' }).click();
    await expect.poll(() => page.locator('.regie-lead').textContent()).toContain(`Prof ${colleague.username.slice(2, 8)}`);
    await expect.poll(() => page.getByText('Regie overgedragen aan').count()).toBeGreaterThan(0);
    // the former coordinator is now a member and can no longer manage the team
    await expect.poll(() => page.getByRole('button', { name: /Beëindigen/ }).count()).toBe(0);
    const colleaguePage = await newPage(env);
    await loginAndWait(colleaguePage, env, colleague.username, PASSWORD);
    await colleaguePage.goto(`${env.base}/gezinnen/${familyId}`);
    await colleaguePage.getByRole('button', { name: `Beëindigen: Prof ${gpUser.username.slice(2, 8)}` }).click();
    await colleaguePage.getByLabel(/Reden van beëindigen/).fill('Hulp huisarts afgerond');
    await colleaguePage.getByRole('button', { name: 'Beëindigen', exact: true }).click();
    await expect.poll(() => colleaguePage.getByText('Hulp huisarts afgerond').count()).toBeGreaterThan(0);
    await expectAccessible(colleaguePage, 'gezinspagina na wijzigingen');
  });

  it("changes a member's legal basis (a stale change keeps its choice), and adds a member from a future date", async () => {
    const name = `Prof ${coord.username.slice(2, 8)}`;
    const [a, b] = [await newPage(env), await newPage(env)];
    for (const p of [a, b]) {
      await loginAndWait(p, env, colleague.username, PASSWORD);
      await p.goto(`${env.base}/gezinnen/${familyId}`);
      await p.getByRole('button', { name: `Grondslag wijzigen: ${name}` }).click();
    }
    await a.getByLabel(`Nieuwe grondslag (${name})`).selectOption({ label: 'wettelijke taak' });
    await a.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect.poll(() => a.getByText(/Grondslag van .*: toestemming → wettelijke taak/).count()).toBeGreaterThan(0);
    // The second window still shows the old version: refused with 409, its choice kept.
    await b.getByLabel(`Nieuwe grondslag (${name})`).selectOption({ label: 'veiligheid' });
    await b.getByRole('button', { name: 'Opslaan' }).first().click();
    await expect.poll(() => b.getByText(/intussen gewijzigd/).count()).toBeGreaterThan(0);
    expect(await b.getByLabel(`Nieuwe grondslag (${name})`).inputValue()).toBe('safety');

    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await a.getByText('Professional toevoegen aan casusteam').click();
    await a
      .getByLabel('Professional', { exact: true })
      .selectOption({ label: `Prof ${outsider.username.slice(2, 8)} — Huisartsenpraktijk De Abdij` });
    await a.getByLabel('Grondslag', { exact: true }).selectOption({ label: 'toestemming' });
    await a.getByLabel(/Startdatum/).fill(inAWeek);
    await a.getByRole('button', { name: 'Opslaan' }).last().click();
    await expect.poll(() => a.getByRole('cell', { name: /^vanaf .*nog geen toegang/ }).count()).toBe(1);
    await expect.poll(() => a.getByText('Regisseur toegewezen').count()).toBeGreaterThan(0);
    await expectAccessible(a, 'gezinspagina met toekomstig teamlid');
  });

  it('shows nothing to a professional on no case team, and "not found" for the family address', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, outsider.username, PASSWORD);
    await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
    await expect.poll(() => page.getByText('U staat nog in geen enkel casusteam').count()).toBe(1);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    await expect.poll(() => page.getByText('bestaat niet of u heeft er geen toegang toe').count()).toBe(1);
    await expect.poll(() => page.getByText('Anna Bakker').count()).toBe(0);
  });

  it('two people edit the same person: the second save is refused, not silently applied, and keeps its input', async () => {
    const [a, b] = [await newPage(env), await newPage(env)];
    for (const p of [a, b]) {
      await loginAndWait(p, env, coord.username, PASSWORD);
      await p.goto(`${env.base}/gezinnen/${familyId}`);
      await p.getByRole('button', { name: 'Wijzigen: Anna Bakker' }).click();
    }
    const formA = a.getByRole('form', { name: 'Wijzigen: Anna Bakker' });
    const formB = b.getByRole('form', { name: 'Wijzigen: Anna Bakker' });
    await formA.getByLabel(/Straat/).fill('Lange Delft');
    await formA.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => a.getByRole('cell', { name: /Lange Delft/ }).count()).toBe(1);
    await formB.getByLabel(/Plaats/).fill('Vlissingen');
    await formB.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => b.getByText('Iemand anders heeft deze persoon intussen gewijzigd').count()).toBe(1);
    await expectAccessible(b, 'gelijktijdige wijziging');
    await b.getByRole('button', { name: /Nieuwste versie laden/ }).click();
    expect(await formB.getByLabel(/Plaats/).inputValue()).toBe('Vlissingen');
    await formB.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => b.getByRole('cell', { name: /Vlissingen/ }).count()).toBe(1);
  });

  it('closes a case only after confirming what happens; Back changes nothing; then says what comes next', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${visserId}`);
    await page.getByRole('heading', { name: 'Gezin Visser', level: 1 }).waitFor();
    const phase = page.locator('details').filter({ has: page.getByText('Fase wijzigen', { exact: true }) });
    await phase.getByText('Fase wijzigen', { exact: true }).click();
    await phase.getByLabel('Nieuwe fase').selectOption({ label: 'afgesloten' });
    const reason = 'Doelen bereikt; het gezin redt zich weer zelf';
    await phase.getByLabel('Reden van afsluiten').fill(reason);
    await phase.getByRole('button', { name: 'Opslaan' }).click();
    const confirm = confirmStep(page);
    await confirm.region.waitFor();
    await expect.poll(() => focused(page)).toBe('h3: Controleer en bevestig');
    expect(await confirm.lines()).toEqual([
      `Het dossier van Gezin Visser wordt afgesloten met de reden: "${reason}".`,
      'De afsluiting komt op de tijdlijn van het gezin.',
      'Het casusteam blijft het gezin zien; niemand verliest de toegang.',
      'Daarna kan het dossier alleen nog naar nazorg; voor nieuwe hulp opent u een nieuw dossier.',
      'Komt er binnen 12 maanden een melding binnen die Regie bij dit gezin herkent, dan ziet de triage die als herhaalmelding.',
    ]);
    await expectAccessible(page, 'dossier afsluiten: controleer en bevestig');
    await screenshot(page, 'dossier-afsluiten-bevestigen');
    const status = async () =>
      (await env.t.db.query<{ status: string }>(`SELECT status FROM cases WHERE family_id = $1`, [visserId])).map((c) => c.status);
    const before = await status();
    expect(before).toHaveLength(1);
    expect(before).not.toContain('closed');
    // Back: the form with the phase and reason as typed, focus on its button; the case is still open.
    await confirm.region.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => focused(page)).toBe('button: Opslaan');
    expect(await phase.getByLabel('Nieuwe fase').inputValue()).toBe('closed');
    expect(await phase.getByLabel('Reden van afsluiten').inputValue()).toBe(reason);
    expect(await status()).toEqual(before);
    // Other phase changes need no confirm step; closing does.
    await phase.getByRole('button', { name: 'Opslaan' }).click();
    await confirm.region.getByRole('button', { name: 'Ja, sluit het dossier af' }).click();
    await expect.poll(() => focused(page)).toBe('h3: Dossier afgesloten');
    await expect
      .poll(() =>
        page.getByText(`Het dossier van Gezin Visser is afgesloten met de reden: "${reason}". De afsluiting staat op de tijdlijn.`).count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText('Is nazorg afgesproken? Kies dan bij "Fase wijzigen" de fase nazorg.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Naar mijn gezinnen' }).count()).toBe(1);
    expect(await status()).toEqual(['closed']);
    await expect.poll(() => page.getByText('Dit gezin heeft geen open dossier.').count()).toBe(1);
    await expectAccessible(page, 'dossier afgesloten');
  });

  it('switches to English', async () => {
    const page = await newPage(env);
    await login(page, env, coord.username, PASSWORD);
    await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My families' }).waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'my families (en)');
  });
});
