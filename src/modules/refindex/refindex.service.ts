// Use cases of the reference index (verwijsindex): register involvement with a person, end it,
// see the organisation's registrations and matches, accept the match-coordinator role. One
// transaction per use case; the match, its notifications and the audit rows are written in the
// transaction of the registration that caused them. Race safety: docs/adr/0005.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, DomainError, Invalid } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { addWorkingDays, dutchToday } from '../../platform/time/working-days.js';
import { holidayRulesOf } from '../../platform/time/region-calendar.js';
import { notify } from '../notifications/notify.js';
import {
  closeStaleMatches,
  endRegistrationRow,
  findPersonByBsn,
  insertRegistration,
  lockAroundPerson,
  matchRegistration,
  organisationMatches,
  otherRegistrants,
  ownRegistrations,
  runningRegistration,
  setCoordinator,
  type MatchRow,
  type RegistrationRow,
} from './refindex.repo.js';
import type { MatchListQuery, RegisterBody, RegistrationListQuery } from './refindex.contract.js';

/** A match coordinator must be accepted within this many working days, else the team leads hear of it. */
export const COORDINATOR_WORKING_DAYS = 10;
/** A registration runs at most this many years (and by default exactly that long). */
export const MAX_YEARS = 2;
/** The reference index is for young people: at 23 a person's registrations are removed. */
export const AGE_LIMIT = 23;
export const LINK = '/verwijsindex';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => String(n).padStart(2, '0');

/** The same calendar date `years` later; 29 February becomes 28 February (as PostgreSQL does). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`addYears: ${date} is not a date (YYYY-MM-DD)`);
  const day = m === 2 && d === 29 && !isLeap(y + years) ? 28 : d;
  return `${String(y + years).padStart(4, '0')}-${pad(m)}-${pad(day)}`;
}

/** Start (default today, never in the future) and end (default and at most start + 2 years, not past). */
export function registrationPeriod(b: { startDate?: string; endDate?: string }, today: string) {
  const startDate = b.startDate ?? today;
  if (startDate > today)
    throw new Invalid('start_in_future', 'startDate', {
      nl: 'De startdatum kan niet in de toekomst liggen: registreer zodra uw organisatie betrokken is.',
      en: 'The start date cannot be in the future: register once your organisation is involved.',
    });
  const latest = addYears(startDate, MAX_YEARS);
  const endDate = b.endDate ?? latest;
  if (endDate > latest)
    throw new Invalid(
      'end_too_far',
      'endDate',
      {
        nl: `De einddatum ligt hoogstens ${MAX_YEARS} jaar na de startdatum, dus uiterlijk ${latest}.`,
        en: `The end date is at most ${MAX_YEARS} years after the start date, so ${latest} at the latest.`,
      },
      { latestEndDate: latest },
    );
  if (endDate < startDate)
    throw new Invalid('end_before_start', 'endDate', {
      nl: 'De einddatum ligt vóór de startdatum.',
      en: 'The end date is before the start date.',
    });
  if (endDate < today)
    throw new Invalid('end_in_past', 'endDate', {
      nl: 'De einddatum is al voorbij; een verlopen registratie telt niet mee.',
      en: 'The end date has passed; an expired registration does not count.',
    });
  return { startDate, endDate };
}

/**
 * The 23-year rule, against the birth date the registrant supplies: the answer tells them
 * nothing they did not send (Regie's own record is never compared, so a BSN never reveals an age).
 */
export function checkAge(birthDate: string, today: string) {
  if (birthDate > today)
    throw new Invalid('birth_date_in_future', 'birthDate', {
      nl: 'De geboortedatum ligt in de toekomst.',
      en: 'The birth date is in the future.',
    });
  if (addYears(birthDate, AGE_LIMIT) <= today)
    throw new Invalid('too_old', 'birthDate', {
      nl: `De verwijsindex is voor jongeren tot ${AGE_LIMIT} jaar; volgens deze geboortedatum is de persoon ${AGE_LIMIT} of ouder.`,
      en: `The reference index is for young people under ${AGE_LIMIT}; by this birth date the person is ${AGE_LIMIT} or older.`,
    });
}

const notFound = (nl: string, en: string, field?: string) =>
  new DomainError(404, 'not_found', { nl: 'Niet gevonden', en: 'Not found' }, { nl, en }, field);
const unknownPerson = () =>
  notFound(
    'Er is in deze regio geen persoon met dit BSN bekend. De verwijsindex legt geen personen aan: registreer de persoon eerst in Regie.',
    'No person with this BSN is known in this region. The reference index does not create persons: register the person in Regie first.',
    'bsn',
  );
const registrationNotFound = () =>
  notFound(
    'Deze registratie bestaat niet of is niet van uw organisatie.',
    "This registration does not exist or is not your organisation's.",
  );
const matchNotFound = () =>
  notFound(
    'Deze match bestaat niet of uw organisatie is er geen partij in.',
    'This match does not exist or your organisation is not part of it.',
  );

