// (e) Reference-index registrations per second: POST /api/v1/refindex/registrations from 16
// concurrent keep-alive clients (each a professional of some organisation) against the same
// registrations done by pgbench with 16 clients running the statements the API sends (captured,
// see refindex-script.ts), each on its own fresh copy of the same database. Both runs must end
// with exactly the matches the work plan implies, worked out beforehand from the plan and the
// households alone (as in refindex.race.int.test.ts): one per pair of organisations and subject,
// never none, never two.
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgres, type Database } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { primaryRole, type Role } from '../src/platform/access/actor.js';
import { PERMISSIONS } from '../src/platform/access/policy.js';
import { isValidBsn } from '../src/modules/persons/bsn.js';
import { dutchToday } from '../src/platform/time/working-days.js';
import { cloneDatabase, databaseName, dropDatabase, REGION, siblingUrl } from './database.js';
import { loggedIn, startServer } from './server.js';
import { buildScript, type Script } from './refindex-script.js';
import type { DriverJob, DriverResult } from './refindex-driver.js';
import { rng, summarise, type Summary } from './stats.js';
import { say } from './options.js';

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

export interface RefindexResult {
  clients: number;
  perClient: number;
  registrations: number;
  pool: number;
  families: number;
  slots: { username: string; organisation: string; roles: string }[];
  organisations: number;
  persons: number;
  households: number;
  expected: MatchCounts;
  maxPairs: number;
  maxMatches: number;
  shape: Script['shape'];
  script: string;
  api: RefindexRun;
  raw: RefindexRun;
  ratio: number;
  ok: boolean;
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

interface User {
  id: string;
  username: string;
  organisationId: string;
  organisation: string;
  roles: Role[];
}
interface Person {
  id: string;
  bsn: string;
  families: string[];
}
interface Item {
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

/** Parameter types PostgreSQL infers for each statement (as it did for the service's unnamed statements). */
async function parameterTypes(url: string, texts: string[]): Promise<string[][]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: string[][] = [];
    for (const [i, text] of texts.entries()) {
      await c.query(`PREPARE bench_types_${i} AS ${text}`);
      const r = await c.query<{ t: string[] }>(`SELECT parameter_types::text[] AS t FROM pg_prepared_statements WHERE name = $1`, [
        `bench_types_${i}`,
      ]);
      out.push(oneRow(r.rows, `prepared statement bench_types_${i}`).t ?? []);
      await c.query(`DEALLOCATE bench_types_${i}`);
    }
    return out;
  } finally {
    await c.end();
  }
}

/** On a throwaway copy: B, C and D register first, then A's registration is captured (3 pairs over 2 matches). */
async function captureSample(o: { url: string; pool: number; plan: Plan; maxPairs: number; maxMatches: number }): Promise<Script> {
  const { a, b, c, d, x, y } = o.plan.sample;
  const db = await openPostgres(o.url, o.pool);
  const server = await startServer(db);
  try {
    const post = async (who: User, p: Person) => {
      const client = await loggedIn(server.baseUrl, who.username);
      const r = await client.request('POST', '/api/v1/refindex/registrations', registrationBody(p.bsn));
      client.close();
      if (r.status !== 201) throw new Error(`(e) sample registration by ${who.username}: ${r.status} ${r.body.toString().slice(0, 300)}`);
    };
    await post(b, x);
    await post(c, x);
    await post(d, y);
    const client = await loggedIn(server.baseUrl, a.username);
    const { result, statements } = await server.recorder.capture(() =>
      client.request('POST', '/api/v1/refindex/registrations', registrationBody(x.bsn)),
    );
    client.close();
    if (result.status !== 201) throw new Error(`(e) captured registration: ${result.status} ${result.body.toString().slice(0, 300)}`);
    const reg = JSON.parse(result.body.toString()) as { id: string; newMatches: unknown[] };
    const inTx = statements.filter((s) => s.inTx);
    const types = await parameterTypes(
      o.url,
      inTx.map((s) => s.text),
    );
    return buildScript({
      statements,
      types,
      queue: { table: 'bench_refindex_queue', sequence: 'bench_refindex_queue_n' },
      maxPairs: o.maxPairs,
      maxMatches: o.maxMatches,
      globals: {
        user_id: a.id,
        org_id: a.organisationId,
        roles: a.roles.join(','),
        user_role: primaryRole({ roles: a.roles } as never),
        bsn: x.bsn,
        person_id: x.id,
        reg_id: reg.id,
      },
    });
  } finally {
    await server.close();
    await db.close();
  }
}

