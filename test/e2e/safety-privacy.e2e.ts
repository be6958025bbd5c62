import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { currentTotp } from '../../src/platform/auth/totp.js';
import { openTotpSecret } from '../../src/platform/auth/totp-secrets.js';
import { oneRow } from '../../src/platform/db/rows.js';
import { confirmStep, expectAccessible, focused, login, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let env: Env;
let coord: TestUser;
let vt: TestUser;
let privacy: TestUser;
let newcomer: TestUser;
let bsn: string;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Middelburg');
  const vtOrg = await createOrganisation(env.t.db, region, 'veilig_thuis', 'Veilig Thuis Zeeland');
  const gemeente = await createOrganisation(env.t.db, region, 'municipal_team', 'Gemeente Middelburg');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  vt = await createUser(env.t.db, region, vtOrg, ['professional'], { totpRequired: true, totpSecret: SECRET });
  privacy = await createUser(env.t.db, region, gemeente, ['privacy_officer']);
  newcomer = await createUser(env.t.db, region, team, ['professional'], { totpRequired: true });
  const body = RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Mulder' }));
  bsn = body.members[0]!.bsn!;
  await registerFamily(env.t.db, coord.actor, body);
});
afterAll(async () => {
  await env?.close();
});

describe('journey: break the glass, reviewed by the privacy officer', () => {
  it('a Veilig Thuis worker logs in with TOTP, breaks the glass with a reason and sees the banner', async () => {
    const page = await newPage(env);
    await login(page, env, vt.username, PASSWORD);
    await page.getByRole('heading', { name: 'Tweede stap: authenticatiecode' }).waitFor();
    // The step replaces the password form: its heading has focus, not the page body.
    await expect.poll(() => focused(page)).toBe('h1: Tweede stap: authenticatiecode');
    await expectAccessible(page, 'tweede factor');
    // A code that is not six digits is said at once, at the field.
    await page.getByLabel(/Code uit uw authenticator-app/).fill('123');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => page.getByText('Vul de 6 cijfers uit uw authenticator-app in.').count()).toBe(2); // summary and field
    await page.getByLabel(/Code uit uw authenticator-app/).fill(await currentTotp(SECRET));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => focused(page)).toBe('h1: Mijn gezinnen');
    await page.getByRole('link', { name: 'Noodtoegang' }).click();
    await page.getByRole('heading', { name: 'Noodtoegang', level: 1 }).waitFor();
    await expectAccessible(page, 'noodtoegang');
    const reason = 'Melding acute onveiligheid: politie ter plaatse, kinderen mogelijk in gevaar.';
    await page.getByLabel('BSN van een gezinslid').fill(bsn);
    await page.getByLabel(/Reden/).fill(reason);
    await page.getByLabel(/Code uit uw authenticator-app/).fill(await currentTotp(SECRET));
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    // First the confirm step: what will happen, in plain words, with focus on its heading.
    const confirm = confirmStep(page);
    await confirm.region.waitFor();
    await expect.poll(() => focused(page)).toBe('h2: Controleer en bevestig');
    expect(await confirm.lines()).toEqual([
      `U krijgt 60 minuten toegang tot het gezin van de persoon met BSN ${bsn}: alleen inzage, wijzigen kan niet.`,
      `Uw reden wordt vastgelegd en door de privacy officer beoordeeld: "${reason}"`,
      'Alles wat u in die 60 minuten bekijkt, komt in de auditlog, met uw reden.',
      'Op de tijdlijn van het gezin ziet het casusteam dat er noodtoegang is geopend (niet uw reden).',
      'Na de bevestiging gaat u naar de gezinspagina; daar staat tot wanneer de noodtoegang loopt.',
    ]);
    await expectAccessible(page, 'noodtoegang: controleer en bevestig');
    await screenshot(page, 'noodtoegang-bevestigen');
    // Back: the form again with what was typed, focus on its button, and nothing opened.
    await confirm.region.getByRole('button', { name: 'Terug' }).click();
    await expect.poll(() => focused(page)).toBe('button: Noodtoegang openen');
    expect(await confirm.region.count()).toBe(0);
    expect(await page.getByLabel('BSN van een gezinslid').inputValue()).toBe(bsn);
    expect(await page.getByLabel(/Reden/).inputValue()).toBe(reason);
    expect(await env.t.db.query(`SELECT id FROM break_glass WHERE user_id = $1`, [vt.actor.userId])).toEqual([]);
    await page.getByLabel(/Code uit uw authenticator-app/).fill(await currentTotp(SECRET));
    await page.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await confirm.region.getByRole('button', { name: 'Ja, open noodtoegang' }).click();
    // The result is the family page itself: its heading takes focus, its banner says until when.
    await page.getByRole('heading', { name: 'Gezin Mulder', level: 1 }).waitFor();
    await expect.poll(() => focused(page)).toBe('h1: Gezin Mulder');
    await expect.poll(() => page.locator('.regie-breakglass-banner').textContent()).toContain('Noodtoegang actief tot');
    // Read-only: no change is offered (the server refuses it anyway).
    expect(await page.locator('.regie-breakglass-banner').textContent()).toContain('alleen inzage');
    expect(await page.getByRole('button', { name: /^Wijzigen/ }).count()).toBe(0);
    await expectAccessible(page, 'gezinspagina met noodtoegang');
    await screenshot(page, 'noodtoegang');
  });

  it("the privacy officer sees the access in the audit log and review list, judges it, checks the chain and a person's access log", async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, privacy.username, PASSWORD);
    await page.getByRole('heading', { name: 'Auditlog' }).waitFor();
    await expect.poll(() => page.locator('.regie-row-breakglass').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'auditlog');
    await screenshot(page, 'auditlog');
    await page.getByRole('button', { name: 'Controleer de keten' }).click();
    await expect.poll(() => page.getByText('De auditketen is intact').count()).toBe(1);
    // Which signed checkpoint (kept outside the database) the chain was compared with, or that there is none yet.
    await expect.poll(() => page.getByText(/ondertekende? controlepunt/).count()).toBe(1);
    await page.getByRole('link', { name: 'Beoordelen noodtoegang' }).click();
    await expect.poll(() => page.getByText('Melding acute onveiligheid').count()).toBe(1);
    await expectAccessible(page, 'beoordelen');
    await page.getByLabel('Toelichting').fill('Terecht: melding politie, direct overgedragen');
    await page.getByRole('button', { name: 'Terecht', exact: true }).click();
    await expect.poll(() => page.getByText('Melding acute onveiligheid').count()).toBe(0);
    await page.getByLabel('Filteren').selectOption('reviewed');
    await expect.poll(() => page.getByText('Terecht: melding politie').count()).toBe(1);
    await page.getByRole('link', { name: 'Inzage per persoon' }).click();
    await page.getByLabel('Persoon zoeken op BSN').fill(bsn);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('heading', { name: /Wie heeft de gegevens van Anna Mulder/ }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: 'Veilig Thuis Zeeland' }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'inzage per persoon');
  });
});

describe('journey: a new account links an authenticator app', () => {
  it('shows a QR code, accepts a code from the app and then opens Mijn gezinnen', async () => {
    const page = await newPage(env);
    await login(page, env, newcomer.username, PASSWORD);
    await page.getByRole('heading', { name: 'Authenticator-app koppelen' }).waitFor();
    await expect.poll(() => page.locator('img[alt^="QR-code"]').count()).toBe(1);
    await expectAccessible(page, 'koppelen');
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel(/Code uit uw authenticator-app/).fill('000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => page.getByText('De code klopt niet').count()).toBe(2); // in the summary and at the field
    await page.getByLabel(/Code uit uw authenticator-app/).fill(await currentTotp(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
    // Stored encrypted, with a key outside the database.
    const row = oneRow(
      await env.t.db.query<{ id: string; totp_secret: string }>(`SELECT id, totp_secret FROM users WHERE username = $1`, [
        newcomer.username,
      ]),
      'newcomer',
    );
    expect(row.totp_secret).not.toContain(secret);
    expect(openTotpSecret(row.totp_secret, newcomer.actor.regionId, row.id)).toBe(secret);
  });
});
