// "Possibly the same person": the one place that looks for candidates, for registering a family
// member (possible-matches) and for a handover arriving from another region. The persons shown
// are those the actor may see, read through row-level security; of all others the actor learns
// at most that someone possibly the same exists (regie.person_candidates returns ids only), and
// that hint is an audit row of its own. Proposals are ranked by score; one a professional rejected
// for the same described person (person_match_decisions) is not made again.
import { createHash } from 'node:crypto';
import type { Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { familyAccesses, accessAudit } from '../../platform/access/family-access.js';
import { fold, matchScore, possibleSameReason, surnameParts, type MatchReason, type PersonKey } from './matching.js';

/** The columns of a person record that say who it is (`persons`). */
export interface PersonRecordRow {
  id: string;
  bsn: string | null;
  given_names: string;
  family_name_prefix: string | null;
  family_name: string;
  birth_date: unknown;
}

export interface VisibleCandidate {
  personId: string;
  fullName: string;
  birthDate: string | null;
  reason: MatchReason;
  familyId: string | null;
  familyName: string | null;
  /** 0..1, higher is more alike (matching.ts matchScore); the list is sorted on it. */
  score: number;
  /** A professional already confirmed this record as the described person. */
  confirmed?: boolean;
}

/**
 * The described person as a one-way key, so a decision about "this description vs that record"
 * is found again without storing the name: first given name, significant surname words, birth
 * date and BSN, normalised like the matching itself (accents, case, prefixes).
 */
export function subjectKeyOf(key: PersonKey): string {
  const given = fold(key.givenNames).split(' ')[0] ?? '';
  const surname = [...surnameParts(key.familyNamePrefix, key.familyName)].sort().join(' ');
  return `described:${createHash('sha256')
    .update(JSON.stringify([given, surname, key.birthDate ?? '', key.bsn ?? '']))
    .digest('hex')}`;
}

/** Decisions about the described person, by candidate (only about persons the actor may see: RLS). */
export async function matchDecisions(tx: Tx, regionId: string, subjectKey: string): Promise<Map<string, 'confirmed' | 'rejected'>> {
  const rows = await tx.query<{ person_id: string; decision: 'confirmed' | 'rejected' }>(
    `SELECT person_id, decision FROM person_match_decisions WHERE region_id = $1 AND subject_key = $2`,
    [regionId, subjectKey],
  );
  return new Map(rows.map((r) => [r.person_id, r.decision]));
}

const isoDate = (v: unknown) => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

/** Candidates for one described person: the visible ones in full, and whether others exist out of sight (their ids, for the audit row). */
export async function possibleSamePersons(
  tx: Tx,
  actor: Actor,
  key: PersonKey,
): Promise<{ candidates: VisibleCandidate[]; elsewhere: string[] }> {
  // Row-level security: only persons in families the actor may see (or all, for the privacy officer).
  const visible = await tx.query<PersonRecordRow & { family_id: string | null; family_name_of_family: string | null }>(
    `SELECT DISTINCT ON (p.id) p.id, p.bsn, p.given_names, p.family_name_prefix, p.family_name, p.birth_date, f.id AS family_id, f.name AS family_name_of_family
       FROM persons p
       LEFT JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
       LEFT JOIN families f ON f.region_id = fm.region_id AND f.id = fm.family_id
      WHERE p.region_id = $1 AND p.merged_into IS NULL AND (($2::text IS NOT NULL AND p.bsn = $2) OR ($3::date IS NOT NULL AND p.birth_date = $3::date))
      ORDER BY p.id LIMIT 200`,
    [actor.regionId, key.bsn ?? null, key.birthDate ?? null],
  );
  const decisions = await matchDecisions(tx, actor.regionId, subjectKeyOf(key));
  const candidates = visible
    .filter((c) => decisions.get(c.id) !== 'rejected')
    .map((c) => {
      const other = {
        bsn: c.bsn,
        givenNames: c.given_names,
        familyNamePrefix: c.family_name_prefix,
        familyName: c.family_name,
        birthDate: isoDate(c.birth_date),
      };
      return { c, reason: possibleSameReason(key, other), score: matchScore(key, other) ?? 0 };
    })
    .filter((x): x is typeof x & { reason: MatchReason } => x.reason !== null)
    .map(({ c, reason, score }) => ({
      personId: c.id,
      fullName: [c.given_names, c.family_name_prefix, c.family_name].filter(Boolean).join(' '),
      birthDate: isoDate(c.birth_date),
      reason,
      familyId: c.family_id,
      familyName: c.family_name_of_family,
      score,
      ...(decisions.get(c.id) === 'confirmed' ? { confirmed: true } : {}),
    }))
    .sort((a, b) => b.score - a.score || a.fullName.localeCompare(b.fullName));
  const seen = new Set(visible.map((v) => v.id));
  const ids = await tx.query<{ id: string }>(`SELECT id FROM regie.person_candidates($1, $2, $3, $4, $5)`, [
    actor.regionId,
    key.bsn ?? null,
    key.birthDate ?? null,
    surnameParts(key.familyNamePrefix, key.familyName),
    fold(key.givenNames).charAt(0),
  ]);
  return { candidates, elsewhere: ids.map((r) => r.id).filter((id) => !seen.has(id)) };
}

/**
 * The audit rows of a candidate answer: the persons shown, each with the legal basis that lets
 * the actor see their family; and the persons out of sight about whom "possibly known elsewhere"
 * was said (the registration of a person is a statutory task; no care relation).
 */
export async function auditCandidates(tx: Tx, actor: Actor, objectId: string | undefined, shown: VisibleCandidate[], elsewhere: string[]) {
  const accesses = await familyAccesses(tx, actor, [...new Set(shown.flatMap((c) => (c.familyId ? [c.familyId] : [])))]);
  for (const c of shown)
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'person-match',
      objectId,
      personIds: [c.personId],
      ...accessAudit(c.familyId ? accesses.get(c.familyId) : undefined),
      ...(c.familyId ? {} : { legalBasis: 'statutory_task' }),
    });
  if (elsewhere.length)
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'person-match-elsewhere',
      objectId,
      personIds: elsewhere,
      legalBasis: 'statutory_task',
      reason: 'mogelijk elders bekend',
    });
}
