// A family page is at most three round trips to the database (issue 12 "Speed and scale"): the
// session (BEGIN, door settings, lookup and COMMIT sent together), the page with its access facts
// (BEGIN and the actor settings in front) and the audit rows with the COMMIT. Counted at the
// driver's socket: a round trip starts when the client writes after it has read an answer (or for
// the first time). PGlite runs in the process and has no round trips: this runs on PostgreSQL.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { oneRow } from '../../src/platform/db/rows.js';

/** Counts round trips on every database socket while `fn` runs. */
async function roundTrips<T>(fn: () => Promise<T>): Promise<{ result: T; trips: number; writes: number }> {
  const answered = new WeakMap<net.Socket, boolean>();
  let trips = 0;
  let writes = 0;
  // The originals are called with their socket as `this` (Reflect.apply below).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const write = net.Socket.prototype.write;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const emit = net.Socket.prototype.emit;
  net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
    writes++;
    if (answered.get(this) !== false) trips++;
    answered.set(this, false);
    return Reflect.apply(write, this, args) as boolean;
  };
  net.Socket.prototype.emit = function (this: net.Socket, event: string | symbol, ...args: unknown[]) {
    if (event === 'data') answered.set(this, true);
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  try {
    const result = await fn();
    return { result, trips, writes };
  } finally {
    net.Socket.prototype.write = write;
    net.Socket.prototype.emit = emit;
  }
}

let t: TestDb;
let app: App;
let user: TestUser;
let c: Client;
let familyId: string;
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDatabase();
  const region = await createRegion(t.db);
  user = await createUser(t.db, region, await createOrganisation(t.db, region));
  app = await testApp(t.server);
  c = await login(app, user.username);
  const r = await c.post('/api/v1/families', familyBody(user.actor.userId, { children: 2 }));
  expect(r.status).toBe(201);
  familyId = r.body.id;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe.runIf(onPostgres)('round trips per request (PostgreSQL)', () => {
  it('a family page takes at most three round trips, and is audited', async () => {
    // Warm: the pool's connections are open and the session was touched just now (at most every 30 s).
    for (let i = 0; i < 3; i++) expect((await c.get(`/api/v1/families/${familyId}`)).status).toBe(200);
    const audited = async () =>
      Number(
        oneRow(await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE object_id = $1 AND action = 'read'`, [familyId]))
          .n,
      );
    const before = await audited();
    const { result, trips } = await roundTrips(() => c.get(`/api/v1/families/${familyId}`));
    expect(result.status).toBe(200);
    expect(trips).toBeLessThanOrEqual(3);
    expect(trips).toBeGreaterThan(0); // the counter sees the database's sockets
    expect(await audited()).toBeGreaterThan(before);
  });

  it('a family outside access: still at most three round trips, the refusal audited, 404', async () => {
    const { result, trips } = await roundTrips(() => c.get(`/api/v1/families/00000000-0000-4000-8000-000000000000`));
    expect(result.status).toBe(404);
    expect(trips).toBeLessThanOrEqual(3);
  });
});
