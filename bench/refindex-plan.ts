// The plan of the reference-index benchmark (e): who registers whom, the matches that plan must end
// with (worked out from the plan and the households alone), and the check of a copy after a run.
import pg from 'pg';
import type { Database } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { primaryRole, type Role } from '../src/platform/access/actor.js';
import { PERMISSIONS } from '../src/platform/access/policy.js';
import { isValidBsn } from '../src/modules/persons/bsn.js';
import { dutchToday } from '../src/platform/time/working-days.js';
import { REGION } from './database.js';
import { rng, type Summary } from './stats.js';

export interface MatchCounts {
  registrations: number;
  clientMatches: number;
  familyMatches: number;
  clientPairs: number;
  familyPairs: number;
}

export interface RefindexRun {
  engine: 'api' | 'pgbench';
  registrations: number;
  seconds: number;
  perSecond: number;
  errors: number;
  statuses: Record<string, number>;
  errorSamples: string[];
  counts: MatchCounts;
  pairsAsExpected: boolean;
  duplicatePairs: number;
  problems: string[];
  ok: boolean;
  /** Informational (depend on the order in which the registrations happened to run). */
  notifications: number;
  auditRows: number;
  latency: Summary | null;
  pgbench: {
    tps: number;
    latencyAvgMs: number | null;
    processed: string;
    failed: number;
    exitCode: number;
    command: string;
    statements: { ms: number; text: string }[];
  } | null;
}

const REGISTER_ROLES = PERMISSIONS['refindex:register'] as readonly string[];

/** The body every registration sends; the same contact details for all (they are literals in the pgbench script). */
export const registrationBody = (bsn: string) => ({
  bsn,
  contactName: 'Sanne de Wit',
  contactPhone: '0118-123456',
  contactEmail: 'sanne@example.nl',
  legalBasis: 'statutory_task',
});

export interface User {
  id: string;
  username: string;
  organisationId: string;
  organisation: string;
  roles: Role[];
}
export interface Person {
  id: string;
  bsn: string;
  families: string[];
}
export interface Item {
  slot: number;
  person: Person;
}

export interface Plan {
  /** Persons registered at least once, and the households they were drawn from. */
  slots: User[];
  items: Item[][];
  persons: number;
  households: number;
  expected: MatchCounts;
  expectedKeys: Set<string>;
  maxPairs: number;
  maxMatches: number;
  sample: { a: User; b: User; c: User; d: User; x: Person; y: Person };
}

const pairKey = (kind: string, subject: string, x: string, y: string) => `${kind}|${subject}|${[x, y].sort().join('|')}`;

async function registrableUsers(db: Database): Promise<User[]> {
  const rows = await db.query<{ id: string; username: string; organisation_id: string; name: string; roles: Role[] }>(
    `SELECT u.id, u.username, u.organisation_id, o.name, u.roles FROM users u
       JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
      WHERE u.region_id = $1 AND u.active AND NOT u.totp_required AND u.password_hash IS NOT NULL AND u.roles && $2::text[]
      ORDER BY o.name, u.username`,
    [REGION, REGISTER_ROLES],
  );
  return rows.map((r) => ({ id: r.id, username: r.username, organisationId: r.organisation_id, organisation: r.name, roles: r.roles }));
}

/**
 * Who registers whom. 16 slots (a professional of some organisation each; the largest
 * organisations get a second one), each with `perClient` young persons (valid BSN, not turning 23
 * soon) drawn from whole households, so that some persons are registered by several organisations
 * (client matches) and brothers and sisters by different ones (family matches). Deterministic.
 */
