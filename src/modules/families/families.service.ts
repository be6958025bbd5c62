// Use cases for families: register, read the family page, search, add members and network.
// One transaction per use case; audit rows and timeline events are written in it.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Invalid, NotFound } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { appendCaseOpened, appendEvent, familyPersonIds } from '../timeline/timeline.js';
import { findFamilyPage, listFamilies, normaliseSearch } from './families.repo.js';
import { accessAudit, familyAccess, familyAccesses, requireFamilyWrite } from '../../platform/access/family-access.js';
import { requireQualifiedCoordinator, insertCase } from '../cases/case-team.js';
import type { RegisterFamilyBody, MemberInput, NetworkMemberInput, FamilyListQuery } from './families.contract.js';
import { refusalAudited, refusalDetail } from '../../platform/audit/refusals.js';

type Register = z.infer<typeof RegisterFamilyBody>;
type MemberIn = z.infer<typeof MemberInput>;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function defaultFamilyName(members: MemberIn[]) {
  const head = members.find((m) => m.relation === 'parent' || m.relation === 'carer') ?? members[0];
  if (!head) throw new Error('a family is registered with at least one member (the contract requires one)');
  return `Gezin ${cap([head.familyNamePrefix, head.familyName].filter(Boolean).join(' '))}`;
}

export function familySearchText(
  name: string,
  members: Array<{ givenNames: string; familyNamePrefix?: string | null; familyName: string }>,
) {
  const words = [
    name.replace(/^Gezin /, ''),
    ...members.flatMap((m) => [m.givenNames, [m.familyNamePrefix, m.familyName].filter(Boolean).join(' '), m.familyName]),
  ];
  return normaliseSearch([...new Set(words)].join(' '));
}

/** Recomputes a family's search text from its name and current members (after a member is added or renamed). */
export async function refreshFamilySearchText(tx: Tx, regionId: string, familyId: string, o: { bumpVersion?: boolean } = {}) {
  const all = await tx.query<{ name: string; given_names: string; family_name_prefix: string | null; family_name: string }>(
    `SELECT f.name, p.given_names, p.family_name_prefix, p.family_name FROM families f
       JOIN family_members fm ON fm.region_id = f.region_id AND fm.family_id = f.id
       JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE f.region_id = $1 AND f.id = $2`,
    [regionId, familyId],
  );
  const [first] = all;
  if (!first) return;
  await tx.query(`UPDATE families SET search_text = $3${o.bumpVersion ? ', version = version + 1' : ''} WHERE region_id = $1 AND id = $2`, [
    regionId,
    familyId,
    familySearchText(
      first.name,
      all.map((r) => ({ givenNames: r.given_names, familyNamePrefix: r.family_name_prefix, familyName: r.family_name })),
    ),
  ]);
}

/** Refuses a BSN that exists; links to the person only when the actor may see them. */
export async function refuseDuplicateBsn(tx: Tx, actor: Actor, bsn: string, field: string) {
  const rows = await tx.query<{ id: string | null }>(`SELECT regie.person_id_by_bsn($1, $2) AS id`, [actor.regionId, bsn]);
  const existing = rows[0]?.id;
  if (!existing) return;
  const visible = await tx.query<{ family_id: string }>(
    `SELECT fm.family_id FROM persons p JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
      WHERE p.region_id = $1 AND p.id = $2 LIMIT 1`,
    [actor.regionId, existing],
  );
  // The refusal is audited as a probe of that person (src/platform/audit/refusals.ts); the answer never names them.
  const probe = { objectType: 'person', objectId: existing, personIds: [existing] };
  if (visible[0]) {
    throw refusalDetail(
      new Conflict(
        'duplicate_bsn',
        {
          nl: 'Deze persoon staat al in Regie. Open het bestaande gezin in plaats van een nieuw te registreren.',
          en: 'This person is already registered. Open the existing family instead.',
        },
        field,
        { existingPersonId: existing, existingFamilyId: visible[0].family_id },
      ),
      probe,
    );
  }
  throw refusalDetail(
    new Conflict(
      'duplicate_bsn',
      {
        nl: 'Dit BSN is al geregistreerd in de regio. Neem contact op met uw teamleider om samen te werken met de betrokken professional.',
        en: 'This BSN is already registered in the region. Contact your team lead to work with the professional involved.',
      },
      field,
    ),
    probe,
  );
}

async function insertPerson(tx: Tx, actor: Actor, m: MemberIn): Promise<string> {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO persons (region_id, id, bsn, given_names, family_name_prefix, family_name, birth_date, gender, street, house_number, postcode, city, phone, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      actor.regionId,
      id,
      m.bsn ?? null,
      m.givenNames,
      m.familyNamePrefix ?? null,
      m.familyName,
      m.birthDate ?? null,
      m.gender ?? null,
      m.street ?? null,
      m.houseNumber ?? null,
      m.postcode?.toUpperCase().replace(/^(\d{4})\s?/, '$1 ') ?? null,
      m.city ?? null,
      m.phone ?? null,
      actor.userId,
    ],
  );
  return id;
}

