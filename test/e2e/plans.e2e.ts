// Journey: the coordinator drafts the family's plan, proposes it, records the parent's agreement
// given in a conversation, and finds the PDF link; the family page shows the plan at a glance.
// Forms are filled and submitted from the keyboard; every screen passes axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { addDays, dutchToday } from '../../src/platform/time/working-days.js';
import { saveCouncil, saveCouncilOutcome } from '../../src/modules/safety/safety.service.js';
import { CouncilBody, OutcomeBody } from '../../src/modules/safety/safety.contract.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';
let env: Env;
let coord: TestUser;
let familyId: string;
let caseId: string;
const dutch = (iso: string) => iso.split('-').reverse().join('-');

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Wijkteam Noord');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  ({ id: familyId, caseId } = await registerFamily(
    env.t.db,
    coord.actor,
    RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Visser', children: 0 })),
  ));
  // The family network council was offered and declined: the plan may be proposed (the safety module's rule).
  const today = dutchToday();
  await saveCouncil(
    env.t.db,
    coord.actor,
    caseId,
    CouncilBody.parse({
      offeredOn: today,
      answer: 'declined',
      declinedReason: 'Het gezin wil eerst zelf verder.',
      answeredOn: today,
      metOn: null,
      safetyReason: null,
    }),
  );
});
afterAll(async () => {
  await env?.close();
});

describe('journey: a plan from draft to agreement', () => {
  it('drafts, proposes, records the agreement and offers the PDF; the family page shows it', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    await page.getByRole('heading', { name: 'Plan', level: 2 }).waitFor();
    await expect.poll(() => page.getByText('Nog geen plan.').count()).toBe(1);
    await page.getByRole('link', { name: 'Naar het plan' }).click();
    await page.getByRole('heading', { name: 'Plan van Gezin Visser', level: 1 }).waitFor();
    await expectAccessible(page, 'plan (leeg)');
    await page.getByRole('button', { name: 'Concept starten' }).click();
    await page.getByRole('heading', { name: 'Concept: Versie 1', level: 2 }).waitFor();

    // a goal, from the keyboard: open the disclosure, fill, submit with Enter
    await page.locator('summary', { hasText: 'Doel toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Levensdomein').selectOption({ label: 'Financiën' });
    await page.getByLabel('Omschrijving').first().fill('Schulden in beeld en een betalingsregeling');
    await page.getByLabel('Streefscore (1–5)').fill('7');
    await page.getByLabel('Streefscore (1–5)').press('Enter');
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'plan concept (fout)');
    await page.getByLabel('Streefscore (1–5)').fill('3');
    await page.getByLabel('Streefscore (1–5)').press('Enter');
    await page.getByRole('cell', { name: 'Schulden in beeld en een betalingsregeling', exact: true }).waitFor();

    // an action owned by the parent, due in two weeks
    await page.locator('summary', { hasText: 'Actie toevoegen' }).click();
    await page.getByLabel('Omschrijving').last().fill('Afspraak maken bij de schuldhulp');
    await page.getByLabel('Soort eigenaar').selectOption({ label: 'Gezinslid' });
    await page.getByLabel('Gezinslid').selectOption({ label: 'Anna Visser' });
    await page.getByLabel('Uiterlijk').fill(dutch(addDays(dutchToday(), 14)));
    await page.getByRole('button', { name: 'Actie toevoegen' }).click();
    await page.getByRole('cell', { name: 'Afspraak maken bij de schuldhulp', exact: true }).waitFor();
    await expectAccessible(page, 'plan concept');

    await page.getByRole('button', { name: 'Voorleggen aan het gezin en de organisaties' }).click();
    await page.getByRole('heading', { name: /Huidige versie: Versie 1 — voorgelegd/, level: 2 }).waitFor();
    await expect.poll(() => page.getByText('wacht op antwoord').count()).toBe(1);
    // The proposed version shows the safety plan kept with it (here: none was recorded).
    expect(await page.getByRole('heading', { name: 'Veiligheidsplan bij deze versie', level: 3 }).count()).toBe(1);
    expect(await page.getByText('Er was geen veiligheidsplan vastgelegd toen deze versie werd voorgelegd.').count()).toBe(1);
    await page.locator('summary', { hasText: 'Antwoord van Anna Visser' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Hoe').selectOption({ label: 'in een gesprek' });
    await expectAccessible(page, 'plan voorgelegd');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: /Huidige versie: Versie 1 — akkoord/, level: 2 }).waitFor();
    const pdf = page.getByRole('link', { name: 'PDF van het plan (versie 1)' });
    await pdf.waitFor();
    expect(await pdf.getAttribute('href')).toMatch(/^\/api\/v1\/plan-versions\/[0-9a-f-]+\/pdf$/);
    await expectAccessible(page, 'plan akkoord');
    await screenshot(page, 'plan-akkoord');

    // Progress without a new version: the agreed version stays as it is, the action's stand changes.
    const progress = page.locator('details', { hasText: 'Voortgang: Afspraak maken bij de schuldhulp' });
    await progress.locator('summary').click();
    await progress.getByLabel('Stand').selectOption({ label: 'niet gedaan' });
    await progress.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.regie-error-summary')?.textContent ?? ''))
      .toContain('Schrijf op waarom de actie niet is gedaan.');
    await expectAccessible(page, 'plan voortgang (fout)');
    await progress.getByLabel('Stand').selectOption({ label: 'gedaan' });
    await progress.getByRole('button', { name: 'Voortgang opslaan' }).click();
    await expect.poll(() => page.getByRole('cell', { name: /^gedaan — bijgewerkt/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: /Huidige versie: Versie 1 — akkoord/, level: 2 }).count()).toBe(1);
    await expectAccessible(page, 'plan voortgang');

    await page.getByRole('link', { name: 'Naar het gezin' }).click();
    await page.getByRole('heading', { name: 'Gezin Visser', level: 1 }).waitFor();
    await expect.poll(() => page.getByText(/Akkoord op versie 1/).count()).toBe(1);
    await expect.poll(() => page.getByText(/Akkoord gegeven door: Anna Visser/).count()).toBe(1);
    await expectAccessible(page, 'gezin met plan');
    expect(caseId).toBeTruthy();
  });
});

