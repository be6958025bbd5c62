// NEN 7513 audit log. Rows are written in the transaction of the access they describe, one per
// person concerned; the database assigns sequence, time and hash (migrations/0004_audit_log.sql).
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

type Row = [action: string, userId: string, role: string, organisationId: string, onBehalfOf: string, personId: string | null, objectType: string,
  objectId: string | null, ip: string | null, userAgent: string | null, legalBasis: string | null, careRelation: boolean, consent: boolean,
  breakGlass: boolean, outcome: string, reason: string | null];

/**
 * Audit rows of an actor's transaction wait here and are written by one INSERT just before its
 * COMMIT (asActor calls flushAudit). The same transaction, so a change is never without its audit
 * rows nor the other way round; but the region's chain head — locked by the first audit row
 * until COMMIT — is now held for one statement instead of for the rest of the use case.
 */
const pending = new WeakMap<Tx, { regionId: string; rows: Row[] }>();

export function deferAudit(tx: Tx, regionId: string) { pending.set(tx, { regionId, rows: [] }); }
export function discardAudit(tx: Tx) { pending.delete(tx); }

export async function flushAudit(tx: Tx) {
  const batch = pending.get(tx);
  pending.delete(tx);
  if (batch) await insertRows(tx, batch.regionId, batch.rows);
}

/** All rows in one INSERT, in order; the chain trigger gives each its seq and hash. */
async function insertRows(tx: Tx, regionId: string, rows: Row[]) {
  if (rows.length === 0) return;
  const cols = rows[0].map((_, i) => rows.map((r) => r[i]));
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
    [regionId, ...cols], { prepare: true },
  );
}

export async function recordAccess(tx: Tx, actor: Actor, e: AuditEntry): Promise<number> {
  const persons = e.personIds && e.personIds.length ? [...new Set(e.personIds)] : [null];
  const rows: Row[] = persons.map((p) => [e.action, actor.userId, primaryRole(actor), actor.organisationId, e.onBehalfOf ?? actor.organisationId, p,
    e.objectType, e.objectId ?? null, actor.ip ?? null, actor.userAgent ?? null, e.legalBasis ?? null, e.careRelation ?? false, e.consent ?? false,
    e.breakGlass ?? false, e.outcome ?? 'allowed', e.reason ?? null]);
  // Outside asActor (or for another region's chain) there is no batch to join: written now.
  const batch = pending.get(tx);
  if (batch && batch.regionId === actor.regionId) batch.rows.push(...rows);
  else await insertRows(tx, actor.regionId, rows);
  return persons.length;
}

export interface VerifyResult {
  regionId: string;
  rows: number;
  ok: boolean;
  /** The last three come from the comparison with a signed checkpoint (checkpoints.ts). */
  problems: { seq: number; problem: 'changed' | 'missing' | 'inserted' | 'head-mismatch' | 'truncated' | 'rewritten' | 'checkpoint-invalid'; detail: string }[];
  seconds: number;
}

/**
 * Recomputes the chain of one region, behind the `audit-verify` door (migrations/0191): the
 * command line's `regie audit verify` and the privacy officer's check, after the route's permission. A changed row fails its hash; a removed row leaves a gap
 * in seq and a prev_hash that does not match; an inserted row breaks the link after it.
 */
export async function verifyChain(db: Database, regionId: string, batch = 20000): Promise<VerifyResult> {
  const started = process.hrtime.bigint();
  const problems: VerifyResult['problems'] = [];
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let rows = 0;
  let after = 0;
  for (;;) {
    const page = await asSystem(db, 'audit-verify', (tx) => tx.query<{ seq: string; prev_hash: string; hash: string; c: string }>(
      `SELECT seq::text, prev_hash, hash, regie.audit_canonical(a) AS c FROM audit_log a
        WHERE a.region_id = $1 AND a.seq > $2 ORDER BY a.seq LIMIT $3`, [regionId, after, batch]));
    for (const r of page) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) {
        if (seq > expectedSeq) problems.push({ seq: expectedSeq, problem: 'missing', detail: `rows ${expectedSeq}..${seq - 1} are missing` });
      }
      if (r.prev_hash !== prevHash) {
        problems.push({ seq, problem: seq === expectedSeq ? 'inserted' : 'missing', detail: `prev_hash does not link to the row before` });
      }
      const computed = createHash('sha256').update(`${r.prev_hash}|${r.c}`, 'utf8').digest('hex');
      if (computed !== r.hash) problems.push({ seq, problem: 'changed', detail: 'content does not match its hash' });
      prevHash = r.hash;
      expectedSeq = seq + 1;
      rows++;
    }
    if (page.length < batch) break;
    after = Number(page[page.length - 1].seq);
  }
  const head = await asSystem(db, 'audit-verify', (tx) => tx.query<{ seq: string; hash: string }>(`SELECT seq::text, hash FROM audit_chain_head WHERE region_id = $1`, [regionId]));
  if (head[0] && (Number(head[0].seq) !== expectedSeq - 1 || head[0].hash !== prevHash))
    problems.push({ seq: Number(head[0].seq), problem: 'head-mismatch', detail: `chain head is at ${head[0].seq}, last row is ${expectedSeq - 1}` });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { regionId, rows, ok: problems.length === 0, problems, seconds };
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
