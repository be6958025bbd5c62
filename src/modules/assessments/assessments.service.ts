// Use cases of the integral picture: record an assessment (one transaction, all or nothing), read
// a case's sets and a person's course, the blind spots of a case and of an organisation, and the
// region's blind-spot rules. Every read and write is audited per person concerned.
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Invalid, NotFound, StaleVersion } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { DOMAINS } from '../../shared/contract/domains.js';
import { appendEvent } from '../timeline/timeline.js';
import { accessAudit, familyAccess, familyAccesses, requireFamilyWrite } from '../../platform/access/family-access.js';
import { ageOn, isValidDomain, validDomains } from './domain-rules.js';
import { AGE_RULES, evaluateBlindSpots, type BlindSpotRuleName } from './blind-spots.js';
import {
  blindSpotFacts,
  caseScores,
  caseSets,
  familyPersons,
  findCase,
  insertAssessment,
  latestScoreRows,
  organisationCasesPage,
  regionRules,
  updateRule,
  type FamilyPerson,
} from './assessments.repo.js';
import type { OrganisationBlindSpotsQuery, RecordAssessmentBody, UpdateBlindSpotRuleBody } from './assessments.contract.js';

async function visibleCase(tx: Tx, actor: Actor, caseId: string) {
  const c = await findCase(tx, actor.regionId, caseId);
  if (!c) throw new NotFound('case', caseId);
  return c;
}

const personView = (p: FamilyPerson, day: string) => {
  const age = ageOn(p.birthDate, day);
  return { ...p, age, validDomains: [...validDomains(age)] };
};

export async function recordAssessment(db: Database, actor: Actor, caseId: string, body: z.infer<typeof RecordAssessmentBody>) {
  if (body.assessedOn > dutchToday())
    throw new Invalid('in_future', 'assessedOn', {
      nl: 'De datum van het integraal beeld ligt in de toekomst.',
      en: 'The assessment date is in the future.',
    });
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const access = await requireFamilyWrite(tx, actor, c.family_id);
    if (c.status === 'closed')
      throw new Conflict('case_closed', { nl: 'Dit dossier is afgesloten.', en: 'This case is closed.' }, 'caseId');
    const persons = new Map((await familyPersons(tx, actor.regionId, c.family_id)).map((p) => [p.personId, p]));
    const seen = new Set<string>();
    for (const [i, s] of body.scores.entries()) {
      const p = persons.get(s.personId);
      if (!p)
        throw new Invalid('not_in_family', `scores[${i}].personId`, {
          nl: 'Deze persoon hoort niet bij het gezin van dit dossier.',
          en: "This person is not a member of this case's family.",
        });
      const age = ageOn(p.birthDate, body.assessedOn);
      if (!isValidDomain(s.domain, age))
        throw new Invalid(
          'domain_not_for_age',
          `scores[${i}].domain`,
          age !== null && age < 18
            ? {
                nl: `Dit levensdomein wordt niet gescoord voor een kind van ${age} jaar.`,
                en: `This life domain is not scored for a child aged ${age}.`,
              }
            : {
                nl: 'Dit domein is alleen voor kinderen (jonger dan 18 op de datum van het integraal beeld).',
                en: 'This domain is for children only (under 18 on the assessment date).',
              },
        );
      const key = `${s.personId}|${s.domain}|${s.view}`;
      if (seen.has(key))
        throw new Invalid('duplicate_score', `scores[${i}]`, {
          nl: 'Deze persoon heeft al een score op dit domein vanuit deze blik in deze set.',
          en: 'This person already has a score on this domain from this view in this set.',
        });
      seen.add(key);
    }
    const id = await insertAssessment(tx, {
      regionId: actor.regionId,
      caseId,
      familyId: c.family_id,
      assessedOn: body.assessedOn,
      userId: actor.userId,
      organisationId: actor.organisationId,
      scores: body.scores,
    });
    const scored = [...new Set(body.scores.map((s) => s.personId))];
    await appendEvent(tx, actor, {
      familyId: c.family_id,
      caseId,
      kind: 'assessment_recorded',
      params: { count: body.scores.length, persons: scored.length },
      data: { assessmentId: id, assessedOn: body.assessedOn },
    });
    await recordAccess(tx, actor, { action: 'create', objectType: 'assessment', objectId: id, personIds: scored, ...accessAudit(access) });
    return { id, scores: body.scores.length };
  });
}

