// A handover from ANOTHER region arrives in the receiver's region: the family is not known here
// yet. What the receiver sees before accepting (how each person of the package arrives), and
// the acceptance itself, inside the one accepting transaction (handovers.accept.ts): the
// persons are linked by BSN or registered (never merged on name unless the receiver confirms a
// possible match), the family is registered (or the one the receiver picks is used), a case is
// opened with the nominee as coordinator and the receiving team on it with the handover's legal
// basis, and the sender's side is finished in the sender's region (handovers.elsewhere.ts, through
// the narrow writers of migration 0360). See docs/adr/0006-cross-region-handovers.md.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { appendCaseOpened, appendEvent } from '../timeline/timeline.js';
import { notify } from '../notifications/notify.js';
import { recordMoment } from '../leadtimes/moments.js';
import { insertCase } from '../cases/case-team.js';
import type { PersonKey } from '../persons/matching.js';
import { auditCandidates, possibleSamePersons, type VisibleCandidate } from '../persons/candidates.js';
import { familySearchText, onUniqueBsn, refreshFamilySearchText } from '../families/families.service.js';
import { personIdByBsn, type HandoverRow, type PackagePerson } from './handovers.repo.js';
import type { AcceptHandoverBody, ArrivingPerson } from './handovers.contract.js';

type Arriving = z.infer<typeof ArrivingPerson>;
export type Nominee = { id: string; display_name: string };
const RELATIONS = new Set(['parent', 'child', 'partner', 'carer', 'other']);

/** The name in parts; a package written before parts were stored gives its last word as the family name. */
function keyOf(p: PackagePerson): Required<Pick<PersonKey, 'givenNames' | 'familyName'>> & PersonKey {
  if (p.familyName)
    return {
      bsn: p.bsn,
      givenNames: p.givenNames ?? '',
      familyNamePrefix: p.familyNamePrefix ?? null,
      familyName: p.familyName,
      birthDate: p.birthDate,
    };
  const words = p.name.trim().split(/\s+/);
  // split always answers at least one (possibly empty) word
  const [first = ''] = words;
  const last = words[words.length - 1] ?? '';
  return {
    bsn: p.bsn,
    givenNames: words.slice(0, -1).join(' ') || first,
    familyNamePrefix: null,
    familyName: last,
    birthDate: p.birthDate,
  };
}

/**
 * For the receiver of a pending handover from another region: per person of the package,
 * whether its BSN is registered here (then that registration is linked), and the persons the
 * receiver may see who are possibly the same (shown to confirm, never linked unasked). The
 * candidates shown are audited like a search.
 */
export async function arrivalOf(tx: Tx, actor: Actor, persons: PackagePerson[], handoverId: string): Promise<{ persons: Arriving[] }> {
  const out: Arriving[] = [];
  const shown: VisibleCandidate[] = [];
  const elsewhere = new Set<string>();
  for (const p of persons) {
    const bsnKnown = p.bsn ? (await personIdByBsn(tx, actor.regionId, p.bsn)) !== null : false;
    const found = await possibleSamePersons(tx, actor, keyOf(p));
    shown.push(...found.candidates.filter((c) => !shown.some((s) => s.personId === c.personId)));
    for (const id of found.elsewhere) elsewhere.add(id);
    out.push({ personId: p.personId, bsnKnown, candidates: found.candidates, possibleElsewhere: found.elsewhere.length > 0 });
  }
  await auditCandidates(tx, actor, handoverId, shown, [...elsewhere]);
  return { persons: out };
}

