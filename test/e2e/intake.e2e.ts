// The front door in the browser: an anonymous neighbour's worry about a family Regie does not
// know becomes a triaged signal and an open case with its coordinator, whose timeline starts at
// the worry; and "possibly the same family" by address, confirmed or rejected at triage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { PublicConcernBody } from '../../src/modules/signals/signals.contract.js';
import { issueFormToken, submitPublicConcern } from '../../src/modules/signals/public.service.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { updateCaseStatus } from '../../src/modules/cases/cases.service.js';
import { UpdateCaseBody } from '../../src/modules/cases/cases.contract.js';
import { oneRow } from '../../src/platform/db/rows.js';
import {
  confirmStep,
  expectAccessible,
  focused,
  loginAndWait,
  newPage,
  screenshot,
  startEnv,
  type Env,
  fillBirthDate,
  birthDateIn,
} from './support.js';
import { createSchoolSignal } from './triage.support.js';

let env: Env;
let region: string;
let team: string;
let triager: TestUser;
let coord: TestUser;
let teacher: TestUser;

beforeAll(async () => {
  env = await startEnv();
  region = await createRegion(env.t.db);
  team = await createOrganisation(env.t.db, region, 'municipal_team', 'Wijkteam Zuid');
  const school = await createOrganisation(env.t.db, region, 'school', 'OBS De Wilg');
  await env.t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, team]);
  triager = await createUser(env.t.db, region, team, ['professional']);
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  teacher = await createUser(env.t.db, region, school, ['professional']);
});
afterAll(async () => {
  await env?.close();
});

