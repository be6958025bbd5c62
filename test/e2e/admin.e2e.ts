import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { addWorkingDays, dutchToday } from '../../src/platform/time/working-days.js';
import { expectAccessible, loginAndWait, login, newPage, screenshot, startEnv, type Env } from './support.js';
import { currentTotp } from '../../src/platform/auth/totp.js';

let env: Env;
let region: string;
let admin: TestUser;
let reporter: TestUser;
let team: string;
let vt: string;
let page: Page;

beforeAll(async () => {
  env = await startEnv();
  region = await createRegion(env.t.db);
  team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Vlissingen');
  vt = await createOrganisation(env.t.db, region, 'veilig_thuis', 'Veilig Thuis Zeeland');
  await createOrganisation(env.t.db, region, 'school', 'Scalda');
  admin = await createUser(env.t.db, region, await createOrganisation(env.t.db, region, 'municipal_team', 'Gemeente Vlissingen'), [
    'functional_admin',
  ]);
  reporter = await createUser(env.t.db, region, team, ['professional']);
  page = await newPage(env);
  await loginAndWait(page, env, admin.username, PASSWORD);
});
afterAll(async () => {
  await env?.close();
});

const menu = (p: Page) => p.getByRole('navigation', { name: 'Hoofdmenu' });
const settingsRow = async () =>
  (
    await env.t.db.query<Record<string, number | string | null>>(
      `SELECT acute_working_days AS acute, high_working_days AS high, normal_working_days AS normal, front_door_organisation_id AS door, version
     FROM signal_settings WHERE region_id = $1`,
      [region],
    )
  )[0];