async function runApi(url: string, plan: Plan, pool: number): Promise<RefindexRun> {
  const db = await openPostgres(url, pool);
  const server = await startServer(db);
  try {
    say(`(e) API: logging in ${plan.slots.length} professionals of ${new Set(plan.slots.map((s) => s.organisationId)).size} organisations`);
    const clients = await Promise.all(plan.slots.map((s) => loggedIn(server.baseUrl, s.username)));
    // Warm-up without writing: opens the server's pool connections and the clients' sockets.
    for (let i = 0; i < 3; i++) await Promise.all(clients.map((c) => c.json('/api/v1/refindex/registrations?limit=1')));
    const job: DriverJob = {
      baseUrl: server.baseUrl,
      clients: clients.map((c, i) => ({
        cookie: c.cookie,
        csrf: c.csrf,
        bodies: plan.items[i]!.map((it) => registrationBody(it.person.bsn)),
      })),
    };
    for (const c of clients) c.close();
    const total = plan.items.reduce((n, l) => n + l.length, 0);
    say(`(e) API: ${total} registrations from ${clients.length} concurrent clients (server pool ${pool})`);
    const r = await drive(job);
    const v = await verify(url, plan);
    const errors = total - r.registered;
    const problems = [...(errors ? [`${errors} registrations failed: ${r.errorSamples.join(' | ')}`] : []), ...v.problems];
    return {
      engine: 'api',
      registrations: r.registered,
      seconds: r.seconds,
      perSecond: r.registered / r.seconds,
      errors,
      statuses: r.statuses,
      errorSamples: r.errorSamples,
      ...v,
      problems,
      ok: problems.length === 0,
      latency: summarise(r.latencies),
      pgbench: null,
    };
  } finally {
    await server.close();
    await db.close();
  }
}

function drive(job: DriverJob): Promise<DriverResult> {
  const child = fork(fileURLToPath(new URL('./refindex-driver.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: DriverResult | { error: string }) =>
      'error' in m ? reject(new Error(`(e) driver: ${m.error}`)) : resolve(m),
    );
    child.once('exit', (code) => {
      if (code) reject(new Error(`(e) driver exited with ${code}`));
    });
    child.send(job);
  });
}

/** The session settings the server's pool connects with (src/platform/db/db.ts), given to pgbench as PGOPTIONS. */
export const PG_OPTIONS = '-c jit=off';

/**
 * pgbench's protocol, one for every statement of the script. Extended (unnamed statements, parsed
 * and planned on every execution) is how the service sends all statements of a registration but
 * two: the actor settings and the audit flush, which it prepares ({ prepare: true }). Prepared
 * would spare the baseline parsing and planning the other six plus two per pair (the notifications),
 * which the service pays on every registration; extended makes it pay for two statements the
 * service prepares, which are trivial to plan (set_config, INSERT … SELECT FROM unnest). So
 * extended is the default; BENCH_PGBENCH_MODE=prepared measures the other way round (diagnostic).
 */
export function pgbenchMode(): 'extended' | 'prepared' {
  const m = process.env.BENCH_PGBENCH_MODE ?? 'extended';
  if (m !== 'extended' && m !== 'prepared') throw new Error(`BENCH_PGBENCH_MODE must be extended or prepared, not ${m}`);
  return m;
}

