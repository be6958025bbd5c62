// NEN 7513 audit log. Rows are written in the transaction of the access they describe, one per
// person concerned; the database assigns sequence, chain (stripe), time and hash
// (migrations/0004_audit_log.sql, 0260_audit_chain_stripes.sql).
//
// The one writer of audit rows: every INSERT INTO audit_log in TypeScript is in this file
// (recordAccess for a professional, recordUnattended for a job or the public form, and
// insertAuditSelect for the demo generator's bulk rows).
import { createHash } from 'node:crypto';
import type { Database, Tx } from '../db/db.js';
import { primaryRole, type Actor } from '../access/actor.js';
import { asSystem } from '../db/system-tx.js';

export type AuditAction = 'create' | 'read' | 'update' | 'delete' | 'export';

export interface AuditEntry {
  action: AuditAction;
  objectType: string;
  objectId?: string;
  /** One row is written per person; with none, one row without a person. */
  personIds?: string[];
  legalBasis?: string;
  careRelation?: boolean;
  consent?: boolean;
  breakGlass?: boolean;
  outcome?: 'allowed' | 'denied';
  reason?: string;
  onBehalfOf?: string;
}

type Row = [
  action: string,
  userId: string | null,
  role: string,
  organisationId: string | null,
  onBehalfOf: string,
  personId: string | null,
  objectType: string,
  objectId: string | null,
  ip: string | null,
  userAgent: string | null,
  legalBasis: string | null,
  careRelation: boolean,
  consent: boolean,
  breakGlass: boolean,
  outcome: string,
  reason: string | null,
];

/**
 * Audit rows of an actor's transaction wait here and are written by one INSERT just before its
 * COMMIT (asActor calls flushAudit). The same transaction, so a change is never without its audit
 * rows nor the other way round; but the region's chain head — locked by the first audit row
 * until COMMIT — is now held for one statement instead of for the rest of the use case.
 */
const pending = new WeakMap<Tx, { regionId: string; rows: Row[] }>();

export function deferAudit(tx: Tx, regionId: string) {
  pending.set(tx, { regionId, rows: [] });
}
export function discardAudit(tx: Tx) {
  pending.delete(tx);
}

export async function flushAudit(tx: Tx) {
  const batch = pending.get(tx);
  pending.delete(tx);
  if (batch) await insertRows(tx, batch.regionId, batch.rows);
}

/** All rows in one INSERT, in order; the chain trigger gives each its seq and hash. */
async function insertRows(tx: Tx, regionId: string, rows: Row[]) {
  const [first] = rows;
  if (!first) return;
  const cols = first.map((_, i) => rows.map((r) => r[i]));
  await tx.query(
    `INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id,
        object_type, object_id, ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
     SELECT $1, 0, r.action, r.user_id, r.user_role, r.organisation_id, r.on_behalf_of, r.person_id, r.object_type, r.object_id, r.ip, r.user_agent,
            r.legal_basis, r.care_relation, r.consent, r.break_glass, r.outcome, r.reason, '', ''
       FROM unnest($2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::text[], $10::text[], $11::text[],
                   $12::text[], $13::boolean[], $14::boolean[], $15::boolean[], $16::text[], $17::text[])
            WITH ORDINALITY AS r(action, user_id, user_role, organisation_id, on_behalf_of, person_id, object_type, object_id, ip, user_agent,
                                 legal_basis, care_relation, consent, break_glass, outcome, reason, n)
      ORDER BY r.n`,
    [regionId, ...cols],
    { prepare: true },
  );
}

/** Who acted when no professional did: a background job ('system') or a citizen ('citizen', the public form). */
export interface Unattended {
  role: 'system' | 'citizen';
  organisationId: string | null;
  onBehalfOf: string;
}

/**
 * The audit rows of work without a professional — a sweep's removal, a concern from the public
 * form — written now, in the caller's transaction. user_id stays empty; the role and
 * on_behalf_of name who it was. No IP address (a citizen's is not stored: data minimisation).
 */
export async function recordUnattended(tx: Tx, regionId: string, who: Unattended, e: AuditEntry): Promise<number> {
  const rows = auditRows(e, { userId: null, role: who.role, organisationId: who.organisationId, onBehalfOf: who.onBehalfOf });
  await insertRows(tx, regionId, rows);
  return rows.length;
}

/** Who a row names as acting, and from where. */
interface RowActor {
  userId: string | null;
  role: string;
  organisationId: string | null;
  onBehalfOf: string;
  ip?: string | null;
  userAgent?: string | null;
}

