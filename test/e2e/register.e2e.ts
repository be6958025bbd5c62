import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { expectAccessible, loginAndWait, newPage, startEnv, type Env, fillBirthDate } from './support.js';

let env: Env;
let coord: TestUser;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Middelburg');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
});
afterAll(async () => {
  await env?.close();
});

describe('journey: register a family once, with all its members', () => {
  it('shows the elfproef error at the field, keeps the draft through an expired session, and registers the family', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.getByRole('link', { name: 'Gezin registreren' }).first().click();
    await page.getByRole('heading', { name: 'Gezin registreren', level: 1 }).waitFor();
    await expectAccessible(page, 'gezin registreren');
    const parent = page.locator('fieldset').nth(0);
    await parent.getByLabel('Voornamen').fill('Fatima');
    await parent.getByLabel('Achternaam').fill('El Amrani');
    await fillBirthDate(parent, /Geboortedatum/, '1990-03-15');
    await parent.getByLabel(/BSN/).fill('123456789');
    const child = page.locator('fieldset').nth(1);
    await child.getByLabel('Voornamen').fill('Yasmina');
    await child.getByLabel('Achternaam').fill('El Amrani');
    await fillBirthDate(child, /Geboortedatum/, '2016-09-01');
    await page.getByLabel('Grondslag').selectOption({ label: 'toestemming' });
    await page.getByRole('button', { name: 'Registreren' }).click();
    await expect.poll(() => parent.getByText('Dit BSN klopt niet (elfproef).').count()).toBe(1);
    await expectAccessible(page, 'gezin registreren met fout');
    await expect.poll(() => page.getByText('Concept automatisch bewaard').count()).toBe(1);

    // The session expires on the server while the form is open: nothing typed is lost.
    await env.t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    const bsn = nextBsn();
    await parent.getByLabel(/BSN/).fill(bsn);
    // The next request notices: the "possibly the same person" check while typing, or the submit.
    await page.waitForTimeout(1500);
    if (!(await page.getByRole('dialog').isVisible())) await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('dialog').getByText('Uw sessie is verlopen').waitFor();
    await page.getByRole('dialog').getByLabel('Gebruikersnaam').fill(coord.username);
    await page.getByRole('dialog').getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('dialog').getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await parent.getByLabel('Voornamen').inputValue()).toBe('Fatima');
    expect(await parent.getByLabel(/BSN/).inputValue()).toBe(bsn);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByRole('heading', { name: 'Gezin El Amrani', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Yasmina El Amrani', exact: true }).count()).toBe(1);
    // the draft is gone after a successful registration
    await page.goto(`${env.base}/gezinnen/nieuw`);
    await page.getByRole('heading', { name: 'Gezin registreren', level: 1 }).waitFor();
    expect(await page.locator('fieldset').nth(0).getByLabel('Voornamen').inputValue()).toBe('');
  });

  it('restores an unsent draft after a reload in the same session', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/nieuw`);
    await page.locator('fieldset').nth(0).getByLabel('Voornamen').fill('Pieter');
    await expect.poll(() => page.getByText('Concept automatisch bewaard').count()).toBe(1);
    await page.reload();
    await page.getByText(/^Concept van .+ teruggezet\./).waitFor();
    expect(await page.locator('fieldset').nth(0).getByLabel('Voornamen').inputValue()).toBe('Pieter');
  });

  it('never restores a draft with personal data once its session has ended (ADR 0009)', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/nieuw`);
    await page.locator('fieldset').nth(0).getByLabel('Voornamen').fill('Geheim');
    await page.locator('fieldset').nth(0).getByLabel(/BSN/).fill('111222333');
    await expect.poll(() => page.getByText('Concept automatisch bewaard').count()).toBe(1);
    // Drafts live in this tab's sessionStorage, never in localStorage.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('regie.draft.')).length)).toBe(0);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('regie.draft.')).length)).toBeGreaterThan(0);
    // The session ends on the server (idle timeout) while the tab stays open; the next page load
    // finds no session, and logging in again starts a new one: the old draft is not restored.
    await env.t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes'`);
    await page.reload();
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/nieuw`);
    await page.getByRole('heading', { name: 'Gezin registreren', level: 1 }).waitFor();
    expect(await page.locator('fieldset').nth(0).getByLabel('Voornamen').inputValue()).toBe('');
    expect(await page.getByText(/teruggezet/).count()).toBe(0);
    expect(await page.evaluate(() => Object.values(sessionStorage).some((v) => v.includes('111222333')))).toBe(false);
    // Logging out wipes whatever the new session typed.
    await page.locator('fieldset').nth(0).getByLabel('Voornamen').fill('Nieuw');
    await expect.poll(() => page.getByText('Concept automatisch bewaard').count()).toBe(1);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/login/);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('regie.draft.')).length)).toBe(0);
  });

  it('suggests "possibly the same person" while typing, and links the existing record when confirmed', async () => {
    const existing = familyBody(coord.actor.userId, { familyName: 'Berg', withBsn: false, children: 0 });
    existing.members[0] = {
      ...existing.members[0],
      givenNames: 'Zoë',
      birthDate: '1987-06-15',
      familyNamePrefix: 'van der',
    } as unknown as (typeof existing.members)[0];
    const old = await registerFamily(env.t.db, coord.actor, RegisterFamilyBody.parse(existing));
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/nieuw`);
    const first = page.locator('fieldset').nth(0);
    await first.getByLabel('Voornamen').fill('Zoe');
    await first.getByLabel('Achternaam').fill('Berg');
    await fillBirthDate(first, /Geboortedatum/, '1987-06-15');
    await first.getByText('Mogelijk dezelfde persoon').waitFor();
    await expectAccessible(page, 'mogelijk dezelfde persoon');
    await first.getByRole('button', { name: 'Dit is dezelfde persoon' }).click();
    await first.getByText('Gekoppeld aan de bestaande registratie van Zoë van der Berg').waitFor();
    await page.locator('fieldset').nth(1).getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByLabel('Grondslag').selectOption({ label: 'toestemming' });
    await page.getByRole('button', { name: 'Registreren' }).click();
    // The family page of the new family (the form's own heading also says "Gezin").
    await page.waitForURL(/\/gezinnen\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /Gezin/, level: 1 }).waitFor();
    const rows = await env.t.db.query(
      `SELECT fm.family_id FROM family_members fm JOIN persons p ON p.id = fm.person_id WHERE p.given_names = 'Zoë'`,
    );
    expect(rows).toHaveLength(2); // one person, now in two households
    expect(rows.map((r: any) => r.family_id)).toContain(old.id);
  });
});