export function pgbenchPath(): string {
  const candidates = [
    process.env.BENCH_PGBENCH,
    '/usr/lib/postgresql/15/bin/pgbench',
    '/usr/lib/postgresql/16/bin/pgbench',
    '/usr/lib/postgresql/17/bin/pgbench',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? 'pgbench';
}

async function runPgbench(url: string, plan: Plan, script: Script, clients: number, perClient: number): Promise<RefindexRun> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // The work queue: one row per registration, in the order the API clients go through theirs
    // (round-robin over the clients), with the id the service would have made up for it.
    // Every client has the same number of items (perClient), and one slot per list.
    const rows = plan.items[0]!.flatMap((_, k) => plan.items.map((list) => list[k]!));
    const slot = (it: Item) => plan.slots[it.slot]!;
    await c.query(
      `CREATE TABLE bench_refindex_queue (n bigint PRIMARY KEY, ${script.variables.map((v) => `${v} text NOT NULL`).join(', ')})`,
    );
    await c.query('CREATE SEQUENCE bench_refindex_queue_n');
    const col: Record<string, (it: Item) => string> = {
      user_id: (it) => slot(it).id,
      org_id: (it) => slot(it).organisationId,
      roles: (it) => slot(it).roles.join(','),
      user_role: (it) => primaryRole({ roles: slot(it).roles } as never),
      bsn: (it) => it.person.bsn,
      person_id: (it) => it.person.id,
      reg_id: () => randomUUID(),
    };
    const columns = script.variables.map((v) => {
      const get = col[v];
      if (!get) throw new Error(`(e) no queue column for script variable ${v}`);
      return get;
    });
    await c.query(
      `INSERT INTO bench_refindex_queue SELECT * FROM unnest($1::bigint[], ${script.variables.map((_, i) => `$${i + 2}::text[]`).join(', ')})`,
      [rows.map((_, i) => i + 1), ...columns.map((get) => rows.map(get))],
    );
    await c.query('ANALYZE bench_refindex_queue');
  } finally {
    await c.end();
  }
  const dir = mkdtempSync(join(tmpdir(), 'regie-bench-'));
  const file = join(dir, 'refindex.sql');
  writeFileSync(file, script.text);
  const u = new URL(url);
  const mode = pgbenchMode();
  const args = [
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username) || 'postgres',
    '-n',
    '-c',
    String(clients),
    '-j',
    String(Math.min(2, clients)),
    '-M',
    mode,
    '-r',
    '-t',
    String(perClient),
    '-f',
    file,
    databaseName(url),
  ];
  const bin = pgbenchPath();
  say(`(e) pgbench: ${clients * perClient} registrations, ${clients} clients, 2 threads, -M ${mode}, PGOPTIONS='${PG_OPTIONS}'`);
  const run = await new Promise<{ code: number; out: string; err: string }>((resolve, reject) => {
    // The session settings of the server's own connections (src/platform/db/db.ts: options '-c jit=off'),
    // which node-postgres sends instead of any PGOPTIONS of the environment, so this replaces it too.
    const p = spawn(bin, args, {
      env: { ...process.env, PGOPTIONS: PG_OPTIONS, PGPASSWORD: decodeURIComponent(u.password) || process.env.PGPASSWORD || '' },
    });
    let out = '',
      err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', (e) => reject(new Error(`(e) cannot run ${bin}: ${e.message} (set BENCH_PGBENCH to pgbench's path)`)));
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
  rmSync(dir, { recursive: true, force: true });
  const num = (re: RegExp) => {
    const m = run.out.match(re);
    return m ? Number(m[1]) : NaN;
  };
  const tps = num(/tps = ([\d.]+) \(without initial connection time\)/);
  const processed = run.out.match(/number of transactions actually processed: (\d+\/\d+)/)?.[1] ?? '?';
  const failed = num(/number of failed transactions: (\d+)/);
  const done = Number(processed.split('/')[0]);
  const statements = [...run.out.matchAll(/^\s+([\d.]+)\s+\d+\s+(\S.*)$/gm)]
    .map((m) => ({ ms: Number(m[1]), text: m[2]! }))
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 6);
  const v = await verify(url, plan);
  const total = clients * perClient;
  const problems = [
    ...(run.code !== 0
      ? [
          `pgbench exited with ${run.code}: ${run.err
            .split('\n')
            .filter((l) => /error|abort/i.test(l))
            .slice(0, 3)
            .join(' | ')}`,
        ]
      : []),
    ...(done !== total ? [`pgbench processed ${processed} transactions`] : []),
    ...(Number.isFinite(tps) ? [] : ['no tps in the pgbench output']),
    ...v.problems,
  ];
  const latencyAvg = num(/latency average = ([\d.]+) ms/);
  return {
    engine: 'pgbench',
    registrations: Number.isFinite(done) ? done : 0,
    seconds: done / tps,
    perSecond: tps,
    errors: total - (Number.isFinite(done) ? done : 0) + (failed || 0),
    statuses: {},
    errorSamples: run.code ? [run.err.slice(0, 600)] : [],
    ...v,
    problems,
    ok: problems.length === 0,
    latency: null,
    pgbench: {
      tps,
      latencyAvgMs: Number.isFinite(latencyAvg) ? latencyAvg : null,
      processed,
      failed: failed || 0,
      exitCode: run.code,
      command: `PGOPTIONS='${PG_OPTIONS}' pgbench ${args.map((x) => (x === file ? 'refindex.sql' : x)).join(' ')}`,
      statements,
    },
  };
}

export async function measureRefindex(o: {
  templateUrl: string;
  templateDb: Database;
  families: number;
  clients: number;
  perClient: number;
  pool: number;
  keepCopies: boolean;
}): Promise<RefindexResult> {
  const plan = await buildPlan(o.templateDb, o.clients, o.perClient);
  const e = plan.expected;
  say(
    `(e) plan: ${e.registrations} registrations of ${plan.persons} persons in ${plan.households} households by ${new Set(plan.slots.map((s) => s.organisationId)).size} organisations; ` +
      `expected ${e.clientMatches} client matches (${e.clientPairs} pairs), ${e.familyMatches} family matches (${e.familyPairs} pairs); ≤ ${plan.maxPairs} pairs per registration`,
  );
  await o.templateDb.close(); // CREATE DATABASE … TEMPLATE needs the template to itself
  const base = databaseName(o.templateUrl);
  const url = (suffix: string) => siblingUrl(o.templateUrl, `${base}_${suffix}`);
  const done = async (u: string) => {
    if (!o.keepCopies) await dropDatabase(u);
  };

  say('(e) capturing one registration (3 pairs over 2 matches) on a throwaway copy');
  await cloneDatabase(o.templateUrl, url('capture'));
  const script = await captureSample({ url: url('capture'), pool: o.pool, plan, maxPairs: plan.maxPairs, maxMatches: plan.maxMatches });
  await done(url('capture'));
  say(
    `(e) pgbench script: ${script.shape.once} statements once, ${script.shape.perPair} per pair, ${script.shape.perMatch} per new match (+ BEGIN, COMMIT, the queue lookup)` +
      script.shape.batches
        .map(
          (b) =>
            `; statement ${b.statement} writes ${b.rowsOnce} row(s) + ${b.rowsPerMatch} per new match from arrays (one variant per number of new matches)`,
        )
        .join(''),
  );

  await cloneDatabase(o.templateUrl, url('api'));
  const api = await runApi(url('api'), plan, o.pool);
  say(
    `(e) API: ${api.perSecond.toFixed(1)} registrations/s (${api.registrations} in ${api.seconds.toFixed(1)} s), matches ${api.ok ? 'as expected' : `WRONG: ${api.problems.join('; ')}`}`,
  );
  await done(url('api'));

  await cloneDatabase(o.templateUrl, url('raw'));
  const raw = await runPgbench(url('raw'), plan, script, o.clients, o.perClient);
  say(
    `(e) pgbench: ${raw.perSecond.toFixed(1)} registrations/s (${raw.pgbench?.processed}), matches ${raw.ok ? 'as expected' : `WRONG: ${raw.problems.join('; ')}`}`,
  );
  await done(url('raw'));

  return {
    clients: o.clients,
    perClient: o.perClient,
    registrations: e.registrations,
    pool: o.pool,
    families: o.families,
    slots: plan.slots.map((s) => ({ username: s.username, organisation: s.organisation, roles: s.roles.join(',') })),
    organisations: new Set(plan.slots.map((s) => s.organisationId)).size,
    persons: plan.persons,
    households: plan.households,
    expected: e,
    maxPairs: plan.maxPairs,
    maxMatches: plan.maxMatches,
    shape: script.shape,
    script: script.text,
    api,
    raw,
    ratio: raw.perSecond / api.perSecond,
    ok: api.ok && raw.ok,
  };
}
