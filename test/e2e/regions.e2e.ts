// Journey: the installation's administrator creates a region in the web app and sees the first
// functional administrator's one-time password once; that administrator's first login goes
// straight to linking an authenticator app. A functional administrator who is not the
// installation's administrator is told how the right is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { setInstallationAdmin } from '../../src/modules/regions/regions.service.js';
import { expectAccessible, login, loginAndWait, newPage, startEnv, type Env } from './support.js';

let env: Env;
let installer: TestUser;
let admin: TestUser;
let page: Page;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const gem = await createOrganisation(env.t.db, region, 'municipal_team', 'Gemeente Vlissingen');
  installer = await createUser(env.t.db, region, gem, ['functional_admin']);
  admin = await createUser(env.t.db, region, gem, ['functional_admin']);
  await setInstallationAdmin(env.t.db, installer.username, true);
  page = await newPage(env);
  await loginAndWait(page, env, installer.username, PASSWORD);
});
afterAll(async () => {
  await env?.close();
});

describe('journey: the installation administrator creates a region', () => {
  it('names an invalid field, then creates the region and shows the one-time password once', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: "Regio's (installatie)" }).click();
    await page.getByRole('heading', { name: "Regio's van de installatie", level: 1 }).waitFor();
    await expectAccessible(page, "regio's");
    const code = `zvl-${Date.now().toString(36)}`;
    await page.getByLabel('Regiocode', { exact: true }).fill('Zeeuws Vlaanderen!');
    await page.getByLabel('Naam van de regio').fill('Zeeuws-Vlaanderen');
    await page.getByLabel('Eerste organisatie').fill('Sociaal Team Terneuzen');
    await page.getByLabel('Naam van de functioneel beheerder', { exact: true }).fill('Wim de Kok');
    await page.getByLabel('Gebruikersnaam van de functioneel beheerder').fill(`beheer.${code}`);
    await page.getByRole('button', { name: 'Regio aanmaken' }).click();
    await expect.poll(() => page.getByLabel('Regiocode', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, "regio's met fout");

    await page.getByLabel('Regiocode', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Regio aanmaken' }).click();
    const password = page.locator('code.regie-admin-password');
    await password.waitFor();
    const oneTime = (await password.textContent())!;
    expect(oneTime).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await page.getByRole('cell', { name: code, exact: true }).waitFor();
    await expectAccessible(page, "regio's aangemaakt");
    // Shown once: after a reload the page no longer has it.
    await page.reload();
    await page.getByRole('cell', { name: code, exact: true }).waitFor();
    expect(await page.locator('code.regie-admin-password').count()).toBe(0);

    const first = await newPage(env);
    await login(first, env, `beheer.${code}`, oneTime);
    await first.getByRole('heading', { name: 'Authenticator-app koppelen' }).waitFor();
    await first.context().close();
  });

  it('tells a functional administrator who is not the installation administrator how the right is given', async () => {
    const other = await newPage(env);
    await loginAndWait(other, env, admin.username, PASSWORD);
    await other.goto(`${env.base}/installatie/regios`);
    await other.getByText(/Alleen een beheerder van de installatie kan regio's aanmaken/).waitFor();
    expect(await other.getByRole('button', { name: 'Regio aanmaken' }).count()).toBe(0);
    await expectAccessible(other, "regio's zonder recht");
    await other.context().close();
  });
});