export /** A confirmed match links the existing record instead of creating a second one. */
async function confirmedPerson(tx: Tx, actor: Actor, personId: string, field: string): Promise<string> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM persons WHERE region_id = $1 AND id = $2 AND merged_into IS NULL`, [
    actor.regionId,
    personId,
  ]);
  if (!rows[0]) throw new Invalid('unknown_person', field, { nl: 'Deze persoon is niet gevonden.', en: 'This person was not found.' });
  return personId;
}

export function onUniqueBsn<T>(p: Promise<T>, field: string): Promise<T> {
  return p.catch((e: { code?: string; constraint?: string }) => {
    if (e.code === '23505' && e.constraint === 'persons_bsn')
      throw new Conflict(
        'duplicate_bsn',
        { nl: 'Dit BSN is zojuist door iemand anders geregistreerd.', en: 'This BSN was just registered by someone else.' },
        field,
      );
    throw e;
  });
}

/** Refuses one BSN given twice in the same form; `field` names the members array (members, newFamily.members). */
export function refuseBsnTwiceInRequest(members: MemberIn[], field = 'members') {
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    if (!m.bsn) continue;
    if (seen.has(m.bsn))
      throw new Invalid('duplicate_bsn_in_request', `${field}[${i}].bsn`, {
        nl: 'Hetzelfde BSN staat twee keer in het formulier.',
        en: 'The same BSN appears twice in the form.',
      });
    seen.add(m.bsn);
  }
}

/**
 * A new family with its members (new persons, or existing ones the professional confirmed), in
 * the caller's transaction; no case and no team. Used at registration and when triage opens a
 * case for a family Regie does not know yet. Wrap the call in onUniqueBsn.
 */
export async function insertFamily(tx: Tx, actor: Actor, body: { name?: string; members: MemberIn[] }, field = 'members') {
  refuseBsnTwiceInRequest(body.members, field);
  for (const [i, m] of body.members.entries())
    if (m.bsn && !m.existingPersonId) await refuseDuplicateBsn(tx, actor, m.bsn, `${field}[${i}].bsn`);
  const familyId = randomUUID();
  const name = body.name ?? defaultFamilyName(body.members);
  await tx.query(`INSERT INTO families (region_id, id, name, search_text, created_by) VALUES ($1, $2, $3, $4, $5)`, [
    actor.regionId,
    familyId,
    name,
    familySearchText(name, body.members),
    actor.userId,
  ]);
  const personIds: string[] = [];
  for (const [i, m] of body.members.entries()) {
    const pid = m.existingPersonId
      ? await confirmedPerson(tx, actor, m.existingPersonId, `${field}[${i}].existingPersonId`)
      : await insertPerson(tx, actor, m);
    personIds.push(pid);
    await tx.query(`INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4)`, [
      actor.regionId,
      familyId,
      pid,
      m.relation,
    ]);
  }
  return { familyId, name, personIds };
}

export async function registerFamily(db: Database, actor: Actor, body: Register): Promise<{ id: string; caseId: string }> {
  refuseBsnTwiceInRequest(body.members);
  return asActor(db, actor, (tx) =>
    onUniqueBsn(
      (async () => {
        const coordinator = await requireQualifiedCoordinator(tx, actor.regionId, body.case.coordinatorUserId, 'case.coordinatorUserId');
        const { familyId, name, personIds } = await insertFamily(tx, actor, body);
        for (const n of body.network ?? []) await insertNetworkMember(tx, actor, familyId, n);
        const caseId = await insertCase(tx, actor, {
          familyId,
          coordinatorUserId: body.case.coordinatorUserId,
          legalBasis: body.case.legalBasis,
          field: 'case.coordinatorUserId',
        });
        await appendEvent(tx, actor, { familyId, kind: 'family_registered', params: { name, count: body.members.length } });
        await appendCaseOpened(tx, actor, {
          familyId,
          caseId,
          opened: { kind: 'case_opened', params: {} },
          coordinator,
          legalBasis: body.case.legalBasis,
        });
        await recordAccess(tx, actor, {
          action: 'create',
          objectType: 'family',
          objectId: familyId,
          personIds,
          legalBasis: body.case.legalBasis,
          careRelation: true,
          consent: body.case.legalBasis === 'consent',
        });
        return { id: familyId, caseId };
      })(),
      'members',
    ),
  );
}

export async function readFamilyPage(db: Database, actor: Actor, familyId: string) {
  const result = await asActor(db, actor, async (tx) => {
    // Both at once: one round trip with the transaction's BEGIN and settings (db.ts, pipelined).
    const [p, access] = await Promise.all([findFamilyPage(tx, actor.regionId, familyId, actor.userId), familyAccess(tx, actor, familyId)]);
    if (!p || !access.allowed) {
      // Denied attempts are logged too; the caller cannot tell "denied" from "does not exist".
      await recordAccess(tx, actor, { action: 'read', objectType: 'family', objectId: familyId, outcome: 'denied' });
      return null;
    }
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'family',
      objectId: familyId,
      personIds: p.members.map((m) => m.personId),
      ...accessAudit(access),
    });
    return {
      ...p,
      access: {
        ...p.access,
        legalBasis: p.access.legalBasis ?? access.legalBasis ?? null,
        breakGlass: access.breakGlass,
        breakGlassExpiresAt: access.breakGlassExpiresAt ?? null,
      },
    };
  });
  if (!result) throw refusalAudited(new NotFound('family', familyId));
  return result;
}

export async function searchFamilies(db: Database, actor: Actor, q: z.infer<typeof FamilyListQuery>) {
  const limit = q.limit ?? 20;
  const organisationWide = q.scope === 'organisation' && actor.roles.includes('team_lead');
  return asActor(db, actor, async (tx) => {
    const { items, sortValues } = await listFamilies(tx, {
      regionId: actor.regionId,
      userId: actor.userId,
      organisationId: actor.organisationId,
      organisationWide,
      q: q.q,
      sort: q.sort ?? 'name',
      filter: q.filter,
      after: decodeCursor(q.cursor),
      limit,
    });
    const result = page(items, sortValues, limit);
    // A search that shows 20 persons writes 20 audit rows, each with the legal basis that let the actor see that family.
    const accesses = await familyAccesses(
      tx,
      actor,
      result.items.map((f) => f.id),
    );
    for (const f of result.items)
      if (f.members.length)
        await recordAccess(tx, actor, {
          action: 'read',
          objectType: 'family-search',
          objectId: q.q ? 'query' : 'list',
          personIds: f.members.map((m) => m.personId),
          ...accessAudit(accesses.get(f.id)),
        });
    return result;
  });
}

async function insertNetworkMember(tx: Tx, actor: Actor, familyId: string, n: z.infer<typeof NetworkMemberInput>) {
  const id = randomUUID();
  await tx.query(
    `INSERT INTO network_members (region_id, id, family_id, name, relation, phone, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [actor.regionId, id, familyId, n.name, n.relation, n.phone ?? null, n.note ?? null],
  );
  return id;
}

