// Journey: the coordinator records the family's integral picture, sees it on the family page with
// both views side by side, sees the blind spots shrink as the domains get scored and the school
// joins and contributes, and reads a person's course as a table; the administrator sees the
// blind-spot rules. In Dutch, with the keyboard, every screen through axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { addTeamMember } from '../../src/modules/cases/cases.service.js';
import { expectAccessible, loginAndWait, newPage, startEnv, type Env } from './support.js';

let env: Env;
let coord: TestUser;
let teacher: TestUser;
let admin: TestUser;
let familyId: string;
let caseId: string;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Vlissingen');
  const school = await createOrganisation(env.t.db, region, 'school', 'CBS De Kring');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  teacher = await createUser(env.t.db, region, school, ['professional']);
  admin = await createUser(env.t.db, region, team, ['functional_admin']);
  ({ id: familyId, caseId } = await registerFamily(
    env.t.db,
    coord.actor,
    RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Visser', children: 1 })),
  ));
});
afterAll(async () => {
  await env?.close();
});

const blindSpots = (page: import('playwright-core').Page) => page.locator('.regie-blind-spots');

describe('journey: the integral picture and its blind spots', () => {
  it('the coordinator records a picture with the keyboard, sees it on the family page, and the blind spots shrink', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    await page.getByRole('heading', { name: 'Integraal beeld', level: 2 }).waitFor();
    await expect.poll(() => page.getByText('Nog geen integraal beeld vastgelegd.').count()).toBe(1);
    // Nobody scored: all 12 domains of the mother; the school-age child calls for the school, not on the team.
    await expect
      .poll(() =>
        blindSpots(page)
          .getByText(/Anna Visser: 12 domeinen nog niet gescoord/)
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        blindSpots(page)
          .getByText(/school: niet in het casusteam, heeft nog niet gescoord/)
          .count(),
      )
      .toBe(1);
    await expectAccessible(page, 'gezinspagina met integraal beeld (leeg)');

    const record = page.getByRole('link', { name: 'Integraal beeld vastleggen' });
    await record.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Integraal beeld vastleggen', level: 1 }).waitFor();
    await expectAccessible(page, 'integraal beeld vastleggen');
    await page.getByLabel('Score Huisvesting van Anna Visser').selectOption('2');
    await page.getByLabel('Onderbouwing Huisvesting van Anna Visser').fill('Huurachterstand; dreigende uitzetting.');
    await page.getByLabel('Score Financiën van Anna Visser').selectOption('3');
    await page.getByLabel('Onderbouwing Financiën van Anna Visser').fill('Budgetbeheer loopt.');
    await page.getByLabel('Onderbouwing Financiën van Anna Visser').press('Enter');

    await page.getByRole('heading', { name: 'Integraal beeld', level: 2 }).waitFor();
    const table = page.getByRole('table').filter({ hasText: 'Huisvesting' });
    await expect.poll(() => table.getByRole('row', { name: /Huisvesting/ }).textContent()).toContain('2');
    await expect
      .poll(() =>
        blindSpots(page)
          .getByText(/Anna Visser: 10 domeinen nog niet gescoord/)
          .count(),
      )
      .toBe(1);
    // housing ≤ 2 now calls for the housing corporation
    await expect
      .poll(() =>
        blindSpots(page)
          .getByText(/woningcorporatie: niet in het casusteam/)
          .count(),
      )
      .toBe(1);
    await expectAccessible(page, 'gezinspagina met integraal beeld');
    await page.close();
  });

  it('the school joins and scores the child: the school is on the team and contributed', async () => {
    const [c] = await env.t.db.query<{ version: number }>(`SELECT version FROM cases WHERE id = $1`, [caseId]);
    await addTeamMember(env.t.db, coord.actor, caseId, { userId: teacher.actor.userId, legalBasis: 'consent', caseVersion: c!.version });
    const page = await newPage(env);
    await loginAndWait(page, env, teacher.username, PASSWORD);
    await page.goto(`${env.base}/dossiers/${caseId}/integraal-beeld`);
    await page.getByRole('heading', { name: 'Integraal beeld vastleggen', level: 1 }).waitFor();
    await page.getByLabel('Score Onderwijs van Kind1 Visser').selectOption('4');
    await page.getByLabel('Onderbouwing Onderwijs van Kind1 Visser').fill('Gaat graag naar school.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: 'Integraal beeld', level: 2 }).waitFor();
    await expect
      .poll(() =>
        blindSpots(page)
          .getByText(/school: in het casusteam, heeft gescoord/)
          .count(),
      )
      .toBe(1);
    await page.close();
  });

  it('the course of a person: a chart with a table alternative', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    const course = page.getByRole('link', { name: 'Verloop van Anna Visser' });
    await course.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Verloop van het integraal beeld: Anna Visser/, level: 1 }).waitFor();
    const housing = page.getByRole('table', { name: 'Scores van Huisvesting over de tijd' });
    await expect.poll(() => housing.getByRole('cell').first().textContent()).toContain('2 — Huurachterstand; dreigende uitzetting.');
    await expectAccessible(page, 'verloop van een persoon');
    await page.close();
  });

  it('the administrator reads the blind-spot rules', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, admin.username, PASSWORD);
    await page.goto(`${env.base}/beheer/blinde-vlekken`);
    await page.getByRole('heading', { name: 'Regels voor blinde vlekken', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'huisvesting laag gescoord', level: 2 }).count()).toBe(1);
    await expectAccessible(page, 'regels voor blinde vlekken');
    await page.close();
  });
});