describe('journey: the functional administrator sets up the region', () => {
  it('starts at Beheer, and sets the triage norms and the front door (an invalid order is named at the field first)', async () => {
    await page.getByRole('heading', { name: 'Beheer', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/beheer');
    await expectAccessible(page, 'beheer start');
    await menu(page).getByRole('link', { name: 'Regio-instellingen' }).click();
    await page.getByRole('heading', { name: 'Regio-instellingen', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Het online meldformulier is gesloten voor deze regio.').count()).toBe(1);
    await expectAccessible(page, 'regio-instellingen');

    await page.getByLabel('Acuut (werkdagen)').fill('4');
    await page.getByLabel('Hoog (werkdagen)').fill('2');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const highError = page
      .locator('.utrecht-form-field--invalid', { has: page.getByLabel('Hoog (werkdagen)') })
      .locator('.utrecht-form-field-error-message');
    await expect.poll(() => highError.textContent()).toContain('mag niet korter zijn dan die voor acuut');
    await expectAccessible(page, 'regio-instellingen met fout');
    expect(await settingsRow()).toBeUndefined();

    await page.getByLabel('Acuut (werkdagen)').fill('1');
    await page.getByLabel('Hoog (werkdagen)').fill('3');
    await page.getByLabel('Normaal (werkdagen)').fill('7');
    // Only organisations that triage are offered as front door (not the school).
    const doors = await page.getByLabel('Voordeur').locator('option').allTextContents();
    expect(doors.some((o) => o.startsWith('Scalda'))).toBe(false);
    await page.getByLabel('Voordeur').selectOption({ label: 'Veilig Thuis Zeeland (Veilig Thuis)' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Opgeslagen.').count()).toBe(1);
    await expect.poll(() => page.getByText('Het online meldformulier is open. Meldingen gaan naar Veilig Thuis Zeeland.').count()).toBe(1);
    expect(await settingsRow()).toEqual({ acute: 1, high: 3, normal: 7, door: vt, version: 1 });
    await screenshot(page, 'beheer-regio');

    // A new signal gets the new norm.
    const c = await env.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: reporter.username, password: PASSWORD },
    });
    const cookie = `regie_sid=${c.cookies.find((k) => k.name === 'regie_sid')!.value}`;
    const today = dutchToday();
    const signal = await env.app.inject({
      method: 'POST',
      url: '/api/v1/signals',
      headers: { cookie, 'x-csrf-token': c.json().csrfToken },
      payload: {
        receivingOrganisationId: team,
        source: 'professional',
        whatSeen: 'Kinderen staan vaak alleen buiten, ook als het donker is.',
        safetyAtStake: false,
        urgency: 'normal',
        subjectDescription: 'Gezin op de hoek',
      },
    });
    expect(signal.statusCode).toBe(201);
    if (dutchToday() === today) expect(signal.json().triageDueOn).toBe(addWorkingDays(today, 7));
  });

  it('keeps the input when someone else saved in the meantime, and merges it with the latest version', async () => {
    // Another administrator raises "high" to 4 while this form still shows version 1.
    await env.t.db.query(`UPDATE signal_settings SET high_working_days = 4, version = version + 1 WHERE region_id = $1`, [region]);
    await page.getByLabel('Normaal (werkdagen)').fill('8');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText(/Iemand anders heeft de regio-instellingen intussen gewijzigd/).count()).toBe(1);
    expect(await page.getByLabel('Normaal (werkdagen)').inputValue()).toBe('8');
    await expectAccessible(page, 'regio-instellingen 409');
    await page.getByRole('button', { name: 'Nieuwste versie laden (uw invoer blijft staan)' }).click();
    await expect.poll(() => page.getByText(/De nieuwste versie is geladen/).count()).toBe(1);
    expect(await page.getByLabel('Hoog (werkdagen)').inputValue()).toBe('4');
    expect(await page.getByLabel('Normaal (werkdagen)').inputValue()).toBe('8');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Opgeslagen.').count()).toBe(1);
    expect(await settingsRow()).toEqual({ acute: 1, high: 4, normal: 8, door: vt, version: 3 });
  });

  it('creates a professional, whose first login asks to link an authenticator app and then to replace the one-time password', async () => {
    await menu(page).getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('heading', { name: 'Accounts', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: /^Prof / }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'accounts');
    const form = page.getByRole('region', { name: 'Account aanmaken' });
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    await expect.poll(() => form.locator('.utrecht-form-field-error-message').count()).toBeGreaterThan(0);
    await form.getByLabel('Organisatie').selectOption({ label: 'Sociaal Team Vlissingen' });
    await form.getByLabel('Naam', { exact: true }).fill('Noor de Bruijn');
    const username = `n.debruijn.${Date.now()}`;
    await form.getByLabel('Gebruikersnaam').fill(username);
    await form.getByLabel('E-mailadres (optioneel)').fill('n.debruijn@example.nl');
    await form.getByRole('checkbox', { name: 'regisseur' }).check();
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    await expect.poll(() => form.getByText(`Account ${username} is aangemaakt voor Noor de Bruijn.`).count()).toBe(1);
    const password = (await form.locator('code').textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await expect.poll(() => page.getByRole('cell', { name: /^Noor de Bruijn/ }).count()).toBe(1);
    await expectAccessible(page, 'account aangemaakt');
    await screenshot(page, 'beheer-accounts');
    const [row] = await env.t.db.query<{ roles: string[]; totp_required: boolean; active: boolean }>(
      `SELECT roles, totp_required, active FROM users WHERE username = $1`,
      [username],
    );
    expect(row).toEqual({ roles: ['professional', 'coordinator'], totp_required: true, active: true });

    const newcomer = await newPage(env);
    await login(newcomer, env, username, password);
    await newcomer.getByRole('heading', { name: 'Authenticator-app koppelen' }).waitFor();
    const secret = (await newcomer.getByTestId('totp-secret').textContent())!.trim();
    await newcomer.getByLabel(/Code uit uw authenticator-app/).fill(await currentTotp(secret));
    await newcomer.getByRole('button', { name: 'Bevestigen' }).click();
    // The one-time password works once: nothing opens before a new one is chosen.
    await newcomer.getByRole('heading', { name: 'Kies een eigen wachtwoord' }).waitFor();
    await expectAccessible(newcomer, 'eigen wachtwoord kiezen');
    await newcomer.getByLabel('Nieuw wachtwoord', { exact: true }).fill('wachtwoord');
    await newcomer.getByLabel('Nieuw wachtwoord nog een keer').fill('wachtwoord');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect.poll(() => newcomer.getByText(/minstens 12 tekens/).count()).toBeGreaterThan(0);
    await newcomer.getByLabel('Nieuw wachtwoord', { exact: true }).fill('paars fietsje onder de brug');
    await newcomer.getByLabel('Nieuw wachtwoord nog een keer').fill('paars fietsje onder de brug');
    await newcomer.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await newcomer.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
    await newcomer.context().close();
  });

  it('shows the access rules: every role with what it may do', async () => {
    await menu(page).getByRole('link', { name: 'Toegangsregels' }).click();
    await page.getByRole('heading', { name: 'Toegangsregels', level: 1 }).waitFor();
    for (const role of [
      'Professional',
      'Regisseur',
      'Teamleider',
      'Gedragswetenschapper',
      'Privacy officer',
      'Functioneel beheerder',
      'Inspecteur',
    ])
      await page.getByRole('heading', { name: role, level: 2 }).waitFor();
    const adminRules = page.getByRole('list', { name: 'Functioneel beheerder' });
    await expect.poll(() => adminRules.getByText('Accounts aanmaken, rollen wijzigen en accounts blokkeren of vrijgeven').count()).toBe(1);
    await expect.poll(() => adminRules.getByText('Een gezin en zijn dossier inzien').count()).toBe(0);
    await expect.poll(() => page.getByRole('list', { name: 'Professional' }).getByText('Een gezin en zijn dossier inzien').count()).toBe(1);
    await expectAccessible(page, 'toegangsregels');
    await screenshot(page, 'beheer-toegangsregels');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Access rules', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Functional administrator', level: 2 }).waitFor();
    await expectAccessible(page, 'access rules (English)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it("sets the plan rules: a team lead's approval, and the network council's working days (an empty number is named; a stale save shows the latest)", async () => {
    await page.goto(`${env.base}/beheer`);
    await page.getByRole('link', { name: 'Plan en familienetwerkberaad' }).click();
    await page.getByRole('heading', { name: 'Plan en familienetwerkberaad', level: 1 }).waitFor();
    await expectAccessible(page, 'plan rules');
    const approval = page.locator('section[aria-labelledby="approval-title"]');
    await approval.getByLabel(/^Ja: een teamleider keurt/).check();
    await approval.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => approval.getByRole('status').innerText()).toBe('Opgeslagen.');
    expect(
      (
        await env.t.db.query<{ team_lead_approval: boolean }>(`SELECT team_lead_approval FROM plan_settings WHERE region_id = $1`, [region])
      )[0]?.team_lead_approval,
    ).toBe(true);

    const days = page.getByLabel('Aantal werkdagen na het openen van een dossier');
    await expect.poll(() => days.inputValue()).toBe('10');
    await days.fill('');
    await days.press('Enter');
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'plan rules (error)');
    // Someone else saves 12 in the meantime: this save is refused and the form shows 12.
    const [row] = await env.t.db.query<{ version: number }>(
      `INSERT INTO council_settings (region_id, working_days, version) VALUES ($1, 12, 2)
       ON CONFLICT (region_id) DO UPDATE SET working_days = 12, version = council_settings.version + 1 RETURNING version`,
      [region],
    );
    await days.fill('15');
    await days.press('Enter');
    await expect.poll(() => days.inputValue()).toBe('12');
    await expect.poll(() => page.getByText('Iemand anders heeft dit intussen gewijzigd', { exact: false }).count()).toBe(1);
    await days.fill('15');
    await days.press('Enter');
    await expect
      .poll(
        async () =>
          (
            await env.t.db.query<{ working_days: number; version: number }>(
              `SELECT working_days, version FROM council_settings WHERE region_id = $1`,
              [region],
            )
          )[0],
      )
      .toEqual({ working_days: 15, version: (row?.version ?? 0) + 1 });
  });
});
