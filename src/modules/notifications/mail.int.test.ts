// E-mail delivery against a real SMTP server (smtp-server on a free port): what arrives, what the
// outbox records when the server is down or refuses, back-off, the admin's retry, and that a
// message is never sent twice — also not by two senders at once (on PostgreSQL truly parallel).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { startJobs } from '../../platform/jobs/runner.js';
import { registerFamily } from '../families/families.service.js';
import { RegisterFamilyBody } from '../families/families.contract.js';
import { notify } from './notify.js';
import { MAX_ATTEMPTS, UNCERTAIN_NOTE, backoffSeconds, describeError, mailSweep, sendDueMails, type MailSettings } from './mail.js';
import { closedPort, startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

let t: TestDb;
let region: string;
let org: string;
let sender: TestUser;
let admin: TestUser;
let app: App;
let a: Client;
let smtp: TestSmtpServer;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  org = await createOrganisation(t.db, region);
  sender = await createUser(t.db, region, org);
  admin = await createUser(t.db, region, org, ['functional_admin']);
  smtp = await startSmtpServer();
  app = await testApp(t.server, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
  a = await login(app, admin.username);
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await t?.drop();
});

const settings = (port: number): MailSettings => ({
  smtp: { host: '127.0.0.1', port, secure: false },
  from: 'Regie <noreply@regie.test>',
  publicUrl: 'https://regie.test',
  timeoutMs: 5_000,
});

/** A professional with their own e-mail address, so each test looks only at its own messages. */
async function recipient() {
  const u = await createUser(t.db, region, org);
  const email = `${u.username}@example.nl`;
  await t.db.query(`UPDATE users SET email = $1 WHERE id = $2`, [email, u.actor.userId]);
  return { ...u, email };
}

async function notifyOne(userId: string, link = `/overdrachten/${randomUUID()}`) {
  await asActor(t.db, sender.actor, (tx) =>
    notify(tx, {
      regionId: region,
      userIds: [userId],
      kind: 'handover_received',
      params: { from: { name: 'Wijkteam Noord' } },
      link,
      dedupeKey: `test:${randomUUID()}`,
    }),
  );
  const rows = await t.db.query<{ id: string }>(
    `SELECT m.id FROM mail_outbox m JOIN notifications n ON n.region_id = m.region_id AND n.id = m.notification_id
      WHERE n.user_id = $1 ORDER BY m.created_at DESC LIMIT 1`,
    [userId],
  );
  return rows[0]!.id;
}

const outbox = (id: string) => t.db.query<Record<string, any>>(`SELECT * FROM mail_outbox WHERE id = $1`, [id]).then((r) => r[0]!);
const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));