/** Loads the family for a change; throws the same 404 for "not visible" and "does not exist". */
async function lockFamily(tx: Tx, actor: Actor, familyId: string) {
  const rows = await tx.query<{ name: string }>(`SELECT name FROM families WHERE region_id = $1 AND id = $2 FOR UPDATE`, [
    actor.regionId,
    familyId,
  ]);
  if (!rows[0]) throw new NotFound('family', familyId);
  return rows[0];
}

export async function addMember(db: Database, actor: Actor, familyId: string, m: MemberIn) {
  return asActor(db, actor, (tx) =>
    onUniqueBsn(
      (async () => {
        const access = await requireFamilyWrite(tx, actor, familyId);
        await lockFamily(tx, actor, familyId);
        if (m.bsn) await refuseDuplicateBsn(tx, actor, m.bsn, 'bsn');
        const pid = await insertPerson(tx, actor, m);
        await tx.query(`INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4)`, [
          actor.regionId,
          familyId,
          pid,
          m.relation,
        ]);
        await refreshFamilySearchText(tx, actor.regionId, familyId, { bumpVersion: true });
        await appendEvent(tx, actor, { familyId, kind: 'member_added', params: { givenNames: m.givenNames } });
        await recordAccess(tx, actor, { action: 'create', objectType: 'person', objectId: pid, personIds: [pid], ...accessAudit(access) });
        return { id: pid };
      })(),
      'bsn',
    ),
  );
}

export async function addNetworkMember(db: Database, actor: Actor, familyId: string, n: z.infer<typeof NetworkMemberInput>) {
  return asActor(db, actor, async (tx) => {
    const access = await requireFamilyWrite(tx, actor, familyId);
    await lockFamily(tx, actor, familyId);
    const id = await insertNetworkMember(tx, actor, familyId, n);
    await appendEvent(tx, actor, { familyId, kind: 'network_member_added', params: { relation: n.relation } });
    await recordAccess(tx, actor, {
      action: 'create',
      objectType: 'network-member',
      objectId: id,
      personIds: await familyPersonIds(tx, actor.regionId, familyId),
      ...accessAudit(access),
    });
    return { id };
  });
}
