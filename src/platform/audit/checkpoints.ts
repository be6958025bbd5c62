// Signed checkpoints of every audit chain head, kept outside the database (docs/adr/0007).
//
// The hash chain (audit.ts) shows a changed, removed or inserted row, but not a cut-off tail: a
// database superuser who deletes the last rows and rewinds audit_chain_head leaves a shorter chain
// that is perfectly consistent. A checkpoint of each chain (one per stripe of a region,
// migrations/0260) — {regionId, chain, seq, hash, at} with an
// HMAC-SHA256 signature by a key that is not in the database — is appended to a JSON-lines file in
// the data folder and written to the log stream; verification then checks that the chain still
// holds the row the latest checkpoint saw, with the same hash.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from '../db/db.js';
import { asSystem } from '../db/system-tx.js';
import { verifyChain, type VerifyResult } from './audit.js';

/**
 * One hash chain: a region has one per stripe (migrations/0260). Stripe 0 is named 'audit_log',
 * as the region's only chain was before, so checkpoints signed then still anchor it; stripe s is
 * 'audit_log/s'. `seq` is the place in that chain (chain_seq).
 */
export interface ChainHead {
  regionId: string;
  chain: string;
  seq: number;
  hash: string;
}
export interface Checkpoint extends ChainHead {
  v: 1;
  at: string;
  kid: string;
  sig: string;
}

export interface CheckpointSettings {
  /** Append-only JSON-lines file (AUDIT_CHECKPOINT_FILE; default <DATA_DIR>/audit-checkpoints.jsonl). */
  file: string;
  /**
   * The signing key (AUDIT_CHECKPOINT_KEY, or the key file in the data folder). Never in the
   * database. Null when there is none yet: nothing can have been signed, nothing can be checked.
   */
  key: Buffer | null;
}

export interface CheckpointLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const MAIN_CHAIN = 'audit_log';
export const chainName = (stripe: number) => (stripe === 0 ? MAIN_CHAIN : `${MAIN_CHAIN}/${stripe}`);
/** The stripe a chain name stands for; null for a name that is none. */
export function stripeOf(chain: string): number | null {
  if (chain === MAIN_CHAIN) return 0;
  const m = /^audit_log\/([1-9][0-9]{0,4})$/.exec(chain);
  return m ? Number(m[1]) : null;
}
const KEY_FILE = 'audit-checkpoint.key';
const MIN_KEY_LENGTH = 32;

/**
 * The key from configuration, or else from the key file in the data folder. The writer (`create`,
 * on the server's first start) makes that file with 32 random bytes, readable by the owner only
 * (mode 0600); a reader never does. With a PostgreSQL server the data folder must exist already:
 * the embedded database is the one that creates it.
 */
export function checkpointSettings(
  config: { dataDir: string; databaseUrl?: string; auditCheckpointKey?: string; auditCheckpointFile?: string },
  create = false,
): CheckpointSettings {
  const file = config.auditCheckpointFile ?? join(config.dataDir, 'audit-checkpoints.jsonl');
  if (config.auditCheckpointKey !== undefined) {
    if (config.auditCheckpointKey.length < MIN_KEY_LENGTH)
      throw new Error(`AUDIT_CHECKPOINT_KEY must be at least ${MIN_KEY_LENGTH} characters`);
    return { file, key: Buffer.from(config.auditCheckpointKey, 'utf8') };
  }
  const keyFile = join(config.dataDir, KEY_FILE);
  if (create) {
    if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  try {
    return { file, key: Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'utf8') };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, key: null };
    throw e;
  }
}

/** Which key signed a checkpoint, without revealing it: lines signed by another key are named as such. */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 12);

function signature(key: Buffer, c: Omit<Checkpoint, 'sig'>) {
  return createHmac('sha256', key)
    .update(JSON.stringify([c.v, c.regionId, c.chain, c.seq, c.hash, c.at, c.kid]))
    .digest('hex');
}

export function signCheckpoint(key: Buffer, head: ChainHead, at: Date): Checkpoint {
  const c = {
    v: 1 as const,
    regionId: head.regionId,
    chain: head.chain,
    seq: head.seq,
    hash: head.hash,
    at: at.toISOString(),
    kid: keyId(key),
  };
  return { ...c, sig: signature(key, c) };
}

