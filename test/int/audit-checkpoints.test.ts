// The audit chain is anchored outside the database (docs/adr/0007): signed checkpoints of every
// chain head go to an append-only file and the log stream, and `regie audit verify` and the
// privacy officer's tamper check compare the chain with the latest one. The attack that the hash
// chain alone misses — delete the tail of audit_log and rewind audit_chain_head with one UPDATE —
// is named, as is a chain rebuilt from an earlier row and a forged checkpoint line.
import { mkdtempSync, readFileSync, rmSync, statSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { oneRow } from '../../src/platform/db/rows.js';
import { loadConfig } from '../../src/config.js';
import { configuredSweeps } from '../../src/jobs.js';
import { recordAccess, verifyChain } from '../../src/platform/audit/audit.js';
import {
  checkpointSettings,
  readCheckpoints,
  verifyAgainstCheckpoint,
  writeCheckpoints,
  type CheckpointSettings,
} from '../../src/platform/audit/checkpoints.js';

const KEY = 'test-checkpoint-key-0123456789-abcdefghij';
let t: TestDb;
let dir: string;
let settings: CheckpointSettings;
const logged: object[] = [];
const errors: object[] = [];
const log = {
  info: (o: object) => {
    logged.push(o);
  },
  error: (o: object) => {
    errors.push(o);
  },
};

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'regie-checkpoints-'));
  settings = checkpointSettings({ dataDir: dir, auditCheckpointKey: KEY });
});
afterAll(async () => {
  await t?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A region with `n` audit rows. */
async function regionWithRows(n: number) {
  const region = await createRegion(t.db);
  const org = await createOrganisation(t.db, region);
  const user = await createUser(t.db, region, org, ['professional']);
  await addRows(user, n);
  return { region, user };
}
/**
 * `n` rows in one transaction (so in one chain). With `stripe`, in that chain: the transaction
 * claims it the way audit_take_stripe remembers its choice (migrations/0260), so that a test can
 * rebuild a chain it cut, whichever connection of the pool it runs on.
 */
const addRows = (user: TestUser, n: number, stripe?: number) =>
  t.db.transaction(async (tx) => {
    if (stripe !== undefined)
      await tx.query(
        `SELECT set_config('regie.audit_stripes', pg_current_xact_id()::text || ' ' || jsonb_build_object($1::text, $2::int)::text, false)`,
        [user.actor.regionId, stripe],
      );
    for (let i = 0; i < n; i++) await recordAccess(tx, user.actor, { action: 'read', objectType: 'test', objectId: String(i) });
  });

/** The chain (stripe) that holds the region's first row. */
const firstStripe = async (region: string) =>
  oneRow(
    await t.db.query<{ stripe: number }>(`SELECT stripe FROM audit_log WHERE region_id = $1 ORDER BY seq LIMIT 1`, [region]),
    'first audit row',
  ).stripe;

/**
 * The attack: as the database superuser, cut the tail off a chain (by default the one of the
 * region's first row) and rewind its head to match — one UPDATE. Returns the chain.
 */
async function cutTail(region: string, keep: number, stripe?: number) {
  const s = stripe ?? (await firstStripe(region));
  await t.superuser.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`); // skips the append-only trigger
    await tx.query(`DELETE FROM audit_log WHERE region_id = $1 AND stripe = $2 AND chain_seq > $3`, [region, s, keep]);
    await tx.query(
      `UPDATE audit_chain_head h SET seq = a.chain_seq, hash = a.hash FROM audit_log a
                     WHERE h.region_id = $1 AND h.stripe = $2 AND a.region_id = $1 AND a.stripe = $2 AND a.chain_seq = $3`,
      [region, s, keep],
    );
  });
  return s;
}

describe('signed audit checkpoints', () => {
  it('signs every chain head into an append-only file and the log stream', async () => {
    const { region } = await regionWithRows(3);
    const written = await writeCheckpoints(t.db, settings, log, new Date('2026-12-01T10:00:00Z'));
    const mine = written.find((c) => c.regionId === region)!;
    expect(mine).toMatchObject({
      v: 1,
      regionId: region,
      chain: `audit_log${(await firstStripe(region)) ? `/${await firstStripe(region)}` : ''}`,
      seq: 3,
      at: '2026-12-01T10:00:00.000Z',
    });
    // One checkpoint per chain that has rows: the region's other, empty chains anchor nothing.
    expect(written.filter((c) => c.regionId === region)).toHaveLength(1);
    expect(mine.sig).toMatch(/^[0-9a-f]{64}$/);
    const lines = readFileSync(settings.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toContainEqual(mine);
    expect(logged).toContainEqual({ auditCheckpoint: mine });
    // The chain head, its hash and the region: no personal data in the file or the log.
    expect(Object.keys(mine).sort()).toEqual(['at', 'chain', 'hash', 'kid', 'regionId', 'seq', 'sig', 'v']);
    expect(statSync(settings.file).mode & 0o077).toBe(0);
  });

  it('names a deleted tail with a rewound chain head, which the hash chain alone does not see', async () => {
    const { region } = await regionWithRows(6);
    await writeCheckpoints(t.db, settings, log);
    const stripe = await cutTail(region, 4);
    // The hole this closes: the shortened chain is consistent in itself.
    expect((await verifyChain(t.db, region)).ok).toBe(true);
    const r = await verifyAgainstCheckpoint(t.db, region, readCheckpoints(settings));
    expect(r.ok).toBe(false);
    expect(r.checkpoint).toMatchObject({ seq: 6, chains: 1 });
    expect(r.problems).toContainEqual(expect.objectContaining({ stripe, seq: 6, problem: 'truncated' }));
  });

  it('names a chain rebuilt from an earlier row past the checkpoint', async () => {
    const { region, user } = await regionWithRows(5);
    await writeCheckpoints(t.db, settings, log);
    const stripe = await cutTail(region, 2);
    await addRows(user, 4, stripe); // new rows 3..6: a consistent chain, but not the one that was signed
    expect((await verifyChain(t.db, region)).ok).toBe(true);
    const r = await verifyAgainstCheckpoint(t.db, region, readCheckpoints(settings));
    expect(r.problems).toEqual([expect.objectContaining({ stripe, seq: 5, problem: 'rewritten' })]);
  });

  it('ignores and names checkpoint lines without a valid signature; a later honest checkpoint passes', async () => {
    const { region } = await regionWithRows(2);
    await writeCheckpoints(t.db, settings, log);
    const head = oneRow(
      await t.db.query<{ hash: string; stripe: number }>(`SELECT hash, stripe FROM audit_chain_head WHERE region_id = $1 AND seq > 0`, [
        region,
      ]),
      'chain head',
    );
    // A forged line that would make an honest chain look cut: it is not believed, but named.
    appendFileSync(
      settings.file,
      JSON.stringify({
        v: 1,
        regionId: region,
        chain: head.stripe ? `audit_log/${head.stripe}` : 'audit_log',
        seq: 99,
        hash: head.hash,
        at: new Date().toISOString(),
        kid: 'x',
        sig: '00'.repeat(32),
      }) + '\n',
    );
    const forged = await verifyAgainstCheckpoint(t.db, region, readCheckpoints(settings));
    expect(forged.problems).toEqual([expect.objectContaining({ problem: 'checkpoint-invalid' })]);
    expect(forged.checkpoint).toMatchObject({ seq: 2, chains: 1 });
    // Signed with another key: not believed either.
    const other = checkpointSettings({
      dataDir: dir,
      auditCheckpointKey: 'another-key-another-key-another-key!',
      auditCheckpointFile: settings.file,
    });
    expect((await verifyAgainstCheckpoint(t.db, region, readCheckpoints(other))).problems.map((p) => p.problem)).toContain(
      'checkpoint-invalid',
    );

    const { region: honest } = await regionWithRows(2);
    await writeCheckpoints(t.db, settings, log);
    expect(await verifyAgainstCheckpoint(t.db, honest, readCheckpoints(settings))).toMatchObject({
      ok: true,
      problems: [],
      checkpoint: { seq: 2 },
    });
  });

  it('writes a chain again only when its head moved', async () => {
    const { region, user } = await regionWithRows(1);
    const memo = new Map<string, string>();
    expect((await writeCheckpoints(t.db, settings, log, new Date(), memo)).some((c) => c.regionId === region)).toBe(true);
    expect((await writeCheckpoints(t.db, settings, log, new Date(), memo)).some((c) => c.regionId === region)).toBe(false);
    await addRows(user, 1);
    expect((await writeCheckpoints(t.db, settings, log, new Date(), memo)).filter((c) => c.regionId === region)).toMatchObject([
      { seq: 2 },
    ]);
  });

  it('is a background sweep at least every five minutes, with a key file of mode 0600 on first start', async () => {
    const dataDir = join(dir, 'embedded');
    const config = loadConfig({ DATA_DIR: dataDir });
    // A reader (the CLI, the tamper check) never creates a key.
    expect(checkpointSettings(config).key).toBeNull();
    const sweep = configuredSweeps(config, log).find((s) => s.name === 'audit-checkpoints')!;
    expect(sweep.everySeconds).toBeLessThanOrEqual(300);
    const keyFile = join(dataDir, 'audit-checkpoint.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    // The key is not in the database.
    expect(await t.db.query(`SELECT 1 FROM audit_chain_head WHERE hash = $1`, [key])).toEqual([]);
    const { region } = await regionWithRows(1);
    await sweep.run(t.db, new Date());
    const book = readCheckpoints(checkpointSettings(config));
    expect((await verifyAgainstCheckpoint(t.db, region, book)).checkpoint).toMatchObject({ seq: 1 });
    // A second start keeps the key.
    configuredSweeps(config, log);
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    expect(() => checkpointSettings({ dataDir, auditCheckpointKey: 'short' })).toThrow(/at least 32/);
  });

  it('with a PostgreSQL server and no key or data folder, serving goes on and the log says checkpoints are off', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://example.invalid/regie', DATA_DIR: join(dir, 'missing') });
    expect(configuredSweeps(config, log)).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(
      configuredSweeps(
        loadConfig({ DATABASE_URL: 'postgres://example.invalid/regie', DATA_DIR: join(dir, 'missing'), AUDIT_CHECKPOINT_KEY: KEY }),
        log,
      ).map((s) => s.name),
    ).toEqual(['audit-checkpoints']);
  });
});

describe("the privacy officer's tamper check", () => {
  let app: App;
  let p: Client;
  let region: string;
  beforeAll(async () => {
    app = await testApp(t.server, { AUDIT_CHECKPOINT_KEY: KEY, AUDIT_CHECKPOINT_FILE: settings.file });
    ({ region } = await regionWithRows(4));
    const org = await createOrganisation(t.db, region);
    const privacy = await createUser(t.db, region, org, ['privacy_officer']);
    p = await login(app, privacy.username);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('compares the chain with the latest checkpoint and names a cut tail', async () => {
    expect((await p.post('/api/v1/audit-verifications')).body).toMatchObject({ ok: true, checkpoint: null, chain: 'audit_log' });
    await writeCheckpoints(t.db, settings, log);
    // The head of the chain of the region's first rows, as the checkpoint signed it.
    const stripe = await firstStripe(region);
    const head = oneRow(
      await t.db.query<{ seq: number }>(`SELECT seq::int FROM audit_chain_head WHERE region_id = $1 AND stripe = $2`, [region, stripe]),
      'chain head',
    );
    expect(head.seq).toBeGreaterThanOrEqual(4);
    const ok = await p.post('/api/v1/audit-verifications');
    expect(ok.body).toMatchObject({ ok: true, problems: [], regionId: region });
    // The rows so far, and the previous check's own audit row, in however many chains they went to.
    expect(ok.body.checkpoint.seq).toBeGreaterThanOrEqual(5);
    await cutTail(region, 3, stripe);
    const cut = await p.post('/api/v1/audit-verifications');
    expect(cut.status).toBe(200);
    expect(cut.body.ok).toBe(false);
    expect(cut.body.problems).toContainEqual(expect.objectContaining({ stripe, seq: head.seq, problem: 'truncated' }));
  });
});