const checkedCursor = (cursor: string | undefined) => decodeCursor(cursor, 'timestamp');

const withoutPerson = ({ personId: _, ...r }: RegistrationRow) => r;
const withoutAuditFacts = ({ personIds: _, legalBasis: __, ...m }: MatchRow) => m;

async function readOwnRegistration(tx: Tx, actor: Actor, id: string, today: string) {
  const { rows } = await ownRegistrations(tx, actor.regionId, actor.organisationId, { id, status: 'all', limit: 1, today });
  return rows[0] ?? null;
}

/** A running registration of the same person by the same organisation: the unique index said no. */
function onRunningRegistration<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: { code?: string; constraint?: string }) => {
    if (e.code === '23505' && e.constraint === 'refindex_registrations_one_running') throw alreadyRegistered();
    throw e;
  });
}
const alreadyRegistered = (registrationId?: string) =>
  new Conflict(
    'already_registered',
    {
      nl: 'Uw organisatie heeft deze persoon al in de verwijsindex staan. Beëindig die registratie eerst als u opnieuw wilt registreren.',
      en: 'Your organisation has registered this person already. End that registration first to register again.',
    },
    'bsn',
    registrationId ? { registrationId } : {},
  );

export async function registerInIndex(db: Database, actor: Actor, body: z.infer<typeof RegisterBody>, now = new Date()) {
  const today = dutchToday(now);
  const { startDate, endDate } = registrationPeriod(body, today);
  checkAge(body.birthDate, today);
  return asActor(db, actor, (tx) =>
    onRunningRegistration(
      (async () => {
        const person = await findPersonByBsn(tx, actor.regionId, body.bsn);
        if (!person) throw unknownPerson();
        // Before anything is read or written about the matches of this person: see the ADR.
        await lockAroundPerson(tx, actor.regionId, person.id);
        const running = await runningRegistration(tx, actor.regionId, person.id, actor.organisationId);
        if (running && running.end_date >= today) throw alreadyRegistered(running.id);
        // Expired but not yet swept: removed now, and logged (below) like every removal.
        if (running) await endRegistrationRow(tx, actor.regionId, running.id, 'expired', null);
        const id = randomUUID();
        await insertRegistration(tx, {
          regionId: actor.regionId,
          id,
          personId: person.id,
          organisationId: actor.organisationId,
          registeredBy: actor.userId,
          contactName: body.contactName,
          contactPhone: body.contactPhone,
          contactEmail: body.contactEmail,
          legalBasis: body.legalBasis,
          startDate,
          endDate,
        });
        const pairs = await matchRegistration(
          tx,
          actor.regionId,
          id,
          today,
          addWorkingDays(today, COORDINATOR_WORKING_DAYS, await holidayRulesOf(tx, actor.regionId)),
        );
        // Both registrants of every new pair hear of it, once per registration: one registration can
        // make a client match and a family match (and join the pairs of several organisations), and is
        // still one event. The title holds no personal data.
        if (pairs.length)
          await notify(tx, {
            regionId: actor.regionId,
            userIds: pairs.flatMap((p) => [p.userLow, p.userHigh]),
            kind: 'refindex_match',
            params: {},
            link: LINK,
            dedupeKey: `refindex-registration:${id}`,
          });
        // The audit rows last: writing one waits for the region's audit chain, which must not be what
        // makes matching safe (the advisory locks are; the race test fails without them).
        if (running)
          await recordAccess(tx, actor, {
            action: 'delete',
            objectType: 'refindex-registration',
            objectId: running.id,
            personIds: [person.id],
            reason: 'expired',
          });
        await recordAccess(tx, actor, {
          action: 'create',
          objectType: 'refindex-registration',
          objectId: id,
          personIds: [person.id],
          legalBasis: body.legalBasis,
          consent: body.legalBasis === 'consent',
        });
        const newMatches = [...new Map(pairs.map((p) => [p.matchId, { matchId: p.matchId, kind: p.kind }])).values()];
        for (const m of newMatches)
          await recordAccess(tx, actor, {
            action: 'create',
            objectType: 'refindex-match',
            objectId: m.matchId,
            personIds: [person.id],
            legalBasis: body.legalBasis,
            consent: body.legalBasis === 'consent',
          });
        const created = await readOwnRegistration(tx, actor, id, today);
        return { ...withoutPerson(created!), newMatches };
      })(),
    ),
  );
}