/** One row per person the entry is about (one without a person when it names none), in the column order of insertRows. */
function auditRows(e: AuditEntry, who: RowActor): Row[] {
  const persons = e.personIds && e.personIds.length ? [...new Set(e.personIds)] : [null];
  return persons.map((p): Row => [
    e.action,
    who.userId,
    who.role,
    who.organisationId,
    who.onBehalfOf,
    p,
    e.objectType,
    e.objectId ?? null,
    who.ip ?? null,
    who.userAgent ?? null,
    e.legalBasis ?? null,
    e.careRelation ?? false,
    e.consent ?? false,
    e.breakGlass ?? false,
    e.outcome ?? 'allowed',
    e.reason ?? null,
  ]);
}

/** The columns a bulk SELECT for insertAuditSelect must return, by these names. */
export const AUDIT_SELECT_COLUMNS = [
  'action',
  'user_id',
  'user_role',
  'organisation_id',
  'on_behalf_of',
  'person_id',
  'object_type',
  'object_id',
  'legal_basis',
  'care_relation',
  'outcome',
] as const;

/**
 * Bulk rows computed in SQL (the demo generator's historic reads): `select` returns the columns
 * of AUDIT_SELECT_COLUMNS and an `ord` to write them in; region_id is $1 of `params`. The chain
 * trigger gives each row its place, time and hash, as for every other row.
 */
export async function insertAuditSelect(owner: Pick<Tx, 'query'>, regionId: string, select: string, params: unknown[] = []): Promise<void> {
  // `owner`: the demo generator's own connection (src/demo seeds as the schema owner, outside the
  // doors, before any request); no module calls this.
  const cols = AUDIT_SELECT_COLUMNS.join(', ');
  await owner.query(
    `INSERT INTO audit_log (region_id, seq, ${cols}, prev_hash, hash)
     SELECT $1, 0, ${AUDIT_SELECT_COLUMNS.map((c) => `r.${c}`).join(', ')}, '', '' FROM (${select}) r ORDER BY r.ord`,
    [regionId, ...params],
  );
}

export async function recordAccess(tx: Tx, actor: Actor, e: AuditEntry): Promise<number> {
  const rows = auditRows(e, {
    userId: actor.userId,
    role: primaryRole(actor),
    organisationId: actor.organisationId,
    onBehalfOf: e.onBehalfOf ?? actor.organisationId,
    ip: actor.ip,
    userAgent: actor.userAgent,
  });
  // Outside asActor (or for another region's chain) there is no batch to join: written now.
  const batch = pending.get(tx);
  if (batch && batch.regionId === actor.regionId) batch.rows.push(...rows);
  else await insertRows(tx, actor.regionId, rows);
  return rows.length;
}

export type ChainProblem = 'changed' | 'missing' | 'inserted' | 'head-mismatch' | 'truncated' | 'rewritten' | 'checkpoint-invalid';

export interface VerifyResult {
  regionId: string;
  rows: number;
  /** How many chains (stripes) the region's log has; each was walked. */
  stripes: number;
  ok: boolean;
  /**
   * `stripe` and `seq` name the chain and the place in it (chain_seq). The last three problems
   * come from the comparison with signed checkpoints (checkpoints.ts).
   */
  problems: { stripe: number; seq: number; problem: ChainProblem; detail: string }[];
  seconds: number;
}

/** The region's chains as the database holds them: every stripe with a head or with rows. */
async function stripesOf(db: Database, regionId: string) {
  return asSystem(db, 'audit-verify', (tx) =>
    tx.query<{ stripe: number; head_seq: string | null; head_hash: string | null }>(
      `SELECT s.stripe, h.seq::text AS head_seq, h.hash AS head_hash
       FROM (SELECT stripe FROM audit_chain_head WHERE region_id = $1
             UNION SELECT DISTINCT stripe FROM audit_log WHERE region_id = $1) s
       LEFT JOIN audit_chain_head h ON h.region_id = $1 AND h.stripe = s.stripe
      ORDER BY s.stripe`,
      [regionId],
    ),
  );
}

/** A row that left the log for retention, kept as where its chain now begins (migrations/0400). */
interface Anchor {
  stripe: number;
  pos: string;
  prev_hash: string;
  hash: string;
  start: boolean;
}

/**
 * Per chain, the anchors verification starts from: the latest start and the rows that left after
 * it (empty for a chain that never lost rows).
 */
async function anchorsOf(db: Database, regionId: string): Promise<Map<number, Anchor[]>> {
  const rows = await asSystem(db, 'audit-verify', (tx) =>
    tx.query<Anchor>(
      `SELECT stripe, pos::text AS pos, prev_hash, hash, start FROM audit_retention_anchors WHERE region_id = $1 ORDER BY stripe, pos`,
      [regionId],
    ),
  );
  const byStripe = new Map<number, Anchor[]>();
  for (const r of rows) byStripe.set(r.stripe, [...(byStripe.get(r.stripe) ?? []), r]);
  for (const [stripe, list] of byStripe) {
    const from = Math.max(0, ...list.filter((a) => a.start).map((a) => Number(a.pos)));
    byStripe.set(
      stripe,
      list.filter((a) => Number(a.pos) >= from),
    );
  }
  return byStripe;
}

