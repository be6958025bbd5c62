import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';
import { sendCaseHandover } from './handovers.support.js';

let env: Env;
let vtCoord: TestUser;
let teamCoord: TestUser;
let teamLead: TestUser;
let familyId: string;
let caseId: string;
const nameOf = (u: TestUser) => `Prof ${u.username.slice(2, 8)}`;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const vt = await createOrganisation(env.t.db, region, 'veilig_thuis', 'Veilig Thuis Zeeland');
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Team Jeugd Middelburg');
  await createOrganisation(env.t.db, region, 'gp_practice', 'Huisartsenpraktijk De Abdij');
  vtCoord = await createUser(env.t.db, region, vt, ['professional', 'coordinator']);
  teamCoord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  teamLead = await createUser(env.t.db, region, team, ['professional', 'team_lead']);
  ({ id: familyId, caseId } = await registerFamily(
    env.t.db,
    vtCoord.actor,
    RegisterFamilyBody.parse(familyBody(vtCoord.actor.userId, { familyName: 'Bakker', children: 2, legalBasis: 'safety' })),
  ));
});
afterAll(async () => {
  await env?.close();
});

describe('journey: Veilig Thuis hands a case to the municipal team, which accepts with a coordinator', () => {
  let handoverUrl = '';

  it('Veilig Thuis sends the case with its information package and sees it waiting for an answer', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, vtCoord.username, PASSWORD);
    await page.getByRole('link', { name: 'Overdrachten' }).click();
    await page.getByRole('heading', { name: 'Overdrachten', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Geen overdrachten gevonden.').count()).toBe(1);
    await expectAccessible(page, 'overdrachten (leeg)');
    await page.getByRole('link', { name: 'Nieuwe overdracht' }).click();
    await page.getByRole('heading', { name: 'Dossier overdragen', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Dossier', { exact: true }).locator('option').count()).toBe(2);
    // a GP practice has no task to take over a case: it is not offered
    await expect
      .poll(() => page.getByLabel('Ontvangende organisatie').locator('option').allTextContents())
      .toEqual(['— kies —', 'Team Jeugd Middelburg (gemeentelijk team)']);
    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Gezin Bakker' });
    await page.getByLabel('Ontvangende organisatie').selectOption({ label: 'Team Jeugd Middelburg (gemeentelijk team)' });
    await expect.poll(() => page.getByRole('checkbox', { checked: true }).count()).toBe(3);
    await page.getByRole('button', { name: 'Overdracht versturen' }).click();
    // missing fields come back per field, in Dutch
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'overdracht versturen (fouten)');
    await sendCaseHandover(page, 'Het gezin verhuist naar Middelburg; Team Jeugd neemt de regie over.', 'Gezin Bakker');
    await expect.poll(() => page.getByText('wacht op antwoord').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('Uw organisatie blijft verantwoordelijk tot de ontvanger aanvaardt.').count()).toBe(1);
    handoverUrl = new URL(page.url()).pathname;
    await expectAccessible(page, 'overdracht (afzender)');
    await screenshot(page, 'overdracht-afzender');
  });

  it('the team lead of the receiving team sees it incoming, accepts with a nominee, and the family page shows the new coordinator', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, teamLead.username, PASSWORD);
    await page.goto(`${env.base}/overdrachten?direction=incoming`);
    await expect.poll(() => page.getByRole('link', { name: 'Gezin Bakker' }).count()).toBe(1);
    await expect.poll(() => page.getByText(/nog \d werkdag/).count()).toBe(1);
    await expectAccessible(page, 'overdrachten (ontvanger)');
    await page.getByRole('link', { name: 'Gezin Bakker' }).click();
    await page.getByRole('heading', { name: 'Informatiepakket' }).waitFor();
    await expect.poll(() => page.getByText('Onderzoek Veilig Thuis afgerond; hulp van jeugdhulp loopt.').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'Anna Bakker' }).count()).toBe(1);
    await expectAccessible(page, 'overdracht (ontvanger)');
    await screenshot(page, 'overdracht-ontvanger');
    await page.getByLabel('Regisseur bij uw organisatie').selectOption({ label: nameOf(teamCoord) });
    await page.getByRole('button', { name: 'Aanvaarden' }).click();
    await expect.poll(() => page.getByText(`${nameOf(teamCoord)} is nu de regisseur`).count()).toBe(1);
    await expect.poll(() => page.getByText('aanvaard', { exact: true }).count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Naar het gezin' }).click();
    await page.getByRole('heading', { name: 'Gezin Bakker', level: 1 }).waitFor();
    await expect.poll(() => page.locator('.regie-lead').textContent()).toContain(nameOf(teamCoord));
    await expect.poll(() => page.locator('.regie-lead').textContent()).toContain('Team Jeugd Middelburg');
    await expectAccessible(page, 'gezinspagina na overdracht');
  });

  it('the sender sees the answer; the lead-time screen shows the intervals per case and per organisation', async () => {
    const sender = await newPage(env);
    await loginAndWait(sender, env, vtCoord.username, PASSWORD);
    await sender.goto(`${env.base}${handoverUrl}`);
    await expect.poll(() => sender.getByText(nameOf(teamCoord)).count()).toBeGreaterThan(0);
    await expect.poll(() => sender.locator('.regie-badge--accepted').count()).toBe(1);

    const page = await newPage(env);
    await loginAndWait(page, env, teamCoord.username, PASSWORD);
    await page.getByRole('link', { name: 'Doorlooptijden' }).click();
    await page.getByRole('heading', { name: 'Doorlooptijden', level: 1 }).waitFor();
    // per organisation: the team's acceptance counts for the team
    const row = page.getByRole('row', { name: /overgedragen → aanvaard/ }).first();
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe('1');
    await expectAccessible(page, 'doorlooptijden');
    await page.getByLabel('Dossier', { exact: true }).selectOption({ label: 'Gezin Bakker' });
    await expect.poll(() => page.getByRole('cell', { name: 'overgedragen', exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'aanvaard', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'doorlooptijden per dossier');
    // the coordinator records first contact with the family
    await page.getByText('Moment vastleggen').click();
    await page.getByLabel('Moment', { exact: true }).selectOption({ label: 'eerste contact met het gezin' });
    await page.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'eerste contact met het gezin', exact: true }).count()).toBe(1);
    const perCase = page.getByRole('region', { name: 'Per dossier' });
    const interval = perCase.getByRole('row', { name: /aanvaard → eerste contact met het gezin/ });
    await expect.poll(() => interval.getByRole('cell').textContent()).toMatch(/^\d+(,\d)?$/);
    await expect
      .poll(() =>
        perCase
          .getByRole('row', { name: /overgedragen → aanvaard/ })
          .getByRole('cell')
          .textContent(),
      )
      .toMatch(/^\d+(,\d)?$/);
    await expectAccessible(page, 'doorlooptijden na vastleggen');
    await screenshot(page, 'doorlooptijden');
    expect(new URL(page.url()).searchParams.get('caseId')).toBe(caseId);

    // English
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Lead times', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Median (days)' }).count()).toBe(1);
    await expectAccessible(page, 'lead times (English)');
    void familyId;
  });
});
