import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { MAX_ATTEMPTS, sendDueMails, type MailSettings } from '../../src/modules/notifications/mail.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../../src/modules/notifications/smtp-test-server.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';
import { notifyHandoverReceived, notifyTriageOverdue } from './notifications.support.js';

let env: Env;
let smtp: TestSmtpServer;
let region: string;
let coord: TestUser;
let colleague: TestUser;
let admin: TestUser;
let familyId: string;
const colleagueEmail = 'collega@example.nl';

const mailSettings = (port: number): MailSettings => ({
  smtp: { host: '127.0.0.1', port, secure: false },
  from: 'Regie <noreply@regie.test>',
  publicUrl: env.base,
  timeoutMs: 5_000,
});

beforeAll(async () => {
  smtp = await startSmtpServer();
  env = await startEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
  region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Vlissingen');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  colleague = await createUser(env.t.db, region, team, ['professional']);
  admin = await createUser(env.t.db, region, team, ['functional_admin']);
  await env.t.db.query(`UPDATE users SET email = $1 WHERE id = $2`, [colleagueEmail, colleague.actor.userId]);
  familyId = (
    await registerFamily(env.t.db, coord.actor, RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'De Wit' })))
  ).id;
  await asActor(env.t.db, colleague.actor, async (tx) => {
    const to = { regionId: region, userId: coord.actor.userId };
    await notifyTriageOverdue(tx, { ...to, reference: 'M-2026-0042', dedupeKey: 'e2e:triage-overdue' });
    await notifyHandoverReceived(tx, { ...to, from: 'Veilig Thuis', familyId, dedupeKey: 'e2e:handover-received' });
  });
});
afterAll(async () => {
  await env?.close();
  await smtp?.close();
});

describe('journey: a professional reads their messages', () => {
  it('sees the unread count in the header, follows a message, marks the rest read, and the count drops', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    const badge = page.getByRole('banner').getByRole('link', { name: /^Berichten/ });
    await expect.poll(() => badge.getAttribute('href')).toBe('/berichten');
    await expect.poll(() => page.getByRole('link', { name: 'Berichten, 2 ongelezen' }).count()).toBe(1);
    await badge.click();
    await page.getByRole('heading', { name: 'Berichten', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Ongelezen: Nieuwe overdracht van Veilig Thuis' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: /Triage te laat: melding M-2026-0042/ }).count()).toBe(1);
    await expectAccessible(page, 'berichten');
    await screenshot(page, 'berichten');

    await page.getByRole('link', { name: 'Ongelezen: Nieuwe overdracht van Veilig Thuis' }).click();
    await page.getByRole('heading', { name: 'Gezin De Wit', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Berichten, 1 ongelezen' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Berichten, 1 ongelezen' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Nieuwe overdracht van Veilig Thuis', exact: true }).count()).toBe(1);
    await page.getByLabel('Tonen').selectOption('unread');
    await expect.poll(() => page.getByRole('link', { name: /Nieuwe overdracht/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await expect.poll(() => page.getByRole('main').getByRole('status').textContent()).toContain('1 bericht als gelezen gemarkeerd');
    await expect.poll(() => page.getByText('U heeft geen ongelezen berichten.').count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Berichten', exact: true }).count()).toBe(1);
    await expectAccessible(page, 'berichten gelezen');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Messages', exact: true }).count()).toBe(1);
    await page.getByLabel('Show').selectOption('all');
    await expect.poll(() => page.getByRole('link', { name: 'Triage overdue: signal M-2026-0042' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'New handover from Veilig Thuis' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });
});

describe('journey: the functional admin retries a failed e-mail', () => {
  it('sees the failed delivery with its error, retries it, and it is sent', async () => {
    await asActor(env.t.db, coord.actor, (tx) =>
      notifyHandoverReceived(tx, {
        regionId: region,
        userId: colleague.actor.userId,
        from: 'Wijkteam Zuid',
        familyId,
        dedupeKey: 'e2e:mail-retry',
      }),
    );
    // The last attempt, against a mail server that is down: the message is given up.
    await env.t.db.query(`UPDATE mail_outbox SET attempts = $1 WHERE to_address = $2`, [MAX_ATTEMPTS - 1, colleagueEmail]);
    await sendDueMails(env.t.db, mailSettings(await closedPort()));
    expect(
      (await env.t.db.query<{ status: string }>(`SELECT status FROM mail_outbox WHERE to_address = $1`, [colleagueEmail]))[0]?.status,
    ).toBe('failed');

    const page = await newPage(env);
    await loginAndWait(page, env, admin.username, PASSWORD);
    await page.getByRole('link', { name: 'E-mailverzending' }).click();
    await page.getByRole('heading', { name: 'E-mailverzending', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(colleagueEmail) });
    await expect.poll(() => row.getByText('mislukt').count()).toBe(1);
    await expect.poll(() => row.getByText(/ECONNREFUSED/).count()).toBe(1);
    await expect.poll(() => page.getByText('Geen SMTP-server ingesteld').count()).toBe(0);
    await expectAccessible(page, 'e-mailverzending');
    await screenshot(page, 'e-mailverzending');

    await page.getByLabel('Status').selectOption('failed');
    await row.getByRole('button', { name: /Opnieuw proberen/ }).click();
    await expect
      .poll(() => page.getByRole('main').getByRole('status').textContent())
      .toContain(`De e-mail aan ${colleagueEmail} staat weer klaar`);
    await expect.poll(() => page.getByText('Geen e-mails gevonden.').count()).toBe(1);

    await sendDueMails(env.t.db, mailSettings(smtp.port));
    expect(smtp.received.filter((m) => m.to.includes(colleagueEmail))).toHaveLength(1);
    await page.getByLabel('Status').selectOption('sent');
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: new RegExp(colleagueEmail) })
          .getByText('verzonden')
          .count(),
      )
      .toBe(1);
    await expectAccessible(page, 'e-mailverzending verzonden');
  });
});