export async function buildPlan(db: Database, clients: number, perClient: number, seed = 4): Promise<Plan> {
  const users = await registrableUsers(db);
  const byOrg = new Map<string, User[]>();
  for (const u of users) byOrg.set(u.organisationId, [...(byOrg.get(u.organisationId) ?? []), u]);
  if (byOrg.size < 4) throw new Error(`(e) needs professionals in at least 4 organisations, found ${byOrg.size}`);
  // Every organisation in byOrg has at least one user (added with it).
  const orgs = [...byOrg.values()].sort((x, y) => y.length - x.length || x[0]!.organisation.localeCompare(y[0]!.organisation));
  const slots: User[] = [];
  for (let round = 0; slots.length < clients; round++) {
    const before = slots.length;
    for (const o of orgs) {
      const u = o[round];
      if (slots.length < clients && u) slots.push(u);
    }
    if (slots.length === before) throw new Error(`(e) only ${slots.length} professionals to log in as, ${clients} clients asked`);
  }

  const today = dutchToday();
  const rows = await db.query<{ id: string; bsn: string; family_id: string }>(
    `SELECT p.id, p.bsn, fm.family_id FROM persons p JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
      WHERE p.region_id = $1 AND p.bsn IS NOT NULL AND p.birth_date IS NOT NULL AND (p.birth_date + interval '23 years')::date > $2::date + 60
      ORDER BY fm.family_id, p.id`,
    [REGION, today],
  );
  const everyone = new Map<string, Person>();
  const households = new Map<string, Person[]>();
  for (const r of rows) {
    if (!isValidBsn(r.bsn)) throw new Error(`person ${r.id} has a BSN that fails the elfproef: ${r.bsn}`);
    const p = everyone.get(r.id) ?? { id: r.id, bsn: r.bsn, families: [] };
    p.families.push(r.family_id);
    everyone.set(r.id, p);
    households.set(r.family_id, [...(households.get(r.family_id) ?? []), p]);
  }
  const r = rng(seed);
  const shuffled = <T>(xs: T[]) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  };
  const order = shuffled([...households.keys()]);

  // The sample registration of the capture: a household with two young persons.
  const sampleHousehold = order.find((f) => households.get(f)!.length >= 2);
  if (!sampleHousehold) throw new Error('(e) no household with two young persons in the region');
  const [x, y] = households.get(sampleHousehold)!;
  if (!x || !y) throw new Error('(e) the sample household lost its two young persons');

  // About 1.4 registrations per person: most persons by one organisation, some by two or three.
  const total = clients * perClient;
  const want = Math.ceil(total / 1.4);
  const pool: Person[] = [];
  const inPool = new Set<string>();
  let households_ = 0;
  for (const f of order) {
    if (pool.length >= want) break;
    if (f === sampleHousehold) continue;
    households_++;
    for (const p of households.get(f)!)
      if (!inPool.has(p.id)) {
        inPool.add(p.id);
        pool.push(p);
      }
  }
  const perOrg = new Map<string, number>();
  for (const s of slots) perOrg.set(s.organisationId, (perOrg.get(s.organisationId) ?? 0) + perClient);
  const most = Math.max(...perOrg.values());
  if (pool.length < most)
    throw new Error(`(e) ${pool.length} young persons in the region, an organisation needs ${most}: seed more families (--parts-families)`);

  const taken = new Map<string, Set<string>>(); // organisation → persons
  const items: Item[][] = slots.map((s, slot) => {
    const mine = taken.get(s.organisationId) ?? new Set<string>();
    taken.set(s.organisationId, mine);
    const out: Item[] = [];
    while (out.length < perClient) {
      // Not empty: it holds at least as many persons as an organisation registers (checked above).
      let p = pool[Math.floor(r() * pool.length)]!;
      for (let k = 0; mine.has(p.id) && k < pool.length; k++) p = pool[(pool.indexOf(p) + 1) % pool.length]!;
      if (mine.has(p.id)) throw new Error('(e) ran out of persons');
      mine.add(p.id);
      out.push({ slot, person: p });
    }
    return out;
  });

  // What the matches must be, from the plan and the households alone.
  const orgsOf = new Map<string, Set<string>>();
  for (const list of items)
    for (const it of list) orgsOf.set(it.person.id, (orgsOf.get(it.person.id) ?? new Set()).add(slots[it.slot]!.organisationId));
  const familyIds = [...new Set([...orgsOf.keys()].flatMap((id) => everyone.get(id)!.families))];
  const members = await db.query<{ family_id: string; person_id: string }>(
    `SELECT family_id, person_id FROM family_members WHERE region_id = $1 AND family_id = ANY($2::uuid[])`,
    [REGION, familyIds],
  );
  const membersOf = new Map<string, string[]>();
  for (const m of members) membersOf.set(m.family_id, [...(membersOf.get(m.family_id) ?? []), m.person_id]);
  const expectedKeys = new Set<string>();
  for (const [person, orgs] of orgsOf)
    for (const a of orgs) for (const b of orgs) if (a < b) expectedKeys.add(pairKey('client', person, a, b));
  for (const [family, ps] of membersOf)
    for (const p of ps)
      for (const q of ps)
        if (p !== q)
          for (const a of orgsOf.get(p) ?? [])
            for (const b of orgsOf.get(q) ?? []) if (a !== b) expectedKeys.add(pairKey('family', family, a, b));
  const keys = [...expectedKeys];
  const expected: MatchCounts = {
    registrations: total,
    clientPairs: keys.filter((k) => k.startsWith('client|')).length,
    familyPairs: keys.filter((k) => k.startsWith('family|')).length,
    clientMatches: new Set(keys.filter((k) => k.startsWith('client|')).map((k) => k.split('|')[1])).size,
    familyMatches: new Set(keys.filter((k) => k.startsWith('family|')).map((k) => k.split('|')[1])).size,
  };
  // The most pairs and new matches one registration can make (if it came last): how far the script unrolls.
  let maxPairs = 1,
    maxMatches = 1;
  for (const list of items)
    for (const it of list) {
      const o = slots[it.slot]!.organisationId;
      const client = [...orgsOf.get(it.person.id)!].filter((b) => b !== o).length;
      let pairs = client,
        matches = client ? 1 : 0;
      for (const f of it.person.families) {
        const others = new Set(
          (membersOf.get(f) ?? [])
            .filter((q) => q !== it.person.id)
            .flatMap((q) => [...(orgsOf.get(q) ?? [])])
            .filter((b) => b !== o),
        );
        pairs += others.size;
        if (others.size) matches++;
      }
      maxPairs = Math.max(maxPairs, pairs);
      maxMatches = Math.max(maxMatches, matches);
    }

  // The sample actor A: an organisation with others on both sides of it (so that the capture shows
  // the actor both as the lower and as the higher organisation of a pair) and a user whose roles
  // text differs from the role written to the audit log (so that the two are told apart).
  const sortedOrgs = [...byOrg.keys()].sort();
  const candidates = users.filter(
    (u) =>
      u.roles.join(',') !== primaryRole({ roles: u.roles } as never) &&
      sortedOrgs.indexOf(u.organisationId) > 0 &&
      sortedOrgs.indexOf(u.organisationId) < sortedOrgs.length - 1,
  );
  const a = candidates[0];
  if (!a) throw new Error('(e) no professional with two roles in an organisation between two others, for the capture');
  const at = sortedOrgs.indexOf(a.organisationId);
  const first = (org: string) => byOrg.get(org)![0]!;
  // a's organisation has one on either side of it (the candidates were chosen so).
  const b = first(sortedOrgs[at - 1]!),
    c = first(sortedOrgs[at + 1]!);
  const d = first(sortedOrgs.find((o, i) => i !== at && i !== at - 1 && i !== at + 1)!);
  return {
    slots,
    items,
    persons: orgsOf.size,
    households: households_,
    expected,
    expectedKeys,
    maxPairs,
    maxMatches,
    sample: { a, b, c, d, x, y },
  };
}

