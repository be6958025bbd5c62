// Two journeys of issue 10: "possibly the same person" confirmed and rejected in the browser (a
// rejection is remembered by the server), and the region's choice about 5 May (Bevrijdingsdag)
// in the region settings, with the skipped holidays shown beside a triage deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { createSignal } from '../../src/modules/signals/signals.service.js';
import { CreateSignalBody } from '../../src/modules/signals/signals.contract.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env, fillBirthDate } from './support.js';

let env: Env;
let region: string;
let team: string;
let coord: TestUser;
let admin: TestUser;

beforeAll(async () => {
  env = await startEnv();
  region = await createRegion(env.t.db);
  team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Goes');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  admin = await createUser(env.t.db, region, await createOrganisation(env.t.db, region, 'municipal_team', 'Gemeente Goes'), [
    'functional_admin',
  ]);
});
afterAll(async () => {
  await env?.close();
});

async function existing(given: string, prefix: string, surname: string) {
  const b = familyBody(coord.actor.userId, { familyName: surname, withBsn: false, children: 0 });
  b.members[0] = {
    ...b.members[0],
    givenNames: given,
    birthDate: '1987-06-15',
    familyNamePrefix: prefix,
  } as unknown as (typeof b.members)[0];
  const f = await registerFamily(env.t.db, coord.actor, RegisterFamilyBody.parse(b));
  const rows = await env.t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
    region,
    f.id,
  ]);
  return rows[0]!.person_id;
}

async function typeZoe(page: Page) {
  await page.goto(`${env.base}/gezinnen/nieuw`);
  await page.getByRole('heading', { name: 'Gezin registreren', level: 1 }).waitFor();
  const first = page.locator('fieldset').nth(0);
  await first.getByLabel('Voornamen').fill('Zoë');
  await first.getByLabel(/Tussenvoegsel/).fill('van der');
  await first.getByLabel('Achternaam').fill('Bergh');
  await fillBirthDate(first, /Geboortedatum/, '1987-06-15');
  return first;
}

describe('journey: possibly the same person, confirmed or rejected', () => {
  it('proposes both records ranked, remembers "not the same person" on the server, and links the confirmed one', async () => {
    const berg = await existing('Zoë', 'van der', 'Berg');
    const bergh = await existing('Zoë', 'van der', 'Bergh');
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    const first = await typeZoe(page);
    const proposals = first.locator('.utrecht-alert', { hasText: 'Mogelijk dezelfde persoon' });
    await expect.poll(() => proposals.count()).toBe(2);
    // Ranked: the exact name first, the one with a letter less second, each with its score.
    expect(await proposals.nth(0).textContent()).toContain('Zoë van der Bergh');
    expect(await proposals.nth(0).textContent()).toContain('overeenkomst 100%');
    expect(await proposals.nth(1).textContent()).toContain('Zoë van der Berg,');
    expect(await proposals.nth(1).textContent()).toContain('overeenkomst 95%');
    await expectAccessible(page, 'mogelijk dezelfde persoon, gerangschikt');
    await screenshot(page, 'mogelijk-dezelfde-persoon');

    await proposals.nth(1).getByRole('button', { name: 'Niet dezelfde persoon' }).click();
    await expect.poll(() => proposals.count()).toBe(1);
    await expect
      .poll(
        async () =>
          await env.t.db.query(`SELECT decision FROM person_match_decisions WHERE region_id = $1 AND person_id = $2`, [region, berg]),
      )
      .toEqual([{ decision: 'rejected' }]);
    expect(
      await env.t.db.query(
        `SELECT action FROM audit_log WHERE region_id = $1 AND object_type = 'person-match-decision' AND person_id = $2`,
        [region, berg],
      ),
    ).toEqual([{ action: 'create' }]);

    await proposals.nth(0).getByRole('button', { name: 'Dit is dezelfde persoon' }).click();
    await first.getByText('Gekoppeld aan de bestaande registratie van Zoë van der Bergh').waitFor();
    expect(
      await env.t.db.query(`SELECT decision FROM person_match_decisions WHERE region_id = $1 AND person_id = $2`, [region, bergh]),
    ).toEqual([{ decision: 'confirmed' }]);
    await expectAccessible(page, 'mogelijk dezelfde persoon, bevestigd');

    // A new form (no local memory of the click): the rejected record is not proposed again.
    const again = await newPage(env);
    await loginAndWait(again, env, coord.username, PASSWORD);
    const form = await typeZoe(again);
    const shown = form.locator('.utrecht-alert', { hasText: 'Mogelijk dezelfde persoon' });
    await expect.poll(() => shown.count()).toBe(1);
    await again.waitForTimeout(1000);
    expect(await shown.count()).toBe(1);
    expect(await shown.first().textContent()).toContain('Zoë van der Bergh');
  });
});

describe('journey: the region decides whether 5 May is a holiday in deadlines', () => {
  const signalFrom24April = async () =>
    (
      await createSignal(
        env.t.db,
        coord.actor,
        CreateSignalBody.parse({
          receivingOrganisationId: team,
          source: 'school',
          subjectDescription: 'Een leerling',
          whatSeen: 'Komt al weken zonder ontbijt naar school.',
          safetyAtStake: false,
          urgency: 'normal',
        }),
        new Date('2026-04-24T10:00:00+02:00'),
      )
    ).id;

  it('sets "every year" in the region settings; a signal from 24 April then skips Koningsdag and 5 May, and says so', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, admin.username, PASSWORD);
    await page.goto(`${env.base}/beheer/regio`);
    await page.getByRole('heading', { name: 'Regio-instellingen', level: 1 }).waitFor();
    const select = page.getByLabel('5 mei (Bevrijdingsdag)');
    expect(await select.inputValue()).toBe('lustrum');
    await select.selectOption({ label: 'Elk jaar een vrije dag' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Opgeslagen.').count()).toBe(1);
    await expectAccessible(page, 'regio-instellingen met 5 mei');
    expect(await env.t.db.query(`SELECT liberation_day, version FROM signal_settings WHERE region_id = $1`, [region])).toEqual([
      { liberation_day: 'always', version: 1 },
    ]);

    const prof = await newPage(env);
    await loginAndWait(prof, env, coord.username, PASSWORD);
    await prof.goto(`${env.base}/meldingen/${await signalFrom24April()}`);
    const skipped = prof.getByTestId('skipped-holidays');
    await expect
      .poll(async () => ((await skipped.count()) ? skipped.textContent() : ''))
      .toContain('overgeslagen: Koningsdag 27 april, Bevrijdingsdag 5 mei');
    expect(await prof.getByText('12 mei 2026').count()).toBeGreaterThan(0);
    await expectAccessible(prof, 'melding met overgeslagen feestdagen');

    // Back to "never": the next signal from 24 April is due on 11 May, skipping only Koningsdag.
    await page.reload();
    await page.getByLabel('5 mei (Bevrijdingsdag)').selectOption({ label: 'Nooit een vrije dag' });
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(
        async () =>
          (await env.t.db.query<{ liberation_day: string }>(`SELECT liberation_day FROM signal_settings WHERE region_id = $1`, [region]))[0]
            ?.liberation_day,
      )
      .toBe('never');
    await prof.goto(`${env.base}/meldingen/${await signalFrom24April()}`);
    await expect.poll(async () => ((await skipped.count()) ? skipped.textContent() : '')).toContain('overgeslagen: Koningsdag 27 april)');
    expect(await prof.getByText('11 mei 2026').count()).toBeGreaterThan(0);
  });
});
