// SQL for families. Runs inside an actor's transaction: row-level security hides what the
// actor may not see, so "not visible" and "does not exist" look the same here.
import type { Tx } from '../../platform/db/db.js';
import { councilOverdueCondition } from '../safety/safety.queries.js';
import { noAgreedPlanCondition, overdueActionsCount } from '../plans/plan-queries.js';
import type { z } from 'zod';
import type { FamilyPage, FamilyListItem } from './families.contract.js';
import { Invalid } from '../../platform/http/errors.js';
import { isCalendarDate } from '../../platform/http/primitives.js';
import { page as cursorPage } from '../../platform/http/cursor.js';
import { EVENT_COLUMNS, EVENT_JOINS, toEvent } from '../timeline/event-rows.js';
import { fullName } from './names.js';

/** The family page shows the latest events; older ones are read through the timeline's own pages. */
const TIMELINE_ON_PAGE = 50;

type Page = z.infer<typeof FamilyPage>;
type ListItem = z.infer<typeof FamilyListItem>;
const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
const date = (v: unknown) => (v == null ? null : typeof v === 'string' ? v.slice(0, 10) : (v as Date).toISOString().slice(0, 10));

export async function findFamilyPage(tx: Tx, regionId: string, familyId: string, actorUserId: string) {
  // One round trip: the family with its members, network, cases, team and last 50 events (and one more: are there older?) as JSON.
  // Events of one transaction share occurred_at; seq (their insert order) keeps them in order.
  const rows = await tx.query<Record<string, any>>(
    `SELECT f.id, f.name, f.version, f.created_at,
       (SELECT coalesce(json_agg(x ORDER BY array_position(ARRAY['parent','partner','carer','child','other'], x.relation), x.birth_date NULLS LAST), '[]')
          FROM (SELECT fm.relation, p.id, p.bsn, p.given_names, p.family_name_prefix, p.family_name, p.birth_date::text AS birth_date,
                       date_part('year', age(p.birth_date))::int AS age, p.gender, p.street, p.house_number, p.postcode, p.city, p.phone, p.version
                  FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
                 WHERE fm.region_id = f.region_id AND fm.family_id = f.id) x) AS members,
       (SELECT coalesce(json_agg(x ORDER BY x.name), '[]')
          FROM (SELECT id, name, relation, phone, note FROM network_members WHERE region_id = f.region_id AND family_id = f.id) x) AS network,
       (SELECT coalesce(json_agg(x ORDER BY x.opened_at DESC), '[]')
          FROM (SELECT id, status, opened_at, closed_at, closed_reason, version FROM cases WHERE region_id = f.region_id AND family_id = f.id) x) AS cases,
       (SELECT coalesce(json_agg(x ORDER BY x.ended_at IS NOT NULL, x.role, x.started_at), '[]')
          FROM (SELECT ct.id, ct.case_id, ct.user_id, u.display_name, ct.organisation_id, o.name AS organisation_name, o.type AS organisation_type,
                       ct.role, ct.legal_basis, ct.started_on::text AS started_on, ct.started_at, ct.started_at > now() AS not_started, ct.ended_at, ct.ended_reason, ct.version, ct.handover_id
                  FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
                  JOIN organisations o ON o.region_id = ct.region_id AND o.id = ct.organisation_id
                 WHERE ct.region_id = f.region_id AND ct.family_id = f.id) x) AS team,
       (SELECT coalesce(json_agg(x ORDER BY x.occurred_at DESC, x.seq DESC), '[]')
          FROM (SELECT ${EVENT_COLUMNS}
                  FROM timeline_events t ${EVENT_JOINS}
                 WHERE t.region_id = f.region_id AND t.family_id = f.id ORDER BY t.occurred_at DESC, t.seq DESC LIMIT ${TIMELINE_ON_PAGE + 1}) x) AS timeline
       FROM families f WHERE f.region_id = $1 AND f.id = $2`,
    [regionId, familyId],
    { prepare: true },
  );
  const fam = rows;
  if (!fam[0]) return null;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Array<Record<string, any>>;
  const [members, network, cases, team, timeline] = [
    parse(fam[0].members),
    parse(fam[0].network),
    parse(fam[0].cases),
    parse(fam[0].team),
    parse(fam[0].timeline),
  ];
  const teamOf = (caseId: string) =>
    team
      .filter((t) => t.case_id === caseId)
      .map((t) => ({
        id: t.id,
        userId: t.user_id,
        userName: t.display_name,
        organisationId: t.organisation_id,
        organisationName: t.organisation_name,
        organisationType: t.organisation_type,
        role: t.role,
        legalBasis: t.legal_basis,
        startedOn: date(t.started_on)!,
        notStarted: !!t.not_started,
        endedAt: iso(t.ended_at),
        endedReason: t.ended_reason,
        version: t.version,
        handoverId: t.handover_id ?? null,
      }));
  const toCase = (c: Record<string, any>) => {
    const coord = team.find((t) => t.case_id === c.id && t.role === 'coordinator' && !t.ended_at);
    return {
      id: c.id,
      status: c.status,
      openedAt: iso(c.opened_at)!,
      closedAt: iso(c.closed_at),
      closedReason: c.closed_reason,
      version: c.version,
      coordinator: coord ? { userId: coord.user_id, name: coord.display_name, organisationName: coord.organisation_name } : null,
    };
  };
  const current = cases.find((c) => c.status !== 'closed') ?? cases[0];
  const mine = team.find((t) => t.user_id === actorUserId && !t.ended_at);
  const page: Omit<Page, 'access'> & { access: Omit<Page['access'], 'breakGlass' | 'breakGlassExpiresAt'> } = {
    id: fam[0].id,
    name: fam[0].name,
    version: fam[0].version,
    createdAt: iso(fam[0].created_at)!,
    members: members.map((m) => ({
      personId: m.id,
      relation: m.relation,
      bsn: m.bsn,
      givenNames: m.given_names,
      familyNamePrefix: m.family_name_prefix,
      familyName: m.family_name,
      fullName: fullName(m as never),
      birthDate: date(m.birth_date),
      age: m.age,
      gender: m.gender,
      street: m.street,
      houseNumber: m.house_number,
      postcode: m.postcode,
      city: m.city,
      phone: m.phone,
      version: m.version,
    })),
    network: network.map((n) => ({ id: n.id, name: n.name, relation: n.relation, phone: n.phone, note: n.note })),
    currentCase: current ? { ...toCase(current), team: teamOf(current.id) } : null,
    pastCases: cases.filter((c) => c !== current).map(toCase),
    ...(() => {
      const events = cursorPage(
        timeline.map(toEvent),
        timeline.map((t) => String(t.sort_value)),
        TIMELINE_ON_PAGE,
      );
      return { timeline: events.items, timelineCursor: events.nextCursor };
    })(),
    access: { legalBasis: mine?.legal_basis ?? null, isCoordinator: mine?.role === 'coordinator' && current?.id === mine?.case_id },
  };
  return page;
}

