// Journey: the coordinator records the safety assessment (with a 0–10 scaling per party), a
// safety plan agreement owned by the family's informal network, and the offer of the family
// network council — on the family page, keyboard first, with axe on each state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { dutchToday } from '../../src/platform/time/working-days.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';

let env: Env;
let coord: TestUser;
let familyId: string;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Team Jeugd Middelburg');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  ({ id: familyId } = await registerFamily(
    env.t.db,
    coord.actor,
    RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Bakker', children: 2, legalBasis: 'consent' })),
  ));
});
afterAll(async () => {
  await env?.close();
});

describe('journey: safety and the family network council on the family page', () => {
  it('records the safety assessment, a safety plan agreement and the council offer', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${familyId}`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Veiligheid en familienetwerkberaad', level: 2 }) });
    await section.waitFor();
    await expect.poll(() => section.getByText('Veiligheidstaxatie niet verplicht').count()).toBe(1);
    await expect.poll(() => section.getByText('Nog niet aangeboden').count()).toBe(1);
    await expectAccessible(page, 'gezin: veiligheid (leeg)');

    // The assessment, by keyboard: open the disclosure, fill, submit with Enter.
    const summary = section.getByText('Veiligheidstaxatie vastleggen');
    await summary.focus();
    await page.keyboard.press('Enter');
    await section.getByLabel('Gevaren (in gewone woorden)').fill('Ruzies met geschreeuw waar de kinderen bij zijn.');
    await section.getByLabel('Wat gaat goed').fill('Oma is elke dag betrokken.');
    await section.getByLabel('Veiligheidsdoelen').fill('Geen geschreeuw waar de kinderen bij zijn.');
    await section.getByLabel('Score van Anna Bakker').fill('11');
    await section.getByLabel('Besluit').selectOption({ label: 'Voorwaardelijk veilig' });
    await section.getByRole('button', { name: 'Opslaan' }).first().press('Enter');
    // a score outside 0–10 comes back at its field, in Dutch
    await expect
      .poll(() => section.locator('.utrecht-form-field-error-message').allTextContents())
      .toContain('Een schaalscore ligt tussen 0 en 10.');
    await expectAccessible(page, 'veiligheidstaxatie (fout)');
    await section.getByLabel('Score van Anna Bakker').fill('4');
    await section.getByLabel('Score van Team Jeugd Middelburg').fill('5');
    await section.getByRole('button', { name: 'Opslaan' }).first().press('Enter');
    await expect.poll(() => section.locator('.regie-badge').allTextContents()).toContain('Voorwaardelijk veilig');
    await expect.poll(() => section.getByRole('cell', { name: '4 / 10' }).count()).toBe(1);

    // A safety plan agreement owned by a member of the informal network.
    await section.getByText('Afspraak toevoegen').click();
    await section.getByLabel('Wat wordt afgesproken').fill('Oma haalt de kinderen op als er thuis ruzie is.');
    await section.getByLabel('Wie doet het').selectOption({ label: 'Oma Jansen (netwerk)' });
    await section.getByLabel('Hoe wordt het gecontroleerd').fill('De regisseur belt oma elke vrijdag.');
    await section.getByLabel('Hoe wordt het gecontroleerd').press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByRole('cell', { name: 'Oma Jansen (netwerk)' }).count()).toBe(1);
    // A second one, removed again with its own button.
    await section.getByLabel('Wat wordt afgesproken').fill('Buurvrouw belt bij lawaai.');
    await section.getByLabel('Wie doet het').selectOption({ label: 'Oma Jansen (netwerk)' });
    await section.getByLabel('Hoe wordt het gecontroleerd').fill('Navragen bij het huisbezoek.');
    await section.getByLabel('Hoe wordt het gecontroleerd').press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByRole('cell', { name: 'Oma Jansen (netwerk)' }).count()).toBe(2);
    await section.getByRole('button', { name: 'Afspraak verwijderen: Buurvrouw belt bij lawaai.' }).click();
    await expect.poll(() => section.getByRole('cell', { name: 'Buurvrouw belt bij lawaai.' }).count()).toBe(0);
    await expect.poll(() => section.getByRole('cell', { name: 'Oma Jansen (netwerk)' }).count()).toBe(1);

    // The council offered today.
    await section.getByText('Familienetwerkberaad vastleggen').click();
    const [y, m, d] = dutchToday().split('-');
    await section.getByLabel('Aangeboden op').fill(`${d}-${m}-${y}`);
    await section.getByLabel('Veiligheidsreden om het plan eerder voor te stellen (optioneel)').press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getByText('Aangeboden, wacht op antwoord').count()).toBe(1);
    await expectAccessible(page, 'gezin: veiligheid (vastgelegd)');
    await screenshot(page, 'veiligheid-en-fnb');
  });
});
