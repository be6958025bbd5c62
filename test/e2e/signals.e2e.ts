import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { createSignal } from '../../src/modules/signals/signals.service.js';
import { CreateSignalBody } from '../../src/modules/signals/signals.contract.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { oneRow } from '../../src/platform/db/rows.js';
import { addWorkingDays, dutchToday, workingDaysBetween } from '../../src/platform/time/working-days.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env, fillBirthDate } from './support.js';

let env: Env;
let member: TestUser;
let teacher: TestUser;
let region: string;
let overdueRef: string;
let knownFamilyId: string;

beforeAll(async () => {
  env = await startEnv();
  region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Wijkteam Middelburg');
  const school = await createOrganisation(env.t.db, region, 'school', 'Basisschool De Zeester');
  await env.t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, team]);
  member = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  teacher = await createUser(env.t.db, region, school, ['professional']);
  // A family the team already knows: a signal about one of its members should find it.
  knownFamilyId = (
    await registerFamily(
      env.t.db,
      member.actor,
      RegisterFamilyBody.parse({
        members: [
          { givenNames: 'Fatima', familyNamePrefix: 'el', familyName: 'Amrani', birthDate: '1990-02-03', relation: 'parent' },
          { givenNames: 'Yusuf', familyNamePrefix: 'el', familyName: 'Amrani', birthDate: '2016-09-14', relation: 'child' },
        ],
        case: { coordinatorUserId: member.actor.userId, legalBasis: 'consent' },
      }),
    )
  ).id;
  // Received three weeks ago with a deadline of five working days: overdue now.
  overdueRef = (
    await createSignal(
      env.t.db,
      teacher.actor,
      CreateSignalBody.parse({
        receivingOrganisationId: team,
        source: 'school',
        urgency: 'high',
        subjectDescription: 'Leerling groep 7',
        whatSeen: 'Vertelt dat er thuis vaak ruzie is en dat hij niet durft te slapen.',
        safetyAtStake: false,
      }),
      new Date(Date.now() - 21 * 86_400_000),
    )
  ).reference;
});
afterAll(async () => {
  await env?.close();
});

let newRef = '';