describe("journey: from a neighbour's worry to an open case", () => {
  let reference = '';

  it('an anonymous neighbour reports a worry with names and address through the public form', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/zorg-melden`);
    await page.getByRole('heading', { name: 'Zorgen over iemand melden', level: 1 }).waitFor();
    await page.getByLabel('Over wie maakt u zich zorgen?').fill('De moeder en het zoontje van Wilgenlaan 8');
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.getByLabel('Voornamen').fill('Ilse');
    await page.getByLabel('Achternaam').fill('Vermeer');
    await page.getByRole('button', { name: 'Nog een persoon toevoegen' }).click();
    await page.getByLabel('Voornamen').nth(1).fill('Bram');
    await page.getByLabel('Achternaam').nth(1).fill('Vermeer');
    await fillBirthDate(page, 'Geboortedatum (als u die weet)', '2019-04-02', 1);
    await page.getByLabel('Straat', { exact: true }).fill('Wilgenlaan');
    await page.getByLabel('Huisnummer').fill('8');
    await page.getByLabel('Postcode').fill('2345cd');
    await page.getByLabel('Woonplaats').fill('Zuiddorp');
    await page
      .getByLabel('Wat heeft u gezien of gehoord?')
      .fill('Het jongetje zit vaak ’s avonds alleen op de stoep en ik hoor veel geschreeuw.');
    await page.getByLabel('Ik denk dat iemand nu niet veilig is').check();
    await expectAccessible(page, 'zorg melden met personen en adres');
    await screenshot(page, 'zorg-melden-personen-adres');
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { name: 'Bedankt voor uw melding' }).waitFor();
    reference = /M-\d{4}-\d{6}/.exec((await page.locator('main').textContent()) ?? '')![0];
    const row = oneRow(
      await env.t.db.query<{ source: string; subject_persons: unknown; subject_postcode: string }>(
        `SELECT source, subject_persons, subject_postcode FROM signals WHERE region_id = $1 AND reference = $2`,
        [region, reference],
      ),
      'signal',
    );
    expect(row.source).toBe('anonymous');
    expect(row.subject_postcode).toBe('2345 CD');
    expect(JSON.stringify(row.subject_persons)).toContain('Bram');
    // The worry came in three days before triage gets to it (a fixture: the receipt moves back in time).
    await env.t.db.query(`UPDATE signals SET received_at = received_at - interval '3 days' WHERE region_id = $1 AND reference = $2`, [
      region,
      reference,
    ]);
    await env.t.db.query(
      `UPDATE lead_time_moments SET occurred_at = occurred_at - interval '3 days'
      WHERE region_id = $1 AND moment = 'received' AND signal_id = (SELECT id FROM signals WHERE region_id = $1 AND reference = $2)`,
      [region, reference],
    );
  });

  it('the front door triages it and opens a case for the new family in one step; the triager does not join the team', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, triager.username, PASSWORD);
    await page.getByRole('link', { name: 'Triage', exact: true }).click();
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Melding ${reference}` }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Wilgenlaan 8, 2345 CD Zuiddorp/);
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Bram Vermeer/);
    await page.getByLabel('zorgen', { exact: true }).check();
    await page
      .getByLabel('Onderbouwing van de inschatting')
      .fill('Kind vaak zonder toezicht, spanningen thuis; geen acuut gevaar vastgesteld.');
    await page.getByLabel('dossier openen').check();
    const newFamily = page.getByRole('group', { name: 'Nieuw gezin' });
    await newFamily.waitFor();
    // Taken over from the signal: names, birth date and address.
    await expect.poll(() => newFamily.getByLabel('Voornamen').first().inputValue()).toBe('Ilse');
    await expect.poll(() => birthDateIn(newFamily, 'Geboortedatum (optioneel)', 1)).toBe('2019-04-02');
    await expect.poll(() => newFamily.getByLabel('Huisnummer (optioneel)').first().inputValue()).toBe('8');
    await newFamily.getByLabel('Relatie').first().selectOption({ label: 'ouder' });
    await expect.poll(() => newFamily.getByLabel('Relatie').nth(1).inputValue()).toBe('child');
    await page.getByLabel('Regisseur van het nieuwe dossier').selectOption({ label: `Prof ${coord.username.slice(2, 8)} — Wijkteam Zuid` });
    await expectAccessible(page, 'triage: dossier openen voor een nieuw gezin');
    await screenshot(page, 'triage-nieuw-gezin');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    // Opening a case cannot be undone: first what will happen, with focus on the confirm step.
    const coordName = `Prof ${coord.username.slice(2, 8)}`;
    const confirm = confirmStep(page);
    await confirm.region.waitFor();
    await expect.poll(() => focused(page)).toBe('h3: Controleer en bevestig');
    const lines = await confirm.lines();
    expect(lines[0]).toBe('Het triagebesluit wordt vastgelegd met de veiligheidsinschatting "zorgen".');
    expect(lines[1]).toBe('Het gezin wordt in Regie geregistreerd met deze gezinsleden: Ilse Vermeer, Bram Vermeer.');
    expect(lines[2]).toMatch(
      /^Het dossier begint op .+, de dag dat de melding binnenkwam; de melding staat als eerste op de tijdlijn van het gezin\.$/,
    );
    expect(lines.slice(3)).toEqual([
      `${coordName} wordt de regisseur van het dossier en krijgt daarvan bericht.`,
      'U wordt zelf geen lid van het casusteam.',
    ]);
    await expectAccessible(page, 'triage: dossier openen, controleer en bevestig');
    await screenshot(page, 'triage-nieuw-gezin-bevestigen');
    // Back: the form as filled in (the new family's members too), focus on its button; nothing recorded.
    await confirm.region.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => focused(page)).toBe('button: Besluit vastleggen');
    expect(await newFamily.getByLabel('Voornamen').first().inputValue()).toBe('Ilse');
    expect(await page.getByLabel('Regisseur van het nieuwe dossier').inputValue()).toBe(coord.actor.userId);
    const before = oneRow(
      await env.t.db.query<{ status: string; case_id: string | null }>(
        `SELECT status, case_id FROM signals WHERE region_id = $1 AND reference = $2`,
        [region, reference],
      ),
      'signal',
    );
    expect(before).toEqual({ status: 'open', case_id: null });
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await confirm.region.getByRole('button', { name: 'Ja, open het dossier' }).click();
    // The result panel takes focus: what happened, and what comes next.
    await expect.poll(() => focused(page)).toBe('h2: Dossier geopend');
    await expect.poll(() => page.getByText(`Het dossier is geopend; ${coordName} is de regisseur.`).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Terug naar de triagelijst' }).count()).toBe(1);
    await expect.poll(() => page.getByText('Het triagebesluit is vastgelegd.').count()).toBe(1);
    // The triager is not on the new case's team: the signal says so instead of offering a page that would not open.
    await expect.poll(() => page.getByText(/u staat niet in het casusteam/).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Naar het gezin' }).count()).toBe(0);
    await expectAccessible(page, 'melding getrieerd: dossier geopend');
    await screenshot(page, 'melding-dossier-geopend');

    const sig = oneRow(
      await env.t.db.query<{ case_id: string; family_id: string; received_at: Date; status: string }>(
        `SELECT case_id, family_id, received_at, status FROM signals WHERE region_id = $1 AND reference = $2`,
        [region, reference],
      ),
      'signal',
    );
    expect(sig.status).toBe('triaged');
    const kase = oneRow(
      await env.t.db.query<{ opened_at: Date }>(`SELECT opened_at FROM cases WHERE region_id = $1 AND id = $2`, [region, sig.case_id]),
      'case',
    );
    expect(new Date(kase.opened_at).toISOString()).toBe(new Date(sig.received_at).toISOString());
    expect(
      await env.t.db.query(`SELECT user_id, role FROM case_team WHERE region_id = $1 AND case_id = $2`, [region, sig.case_id]),
    ).toEqual([{ user_id: coord.actor.userId, role: 'coordinator' }]);
  });

  it('the coordinator finds the family with a timeline that starts at the worry', async () => {
    const sig = oneRow(
      await env.t.db.query<{ family_id: string; received_at: Date }>(
        `SELECT family_id, received_at FROM signals WHERE region_id = $1 AND reference = $2`,
        [region, reference],
      ),
      'signal',
    );
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await page.goto(`${env.base}/gezinnen/${sig.family_id}`);
    await page.getByRole('heading', { name: 'Gezin Vermeer', level: 1 }).waitFor();
    const items = page.locator('.regie-timeline li');
    await expect.poll(() => items.count()).toBeGreaterThan(3);
    const first = items.last();
    expect(await first.locator('time').getAttribute('dateTime')).toBe(new Date(sig.received_at).toISOString());
    expect(await first.textContent()).toContain(`Melding ${reference} ontvangen`);
    await expectAccessible(page, 'gezin uit triage');
    await screenshot(page, 'gezin-uit-triage');
  });
});