export async function endRegistration(db: Database, actor: Actor, registrationId: string, now = new Date()) {
  const today = dutchToday(now);
  return asActor(db, actor, async (tx) => {
    const reg = await readOwnRegistration(tx, actor, registrationId, today);
    if (!reg) throw registrationNotFound();
    const alreadyEnded = () =>
      new Conflict('already_ended', { nl: 'Deze registratie is al beëindigd.', en: 'This registration has ended already.' });
    if (reg.status === 'ended') throw alreadyEnded();
    await lockAroundPerson(tx, actor.regionId, reg.personId);
    if (!(await endRegistrationRow(tx, actor.regionId, registrationId, 'ended', actor.userId))) throw alreadyEnded();
    await closeStaleMatches(tx, actor.regionId, reg.personId, today);
    await recordAccess(tx, actor, {
      action: 'delete',
      objectType: 'refindex-registration',
      objectId: registrationId,
      personIds: [reg.personId],
      legalBasis: reg.legalBasis,
      consent: reg.legalBasis === 'consent',
      reason: 'ended',
    });
    return withoutPerson((await readOwnRegistration(tx, actor, registrationId, today))!);
  });
}

export async function listRegistrations(db: Database, actor: Actor, q: z.infer<typeof RegistrationListQuery>, now = new Date()) {
  const limit = q.limit ?? 20;
  const after = checkedCursor(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await ownRegistrations(tx, actor.regionId, actor.organisationId, {
      status: q.status,
      after,
      limit,
      today: dutchToday(now),
    });
    const result = page(rows, sortValues, limit);
    for (const r of result.items)
      await recordAccess(tx, actor, {
        action: 'read',
        objectType: 'refindex-registration',
        objectId: r.id,
        personIds: [r.personId],
        legalBasis: r.legalBasis,
        consent: r.legalBasis === 'consent',
      });
    return { items: result.items.map(withoutPerson), nextCursor: result.nextCursor };
  });
}

async function auditMatchRead(tx: Tx, actor: Actor, m: MatchRow, action: 'read' | 'update' = 'read') {
  await recordAccess(tx, actor, {
    action,
    objectType: 'refindex-match',
    objectId: m.id,
    personIds: m.personIds,
    legalBasis: m.legalBasis ?? undefined,
    consent: m.legalBasis === 'consent',
  });
}

export async function listMatches(db: Database, actor: Actor, q: z.infer<typeof MatchListQuery>, now = new Date()) {
  const limit = q.limit ?? 20;
  const after = checkedCursor(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await organisationMatches(tx, actor.regionId, actor.organisationId, {
      status: q.status,
      after,
      limit,
      today: dutchToday(now),
    });
    const result = page(rows, sortValues, limit);
    for (const m of result.items) await auditMatchRead(tx, actor, m);
    return { items: result.items.map(withoutAuditFacts), nextCursor: result.nextCursor };
  });
}

export async function readMatch(db: Database, actor: Actor, matchId: string, now = new Date()) {
  return asActor(db, actor, async (tx) => {
    const { rows } = await organisationMatches(tx, actor.regionId, actor.organisationId, {
      id: matchId,
      status: 'all',
      limit: 1,
      today: dutchToday(now),
    });
    if (!rows[0]) throw matchNotFound();
    await auditMatchRead(tx, actor, rows[0]);
    return withoutAuditFacts(rows[0]);
  });
}

/** "Ik word matchcoördinator": the first organisation in the match to accept wins; later ones get 409. */
export async function acceptMatchCoordinator(db: Database, actor: Actor, matchId: string, now = new Date()) {
  const today = dutchToday(now);
  return asActor(db, actor, async (tx) => {
    const accepted = await setCoordinator(tx, actor.regionId, matchId, actor.organisationId, actor.userId, today);
    const { rows } = await organisationMatches(tx, actor.regionId, actor.organisationId, { id: matchId, status: 'all', limit: 1, today });
    const m = rows[0];
    if (!m) throw matchNotFound();
    if (!accepted) {
      if (m.closedAt)
        throw new Conflict('match_closed', {
          nl: 'Deze match is gesloten: er zijn geen twee betrokken organisaties meer.',
          en: 'This match is closed: fewer than two organisations are still involved.',
        });
      if (m.coordinator)
        throw new Conflict(
          'coordinator_taken',
          {
            nl: `${m.coordinator.organisation.name ?? 'Een andere organisatie'} is al matchcoördinator (${m.coordinator.user.name ?? 'onbekend'}).`,
            en: `${m.coordinator.organisation.name ?? 'Another organisation'} is match coordinator already (${m.coordinator.user.name ?? 'unknown'}).`,
          },
          undefined,
          { coordinator: m.coordinator },
        );
      throw new Conflict('not_involved', {
        nl: 'Uw organisatie heeft geen lopende registratie meer in deze match.',
        en: 'Your organisation no longer has a running registration in this match.',
      });
    }
    await notify(tx, {
      regionId: actor.regionId,
      userIds: await otherRegistrants(tx, actor.regionId, matchId, actor.organisationId),
      kind: 'refindex_coordinator',
      params: {},
      link: LINK,
      dedupeKey: `refindex-coordinator:${matchId}`,
    });
    await auditMatchRead(tx, actor, m, 'update');
    return withoutAuditFacts(m);
  });
}