export async function readCaseAssessments(db: Database, actor: Actor, caseId: string) {
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const [persons, sets, scores, latest, access] = await Promise.all([
      familyPersons(tx, actor.regionId, c.family_id),
      caseSets(tx, actor.regionId, caseId),
      caseScores(tx, actor.regionId, caseId),
      latestScoreRows(tx, actor.regionId, caseId),
      familyAccess(tx, actor, c.family_id),
    ]);
    const today = dutchToday();
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'assessments',
      objectId: caseId,
      personIds: persons.map((p) => p.personId),
      ...accessAudit(access),
    });
    return {
      caseId,
      familyId: c.family_id,
      persons: persons.map((p) => personView(p, today)),
      latest,
      items: sets.map((s) => ({
        ...s,
        scores: scores.filter((x) => x.assessmentId === s.id).map(({ assessmentId: _a, assessedOn: _d, ...rest }) => rest),
      })),
    };
  });
}

export async function readPersonCourse(db: Database, actor: Actor, caseId: string, personId: string) {
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const person = (await familyPersons(tx, actor.regionId, c.family_id)).find((p) => p.personId === personId);
    if (!person) throw new NotFound('person', personId);
    const [scores, access] = await Promise.all([caseScores(tx, actor.regionId, caseId, personId), familyAccess(tx, actor, c.family_id)]);
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'assessment-course',
      objectId: `${caseId}:${personId}`,
      personIds: [personId],
      ...accessAudit(access),
    });
    const domains = DOMAINS.map((domain) => ({
      domain,
      points: scores
        .filter((s) => s.domain === domain)
        .reverse()
        .map((s) => ({ assessedOn: s.assessedOn, view: s.view, score: s.score, rationale: s.rationale, organisation: s.organisation })),
    })).filter((d) => d.points.length > 0);
    return { caseId, person: personView(person, dutchToday()), domains };
  });
}

export async function readCaseBlindSpots(db: Database, actor: Actor, caseId: string) {
  return asActor(db, actor, async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const [persons, facts, rules, access] = await Promise.all([
      familyPersons(tx, actor.regionId, c.family_id),
      blindSpotFacts(tx, actor.regionId, [caseId]),
      regionRules(tx, actor.regionId),
      familyAccess(tx, actor, c.family_id),
    ]);
    const spots = evaluateBlindSpots(facts.get(caseId)!, rules, dutchToday());
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'blind-spots',
      objectId: caseId,
      personIds: persons.map((p) => p.personId),
      ...accessAudit(access),
    });
    const name = new Map(persons.map((p) => [p.personId, p.name]));
    return {
      caseId,
      familyId: c.family_id,
      unassessed: spots.unassessed.map((u) => ({ ...u, name: name.get(u.personId) ?? '' })),
      partners: spots.partners,
      counts: spots.counts,
    };
  });
}

/** At most this many cases are read for one page of "missing only": a region where none is missing still answers quickly, with a cursor to read on. */
const BLIND_SPOT_SCAN = 1_000;

/**
 * The open cases of the actor's organisation, a page at a time, each with its blind spots (a team
 * lead's overview). With missingOnly the cases are read in batches until the page is full (or
 * BLIND_SPOT_SCAN cases were read; the cursor then goes on from the last one read), so a page is
 * never short while more would match. Only the cases on the page are audited as read.
 */