describe('journey: a signal from school to triage', () => {
  it('a teacher records a signal with concerns per life domain and the Meldcode checklist', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, teacher.username, PASSWORD);
    await page.getByRole('link', { name: 'Melding doen' }).first().click();
    await page.getByRole('heading', { name: 'Melding doen', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('option', { name: 'Wijkteam Middelburg' }).count()).toBe(1);
    await expectAccessible(page, 'melding doen');
    await page.getByLabel('Ontvangende organisatie').selectOption({ label: 'Wijkteam Middelburg' });
    await page.getByLabel('Bron van de melding').selectOption({ label: 'school' });
    await page.getByLabel('Ik heb alleen een omschrijving').check();
    await page.getByLabel(/Omschrijving van de persoon/).fill('Sanne, groep 5, woont bij moeder');
    await page
      .getByLabel('Wat heeft u gezien of gehoord?')
      .fill('Sanne komt sinds de herfstvakantie vaak zonder lunch en huilt in de klas.');
    await page.getByLabel('onderwijs (bij kinderen)').check();
    await page.getByLabel('Zorgen per leefgebied: onderwijs').fill('Veel verzuim op maandag');
    await page.getByLabel('De veiligheid van iemand is in het geding').check();
    await page.getByLabel('Stap 1: signalen in kaart brengen').check();
    await page.getByLabel(/Toelichting bij stap 2/).fill('Besproken met de intern begeleider');
    await page.getByLabel('normaal').check();
    await expectAccessible(page, 'melding doen ingevuld');
    await screenshot(page, 'melding-doen');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Melding M-\d{4}-\d{6}$/ });
    await heading.waitFor();
    newRef = (await heading.textContent())!.replace('Melding ', '');
    await expect.poll(() => page.getByText('De ontvangende organisatie beslist over deze melding').count()).toBe(1);
    await expect.poll(() => page.getByText('Stap 1: signalen in kaart brengen: gedaan').count()).toBe(1);
    await expectAccessible(page, 'melding (melder)');
  });

  it('the receiving team sees it in the triage queue with its deadline, the overdue one marked, and records a decision', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, member.username, PASSWORD);
    await page.getByRole('link', { name: 'Triage', exact: true }).click();
    await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
    const fresh = page.getByRole('row').filter({ hasText: newRef });
    const late = page.getByRole('row').filter({ hasText: overdueRef });
    await expect.poll(() => fresh.count()).toBe(1);
    // Safety at stake and the Meldcode started: Regie raised "normal" to "high" (5 working days from
    // today; on a weekend or holiday the days until then include the next working day, so count them).
    const today = dutchToday();
    const left = workingDaysBetween(today, addWorkingDays(today, 5));
    await expect.poll(() => fresh.textContent()).toMatch(new RegExp(`nog ${left} werkdagen`));
    await expect.poll(() => late.textContent()).toMatch(/te laat/);
    expect(await late.getAttribute('data-overdue')).toBe('true');
    expect(await fresh.getAttribute('data-overdue')).toBeNull();
    await expectAccessible(page, 'triagelijst');
    await screenshot(page, 'triagelijst');
    await page.getByLabel('Alleen te late meldingen').check();
    await expect.poll(() => page.getByRole('row').filter({ hasText: newRef }).count()).toBe(0);
    await expect.poll(() => page.getByRole('row').filter({ hasText: overdueRef }).count()).toBe(1);
    await page.getByLabel('Alleen te late meldingen').uncheck();

    await page.getByRole('link', { name: newRef }).click();
    await page.getByRole('heading', { name: `Melding ${newRef}` }).waitFor();
    await expect.poll(() => page.getByText('Sanne komt sinds de herfstvakantie').count()).toBe(1);
    await expectAccessible(page, 'melding (triage)');
    await page.getByLabel('zorgen', { exact: true }).check();
    await page
      .getByLabel('Onderbouwing van de inschatting')
      .fill('Verwaarlozing mogelijk; geen acuut gevaar. Moeder staat open voor hulp.');
    await page.getByLabel('alleen advies').check();
    await page.getByLabel(/Advies of toelichting/).fill('School adviseren een gesprek met moeder te voeren over de lunch.');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect.poll(() => page.getByText('Het triagebesluit is vastgelegd.').count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Triagebesluit' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);
    await expectAccessible(page, 'melding getrieerd');
    await screenshot(page, 'melding-getrieerd');

    await page.goto(
      `${env.base}/meldingen/${oneRow(await env.t.db.query<{ id: string }>(`SELECT id FROM signals WHERE reference = $1 AND region_id = $2`, [overdueRef, region]), 'overdue signal').id}`,
    );
    await expect.poll(() => page.getByText(/De termijn voor triage is verstreken/).count()).toBe(1);
    await expectAccessible(page, 'melding te laat');
  });
});

