// The inbox API (own notifications only, unread count, mark read) and the functional admin's
// view of e-mail delivery, through HTTP and — for the admin — straight against row-level security.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, type Client, useRegionApp } from '../../../test/support/http.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { notify } from './notify.js';

let t: TestDb;
let region: string;
let sender: TestUser;
let anna: TestUser;
let bram: TestUser;
let admin: TestUser;
let an: Client;
let br: Client;
let ad: Client;
let oa: Client;

const w = useRegionApp({
  orgs: { org: ['municipal_team'] },
  users: {
    sender: ['org', ['professional', 'coordinator']],
    anna: ['org', ['professional', 'coordinator']],
    bram: ['org', ['professional', 'coordinator']],
    admin: ['org', ['functional_admin']],
  },
  loggedOut: ['sender'],
});
beforeAll(async () => {
  ({ t, region } = w);
  ({ sender, anna, bram, admin } = w.user);
  ({ anna: an, bram: br, admin: ad } = w.client);
  const region2 = await createRegion(t.db);
  const otherAdmin = await createUser(t.db, region2, await createOrganisation(t.db, region2), ['functional_admin']);
  oa = await login(w.app, otherAdmin.username);
  await t.db.query(`UPDATE users SET email = username || '@example.nl' WHERE id = ANY($1::uuid[])`, [
    [anna.actor.userId, bram.actor.userId],
  ]);
});

async function send(user: TestUser, n: number, label = 'Bericht') {
  for (let i = 1; i <= n; i++) {
    await asActor(t.db, sender.actor, (tx) =>
      notify(tx, {
        regionId: region,
        userIds: [user.actor.userId],
        kind: 'handover_received',
        params: { from: { name: `${label} ${i}` } },
        link: `/overdrachten/${randomUUID()}`,
        dedupeKey: `test:${randomUUID()}`,
      }),
    );
  }
}