export async function organisationBlindSpots(db: Database, actor: Actor, q: z.infer<typeof OrganisationBlindSpotsQuery>) {
  const missingOnly = q.missingOnly === 'true';
  return asActor(db, actor, async (tx) => {
    const rules = await regionRules(tx, actor.regionId);
    const today = dutchToday();
    const want = q.limit + 1;
    const batch = missingOnly ? Math.max(want, 50) : want;
    const matched: Array<{
      caseId: string;
      familyId: string;
      familyName: string;
      openedAt: string;
      partners: ReturnType<typeof evaluateBlindSpots>['partners'];
      counts: ReturnType<typeof evaluateBlindSpots>['counts'];
      personIds: string[];
    }> = [];
    let after = decodeCursor(q.cursor)?.[0] ?? null;
    let scanned = 0;
    let more = true;
    while (more && matched.length < want && scanned < BLIND_SPOT_SCAN) {
      const cases = await organisationCasesPage(tx, actor.regionId, actor.organisationId, after, batch);
      const facts = await blindSpotFacts(
        tx,
        actor.regionId,
        cases.map((c) => c.case_id),
      );
      for (const c of cases) {
        const f = facts.get(c.case_id);
        if (!f) continue;
        const spots = evaluateBlindSpots(f, rules, today);
        if (!missingOnly || spots.counts.missing > 0)
          matched.push({
            caseId: c.case_id,
            familyId: c.family_id,
            familyName: c.family_name,
            openedAt: new Date(c.opened_at).toISOString(),
            partners: spots.partners,
            counts: spots.counts,
            personIds: f.persons.map((p) => p.personId),
          });
      }
      scanned += cases.length;
      const last = cases[cases.length - 1];
      if (last) after = last.family_id;
      more = cases.length === batch;
    }
    const shown = matched.slice(0, q.limit);
    const lastShown = shown[shown.length - 1];
    // More matches than the page: go on after the last one shown. The scan stopped early: go on after the last case read.
    const nextCursor =
      matched.length > q.limit && lastShown
        ? encodeCursor(lastShown.familyId, lastShown.caseId)
        : more && after
          ? encodeCursor(after, lastShown?.caseId ?? after)
          : null;
    const accesses = await familyAccesses(
      tx,
      actor,
      shown.map((r) => r.familyId),
    );
    for (const r of shown)
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'blind-spots',
        objectId: r.caseId,
        personIds: r.personIds,
        ...accessAudit(accesses.get(r.familyId)),
      });
    const items = shown.map(({ personIds: _p, partners, ...rest }) => ({
      id: rest.caseId,
      ...rest,
      partners: partners.map(({ personIds: _q, ...p }) => p),
    }));
    return { items, nextCursor };
  });
}

export async function listBlindSpotRules(db: Database, actor: Actor) {
  return asActor(db, actor, async (tx) => {
    const items = await regionRules(tx, actor.regionId);
    await recordAccess(tx, actor, { action: 'read', objectType: 'blind-spot-rules', objectId: actor.regionId });
    return { items };
  });
}

export async function updateBlindSpotRule(
  db: Database,
  actor: Actor,
  rule: BlindSpotRuleName,
  body: z.infer<typeof UpdateBlindSpotRuleBody>,
) {
  const ageRule = AGE_RULES.includes(rule);
  if (ageRule) {
    if (body.minAge == null) throw new Invalid('required', 'minAge', { nl: 'Geef de laagste leeftijd.', en: 'Give the lowest age.' });
    if (body.maxAge == null) throw new Invalid('required', 'maxAge', { nl: 'Geef de hoogste leeftijd.', en: 'Give the highest age.' });
    if (body.minAge > body.maxAge)
      throw new Invalid('invalid_range', 'maxAge', {
        nl: 'De hoogste leeftijd is lager dan de laagste.',
        en: 'The highest age is below the lowest.',
      });
    if (body.maxScore != null)
      throw new Invalid('not_applicable', 'maxScore', {
        nl: 'Deze regel gaat over leeftijd, niet over een score.',
        en: 'This rule is about age, not a score.',
      });
  } else {
    if (body.maxScore == null)
      throw new Invalid('required', 'maxScore', {
        nl: 'Geef de score (1–4) waaronder deze partner nodig is.',
        en: 'Give the score (1–4) at or below which this partner is needed.',
      });
    if (body.minAge != null)
      throw new Invalid('not_applicable', 'minAge', {
        nl: 'Deze regel gaat over een score, niet over leeftijd.',
        en: 'This rule is about a score, not age.',
      });
    if (body.maxAge != null)
      throw new Invalid('not_applicable', 'maxAge', {
        nl: 'Deze regel gaat over een score, niet over leeftijd.',
        en: 'This rule is about a score, not age.',
      });
  }
  return asActor(db, actor, async (tx) => {
    const updated = await updateRule(tx, actor.regionId, actor.userId, rule, body.version, {
      partnerType: body.partnerType,
      enabled: body.enabled,
      minAge: ageRule ? body.minAge! : null,
      maxAge: ageRule ? body.maxAge! : null,
      maxScore: ageRule ? null : body.maxScore!,
    });
    if (!updated) throw new StaleVersion('blind-spot-rule');
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'blind-spot-rule',
      objectId: rule,
      reason: `${rule}: ${body.enabled ? 'aan' : 'uit'}, ${body.partnerType}${ageRule ? `, ${body.minAge}–${body.maxAge} jaar` : `, score ≤ ${body.maxScore}`}`,
    });
    return updated;
  });
}