/** What a copy holds after a run, against the plan. */
export async function verify(
  url: string,
  plan: Plan,
): Promise<Pick<RefindexRun, 'counts' | 'pairsAsExpected' | 'duplicatePairs' | 'problems' | 'notifications' | 'auditRows'>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const pairs = (
      await c.query<{ kind: string; subject: string; org_low: string; org_high: string }>(
        `SELECT m.kind, coalesce(m.person_id, m.family_id)::text AS subject, p.org_low::text, p.org_high::text
         FROM refindex_match_pairs p JOIN refindex_matches m ON m.region_id = p.region_id AND m.id = p.match_id WHERE p.region_id = $1`,
        [REGION],
      )
    ).rows;
    const n = oneRow(
      (
        await c.query<{
          registrations: number;
          client_matches: number;
          family_matches: number;
          closed: number;
          notifications: number;
          audit: number;
        }>(
          `SELECT (SELECT count(*)::int FROM refindex_registrations WHERE region_id = $1 AND ended_at IS NULL) AS registrations,
              (SELECT count(*)::int FROM refindex_matches WHERE region_id = $1 AND closed_at IS NULL AND kind = 'client') AS client_matches,
              (SELECT count(*)::int FROM refindex_matches WHERE region_id = $1 AND closed_at IS NULL AND kind = 'family') AS family_matches,
              (SELECT count(*)::int FROM refindex_matches WHERE region_id = $1 AND closed_at IS NOT NULL) AS closed,
              (SELECT count(*)::int FROM notifications WHERE region_id = $1 AND kind = 'refindex_match') AS notifications,
              (SELECT count(*)::int FROM audit_log WHERE region_id = $1 AND object_type IN ('refindex-registration', 'refindex-match')) AS audit`,
          [REGION],
        )
      ).rows,
      'refindex counts',
    );
    const keys = pairs.map((p) => pairKey(p.kind, p.subject, p.org_low, p.org_high));
    const distinct = new Set(keys);
    const counts: MatchCounts = {
      registrations: n.registrations,
      clientMatches: n.client_matches,
      familyMatches: n.family_matches,
      clientPairs: pairs.filter((p) => p.kind === 'client').length,
      familyPairs: pairs.filter((p) => p.kind === 'family').length,
    };
    const missing = [...plan.expectedKeys].filter((k) => !distinct.has(k)).length;
    const extra = [...distinct].filter((k) => !plan.expectedKeys.has(k)).length;
    const problems: string[] = [];
    for (const k of Object.keys(counts) as (keyof MatchCounts)[])
      if (counts[k] !== plan.expected[k]) problems.push(`${k}: ${counts[k]}, expected ${plan.expected[k]}`);
    if (missing) problems.push(`${missing} expected pairs missing`);
    if (extra) problems.push(`${extra} pairs that should not exist`);
    if (keys.length !== distinct.size) problems.push(`${keys.length - distinct.size} pairs twice`);
    if (n.closed) problems.push(`${n.closed} closed matches`);
    return {
      counts,
      pairsAsExpected: !missing && !extra && keys.length === distinct.size,
      duplicatePairs: keys.length - distinct.size,
      problems,
      notifications: n.notifications,
      auditRows: n.audit,
    };
  } finally {
    await c.end();
  }
}