describe("journey: the network council's plan into the draft", () => {
  it("copies the family's goals (a life domain each) and the network's actions into the draft", async () => {
    const today = dutchToday();
    const { id: famId, caseId: cId } = await registerFamily(
      env.t.db,
      coord.actor,
      RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Bakker', children: 0 })),
    );
    const council = await saveCouncil(
      env.t.db,
      coord.actor,
      cId,
      CouncilBody.parse({
        offeredOn: today,
        answer: 'accepted',
        declinedReason: null,
        answeredOn: today,
        metOn: today,
        safetyReason: null,
      }),
    );
    const [oma] = await env.t.db.query<{ id: string }>(`SELECT id FROM network_members WHERE family_id = $1`, [famId]);
    await saveCouncilOutcome(
      env.t.db,
      coord.actor,
      cId,
      OutcomeBody.parse({
        goals: ['Wij willen weer samen eten'],
        actions: [{ what: 'Oma kookt op vrijdag', networkMemberId: oma!.id, dueOn: addDays(today, 10) }],
        version: council.council.version,
      }),
    );

    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/plannen/${cId}`);
    await page.getByRole('button', { name: 'Concept starten' }).click();
    await page.getByRole('heading', { name: 'Concept: Versie 1', level: 2 }).waitFor();
    await page.locator('summary', { hasText: 'Plan van het familienetwerkberaad overnemen' }).click();
    await expect.poll(() => page.getByText(/Oma kookt op vrijdag — Oma Jansen/).count()).toBe(1);
    // Without a domain the server names the field; with one, goal and action land in the draft.
    await page.getByRole('button', { name: 'Overnemen in het concept' }).click();
    await expect.poll(() => page.locator('.utrecht-form-field-error-message').count()).toBeGreaterThan(0);
    await page.getByLabel('Levensdomein bij “Wij willen weer samen eten”').selectOption({ label: 'Huiselijke relaties' });
    await page.getByRole('button', { name: 'Overnemen in het concept' }).click();
    await expect.poll(() => page.getByText('Overgenomen in het concept: 1 doel en 1 actie.').count()).toBe(1);
    await expect.poll(() => page.getByText('Wij willen weer samen eten').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: 'Oma kookt op vrijdag', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'plan concept met het plan van het beraad');
  });
});