export interface ListOptions {
  regionId: string;
  userId: string;
  organisationId: string;
  organisationWide: boolean;
  q?: string;
  sort: 'name' | '-name' | 'opened' | '-opened' | 'activity' | '-activity';
  after?: [string, string];
  limit: number;
  filter?: 'council_overdue' | 'no_agreed_plan' | 'actions_overdue';
}

/**
 * expr orders, value is the cursor's text, tie breaks ties. Opening date: the key kept per family in
 * family_opened (migrations/0280), walked through its index in this order — so a team lead's whole
 * team is not read and sorted to show one page. The index holds only the families with a live
 * case-team membership (live, 0410): a team lead's list shows no other family, and the families whose
 * cases all closed, which come first oldest first, are not read and checked before the page's rows.
 */
const FAMILY_OPENED = ' JOIN family_opened fo ON fo.region_id = f.region_id AND fo.family_id = f.id';
const SORTS = {
  name: { expr: 'lower(f.name)', value: 'lower(f.name)', tie: 'f.id::text', from: '', live: '' },
  opened: {
    expr: 'fo.opened_sort',
    value: 'fo.opened_sort::text',
    tie: 'fo.family_id::text',
    from: FAMILY_OPENED,
    live: ' AND fo.live_memberships > 0',
  },
  activity: { expr: 'f.last_activity_at', value: 'f.last_activity_at::text', tie: 'f.id::text', from: '', live: '' },
} as const;
/**
 * A team lead's whole team walked by last activity: the copy in family_opened, through its index of
 * the families with a live membership. Not when a rare search word already gave the list its few
 * families: those are sorted by the family's own column, without a second table's policies to check.
 */
const ACTIVITY_WALK = {
  expr: 'fo.last_activity_at',
  value: 'fo.last_activity_at::text',
  tie: 'fo.family_id::text',
  from: FAMILY_OPENED,
  live: ' AND fo.live_memberships > 0',
} as const;