describe('journey: possibly the same family', () => {
  it('proposes the open signal and the open case at the same address; rejecting and confirming are remembered', async () => {
    // An open case for a family at Kerkstraat 3, and an open signal about "kerkstraat 3".
    await registerFamily(
      env.t.db,
      coord.actor,
      RegisterFamilyBody.parse({
        members: [
          {
            givenNames: 'Petra',
            familyName: 'Hoek',
            birthDate: '1985-07-01',
            relation: 'parent',
            street: 'Kerkstraat',
            houseNumber: '3',
            postcode: '3456 EF',
            city: 'Zuiddorp',
          },
        ],
        case: { coordinatorUserId: coord.actor.userId, legalBasis: 'consent' },
      }),
    );
    const earlier = await createSchoolSignal(env, teacher, team, {
      subjectDescription: 'Leerling Jesse',
      subjectAddress: { street: 'kerkstraat', houseNumber: '3', city: 'Zuiddorp' },
      whatSeen: 'Jesse vertelt dat hij thuis vaak alleen is en geen eten heeft.',
    });
    const { reference } = await submitPublicConcern(
      env.t.db,
      PublicConcernBody.parse({
        regionId: region,
        formToken: await issueFormToken(env.t.db, new Date(Date.now() - 5_000)),
        about: 'Het gezin van Kerkstraat 3',
        whatSeen: 'Er wordt vaak hard geschreeuwd en een kind huilt lang.',
        subjectAddress: { street: 'Kerkstraat', houseNumber: '3', postcode: '3456ef' },
      }),
    );

    const page = await newPage(env);
    await loginAndWait(page, env, triager.username, PASSWORD);
    const { id } = oneRow(
      await env.t.db.query<{ id: string }>(`SELECT id FROM signals WHERE region_id = $1 AND reference = $2`, [region, reference]),
      'signal',
    );
    // The queue already says so.
    await page.getByRole('link', { name: 'Triage', exact: true }).click();
    await expect.poll(() => page.getByRole('row').filter({ hasText: reference }).textContent()).toMatch(/mogelijk hetzelfde gezin/);
    await page.goto(`${env.base}/meldingen/${id}`);
    const proposals = page.getByRole('region', { name: 'Mogelijk hetzelfde gezin' });
    await proposals.waitFor();
    await expect.poll(() => proposals.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => proposals.textContent()).toContain('Open dossier: Gezin Hoek');
    await expect.poll(() => proposals.textContent()).toContain(`Open melding ${earlier.reference}`);
    await expectAccessible(page, 'mogelijk hetzelfde gezin');
    await screenshot(page, 'mogelijk-hetzelfde-gezin');

    await proposals.getByRole('button', { name: `Niet hetzelfde gezin: Open melding ${earlier.reference}: Leerling Jesse` }).click();
    await expect.poll(() => page.getByText('Afgewezen: dit voorstel wordt niet opnieuw gedaan.').count()).toBe(1);
    await expect.poll(() => proposals.getByRole('listitem').count()).toBe(1);
    await proposals.getByRole('button', { name: /^Dit is hetzelfde gezin: Open dossier: Gezin Hoek/ }).click();
    await expect.poll(() => page.getByText('Bevestigd: de melding is gekoppeld.').count()).toBe(1);
    await expect.poll(() => proposals.textContent()).toContain('Bevestigd: hetzelfde gezin');
    await expectAccessible(page, 'mogelijk hetzelfde gezin bevestigd');
    await screenshot(page, 'mogelijk-hetzelfde-gezin-bevestigd');

    // After a reload the rejected one stays away and the signal is on the case; the coordinator was told once.
    await page.reload();
    await proposals.waitFor();
    expect(await proposals.textContent()).not.toContain(earlier.reference);
    const row = oneRow(await env.t.db.query<{ case_id: string | null }>(`SELECT case_id FROM signals WHERE id = $1`, [id]), 'signal');
    expect(row.case_id).not.toBeNull();
    expect(
      await env.t.db.query(`SELECT kind FROM notifications WHERE region_id = $1 AND user_id = $2 AND link = $3`, [
        region,
        coord.actor.userId,
        `/meldingen/${id}`,
      ]),
    ).toEqual([{ kind: 'signal_linked' }]);
  });

  it('the triage queue filters re-reports, and a re-report names the closed case it re-opens', async () => {
    // A family whose case closed last month, and a new signal about its mother.
    const bsn = '111222333';
    const fam = await registerFamily(
      env.t.db,
      coord.actor,
      RegisterFamilyBody.parse({
        members: [{ givenNames: 'Sanne', familyName: 'Dijk', birthDate: '1991-02-03', relation: 'parent', bsn }],
        case: { coordinatorUserId: coord.actor.userId, legalBasis: 'consent' },
      }),
    );
    await updateCaseStatus(
      env.t.db,
      coord.actor,
      fam.caseId,
      UpdateCaseBody.parse({ status: 'closed', version: 1, closedReason: 'Doelen bereikt' }),
    );
    const again = await createSchoolSignal(env, teacher, team, {
      bsn,
      whatSeen: 'Moeder vertelt dat het thuis weer misgaat sinds de hulp stopte.',
    });

    const page = await newPage(env);
    await loginAndWait(page, env, triager.username, PASSWORD);
    await page.goto(`${env.base}/triage`);
    await page.getByRole('heading', { name: 'Triage', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(2);
    await page.getByLabel('Alleen herhaalmeldingen').check();
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // the header and the one re-report
    await expect.poll(() => page.getByRole('row').filter({ hasText: again.reference }).count()).toBe(1);
    expect(page.url()).toContain('reReport=true');
    await expectAccessible(page, 'triagelijst herhaalmeldingen');
    await screenshot(page, 'triagelijst-herhaalmeldingen');
    await page.getByRole('link', { name: again.reference }).click();
    await page.getByRole('heading', { name: `Melding ${again.reference}` }).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Heropent het dossier van Gezin Dijk, afgesloten op/);
    await expectAccessible(page, 'herhaalmelding');
  });
});