describe('sending the outbox', () => {
  it('sends one message with the link and nothing about the family, and marks it sent once', async () => {
    const r = await recipient();
    const body = RegisterFamilyBody.parse(familyBody(sender.actor.userId, { familyName: 'Verhoeven' }));
    const family = await registerFamily(t.db, sender.actor, body);
    const id = await notifyOne(r.actor.userId, `/gezinnen/${family.id}`);

    const result = await sendDueMails(t.db, settings(smtp.port));
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const got = to(r.email);
    expect(got).toHaveLength(1);
    expect(got[0]!.to).toEqual([r.email]);
    expect(got[0]!.text).toContain(`https://regie.test/gezinnen/${family.id}`);
    expect(got[0]!.text).toContain('Subject: Regie: Nieuwe overdracht van Wijkteam Noord');
    expect(got[0]!.text).toContain('Er staat een nieuw bericht voor u klaar in Regie: Nieuwe overdracht van Wijkteam Noord.');
    expect(got[0]!.text).not.toContain('There is a new message');
    expect(got[0]!.raw).toContain(`<${id}@regie>`); // the Message-ID lets a mail client spot a repeat
    for (const secret of ['Verhoeven', 'Anna', 'Kind1', ...body.members.map((m) => m.bsn!)]) expect(got[0]!.text).not.toContain(secret);
    expect(await outbox(id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      last_error: null,
      claim_token: null,
      subject: 'Regie: Nieuwe overdracht van Wijkteam Noord',
    });
    expect((await outbox(id)).sent_at).not.toBeNull();

    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(1);
  });

  it("writes the e-mail in the recipient's language: English for one who chose it, without a Dutch sentence", async () => {
    const r = await recipient();
    await t.db.query(`UPDATE users SET language = 'en' WHERE id = $1`, [r.actor.userId]);
    const id = await notifyOne(r.actor.userId, '/overdrachten/x');
    await sendDueMails(t.db, settings(smtp.port));
    const got = to(r.email);
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain('Subject: Regie: New handover from Wijkteam Noord');
    expect(got[0]!.text).toContain('There is a new message for you in Regie: New handover from Wijkteam Noord.');
    expect(got[0]!.text).toContain('https://regie.test/overdrachten/x');
    expect(got[0]!.text).not.toMatch(/Nieuwe overdracht|Er staat|Bekijk/);
    expect(await outbox(id)).toMatchObject({ status: 'sent', subject: 'Regie: New handover from Wijkteam Noord' });
  });

  it('records a server that is down with back-off, shows it to the admin, gives up after the last attempt, and sends after a retry', async () => {
    const r = await recipient();
    const id = await notifyOne(r.actor.userId);
    const down = await closedPort();
    const before = Date.now();
    const result = await sendDueMails(t.db, settings(down));
    expect(result.failed).toBeGreaterThanOrEqual(1);
    const row = await outbox(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, claim_token: null });
    expect(row.last_error).toMatch(/ECONNECTION|ECONNREFUSED/);
    const wait = (new Date(row.next_attempt_at).getTime() - before) / 1000;
    expect(wait).toBeGreaterThan(55);
    expect(wait).toBeLessThan(120);

    // Not due yet: a working server changes nothing until the back-off has passed.
    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(0);

    const pending = await a.get('/api/v1/mail-deliveries?status=pending&limit=100');
    expect(pending.status).toBe(200);
    expect(pending.body.smtpConfigured).toBe(true);
    expect(pending.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      toAddress: r.email,
      status: 'pending',
      attempts: 1,
      kind: 'handover_received',
      language: 'nl',
      subject: null,
      lastError: expect.stringMatching(/ECONN/),
      nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
      sentAt: null,
    });

    // The server refuses the recipient on the last attempt: failed, and the quoted address is not stored.
    await t.db.query(`UPDATE mail_outbox SET attempts = $2, next_attempt_at = now() WHERE id = $1`, [id, MAX_ATTEMPTS - 1]);
    smtp.refuseWith = 550;
    try {
      await sendDueMails(t.db, settings(smtp.port));
    } finally {
      smtp.refuseWith = null;
    }
    const failed = await outbox(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(failed.last_error).toContain('550');
    expect(failed.last_error).not.toContain(r.email);
    expect(failed.last_error).toContain('<adres>');
    await t.db.query(`UPDATE mail_outbox SET next_attempt_at = now() - interval '1 day' WHERE id = $1`, [id]);
    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(0); // failed stays failed until someone decides

    const list = await a.get('/api/v1/mail-deliveries?status=failed');
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ status: 'failed', nextAttemptAt: null });
    const retried = await a.post(`/api/v1/mail-deliveries/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: 'pending' });
    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(1);
    expect(await outbox(id)).toMatchObject({ status: 'sent', attempts: MAX_ATTEMPTS + 1, last_error: null });
    const again = await a.post(`/api/v1/mail-deliveries/${id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not_retryable');
  });

  it('never sends a message twice: two senders at once, and a second run', async () => {
    const r = await recipient();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await notifyOne(r.actor.userId));
    const results = await Promise.all(Array.from({ length: 4 }, () => sendDueMails(t.db, settings(smtp.port))));
    expect(results.reduce((n, x) => n + x.sent, 0)).toBeGreaterThanOrEqual(12);
    await sendDueMails(t.db, settings(smtp.port));
    const got = to(r.email);
    expect(got).toHaveLength(12);
    const messageIds = got.map((m) => /Message-ID: <([^@>]+)@regie>/i.exec(m.raw)?.[1]);
    expect(new Set(messageIds)).toEqual(new Set(ids));
    const rows = await t.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM mail_outbox WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows.every((x) => x.status === 'sent' && x.attempts === 1)).toBe(true);
  });

  it('never resends a message whose sender died mid-way (lease ran out): it is shown to the admin as uncertain; a live lease is left alone', async () => {
    const r = await recipient();
    const dead = await notifyOne(r.actor.userId);
    const busy = await notifyOne(r.actor.userId);
    await t.db.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1, claim_token = $2, claimed_until = now() - interval '1 second' WHERE id = $1`,
      [dead, randomUUID()],
    );
    await t.db.query(
      `UPDATE mail_outbox SET status = 'sending', attempts = 1, claim_token = $2, claimed_until = now() + interval '5 minutes' WHERE id = $1`,
      [busy, randomUUID()],
    );
    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(0);
    expect(await outbox(dead)).toMatchObject({ status: 'failed', attempts: 1, last_error: UNCERTAIN_NOTE });
    expect(await outbox(busy)).toMatchObject({ status: 'sending', attempts: 1 });
    const list = await a.get('/api/v1/mail-deliveries?status=failed&limit=100');
    expect(JSON.stringify(list.body.items.find((x: { id: string }) => x.id === dead))).toContain('Onzeker');
    // The admin decides to send it again: then it goes out once.
    expect((await a.post(`/api/v1/mail-deliveries/${dead}/retry`)).status).toBeLessThan(300);
    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(1);
    await t.db.query(`UPDATE mail_outbox SET status = 'sent' WHERE id = $1`, [busy]);
  });

  it('leaves messages waiting, untouched, when no SMTP server is configured', async () => {
    const r = await recipient();
    const id = await notifyOne(r.actor.userId);
    expect(await sendDueMails(t.db, { ...settings(smtp.port), smtp: undefined })).toEqual({ sent: 0, failed: 0, skipped: 'no_smtp' });
    expect(await outbox(id)).toMatchObject({ status: 'pending', attempts: 0, last_error: null });
    const noSmtp = await testApp(t.server);
    try {
      const list = await (await login(noSmtp, admin.username)).get('/api/v1/mail-deliveries');
      expect(list.body.smtpConfigured).toBe(false);
    } finally {
      await noSmtp.close();
    }
    await sendDueMails(t.db, settings(smtp.port));
    expect(to(r.email)).toHaveLength(1);
  });

  it('is sent by the background job (pg-boss) without anyone waiting for it', async () => {
    const r = await recipient();
    await notifyOne(r.actor.userId);
    const runner = await startJobs({ db: t.db, sweeps: [mailSweep(settings(smtp.port))], pollingIntervalSeconds: 1 });
    try {
      await expect.poll(() => to(r.email).length, { timeout: 30_000, interval: 200 }).toBe(1);
    } finally {
      await runner.stop();
    }
  });
});

describe('back-off and error text', () => {
  it('waits 1, 2, 4 … minutes, at most an hour, and removes addresses from errors', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffSeconds)).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(
      describeError(
        Object.assign(new Error("Can't send mail - all recipients were rejected: 550 <jan.jansen@example.nl>: no"), {
          code: 'EENVELOPE',
          responseCode: 550,
        }),
      ),
    ).toBe("EENVELOPE 550: Can't send mail - all recipients were rejected: 550 <<adres>>: no");
  });
});
