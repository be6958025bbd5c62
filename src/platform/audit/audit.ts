// NEN 7513 audit log. Rows are written in the transaction of the access they describe, one per
// person concerned; the database assigns sequence, time and hash (migrations/0004_audit_log.sql).
import { createHash } from 'node:crypto';
import type { Database, Tx } from '../db/db.js';
import { primaryRole, type Actor } from '../access/actor.js';

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

export async function recordAccess(tx: Tx, actor: Actor, e: AuditEntry): Promise<number> {
  const persons = e.personIds && e.personIds.length ? [...new Set(e.personIds)] : [null];
  await tx.query(
    `INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id,
        object_type, object_id, ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
     SELECT $1, 0, $2, $3, $4, $5, $6, p, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, '', ''
       FROM unnest($17::uuid[]) AS p`,
    [actor.regionId, e.action, actor.userId, primaryRole(actor), actor.organisationId, e.onBehalfOf ?? actor.organisationId,
      e.objectType, e.objectId ?? null, actor.ip ?? null, actor.userAgent ?? null, e.legalBasis ?? null,
      e.careRelation ?? false, e.consent ?? false, e.breakGlass ?? false, e.outcome ?? 'allowed', e.reason ?? null, persons],
    { prepare: true },
  );
  return persons.length;
}

export interface VerifyResult {
  regionId: string;
  rows: number;
  ok: boolean;
  problems: { seq: number; problem: 'changed' | 'missing' | 'inserted' | 'head-mismatch'; detail: string }[];
  seconds: number;
}

/**
 * Recomputes the chain of one region. A changed row fails its hash; a removed row leaves a gap
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
    const page = await db.query<{ seq: string; prev_hash: string; hash: string; c: string }>(
      `SELECT seq::text, prev_hash, hash, regie.audit_canonical(a) AS c FROM audit_log a
        WHERE a.region_id = $1 AND a.seq > $2 ORDER BY a.seq LIMIT $3`, [regionId, after, batch]);
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
  const head = await db.query<{ seq: string; hash: string }>(`SELECT seq::text, hash FROM audit_chain_head WHERE region_id = $1`, [regionId]);
  if (head[0] && (Number(head[0].seq) !== expectedSeq - 1 || head[0].hash !== prevHash))
    problems.push({ seq: Number(head[0].seq), problem: 'head-mismatch', detail: `chain head is at ${head[0].seq}, last row is ${expectedSeq - 1}` });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { regionId, rows, ok: problems.length === 0, problems, seconds };
}
