// A background poll (the unread count in the header) must not keep an unattended session alive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let app: App;
let user: TestUser;
let c: Client;
beforeAll(async () => {
  t = await createTestDatabase();
  const region = await createRegion(t.db);
  user = await createUser(t.db, region, await createOrganisation(t.db, region));
  app = await testApp(t.server);
  c = await login(app, user.username);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const lastSeen = async () =>
  oneRow(
    await t.db.query<{ s: string }>(`SELECT last_seen_at::text AS s FROM sessions WHERE user_id = $1 AND ended_at IS NULL`, [
      user.actor.userId,
    ]),
    'open session',
  ).s;

describe('idle timeout and polling', () => {
  it('the unread-count poll leaves last_seen_at alone; a real request moves it', async () => {
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '10 minutes' WHERE user_id = $1`, [user.actor.userId]);
    const before = await lastSeen();
    expect((await c.get('/api/v1/notifications/unread-count')).status).toBe(200);
    expect(await lastSeen()).toBe(before);
    expect((await c.get('/api/v1/families')).status).toBe(200);
    expect(await lastSeen()).not.toBe(before);
  });
});