describe('journey: a signal about a person known by name and birth date', () => {
  it('suggests the person Regie already knows despite a typo and another spelling, links only after confirmation, and lands on the case', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, member.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/nieuw`);
    await page.getByRole('heading', { name: 'Melding doen', level: 1 }).waitFor();
    await page.getByLabel('Ik weet naam en geboortedatum').check();
    await page.getByLabel('Voornamen').fill('Yussuf');
    await page.getByLabel(/^Achternaam/).fill('El-Amrani');
    await fillBirthDate(page, 'Geboortedatum', '2016-09-14');
    const suggestion = page.getByText(/Mogelijk dezelfde persoon/);
    await expect.poll(() => suggestion.count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Yusuf el Amrani/);
    await expectAccessible(page, 'melding: mogelijk dezelfde persoon');
    await screenshot(page, 'melding-mogelijk-dezelfde-persoon');
    await page.getByRole('button', { name: 'Dit is dezelfde persoon' }).click();
    await expect.poll(() => page.getByText(/Gekoppeld aan de bestaande registratie van Yusuf el Amrani/).count()).toBe(1);
    await page
      .getByLabel('Wat heeft u gezien of gehoord?')
      .fill('Yusuf vertelde de buurtsportcoach dat hij thuis niet mag eten als zijn vader boos is.');
    await page.getByLabel('hoog').check();
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Melding M-\d{4}-\d{6}$/ });
    await heading.waitFor();
    const ref = (await heading.textContent())!.replace('Melding ', '');
    const row = oneRow(
      await env.t.db.query<{
        person_id: string | null;
        family_id: string | null;
        case_id: string | null;
        subject_description: string | null;
      }>(`SELECT s.person_id, s.family_id, s.case_id, s.subject_description FROM signals s WHERE s.region_id = $1 AND s.reference = $2`, [
        region,
        ref,
      ]),
      'signal',
    );
    const yusuf = oneRow(
      await env.t.db.query<{ id: string }>(`SELECT id FROM persons WHERE region_id = $1 AND given_names = 'Yusuf'`, [region]),
      'Yusuf',
    );
    expect(row.person_id).toBe(yusuf.id);
    expect(row.family_id).toBe(knownFamilyId);
    expect(row.case_id).not.toBeNull();
  });

  it('keeps name and birth date as the description when the suggestion is rejected', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, member.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/nieuw`);
    await page.getByRole('heading', { name: 'Melding doen', level: 1 }).waitFor();
    await page.getByLabel('Ik weet naam en geboortedatum').check();
    await page.getByLabel('Voornamen').fill('Fatima');
    await page.getByLabel(/^Tussenvoegsel/).fill('el');
    await page.getByLabel(/^Achternaam/).fill('Amrani');
    await fillBirthDate(page, 'Geboortedatum', '1990-02-03');
    await expect.poll(() => page.getByText(/Mogelijk dezelfde persoon/).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Niet dezelfde persoon' }).click();
    await expect.poll(() => page.getByText(/Mogelijk dezelfde persoon/).count()).toBe(0);
    await page.getByLabel('Wat heeft u gezien of gehoord?').fill('Een andere Fatima, buurvrouw zegt dat zij hulp zoekt.');
    await page.getByLabel('normaal').check();
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Melding M-\d{4}-\d{6}$/ });
    await heading.waitFor();
    const ref = (await heading.textContent())!.replace('Melding ', '');
    const row = oneRow(
      await env.t.db.query<{ person_id: string | null; subject_description: string | null }>(
        `SELECT person_id, subject_description FROM signals WHERE region_id = $1 AND reference = $2`,
        [region, ref],
      ),
      'signal',
    );
    expect(row.person_id).toBeNull();
    expect(row.subject_description).toBe('Fatima el Amrani, geboren 1990-02-03');
  });
});

describe('journey: a citizen reports a concern without an account', () => {
  it('uses the public form in plain Dutch and gets only a reference back', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/zorg-melden`);
    await page.getByRole('heading', { name: 'Zorgen over iemand melden', level: 1 }).waitFor();
    await expect.poll(() => page.getByText(`Uw melding gaat naar: Regio ${region}.`).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Uitloggen/ }).count()).toBe(0);
    await expectAccessible(page, 'zorg melden');
    await screenshot(page, 'zorg-melden');
    await page.getByLabel('Over wie maakt u zich zorgen?').fill('Het jongetje van de overburen, nummer 14');
    await page.getByLabel('Wat heeft u gezien of gehoord?').fill('Hij staat vaak ’s avonds laat alleen buiten, ook als het koud is.');
    await page.getByLabel('Ik denk dat iemand nu niet veilig is').check();
    // People take their time; the form refuses a send within 3 seconds of opening it.
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { name: 'Bedankt voor uw melding' }).waitFor();
    const text = await page.locator('main').textContent();
    const ref = /M-\d{4}-\d{6}/.exec(text ?? '')?.[0];
    expect(ref).toBeTruthy();
    expect(text).not.toContain('Wijkteam Middelburg');
    await expectAccessible(page, 'zorg melden verstuurd');
    const rows = await env.t.db.query<{ source: string; urgency: string }>(
      `SELECT source, urgency FROM signals WHERE region_id = $1 AND reference = $2`,
      [region, ref],
    );
    expect(rows).toEqual([{ source: 'anonymous', urgency: 'high' }]);
  });
});