/**
 * Recomputes every chain of one region (one per stripe, migrations/0260), behind the
 * `audit-verify` door (migrations/0191): the command line's `regie audit verify` and the privacy
 * officer's check, after the route's permission. A changed row fails its hash; a removed row
 * leaves a gap in its chain's places and a prev_hash that does not match; an inserted row breaks
 * the link after it; a chain that ends elsewhere than its head says is named too. A chain whose
 * oldest rows were detached for retention starts from its anchor (migrations/0400): the anchor's
 * place and hash stand for the rows that left, so a row removed after it is still missing.
 */
export async function verifyChain(db: Database, regionId: string, batch = 20000): Promise<VerifyResult> {
  const started = process.hrtime.bigint();
  const problems: VerifyResult['problems'] = [];
  let rows = 0;
  const stripes = await stripesOf(db, regionId);
  const anchors = await anchorsOf(db, regionId);
  // Every chain that lost rows has a head (audit_chain_head keeps one per stripe), so is in `stripes`.
  for (const { stripe, head_seq, head_hash } of stripes) {
    let prevHash = '0'.repeat(64);
    let expectedSeq = 1;
    let after = 0;
    const left = [...(anchors.get(stripe) ?? [])];
    const start = left[0]?.start ? left.shift() : undefined;
    if (start) {
      prevHash = start.hash;
      expectedSeq = Number(start.pos) + 1;
      after = Number(start.pos);
    }
    /** One link of the chain: a row still in the log (with its recomputed hash) or one that left. */
    const link = (seq: number, prev: string, hash: string, computed: string | null) => {
      if (seq > expectedSeq)
        problems.push({
          stripe,
          seq: expectedSeq,
          problem: 'missing',
          detail: `rows ${expectedSeq}..${seq - 1} of chain ${stripe} are missing`,
        });
      if (prev !== prevHash) {
        problems.push({
          stripe,
          seq,
          problem: seq === expectedSeq ? 'inserted' : 'missing',
          detail: `prev_hash does not link to the row before`,
        });
      }
      if (computed !== null && computed !== hash)
        problems.push({ stripe, seq, problem: 'changed', detail: 'content does not match its hash' });
      prevHash = hash;
      expectedSeq = seq + 1;
    };
    const leftBefore = (pos: number) => {
      while (left[0] && Number(left[0].pos) < pos) {
        const a = left.shift()!;
        link(Number(a.pos), a.prev_hash, a.hash, null);
      }
    };
    for (;;) {
      const page = await asSystem(db, 'audit-verify', (tx) =>
        tx.query<{ pos: string; prev_hash: string; hash: string; c: string }>(
          `SELECT coalesce(a.chain_seq, a.seq)::text AS pos, prev_hash, hash, regie.audit_canonical(a) AS c FROM audit_log a
          WHERE a.region_id = $1 AND a.stripe = $2 AND coalesce(a.chain_seq, a.seq) > $3
          ORDER BY coalesce(a.chain_seq, a.seq) LIMIT $4`,
          [regionId, stripe, after, batch],
        ),
      );
      for (const r of page) {
        const seq = Number(r.pos);
        leftBefore(seq);
        link(seq, r.prev_hash, r.hash, createHash('sha256').update(`${r.prev_hash}|${r.c}`, 'utf8').digest('hex'));
        rows++;
      }
      if (page.length < batch) break;
      const last = page[page.length - 1];
      if (!last) break;
      after = Number(last.pos);
    }
    leftBefore(Number.POSITIVE_INFINITY);
    if (head_seq === null) {
      if (expectedSeq > 1)
        problems.push({ stripe, seq: expectedSeq - 1, problem: 'head-mismatch', detail: `chain ${stripe} has rows but no head` });
    } else if (Number(head_seq) !== expectedSeq - 1 || head_hash !== prevHash) {
      problems.push({
        stripe,
        seq: Number(head_seq),
        problem: 'head-mismatch',
        detail: `head of chain ${stripe} is at ${head_seq}, its last row is ${expectedSeq - 1}`,
      });
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { regionId, rows, stripes: stripes.length, ok: problems.length === 0, problems, seconds };
}

/** Who a security event is about when there is no actor's transaction yet (a login, a lockout). */
export type SecuritySubject = Pick<Actor, 'regionId' | 'userId' | 'organisationId' | 'roles' | 'ip' | 'userAgent'>;

/**
 * Security events of an account — login success and failure, lockout, logout, second-factor
 * failure — written now, in the caller's transaction, with the account as the actor.
 */
export function recordSecurityEvent(tx: Tx, who: SecuritySubject, e: AuditEntry): Promise<number> {
  return recordAccess(tx, { ...who, organisationType: '', safetyTask: false, displayName: '' }, e);
}
