// A real streaming replica (scripts/replica-pair.sh: a primary and a hot standby made with
// pg_basebackup; .ci/run brings the pair up): an organisation's lead-time figures are read on the
// replica while it is fresh; when its replay is paused and it falls behind the allowed lag, the
// read goes to the primary and sees what the replica does not have yet; resumed, the replica
// serves again. Skipped without TEST_REPLICA_PRIMARY_URL and TEST_REPLICA_URL.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from './db.js';
import { migrate } from './migrate.js';
import { attachReplica, forAggregates, type ReplicaRouter } from './replica.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { recordMoment } from '../../modules/leadtimes/moments.js';
import { organisationLeadTimes } from '../../modules/leadtimes/leadtimes.service.js';

const primaryUrl = process.env.TEST_REPLICA_PRIMARY_URL;
const replicaUrl = process.env.TEST_REPLICA_URL;
const name = `regie_replica_${randomBytes(5).toString('hex')}`;
const on = (url: string, role?: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (role) u.username = role;
  return u.toString();
};
async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
async function until(what: string, ok: () => Promise<boolean>, ms = 15_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (await ok().catch(() => false)) return;
  throw new Error(`not within ${ms} ms: ${what}`);
}

describe.skipIf(!primaryUrl || !replicaUrl)('a streaming replica for reads without personal data', () => {
  let owner: Database;
  let primary: Database;
  let replica: Database;
  let router: ReplicaRouter;
  let region: string;
  let org: string;
  let lead: TestUser;
  const received = (n: number) => ({ from: 'received', to: 'triaged', count: n });
  const triagedCount = async (db: Database) =>
    (await organisationLeadTimes(db, lead.actor, {})).intervals.find((i) => i.from === 'received' && i.to === 'triaged')!.count;
  const signal = async (at: number) => {
    const signalId = randomUUID();
    await owner.transaction(async (tx) => {
      await recordMoment(tx, { regionId: region, organisationId: org, moment: 'received', at: new Date(at - 86_400_000), signalId });
      await recordMoment(tx, { regionId: region, organisationId: org, moment: 'triaged', at: new Date(at), signalId });
    });
  };
  const replayed = () =>
    admin(
      on(replicaUrl!),
      async (c) => (await c.query(`SELECT pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS done`)).rows[0].done === true,
    );

  beforeAll(async () => {
    await admin(primaryUrl!, async (c) => {
      await c.query(readFileSync(fileURLToPath(new URL('../../../docs/deploy/roles.sql', import.meta.url)), 'utf8'));
      await c.query(`CREATE DATABASE ${name} OWNER regie_owner`);
    });
    owner = await openPostgres(on(primaryUrl!, 'regie_owner'), 4);
    await migrate(owner);
    region = await createRegion(owner);
    org = await createOrganisation(owner, region, 'veilig_thuis', 'Veilig Thuis');
    lead = await createUser(owner, region, org, ['professional', 'team_lead']);
    for (let i = 0; i < 3; i++) await signal(Date.now() - (i + 2) * 86_400_000);
    primary = await openPostgres(on(primaryUrl!, 'regie_server'), 4);
    replica = await openPostgres(on(replicaUrl!, 'regie_server'), 4);
    await until('the replica has the database and has replayed everything', async () => (await replica.query('SELECT 1')) && replayed());
    router = attachReplica(primary, replica, { maxLagMs: 1_000, checkEveryMs: 100 });
  }, 120_000);
  afterAll(async () => {
    await admin(on(replicaUrl!), (c) => c.query('SELECT pg_wal_replay_resume()')).catch(() => undefined);
    await Promise.all([owner?.close(), primary?.close(), replica?.close()]);
    await admin(primaryUrl!, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('reads the figures on the replica while it is fresh, under the actor and row-level security, writing nothing', async () => {
    expect(await forAggregates(primary)).toBe(replica);
    expect(router.current()).toMatchObject({ serving: true, why: 'fresh' });
    expect((await organisationLeadTimes(primary, lead.actor, {})).intervals).toContainEqual(expect.objectContaining(received(3)));
    // The same read straight on the standby: a hot standby refuses every write, so it wrote nothing.
    expect(await triagedCount(replica)).toBe(3);
  });

  it('sends the read to the primary while the replica is further behind than allowed, and back when it has caught up', async () => {
    await admin(on(replicaUrl!), (c) => c.query('SELECT pg_wal_replay_pause()'));
    await signal(Date.now() - 86_400_000);
    await until('the router sees the replica fall behind', async () => (await forAggregates(primary)) === primary, 10_000);
    expect(router.current().why).toMatch(/ms behind \(allowed 1000 ms\)/);
    // The primary has the fourth signal; the paused replica does not — what a user would have been shown.
    expect(await triagedCount(primary)).toBe(4);
    expect(await triagedCount(replica)).toBe(3);
    await admin(on(replicaUrl!), (c) => c.query('SELECT pg_wal_replay_resume()'));
    await until('the replica serves again', async () => (await forAggregates(primary)) === replica, 10_000);
    expect(await triagedCount(primary)).toBe(4);
  });
});
