import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { household } from '../../src/modules/refindex/refindex.int-support.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env, fillBirthDate } from './support.js';

let env: Env;
let school: TestUser;
let ggz: TestUser;
let bsn: string;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Middelburg');
  const coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  school = await createUser(env.t.db, region, await createOrganisation(env.t.db, region, 'school', 'Scalda'), ['professional']);
  ggz = await createUser(env.t.db, region, await createOrganisation(env.t.db, region, 'mental_health', 'Emergis'), ['professional']);
  bsn = (await household(env.t.db, coord.actor, { children: 1, familyName: 'Dekker' })).bsns[0]!;
});
afterAll(async () => {
  await env?.close();
});

async function openRefIndex(user: TestUser) {
  const page = await newPage(env);
  await loginAndWait(page, env, user.username, PASSWORD);
  await page.getByRole('link', { name: 'Verwijsindex' }).click();
  await page.getByRole('heading', { name: 'Verwijsindex', level: 1 }).waitFor();
  return page;
}

async function registerInForm(page: Awaited<ReturnType<typeof openRefIndex>>, contact: { name: string; phone?: string; email?: string }) {
  await page.getByLabel('BSN van de jongere').fill(bsn);
  await fillBirthDate(page, 'Geboortedatum van de jongere', '2010-01-11');
  await page.getByLabel('Grondslag').selectOption('statutory_task');
  await page.getByLabel('Contactpersoon', { exact: true }).fill(contact.name);
  if (contact.phone) await page.getByLabel('Telefoonnummer').fill(contact.phone);
  if (contact.email) await page.getByLabel('E-mailadres').fill(contact.email);
  await page.getByRole('button', { name: 'Registreren', exact: true }).click();
}

describe('journey: two organisations register the same young person in the reference index', () => {
  it('the school registers (a wrong BSN first), sees no match yet and its registration in the list', async () => {
    const page = await openRefIndex(school);
    await expect.poll(() => page.getByText('Uw organisatie heeft geen lopende matches.').count()).toBe(1);
    await expectAccessible(page, 'verwijsindex leeg');
    await page.getByLabel('BSN van de jongere').fill('123456789');
    await page.getByRole('button', { name: 'Registreren', exact: true }).click();
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').first().textContent()).toContain('elfproef');
    await expectAccessible(page, 'verwijsindex met fouten');
    await registerInForm(page, { name: 'Sanne de Wit', phone: '0118-123456' });
    await expect.poll(() => page.getByText('Geregistreerd. Er is geen match.').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: `BSN ${bsn}`, exact: true }).count()).toBe(1);
  });

  it("the mental-health worker registers the same person and sees the match with the school's contact details, overdue in red", async () => {
    const page = await openRefIndex(ggz);
    await registerInForm(page, { name: 'Pieter Jansen', email: 'pieter@emergis.example' });
    await expect.poll(() => page.getByText('Er is 1 nieuwe match').count()).toBe(1);
    await page.getByRole('heading', { name: new RegExp(`Cliëntmatch over BSN ${bsn}`) }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Sanne de Wit' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: '0118-123456' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/Kies uiterlijk .* een matchcoördinator/).count()).toBe(1);
    await expectAccessible(page, 'verwijsindex met match');
    await screenshot(page, 'verwijsindex-match');

    // Ten working days later without a coordinator: the deadline shows in red, and in words.
    await env.t.db.query(`UPDATE refindex_matches SET due_on = current_date - 1`);
    await page.reload();
    const overdue = page.locator('.regie-overdue', { hasText: 'Te laat' });
    await expect.poll(() => overdue.count()).toBe(1);
    await expectAccessible(page, 'verwijsindex te laat');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reference index', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'I will be match coordinator' }).count()).toBe(1);
    await expectAccessible(page, 'reference index (English)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('the school accepts to be match coordinator; the other organisation sees it and can no longer accept', async () => {
    const page = await openRefIndex(school);
    await expect.poll(() => page.getByRole('cell', { name: 'Pieter Jansen' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'pieter@emergis.example' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Ik word matchcoördinator' }).click();
    await expect.poll(() => page.getByText('U bent nu matchcoördinator van deze match.').count()).toBe(1);
    await expect.poll(() => page.getByText(/Matchcoördinator: Scalda/).count()).toBe(1);
    await expectAccessible(page, 'verwijsindex matchcoördinator');

    const other = await openRefIndex(ggz);
    await expect.poll(() => other.getByText(/Matchcoördinator: Scalda/).count()).toBe(1);
    expect(await other.getByRole('button', { name: 'Ik word matchcoördinator' }).count()).toBe(0);
    expect(await other.locator('.regie-overdue').count()).toBe(0);
  });

  it('the school ends its registration after confirming; the match closes', async () => {
    const page = await openRefIndex(school);
    await page.getByRole('button', { name: `Registratie van BSN ${bsn} beëindigen` }).click();
    await page.getByRole('button', { name: 'Ja, beëindigen' }).click();
    await expect.poll(() => page.getByText(`De registratie van BSN ${bsn} is beëindigd.`).count()).toBe(1);
    await expect.poll(() => page.getByText('Uw organisatie heeft geen lopende matches.').count()).toBe(1);
    await page.getByLabel('Toon ook beëindigde registraties').check();
    await expect.poll(() => page.getByRole('cell', { name: 'beëindigd' }).count()).toBe(1);
    await expectAccessible(page, 'verwijsindex beëindigd');
  });
});