/** Which person of the receiver's region each person of the package becomes. */
async function arrivingPersons(
  tx: Tx,
  actor: Actor,
  h: HandoverRow,
  confirmed: NonNullable<z.infer<typeof AcceptHandoverBody>['persons']>,
) {
  for (const [i, c] of confirmed.entries()) {
    if (!h.persons.some((p) => p.personId === c.personId))
      throw new Invalid('person_not_concerned', `persons[${i}].personId`, {
        nl: 'Deze persoon staat niet in het informatiepakket.',
        en: 'This person is not in the information package.',
      });
  }
  const result: Array<{ personId: string; relation: string; key: PersonKey; existing: boolean }> = [];
  for (const p of h.persons) {
    const key = keyOf(p);
    const at = confirmed.findIndex((c) => c.personId === p.personId);
    const chosen = confirmed[at];
    const byBsn = p.bsn ? await personIdByBsn(tx, actor.regionId, p.bsn) : null;
    let personId: string | null = byBsn;
    if (chosen) {
      const field = `persons[${at}].existingPersonId`;
      const rows = await tx.query<{ id: string; bsn: string | null }>(
        `SELECT id, bsn FROM persons WHERE region_id = $1 AND id = $2 AND merged_into IS NULL`,
        [actor.regionId, chosen.existingPersonId],
      );
      if (!rows[0])
        throw new Invalid('unknown_person', field, {
          nl: 'Deze persoon is niet gevonden in uw regio.',
          en: 'This person was not found in your region.',
        });
      if ((byBsn && byBsn !== rows[0].id) || (p.bsn && rows[0].bsn && p.bsn !== rows[0].bsn))
        throw new Invalid('bsn_mismatch', field, {
          nl: 'Deze registratie heeft een ander BSN dan de persoon in het informatiepakket; het zijn twee personen.',
          en: 'This record has another BSN than the person in the information package; they are two people.',
        });
      personId = rows[0].id;
    }
    const existing = personId !== null;
    if (!personId) {
      personId = randomUUID();
      await tx.query(
        `INSERT INTO persons (region_id, id, bsn, given_names, family_name_prefix, family_name, birth_date, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          actor.regionId,
          personId,
          p.bsn ?? null,
          key.givenNames,
          key.familyNamePrefix ?? null,
          key.familyName,
          p.birthDate ?? null,
          actor.userId,
        ],
      );
    }
    if (result.some((x) => x.personId === personId))
      throw new Invalid('duplicate_person', at >= 0 ? `persons[${at}].existingPersonId` : 'persons', {
        nl: 'Twee personen uit het informatiepakket zouden dezelfde registratie worden.',
        en: 'Two persons of the information package would become the same record.',
      });
    result.push({ personId, relation: p.relation && RELATIONS.has(p.relation) ? p.relation : 'other', key, existing });
  }
  return result;
}

function familyNameOf(h: HandoverRow, persons: Array<{ relation: string; key: PersonKey }>): string {
  if (h.case_id && h.subject_label.trim()) return h.subject_label;
  const head = persons.find((p) => p.relation === 'parent' || p.relation === 'carer') ?? persons[0];
  if (!head) throw new Error('a handover that arrives with a case has at least one person');
  const surname = [head.key.familyNamePrefix, head.key.familyName].filter(Boolean).join(' ');
  return `Gezin ${surname.charAt(0).toUpperCase()}${surname.slice(1)}`;
}

/**
 * The receiver's side of accepting a handover from another region, in the accepting
 * transaction; the handover is already marked accepted with `caseId` as its result. Returns the
 * family and case in the receiver's region, or nulls for a package without persons (a signal
 * about nobody known: only the answer is recorded).
 */
export async function arriveInRegion(
  tx: Tx,
  actor: Actor,
  h: HandoverRow,
  nominee: Nominee,
  caseId: string,
  body: z.infer<typeof AcceptHandoverBody>,
  from: { name: string; regionName: string },
): Promise<{ familyId: string; caseId: string }> {
  const r = actor.regionId;
  const fromRef = { name: from.name, region: from.regionName };
  let familyId = body.familyId ?? null;
  if (familyId) {
    const fam = await tx.query(`SELECT 1 FROM families WHERE region_id = $1 AND id = $2 FOR UPDATE`, [r, familyId]);
    if (!fam.length)
      throw new Invalid('unknown_family', 'familyId', {
        nl: 'Dit gezin is niet gevonden in uw regio.',
        en: 'This family was not found in your region.',
      });
    const open = await tx.query(`SELECT 1 FROM cases WHERE region_id = $1 AND family_id = $2 AND status <> 'closed'`, [r, familyId]);
    if (open.length)
      throw new Conflict(
        'case_already_open',
        {
          nl: 'Dit gezin heeft al een open dossier in uw regio. Kies een nieuw gezin, of vraag de regisseur van dat dossier om de overdracht te aanvaarden.',
          en: 'This family already has an open case in your region. Choose a new family, or ask the coordinator of that case to accept the handover.',
        },
        'familyId',
      );
  }
  const persons = await onUniqueBsn(arrivingPersons(tx, actor, h, body.persons ?? []), 'persons');
  const name = familyNameOf(h, persons);
  const newFamily = !familyId;
  if (!familyId) {
    familyId = randomUUID();
    await tx.query(`INSERT INTO families (region_id, id, name, search_text, created_by) VALUES ($1, $2, $3, $4, $5)`, [
      r,
      familyId,
      name,
      familySearchText(
        name,
        persons.map((p) => p.key),
      ),
      actor.userId,
    ]);
  }
  for (const p of persons)
    await tx.query(
      `INSERT INTO family_members (region_id, family_id, person_id, relation) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [r, familyId, p.personId, p.relation],
    );
  // The receiving team joins with the handover's legal basis; a team lead sees the case through the nominee.
  await insertCase(tx, actor, {
    id: caseId,
    familyId,
    coordinatorUserId: nominee.id,
    legalBasis: h.legal_basis,
    handoverId: h.id,
    openerJoins: !actor.roles.includes('team_lead'),
    alreadyOpen: { nl: 'Voor dit gezin is zojuist een dossier geopend.', en: 'A case was opened for this family just now.' },
    field: 'familyId',
  });
  if (!newFamily) await refreshFamilySearchText(tx, r, familyId, { bumpVersion: true });
  if (newFamily) await appendEvent(tx, actor, { familyId, kind: 'family_registered_after_handover', params: { name, from: fromRef } });
  await appendCaseOpened(tx, actor, {
    familyId,
    caseId,
    opened: { kind: 'case_opened_after_handover', params: { from: fromRef } },
    coordinator: nominee,
    legalBasis: h.legal_basis,
    data: { handoverId: h.id },
  });
  await appendEvent(tx, actor, {
    familyId,
    caseId,
    kind: 'handover_accepted_from',
    params: { from: fromRef, coordinator: nominee.display_name },
    data: { handoverId: h.id, fromRegionId: h.region_id, coordinator: nominee.id, linked: persons.filter((p) => p.existing).length },
  });
  // The chain in this region starts when the handover was sent (recorded on the receiving
  // organisation: the sender is no organisation of this region) and continues with the acceptance.
  await recordMoment(tx, {
    regionId: r,
    organisationId: h.to_organisation_id,
    moment: 'handed_over',
    handoverId: h.id,
    caseId,
    familyId,
    at: new Date(h.sent_at),
  });
  await recordMoment(tx, {
    regionId: r,
    organisationId: h.to_organisation_id,
    moment: 'accepted',
    userId: actor.userId,
    handoverId: h.id,
    caseId,
    familyId,
  });
  await recordAccess(tx, actor, {
    action: 'create',
    objectType: 'case',
    objectId: caseId,
    personIds: persons.map((p) => p.personId),
    legalBasis: h.legal_basis,
    careRelation: true,
    consent: h.legal_basis === 'consent',
  });
  await notifyNominee(tx, actor, nominee, h.id);
  return { familyId, caseId };
}

/** The professional named to take the case on hears of it, unless that is the one who accepted. */
export async function notifyNominee(tx: Tx, actor: Actor, nominee: Nominee, handoverId: string) {
  if (nominee.id === actor.userId) return;
  await notify(tx, {
    regionId: actor.regionId,
    userIds: [nominee.id],
    kind: 'handover_nominated',
    params: {},
    link: `/overdrachten/${handoverId}`,
    dedupeKey: `handover-nominated:${handoverId}`,
  });
}
