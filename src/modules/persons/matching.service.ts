// Possible matches for a person being registered, and reversible merges of two records.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { appendEvent } from '../timeline/timeline.js';
import { auditCandidates, possibleSamePersons, subjectKeyOf, type PersonRecordRow } from './candidates.js';
import { accessAudit, familyAccesses, requirePersonWrite } from '../../platform/access/family-access.js';
import { matchScore } from './matching.js';
import type { MatchDecisionBody, MatchQuery, MergeBody } from './persons.contract.js';

export async function findPossibleMatches(db: Database, actor: Actor, q: z.infer<typeof MatchQuery>) {
  return asActor(db, actor, async (tx) => {
    const { candidates, elsewhere } = await possibleSamePersons(tx, actor, q);
    await auditCandidates(tx, actor, undefined, candidates, elsewhere);
    return { items: candidates, possibleElsewhere: elsewhere.length > 0 };
  });
}

const isoDate = (v: unknown) => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

/**
 * A professional's answer to one proposal: "this is the same person" (confirmed) or "not the same
 * person" (rejected). Only a record the actor may see (row-level security; otherwise 404 like an
 * unused id) that is a possible match for the described person; written with an audit row on the
 * candidate, under the legal basis that lets the actor see the candidate's family. A rejected pair
 * is not proposed again (candidates.ts); nothing is linked or merged here — the link is made when
 * the family is registered with the confirmed record, a merge is its own action.
 */
export async function decidePossibleMatch(
  db: Database,
  actor: Actor,
  body: z.infer<typeof MatchDecisionBody>,
  decision: 'confirmed' | 'rejected',
) {
  return asActor(db, actor, async (tx) => {
    const rows = await tx.query<PersonRecordRow>(
      `SELECT id, bsn, given_names, family_name_prefix, family_name, birth_date FROM persons WHERE region_id = $1 AND id = $2 AND merged_into IS NULL`,
      [actor.regionId, body.candidatePersonId],
    );
    const c = rows[0];
    if (!c) throw new NotFound('person', body.candidatePersonId);
    // A decision about a person is a write: not about one seen only through break the glass (0250).
    await requirePersonWrite(tx, actor, c.id);
    const score = matchScore(body.subject, {
      bsn: c.bsn,
      givenNames: c.given_names,
      familyNamePrefix: c.family_name_prefix,
      familyName: c.family_name,
      birthDate: isoDate(c.birth_date),
    });
    if (score === null)
      throw new Invalid('not_a_possible_match', 'candidatePersonId', {
        nl: 'Deze registratie is geen mogelijke match voor de beschreven persoon.',
        en: 'This record is not a possible match for the person described.',
      });
    const saved = oneRow(
      await tx.query<{ id: string; version: number; inserted: boolean }>(
        `INSERT INTO person_match_decisions (region_id, id, subject_key, person_id, decision, reason, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (region_id, subject_key, person_id) DO UPDATE
          SET decision = EXCLUDED.decision, reason = EXCLUDED.reason, decided_by = EXCLUDED.decided_by, decided_at = now(),
              version = person_match_decisions.version + 1
       RETURNING id, version, (xmax = 0) AS inserted`,
        [actor.regionId, randomUUID(), subjectKeyOf(body.subject), c.id, decision, body.reason ?? null, actor.userId],
      ),
      'match decision',
    );
    const families = await tx.query<{ family_id: string }>(
      `SELECT family_id FROM family_members WHERE region_id = $1 AND person_id = $2 LIMIT 1`,
      [actor.regionId, c.id],
    );
    const familyId = families[0]?.family_id;
    const access = familyId ? (await familyAccesses(tx, actor, [familyId])).get(familyId) : undefined;
    const audit = accessAudit(access);
    await recordAccess(tx, actor, {
      action: saved.inserted ? 'create' : 'update',
      objectType: 'person-match-decision',
      objectId: saved.id,
      personIds: [c.id],
      ...audit,
      ...(familyId ? {} : { legalBasis: 'statutory_task' }),
      reason: [decision === 'confirmed' ? 'bevestigd: zelfde persoon' : 'afgewezen: niet dezelfde persoon', body.reason, audit.reason]
        .filter(Boolean)
        .join('; '),
    });
    return { id: saved.id, decision, candidatePersonId: c.id, score, version: saved.version };
  });
}

async function visiblePerson(tx: Tx, actor: Actor, id: string, field: string) {
  await requirePersonWrite(tx, actor, id);
  const rows = await tx.query<{ id: string; merged_into: string | null; given_names: string }>(
    `SELECT id, merged_into, given_names FROM persons WHERE region_id = $1 AND id = $2 FOR UPDATE`,
    [actor.regionId, id],
  );
  if (!rows[0]) throw new NotFound('person', id);
  if (rows[0].merged_into)
    throw new Conflict(
      'already_merged',
      { nl: 'Deze persoon is al samengevoegd met een ander.', en: 'This person was already merged.' },
      field,
    );
  return rows[0];
}