describe('inbox', () => {
  it('lists only my own notifications, newest first, as kind and parameters (no sentence), and pages through them', async () => {
    await send(anna, 3, 'Anna');
    await send(bram, 1, 'Bram');
    const mine = await an.get('/api/v1/notifications');
    expect(mine.status).toBe(200);
    const from = (i: { params: { from: { name: string } } }) => i.params.from.name;
    expect(mine.body.items.map(from)).toEqual(['Anna 3', 'Anna 2', 'Anna 1']);
    expect(mine.body.items[0]).toEqual({
      id: expect.any(String),
      kind: 'handover_received',
      params: { from: { name: 'Anna 3' } },
      link: expect.stringMatching(/^\/overdrachten\//),
      readAt: null,
      createdAt: expect.stringMatching(/Z$/),
    });
    expect((await br.get('/api/v1/notifications')).body.items.map(from)).toEqual(['Bram 1']);

    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const p: any = await an.get(`/api/v1/notifications?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.status).toBe(200);
      walked.push(...p.body.items.map((i: { id: string }) => i.id));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(mine.body.items.map((i: { id: string }) => i.id));
    expect((await an.get('/api/v1/notifications?cursor=nonsense')).body).toMatchObject({ status: 400, field: 'cursor' });
    expect((await an.get('/api/v1/notifications?unread=maybe')).body).toMatchObject({ status: 400, field: 'querystring.unread' });
    expect((await an.get('/api/v1/notifications?limit=0')).status).toBe(400);
  });

  it('counts unread ones, marks one and then all read, and keeps the first reading time', async () => {
    const before = (await an.get('/api/v1/notifications/unread-count')).body.count;
    await send(anna, 2, 'Nieuw');
    expect((await an.get('/api/v1/notifications/unread-count')).body).toEqual({ count: before + 2 });
    const [latest] = (await an.get('/api/v1/notifications?unread=true&limit=1')).body.items;
    const read = await an.post(`/api/v1/notifications/${latest.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: latest.id, readAt: expect.stringMatching(/Z$/) });
    expect((await an.get('/api/v1/notifications/unread-count')).body.count).toBe(before + 1);
    const again = await an.post(`/api/v1/notifications/${latest.id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = (await an.get('/api/v1/notifications?unread=true&limit=100')).body.items;
    expect(unread.map((i: { id: string }) => i.id)).not.toContain(latest.id);
    expect(unread.every((i: { readAt: string | null }) => i.readAt === null)).toBe(true);

    const bramBefore = (await br.get('/api/v1/notifications/unread-count')).body.count;
    const all = await an.post('/api/v1/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ count: before + 1 });
    expect((await an.get('/api/v1/notifications/unread-count')).body).toEqual({ count: 0 });
    expect((await an.post('/api/v1/notifications/read-all')).body).toEqual({ count: 0 });
    expect((await br.get('/api/v1/notifications/unread-count')).body.count).toBe(bramBefore); // Bram's stay unread
  });

  it("answers 404 for someone else's notification and for an unknown id, and changes nothing", async () => {
    const [bramsOwn] = (await br.get('/api/v1/notifications?limit=1')).body.items;
    const r = await an.post(`/api/v1/notifications/${bramsOwn.id}/read`);
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.detail).toContain('niet aan u gericht');
    expect((await an.post(`/api/v1/notifications/${randomUUID()}/read`)).status).toBe(404);
    expect((await an.post('/api/v1/notifications/not-a-uuid/read')).status).toBe(400);
    expect(
      (await t.db.query<{ read_at: string | null }>(`SELECT read_at FROM notifications WHERE id = $1`, [bramsOwn.id]))[0]!.read_at,
    ).toBeNull();
  });

  it('lets the database refuse the same: another user sees no rows and cannot change the text', async () => {
    const [bramsOwn] = (await br.get('/api/v1/notifications?limit=1')).body.items;
    expect(await asActor(t.db, anna.actor, (tx) => tx.query(`SELECT 1 FROM notifications WHERE id = $1`, [bramsOwn.id]))).toEqual([]);
    await expect(
      asActor(t.db, bram.actor, (tx) => tx.query(`UPDATE notifications SET params = '{}' WHERE id = $1`, [bramsOwn.id])),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('the language of my e-mails', () => {
  it('is Dutch until I choose English; a new e-mail is queued in it; anything else is a 400 naming the field', async () => {
    const lang = async () =>
      (await t.db.query<{ language: string }>(`SELECT language FROM users WHERE id = $1`, [anna.actor.userId]))[0]!.language;
    expect(await lang()).toBe('nl');
    const r = await an.put('/api/v1/notifications/language', { language: 'en' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ language: 'en' });
    expect(await lang()).toBe('en');
    // The session names it, so the interface opens in it after a login elsewhere.
    expect((await an.get('/api/v1/session')).body).toMatchObject({ user: { language: 'en' } });
    expect(await t.db.query(`SELECT 1 FROM users WHERE id = $1 AND language = 'en'`, [bram.actor.userId])).toEqual([]); // only my own
    await send(anna, 1, 'Engels');
    const [mail] = await t.db.query<{ language: string }>(
      `SELECT m.language FROM mail_outbox m JOIN notifications n ON n.region_id = m.region_id AND n.id = m.notification_id
        WHERE n.user_id = $1 ORDER BY m.created_at DESC LIMIT 1`,
      [anna.actor.userId],
    );
    expect(mail?.language).toBe('en');
    const bad = await an.put('/api/v1/notifications/language', { language: 'de' });
    expect(bad.body).toMatchObject({ status: 400, field: 'language' });
    const audited = await t.db.query(
      `SELECT 1 FROM audit_log WHERE user_id = $1 AND object_type = 'account' AND reason = 'mail language: en'`,
      [anna.actor.userId],
    );
    expect(audited.length).toBe(1);
    await an.put('/api/v1/notifications/language', { language: 'nl' });
  });
});

describe('e-mail delivery for the functional admin', () => {
  it("lists the region's outbox with status and filter, and nothing of another region", async () => {
    const list = await ad.get('/api/v1/mail-deliveries?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.smtpConfigured).toBe(false);
    const addresses = new Set(list.body.items.map((i: { toAddress: string }) => i.toAddress));
    expect(addresses).toEqual(new Set([`${anna.username}@example.nl`, `${bram.username}@example.nl`]));
    expect(list.body.items[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      nextAttemptAt: expect.stringMatching(/Z$/),
      kind: 'handover_received',
      language: 'en',
      subject: null,
    }); // the newest: Anna's, after she chose English
    expect(list.body.items.filter((i: { language: string }) => i.language === 'nl').length).toBeGreaterThan(0);
    expect((await ad.get('/api/v1/mail-deliveries?status=failed')).body.items).toEqual([]);
    expect((await ad.get('/api/v1/mail-deliveries?status=unknown')).status).toBe(400);
    expect((await oa.get('/api/v1/mail-deliveries')).body.items).toEqual([]);

    const first = await ad.get('/api/v1/mail-deliveries?limit=2');
    const second = await ad.get(`/api/v1/mail-deliveries?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual(list.body.items.slice(2, 4).map((i: { id: string }) => i.id));
  });

  it('retries a failed message in its own region only; refuses others and professionals', async () => {
    const [row] = await t.db.query<{ id: string }>(`SELECT id FROM mail_outbox WHERE region_id = $1 LIMIT 1`, [region]);
    if (!row) throw new Error('the outbox of the region is empty');
    await t.db.query(`UPDATE mail_outbox SET status = 'failed', attempts = 8, last_error = 'ECONNECTION: timeout' WHERE id = $1`, [row.id]);
    expect((await oa.post(`/api/v1/mail-deliveries/${row.id}/retry`)).status).toBe(404);
    expect((await an.post(`/api/v1/mail-deliveries/${row.id}/retry`)).status).toBe(403);
    expect((await an.get('/api/v1/mail-deliveries')).status).toBe(403);
    expect((await ad.post(`/api/v1/mail-deliveries/${randomUUID()}/retry`)).status).toBe(404);
    const r = await ad.post(`/api/v1/mail-deliveries/${row.id}/retry`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: row.id, status: 'pending', attempts: 8, lastError: 'ECONNECTION: timeout' });
    const due = await t.db.query<{ due: boolean }>(`SELECT next_attempt_at <= now() AS due FROM mail_outbox WHERE id = $1`, [row.id]);
    expect(due[0]?.due).toBe(true);
    await t.db.query(`UPDATE mail_outbox SET status = 'sending' WHERE id = $1`, [row.id]);
    expect((await ad.post(`/api/v1/mail-deliveries/${row.id}/retry`)).body).toMatchObject({ status: 409, code: 'not_retryable' });
  });

  it('lets the database refuse outbox rows to anyone but the functional admin, and any change but a retry', async () => {
    expect(await asActor(t.db, anna.actor, (tx) => tx.query(`SELECT 1 FROM mail_outbox`))).toEqual([]);
    const [row] = await t.db.query<{ id: string }>(`SELECT id FROM mail_outbox WHERE region_id = $1 AND status = 'pending' LIMIT 1`, [
      region,
    ]);
    if (!row) throw new Error('no pending mail in the outbox of the region');
    await expect(
      asActor(t.db, admin.actor, (tx) => tx.query(`UPDATE mail_outbox SET to_address = 'x@evil.example' WHERE id = $1`, [row.id])),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asActor(t.db, admin.actor, (tx) => tx.query(`UPDATE mail_outbox SET status = 'sent' WHERE id = $1`, [row.id])),
    ).rejects.toThrow(/row-level security/);
  });
});