export function normaliseSearch(s: string) {
  // Accents, case and punctuation ignored: "Smit-Öztürk" is found by "ozt", "d'Hondt" by "hondt".
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[-'’.,/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Word rows of a team lead's name search up to which the list starts from the matching families (listFamilies). */
const WORD_CANDIDATES = 500;
/** Above every text that starts with word, in the "C" collation (byte order = code-point order). */
const upperBound = (word: string) => `${word}\u{10FFFF}`;

/** The distinct words of a name search, folded as search_text is (none: no name to match). */
export function searchWords(q: string): string[] {
  return [...new Set(normaliseSearch(q).split(' ').filter(Boolean))];
}

/** "Mijn gezinnen": families on whose case team the actor (or, for a team lead, their organisation) is. */
export async function listFamilies(tx: Tx, o: ListOptions): Promise<{ items: ListItem[]; sortValues: string[] }> {
  const key = o.sort.replace('-', '') as keyof typeof SORTS;
  const desc = o.sort.startsWith('-');
  const dir = desc ? 'DESC' : 'ASC';
  const params: unknown[] = [o.regionId, o.userId, o.organisationWide, o.organisationId];
  let where = '';
  let fromCandidates = false;
  const q = o.q?.trim();
  if (q) {
    if (/^\d{9}$/.test(q)) {
      params.push(q);
      where += ` AND EXISTS (SELECT 1 FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
                 WHERE fm.region_id = f.region_id AND fm.family_id = f.id AND p.bsn = $${params.length})`;
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(q) || /^\d{1,2}-\d{1,2}-\d{4}$/.test(q)) {
      const iso =
        q.includes('-') && q.indexOf('-') === 4
          ? q
          : q
              .split('-')
              .reverse()
              .map((x) => x.padStart(2, '0'))
              .join('-');
      if (!isCalendarDate(iso))
        throw new Invalid('invalid_date', 'q', {
          nl: 'Deze geboortedatum bestaat niet. Zoek op dag-maand-jaar, bijvoorbeeld 12-03-2015.',
          en: 'This birth date does not exist. Search by day-month-year, for example 12-03-2015.',
        });
      params.push(iso);
      where += ` AND EXISTS (SELECT 1 FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
                 WHERE fm.region_id = f.region_id AND fm.family_id = f.id AND p.birth_date = $${params.length}::date)`;
    } else {
      // Prefix of any word of any member's name, or of the family name; accents and case ignored.
      // Every word asked must start a word of the family's (family_search_words, migrations/0390):
      // a range of its index in the "C" collation, [word, word || U+10FFFF). Those comparisons are
      // leakproof, so an index scan applies them before the rows' policies are checked (LIKE is
      // not: row-level security then checked every family of the region first).
      const words = searchWords(q);
      if (words.length && o.organisationWide) {
        // A team lead's whole team: the families with the longest word asked, from its range of
        // the index, policies checked only for those rows. Up to WORD_CANDIDATES of them, the list
        // starts from that handful of families. More, and the word is common: the list walks its
        // sort order and checks each family (below) until the page is full, which is then quick.
        // PostgreSQL cannot choose between the two itself: it takes the policies to keep about
        // half the rows each, so it expects ten times too few matches and starts from the words
        // of a two-letter prefix too, checking thousands of families.
        const rare = words.reduce((a, b) => (b.length > a.length ? b : a));
        const rows = await tx.query<{ family_id: string }>(
          `SELECT w.family_id FROM family_search_words w WHERE w.region_id = $1 AND w.word >= $2 AND w.word < $3 LIMIT $4`,
          [o.regionId, rare, upperBound(rare), WORD_CANDIDATES + 1],
        );
        if (rows.length <= WORD_CANDIDATES) {
          params.push([...new Set(rows.map((r) => r.family_id))]);
          where += ` AND f.id = ANY ($${params.length}::uuid[])`;
          fromCandidates = true;
        }
      }
      // Each word once per family, as a probe (OFFSET 0: never turned into a join).
      for (const word of words) {
        params.push(word, upperBound(word));
        where += ` AND EXISTS (SELECT 1 FROM family_search_words w WHERE w.region_id = f.region_id AND w.family_id = f.id
                                 AND w.word >= $${params.length - 1} AND w.word < $${params.length} OFFSET 0)`;
      }
    }
  }
  const walk = key === 'activity' && o.organisationWide && !fromCandidates;
  const { expr, value, tie, from, live } = walk ? ACTIVITY_WALK : SORTS[key];
  if (o.filter === 'council_overdue') where += ` AND ${councilOverdueCondition('f')}`;
  if (o.filter === 'no_agreed_plan') where += ` AND ${noAgreedPlanCondition('f')}`;
  if (o.filter === 'actions_overdue') where += ` AND ${overdueActionsCount('f')} > 0`;
  if (o.after) {
    params.push(o.after[0], o.after[1]);
    // The cursor's value is text; compared in the sort's own type (a timestamp for the opening date).
    where += ` AND (${expr}, ${tie}) ${desc ? '<' : '>'} ($${params.length - 1}, $${params.length})`;
  }
  params.push(o.limit + 1);
  // First the page (ids and sort keys only), then names and members for those 20 rows alone.
  // Two shapes, one answer. A professional is on a few case teams: start from those memberships.
  // A team lead's organisation is on thousands: walk the families in the order asked (the name
  // index) and stop at the page's end, checking membership per family, instead of collecting
  // every membership of the organisation first.
  const page = o.organisationWide
    ? `page AS (
       SELECT f.id, f.region_id, f.name, f.last_activity_at, ${value} AS sort_value, ${expr} AS sort_key, ${tie} AS tie_key,
              EXISTS (SELECT 1 FROM case_team k WHERE k.region_id = f.region_id AND k.family_id = f.id AND k.ended_at IS NULL
                         AND k.user_id = $2 AND k.role = 'coordinator') AS is_coordinator
         FROM families f${from}
        WHERE f.region_id = $1 AND $3
          AND EXISTS (SELECT 1 FROM case_team ct WHERE ct.region_id = f.region_id AND ct.family_id = f.id AND ct.ended_at IS NULL
                         AND (ct.user_id = $2 OR ct.organisation_id = $4))${live} ${where}
        ORDER BY ${expr} ${dir}, ${tie} ${dir}
        LIMIT $${params.length})`
    : `mine AS (
       SELECT ct.family_id, bool_or(ct.user_id = $2 AND ct.role = 'coordinator') AS is_coordinator
         FROM case_team ct
        WHERE ct.region_id = $1 AND ct.ended_at IS NULL AND (ct.user_id = $2 OR ($3 AND ct.organisation_id = $4))
        GROUP BY ct.family_id),
     page AS (
       SELECT f.id, f.region_id, f.name, f.last_activity_at, m.is_coordinator, ${value} AS sort_value, ${expr} AS sort_key, ${tie} AS tie_key
         FROM mine m
         JOIN families f ON f.region_id = $1 AND f.id = m.family_id${from}
        WHERE true ${where}
        ORDER BY ${expr} ${dir}, ${tie} ${dir}
        LIMIT $${params.length})`;
  const rows = await tx.query<Record<string, any>>(
    `WITH ${page}
     SELECT page.*, c.id AS case_id, c.status, c.opened_at, ${councilOverdueCondition('page')} AS council_overdue,
            ${noAgreedPlanCondition('page')} AS no_agreed_plan, ${overdueActionsCount('page')} AS actions_overdue,
            (SELECT u.display_name FROM case_team k JOIN users u ON u.region_id = k.region_id AND u.id = k.user_id
              WHERE k.region_id = c.region_id AND k.case_id = c.id AND k.role = 'coordinator' AND k.ended_at IS NULL) AS coordinator_name,
            (SELECT json_agg(json_build_object('personId', p.id, 'name', concat_ws(' ', p.given_names, p.family_name_prefix, p.family_name),
                     'relation', fm.relation, 'age', date_part('year', age(p.birth_date))::int)
                     ORDER BY array_position(ARRAY['parent','partner','carer','child','other'], fm.relation), p.birth_date)
               FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
              WHERE fm.region_id = page.region_id AND fm.family_id = page.id) AS members
       FROM page
       LEFT JOIN LATERAL (SELECT * FROM cases c WHERE c.region_id = page.region_id AND c.family_id = page.id
                           ORDER BY c.status = 'closed', c.opened_at DESC LIMIT 1) c ON true
      ORDER BY page.sort_key ${dir}, page.tie_key ${dir}`,
    params,
    // Planning this statement (row-level security on six tables) took ≈ 9.5 ms of a team lead's request.
    { cache: true },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      members: r.members ?? [],
      caseId: r.case_id,
      caseStatus: r.status,
      openedAt: iso(r.opened_at),
      coordinatorName: r.coordinator_name,
      isCoordinator: !!r.is_coordinator,
      lastActivityAt: iso(r.last_activity_at),
      councilOverdue: !!r.council_overdue,
      noAgreedPlan: !!r.no_agreed_plan,
      actionsOverdue: Number(r.actions_overdue ?? 0),
    })),
    sortValues: rows.map((r) => String(r.sort_value)),
  };
}