/** Joins two records of one person: the merged record's family memberships move to the survivor. */
export async function mergePersons(db: Database, actor: Actor, body: z.infer<typeof MergeBody>) {
  if (body.survivingPersonId === body.mergedPersonId)
    throw new Invalid('same_person', 'mergedPersonId', {
      nl: 'Kies twee verschillende registraties.',
      en: 'Choose two different records.',
    });
  return asActor(db, actor, async (tx) => {
    const survivor = await visiblePerson(tx, actor, body.survivingPersonId, 'survivingPersonId');
    await visiblePerson(tx, actor, body.mergedPersonId, 'mergedPersonId');
    const memberships = await tx.query<{ family_id: string; relation: string; survivor_member: boolean }>(
      `SELECT fm.family_id, fm.relation, EXISTS (SELECT 1 FROM family_members s WHERE s.region_id = fm.region_id AND s.family_id = fm.family_id AND s.person_id = $3) AS survivor_member
         FROM family_members fm WHERE fm.region_id = $1 AND fm.person_id = $2`,
      [actor.regionId, body.mergedPersonId, body.survivingPersonId],
    );
    await tx.query(`DELETE FROM family_members WHERE region_id = $1 AND person_id = $2`, [actor.regionId, body.mergedPersonId]);
    for (const m of memberships.filter((x) => !x.survivor_member))
      await tx.query(`INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4)`, [
        actor.regionId,
        m.family_id,
        body.survivingPersonId,
        m.relation,
      ]);
    await tx.query(`UPDATE persons SET merged_into = $3, version = version + 1 WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      body.mergedPersonId,
      body.survivingPersonId,
    ]);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO person_merges (region_id, id, surviving_person_id, merged_person_id, reason, moved_memberships, merged_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.regionId, id, body.survivingPersonId, body.mergedPersonId, body.reason, JSON.stringify(memberships), actor.userId],
    );
    for (const m of memberships)
      await appendEvent(tx, actor, { familyId: m.family_id, kind: 'person_merged', params: { givenNames: survivor.given_names } });
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'person-merge',
      objectId: id,
      personIds: [body.survivingPersonId, body.mergedPersonId],
      careRelation: true,
      reason: body.reason,
    });
    return { id, survivingPersonId: body.survivingPersonId, mergedPersonId: body.mergedPersonId, undone: false };
  });
}

/** Undoes a merge: the memberships go back to the merged record, which becomes separate again. */
export async function undoMerge(db: Database, actor: Actor, mergeId: string) {
  return asActor(db, actor, async (tx) => {
    const rows = await tx.query<{
      surviving_person_id: string;
      merged_person_id: string;
      moved_memberships: Array<{ family_id: string; relation: string; survivor_member: boolean }>;
      undone_at: string | null;
    }>(
      `SELECT surviving_person_id, merged_person_id, moved_memberships, undone_at FROM person_merges WHERE region_id = $1 AND id = $2 FOR UPDATE`,
      [actor.regionId, mergeId],
    );
    const m = rows[0];
    if (!m) throw new NotFound('person-merge', mergeId);
    if (m.undone_at)
      throw new Conflict('already_undone', { nl: 'Deze samenvoeging is al ongedaan gemaakt.', en: 'This merge was already undone.' });
    const moved = typeof m.moved_memberships === 'string' ? JSON.parse(m.moved_memberships) : m.moved_memberships;
    for (const x of moved) {
      if (!x.survivor_member)
        await tx.query(`DELETE FROM family_members WHERE region_id = $1 AND family_id = $2 AND person_id = $3`, [
          actor.regionId,
          x.family_id,
          m.surviving_person_id,
        ]);
      await tx.query(`INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4)`, [
        actor.regionId,
        x.family_id,
        m.merged_person_id,
        x.relation,
      ]);
      await appendEvent(tx, actor, { familyId: x.family_id, kind: 'person_merge_undone', params: {} });
    }
    await tx.query(`UPDATE persons SET merged_into = NULL, version = version + 1 WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      m.merged_person_id,
    ]);
    await tx.query(`UPDATE person_merges SET undone_at = now(), undone_by = $3 WHERE region_id = $1 AND id = $2`, [
      actor.regionId,
      mergeId,
      actor.userId,
    ]);
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'person-merge',
      objectId: mergeId,
      personIds: [m.surviving_person_id, m.merged_person_id],
      careRelation: true,
      reason: 'undo',
    });
    return { id: mergeId, survivingPersonId: m.surviving_person_id, mergedPersonId: m.merged_person_id, undone: true };
  });
}