function validSignature(key: Buffer | null, c: Checkpoint) {
  if (!key) return false;
  const expected = Buffer.from(signature(key, c), 'hex');
  const given = Buffer.from(typeof c.sig === 'string' ? c.sig : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Every chain head in the database that has rows (an empty stripe anchors nothing): the one place
 * that knows how chains are kept. Read through
 * the system door, whose role may read the chain heads and nothing else of the audit log.
 */
export async function readChainHeads(db: Database): Promise<ChainHead[]> {
  const rows = await asSystem(db, 'audit-checkpoints', (tx) =>
    tx.query<{ region_id: string; stripe: number; seq: string; hash: string }>(
      `SELECT region_id, stripe, seq::text, hash FROM audit_chain_head WHERE seq > 0 ORDER BY region_id, stripe`,
    ),
  );
  return rows.map((r) => ({ regionId: r.region_id, chain: chainName(r.stripe), seq: Number(r.seq), hash: r.hash }));
}

const chainKey = (c: { regionId: string; chain: string }) => `${c.regionId}\u0000${c.chain}`;

/**
 * Signs the head of every chain that moved since this process last wrote one (and every chain on
 * the first run), appends the checkpoints to the file and writes each as a log line.
 */
export async function writeCheckpoints(
  db: Database,
  s: CheckpointSettings,
  log: CheckpointLog,
  now = new Date(),
  lastWritten = new Map<string, string>(),
): Promise<Checkpoint[]> {
  if (!s.key) throw new Error('no audit checkpoint key: set AUDIT_CHECKPOINT_KEY or let the server create its key file');
  const key = s.key;
  const heads = (await readChainHeads(db)).filter((h) => lastWritten.get(chainKey(h)) !== `${h.seq}:${h.hash}`);
  if (!heads.length) return [];
  const checkpoints = heads.map((h) => signCheckpoint(key, h, now));
  mkdirSync(dirname(s.file), { recursive: true });
  appendFileSync(s.file, checkpoints.map((c) => JSON.stringify(c) + '\n').join(''), { mode: 0o600 });
  for (const c of checkpoints) {
    lastWritten.set(chainKey(c), `${c.seq}:${c.hash}`);
    log.info({ auditCheckpoint: c }, 'audit checkpoint');
  }
  return checkpoints;
}

export interface CheckpointBook {
  /** The validly signed checkpoint with the highest seq, per chain. */
  latest: Map<string, Checkpoint>;
  /** Lines that are not a checkpoint signed by the current key, per region ('' when unreadable). */
  invalid: Map<string, number>;
}

export function readCheckpoints(s: CheckpointSettings): CheckpointBook {
  const book: CheckpointBook = { latest: new Map(), invalid: new Map() };
  let text = '';
  try {
    text = readFileSync(s.file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let c: Checkpoint | undefined;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      /* counted below */
    }
    if (!c || c.v !== 1 || typeof c.regionId !== 'string' || !Number.isSafeInteger(c.seq) || !validSignature(s.key, c)) {
      const region = typeof c?.regionId === 'string' ? c.regionId : '';
      book.invalid.set(region, (book.invalid.get(region) ?? 0) + 1);
      continue;
    }
    const before = book.latest.get(chainKey(c));
    if (!before || c.seq > before.seq) book.latest.set(chainKey(c), c);
  }
  return book;
}

export interface CheckedChain extends VerifyResult {
  /** 'audit_log': every chain (stripe) of the region's log. */
  chain: string;
  /**
   * The signed checkpoints the chains were compared with (the latest of each chain): how many
   * chains, how many rows they anchor together, and the oldest of their times; null before the first.
   */
  checkpoint: { seq: number; at: string; chains: number } | null;
}

/**
 * The chains of one region, recomputed (verifyChain) and compared with their latest signed
 * checkpoints: in each, the row a checkpoint saw must still be there with the same hash. Together
 * with the unbroken links after it, that names a cut-off tail with a rewound head ('truncated') and
 * a chain rebuilt from an earlier row ('rewritten') — also of a chain whose rows and head were
 * removed altogether.
 */
export async function verifyAgainstCheckpoint(db: Database, regionId: string, book: CheckpointBook): Promise<CheckedChain> {
  const result = await verifyChain(db, regionId);
  const cps = [...book.latest.values()]
    .filter((c) => c.regionId === regionId && stripeOf(c.chain) !== null)
    .map((c) => ({ ...c, stripe: stripeOf(c.chain)! }))
    .sort((a, b) => a.stripe - b.stripe);
  const problems = [...result.problems];
  if (cps.length) {
    const found = await asSystem(db, 'audit-verify', (tx) =>
      tx.query<{ stripe: number; hash: string | null; last: string | null }>(
        `SELECT c.stripe, a.hash,
              (SELECT max(coalesce(l.chain_seq, l.seq)) FROM audit_log l WHERE l.region_id = $1 AND l.stripe = c.stripe)::text AS last
         FROM unnest($2::int[], $3::bigint[]) AS c(stripe, pos)
         LEFT JOIN audit_log a ON a.region_id = $1 AND a.stripe = c.stripe AND coalesce(a.chain_seq, a.seq) = c.pos`,
        [regionId, cps.map((c) => c.stripe), cps.map((c) => c.seq)],
      ),
    );
    const byStripe = new Map(found.map((f) => [f.stripe, f]));
    for (const cp of cps) {
      const f = byStripe.get(cp.stripe);
      const lastSeq = Number(f?.last ?? 0);
      if (lastSeq < cp.seq)
        problems.push({
          stripe: cp.stripe,
          seq: cp.seq,
          problem: 'truncated',
          detail: `chain ${cp.stripe} ends at row ${lastSeq}, but the checkpoint signed at ${cp.at} saw row ${cp.seq}`,
        });
      else if (!f?.hash || f.hash !== cp.hash)
        problems.push({
          stripe: cp.stripe,
          seq: cp.seq,
          problem: 'rewritten',
          detail: `row ${cp.seq} of chain ${cp.stripe} is not the row the checkpoint signed at ${cp.at} saw`,
        });
    }
  }
  const invalid = book.invalid.get(regionId) ?? 0;
  if (invalid)
    problems.push({ stripe: 0, seq: 0, problem: 'checkpoint-invalid', detail: `${invalid} checkpoint line(s) carry no valid signature` });
  const earliest = cps.map((c) => c.at).sort()[0];
  const checkpoint = earliest !== undefined ? { seq: cps.reduce((n, c) => n + c.seq, 0), at: earliest, chains: cps.length } : null;
  return { ...result, chain: MAIN_CHAIN, ok: problems.length === 0, problems, checkpoint };
}

/**
 * The background sweep (registered in src/jobs.ts): at least every five minutes a chain that moved
 * gets a new checkpoint, so at most the last minutes of the log are unanchored.
 */
export function auditCheckpointSweep(s: CheckpointSettings, log: CheckpointLog) {
  if (!s.key) throw new Error('the audit checkpoint sweep needs a key (checkpointSettings(config, true))');
  const lastWritten = new Map<string, string>();
  return {
    name: 'audit-checkpoints',
    everySeconds: 60,
    async run(db: Database, now: Date) {
      await writeCheckpoints(db, s, log, now, lastWritten);
    },
  };
}
