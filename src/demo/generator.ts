// Deterministic synthetic region: organisations, professionals, households, cases with their
// teams, years of timeline and a historic audit trail. Used for the demo (`regie seed`) and
// for the benchmarks (12,000 families, ~1.5 million timeline events, ~10 million audit rows).
//
// Runs on the system connection (superuser, so row-level security does not apply) and writes
// in batches of families, one multi-row INSERT per table per batch, so memory stays bounded
// and PostgreSQL does the bulk work.
import argon2 from 'argon2';
import { analyzeDatabase } from '../platform/db/analyze.js';
import { insertAuditSelect } from '../platform/audit/audit.js';
import { randomBytes } from 'node:crypto';
import type { Database } from '../platform/db/db.js';
import { oneRow } from '../platform/db/rows.js';
import { Rng, isoDate } from './random.js';
import { buildAssessments } from './assessments.js';
import { BsnSource, buildHousehold } from './households.js';
import { SAFETY_TYPES, buildStaff, type DemoAccount, type Staff } from './organisations.js';
import { STATUSES, SpecialAllocator, buildCasework, type Status } from './casework.js';
import { Columns } from './sql.js';
import { sealTotpSecret, totpKeyLoaded } from '../platform/auth/totp-secrets.js';
import { seedDemoSignals } from './signals.js';
import { seedDemoSafety } from './safety.js';
import { seedDemoPlans } from './plans.js';
import { seedNeighbourRegion, type NeighbourRegion } from './neighbour.js';

export type { DemoAccount } from './organisations.js';
export { NEIGHBOUR_REGION, type NeighbourRegion } from './neighbour.js';

export const DEMO_REGION = { id: 'walcheren', name: 'Walcheren' } as const;
export const DEMO_PASSWORD = 'Welkom-Regie-2026';

export interface SeedOptions {
  families: number;
  seed?: number;
  regionId?: string;
  /** Shown name of a region other than the demo region; defaults to its id. */
  regionName?: string;
  /** Historic read events per family in the audit log (default 3; the benchmark uses ~850). */
  auditRowsPerFamily?: number;
  /** Families per transaction (default 500). */
  batchSize?: number;
  /**
   * Reference moment the history runs up to (default: the start of today, UTC). Everything
   * else comes from the seed, so a fixed `now` makes two runs identical.
   */
  now?: Date;
  /**
   * With the demo region, also the small neighbouring region De Bevelanden (for handovers to
   * another region); default true. Ignored for other regions.
   */
  neighbour?: boolean;
  onProgress?: (stage: 'families' | 'audit', done: number, total: number) => void;
}

export interface SeedResult {
  regionId: string;
  families: number;
  persons: number;
  timelineEvents: number;
  auditRows: number;
  accounts: DemoAccount[];
  /** Other regions seeded with it (the neighbour of the demo region), with their accounts. */
  otherRegions: NeighbourRegion[];
  /** A region other than the demo region: its accounts' one-time password (shown once; never the public demo password). */
  password?: string;
}

const DEFAULT_SEED = 20_260_101;
const FAMILY_STREAM = 0x100000;
// Status of the current case: the first fourteen families cycle through every state so that
// even a tiny demo shows the whole lifecycle; the rest follow a realistic mix.
const STATUS_MIX: readonly (readonly [Status, number])[] = [
  ['registered', 6],
  ['exploring', 10],
  ['plan', 12],
  ['executing', 30],
  ['evaluating', 10],
  ['closed', 22],
  ['monitoring', 10],
];
// The audit trigger updates the one chain-head row for every inserted row. Versions of that row
// made inside one transaction cannot be pruned, so each lookup walks all of them and a
// statement's cost grows with the square of its size (measured on PostgreSQL 15: 0.16 ms/row
// at 1,000 rows, 0.21 at 5,000, 1 ms at 20,000). Statements of ~1,000 rows, each its own
// transaction, keep the cost per row flat.
const AUDIT_ROWS_PER_STATEMENT = 1_000;
const VACUUM_EVERY = 20;

export async function seedDemoRegion(db: Database, opts: SeedOptions): Promise<SeedResult> {
  const regionId = opts.regionId ?? DEMO_REGION.id;
  const isDemo = regionId === DEMO_REGION.id;
  const regionName = opts.regionName ?? (isDemo ? DEMO_REGION.name : regionId);
  // Another region draws from its own streams: its own ids, BSNs and people, never the demo's.
  const seed = regionSeed(opts.seed ?? DEFAULT_SEED, regionId, isDemo);
  const total = Math.max(0, Math.floor(opts.families));
  const staff = buildStaff(seed, regionId, DEMO_REGION.id, total, regionName);

  // The public demo password is for the demo regions only; any other region gets its own, which
  // works once per account (then each professional chooses their own, and links an authenticator).
  const password = isDemo ? DEMO_PASSWORD : randomBytes(12).toString('base64url');
  let hashed: Promise<string> | undefined;
  const hashOnce = () => (hashed ??= argon2.hash(password, { type: argon2.argon2id }));
  // Its own stream and region: seeding it (also into an existing data folder) leaves this region untouched.
  const otherRegions = regionId === DEMO_REGION.id && opts.neighbour !== false ? [await seedNeighbourRegion(db, seed, hashOnce)] : [];
  const exists = await db.query('SELECT 1 FROM regions WHERE id = $1', [regionId]);
  if (exists.length) return { regionId, ...(await counts(db, regionId)), accounts: staff.accounts, otherRegions };

  const now = (opts.now ?? new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000)).getTime();
  const passwordHash = await hashOnce();
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO regions (id, name) VALUES ($1, $2)', [regionId, regionName]);
    const orgs = new Columns('organisations', [
      ['id', 'uuid'],
      ['name', 'text'],
      ['type', 'text'],
      ['safety_task', 'boolean'],
    ]);
    for (const o of staff.organisations) orgs.add(staff.orgIds[o.key], o.name, o.type, SAFETY_TYPES.has(o.type));
    await orgs.flush(tx, regionId);
    // Roles go in as comma-joined text: unnest() would flatten an array of arrays.
    await tx.query(
      `INSERT INTO users (region_id, id, organisation_id, username, display_name, email, password_hash, totp_secret, totp_required, roles, password_change_required)
       SELECT $1, c0, c1, c2, c3, c4, c5, c6, c7, string_to_array(c8, ','), $11
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::text[])
           AS u(c0, c1, c2, c3, c4, c5, c6, c7, c8)`,
      [regionId, ...usersColumns(staff, passwordHash, regionId, !isDemo), !isDemo],
    );
  });

  const bsns = new BsnSource(seed);
  const special = new SpecialAllocator(staff);
  const batchSize = Math.max(1, opts.batchSize ?? 500);
  const familyIds: string[] = [];
  for (let start = 0; start < total; start += batchSize) {
    const end = Math.min(total, start + batchSize);
    const t = newTables();
    for (let i = start; i < end; i++) {
      familyIds.push(addFamily(t, { seed, index: i, now, staff, bsns, special }));
    }
    await db.transaction(async (tx) => {
      for (const table of [t.families, t.persons, t.members, t.network, t.cases, t.team, t.events, t.assessments, t.scores])
        await table.flush(tx, regionId);
    });
    opts.onProgress?.('families', end, total);
  }

  await seedAudit(db, regionId, familyIds, opts.auditRowsPerFamily ?? 3, opts.onProgress);
  // The municipal social team is the region's front door for concerns from the public form.
  await db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2) ON CONFLICT (region_id) DO NOTHING`, [
    regionId,
    staff.orgIds.stm,
  ]);
  await seedDemoSignals(db, regionId, staff);
  await seedDemoSafety(db, regionId, now);
  await seedDemoPlans(db, regionId, seed, now);
  // Fresh statistics for what was just written (PGlite has no autovacuum; see platform/db/analyze.ts).
  await analyzeDatabase(db);
  return { regionId, ...(await counts(db, regionId)), accounts: staff.accounts, otherRegions, ...(isDemo ? {} : { password }) };
}

/** The demo region keeps the seed as given (its data stay exactly as they were); another region mixes in its id. */
export function regionSeed(seed: number, regionId: string, isDemo: boolean): number {
  if (isDemo) return seed;
  let h = 0x811c9dc5;
  for (const ch of regionId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return (seed ^ h) >>> 0;
}

function usersColumns(staff: Staff, passwordHash: string, regionId: string, totpRequired: boolean): unknown[][] {
  const u = staff.users;
  return [
    u.map((x) => x.id),
    u.map((x) => x.organisationId),
    u.map((x) => x.username),
    u.map((x) => x.displayName),
    u.map((x) => x.email),
    u.map(() => passwordHash),
    u.map((x) => sealed(x.totpSecret, regionId, x.id)),
    u.map(() => totpRequired),
    u.map((x) => x.roles.join(',')),
  ];
}

/**
 * The demo's TOTP secret, encrypted like every other (totp-secrets.ts). Seeded without a loaded
 * key (a benchmark), it stays plain and unusable until the next start encrypts it.
 */
function sealed(secret: string | null, regionId: string, userId: string): string | null {
  return secret && totpKeyLoaded() ? sealTotpSecret(secret, regionId, userId) : secret;
}

function newTables() {
  return {
    families: new Columns('families', [
      ['id', 'uuid'],
      ['name', 'text'],
      ['search_text', 'text'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
      ['last_activity_at', 'timestamptz'],
    ]),
    persons: new Columns('persons', [
      ['id', 'uuid'],
      ['bsn', 'text'],
      ['given_names', 'text'],
      ['family_name_prefix', 'text'],
      ['family_name', 'text'],
      ['birth_date', 'date'],
      ['gender', 'text'],
      ['street', 'text'],
      ['house_number', 'text'],
      ['postcode', 'text'],
      ['city', 'text'],
      ['phone', 'text'],
      ['created_at', 'timestamptz'],
      ['created_by', 'uuid'],
    ]),
    members: new Columns('family_members', [
      ['family_id', 'uuid'],
      ['person_id', 'uuid'],
      ['relation', 'text'],
    ]),
    network: new Columns('network_members', [
      ['id', 'uuid'],
      ['family_id', 'uuid'],
      ['name', 'text'],
      ['relation', 'text'],
      ['phone', 'text'],
      ['note', 'text'],
    ]),
    cases: new Columns('cases', [
      ['id', 'uuid'],
      ['family_id', 'uuid'],
      ['status', 'text'],
      ['opened_at', 'timestamptz'],
      ['closed_at', 'timestamptz'],
      ['closed_reason', 'text'],
      ['created_by', 'uuid'],
    ]),
    team: new Columns('case_team', [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['family_id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['user_id', 'uuid'],
      ['role', 'text'],
      ['legal_basis', 'text'],
      ['started_on', 'date'],
      ['started_at', 'timestamptz'],
      ['ended_at', 'timestamptz'],
      ['ended_reason', 'text'],
      ['created_by', 'uuid'],
    ]),
    assessments: new Columns('assessments', [
      ['id', 'uuid'],
      ['case_id', 'uuid'],
      ['family_id', 'uuid'],
      ['assessed_on', 'date'],
      ['created_by', 'uuid'],
      ['created_by_organisation_id', 'uuid'],
      ['created_at', 'timestamptz'],
    ]),
    scores: new Columns('assessment_scores', [
      ['id', 'uuid'],
      ['assessment_id', 'uuid'],
      ['case_id', 'uuid'],
      ['family_id', 'uuid'],
      ['person_id', 'uuid'],
      ['domain', 'text'],
      ['score', 'int2'],
      ['rationale', 'text'],
      ['view', 'text'],
      ['scored_by', 'uuid'],
      ['scored_by_organisation_id', 'uuid'],
      ['scored_at', 'timestamptz'],
    ]),
    events: new Columns('timeline_events', [
      ['id', 'uuid'],
      ['family_id', 'uuid'],
      ['case_id', 'uuid'],
      ['occurred_at', 'timestamptz'],
      ['type', 'text'],
      ['kind', 'text'],
      ['params', 'jsonb'],
      ['actor_user_id', 'uuid'],
      ['actor_organisation_id', 'uuid'],
      ['data', 'jsonb'],
    ]),
  };
}

interface FamilyInput {
  seed: number;
  index: number;
  now: number;
  staff: Staff;
  bsns: BsnSource;
  special: SpecialAllocator;
}

/** Generates one family from its own random stream and queues its rows; returns its id. */
function addFamily(t: ReturnType<typeof newTables>, f: FamilyInput): string {
  const rng = new Rng(f.seed, FAMILY_STREAM + f.index);
  const h = buildHousehold(rng, f.now, f.bsns);
  // The first families go through every status in turn; the rest follow the mix.
  const cycled = f.index < 14 ? STATUSES[f.index % STATUSES.length] : undefined;
  const status = cycled ?? rng.weighted(STATUS_MIX);
  const work = buildCasework({ rng, now: f.now, index: f.index, household: h, staff: f.staff, special: f.special }, status);
  const ts = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const createdAt = ts(work.registeredAt);
  const createdBy = work.registeredBy.id;
  // The integral picture (its own stream; it may add JGZ or JOT to the team and puts its sets on the timeline).
  const picture = buildAssessments(f.seed, f.index, f.now, h, work, f.staff);
  for (const a of picture.sets) t.assessments.add(a.id, a.caseId, h.id, a.assessedOn, a.by.id, a.by.organisationId, ts(a.at));
  for (const x of picture.scores)
    t.scores.add(x.id, x.setId, x.caseId, h.id, x.personId, x.domain, x.score, x.rationale, x.view, x.by.id, x.by.organisationId, ts(x.at));

  const lastActivity = work.events.reduce((max, e) => Math.max(max, e.at), work.registeredAt);
  t.families.add(h.id, h.name, h.searchText, createdAt, createdBy, ts(lastActivity));
  for (const p of h.persons) {
    t.persons.add(
      p.id,
      p.bsn,
      p.givenNames,
      p.prefix,
      p.familyName,
      p.birthDate,
      p.gender,
      p.address.street,
      p.address.houseNumber,
      p.address.postcode,
      p.address.city,
      p.phone,
      createdAt,
      createdBy,
    );
    t.members.add(h.id, p.id, p.relation);
  }
  for (const n of h.network) t.network.add(n.id, h.id, n.name, n.relation, n.phone, n.note);
  for (const c of work.cases) t.cases.add(c.id, h.id, c.status, ts(c.openedAt), ts(c.closedAt), c.closedReason, c.createdBy);
  for (const m of work.team) {
    t.team.add(
      m.id,
      m.caseId,
      h.id,
      m.user.organisationId,
      m.user.id,
      m.role,
      m.legalBasis,
      isoDate(m.startedAt),
      ts(m.startedAt),
      ts(m.endedAt),
      m.endedReason,
      m.createdBy,
    );
  }
  for (const e of work.events) {
    t.events.add(
      e.id,
      h.id,
      e.caseId,
      ts(e.at),
      e.type,
      e.kind,
      JSON.stringify(e.params),
      e.actor?.id ?? null,
      e.actor?.organisationId ?? null,
      JSON.stringify(e.data),
    );
  }
  return h.id;
}

/**
 * Historic reads: for each family, `perFamily` rows of a team member (members in turn)
 * reading one household member (in turn). Built entirely in SQL from case_team and
 * family_members; the audit trigger assigns sequence, time and hash to each row.
 */
async function seedAudit(
  db: Database,
  regionId: string,
  familyIds: string[],
  perFamily: number,
  onProgress?: SeedOptions['onProgress'],
): Promise<void> {
  if (perFamily <= 0 || familyIds.length === 0) return;
  const step = Math.max(1, Math.floor(AUDIT_ROWS_PER_STATEMENT / perFamily));
  let statements = 0;
  for (let start = 0; start < familyIds.length; start += step) {
    const chunk = familyIds.slice(start, start + step);
    await insertAuditSelect(
      db,
      regionId,
      `WITH fam AS (SELECT family_id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS f(family_id, ord)),
       team AS (
         SELECT ct.family_id, ct.user_id, ct.organisation_id, ct.legal_basis,
                CASE WHEN 'privacy_officer' = ANY (u.roles) THEN 'privacy_officer'
                     WHEN 'team_lead' = ANY (u.roles) THEN 'team_lead'
                     WHEN 'coordinator' = ANY (u.roles) THEN 'coordinator'
                     WHEN 'behavioural_scientist' = ANY (u.roles) THEN 'behavioural_scientist'
                     ELSE 'professional' END AS user_role,
                row_number() OVER (PARTITION BY ct.family_id ORDER BY ct.started_at, ct.id) - 1 AS k,
                count(*) OVER (PARTITION BY ct.family_id) AS n
           FROM case_team ct
           JOIN fam ON fam.family_id = ct.family_id
           JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
          WHERE ct.region_id = $1),
       mem AS (
         SELECT fm.family_id, fm.person_id,
                row_number() OVER (PARTITION BY fm.family_id ORDER BY fm.person_id) - 1 AS k,
                count(*) OVER (PARTITION BY fm.family_id) AS n
           FROM family_members fm JOIN fam ON fam.family_id = fm.family_id
          WHERE fm.region_id = $1)
       SELECT 'read'::text AS action, t.user_id, t.user_role, t.organisation_id, t.organisation_id::text AS on_behalf_of, m.person_id,
              'family'::text AS object_type, fam.family_id::text AS object_id, t.legal_basis, true AS care_relation, 'allowed'::text AS outcome,
              (fam.ord, g.i) AS ord
         FROM fam
         CROSS JOIN generate_series(0, $3::int - 1) AS g(i)
         JOIN team t ON t.family_id = fam.family_id AND t.k = g.i % t.n
         JOIN mem m ON m.family_id = fam.family_id AND m.k = (g.i + g.i / t.n) % m.n`,
      [chunk, perFamily],
    );
    onProgress?.('audit', Math.min(familyIds.length, start + step), familyIds.length);
    // Each statement leaves a dead version of its chain-head row (one per statement since
    // migrations/0420, ~1,000 before); without (auto)vacuum they would pile up over a long seed.
    if (++statements % VACUUM_EVERY === 0) await db.query('VACUUM audit_chain_head').catch(() => undefined);
  }
}

async function counts(db: Database, regionId: string): Promise<Omit<SeedResult, 'regionId' | 'accounts' | 'otherRegions'>> {
  const r = oneRow(
    await db.query<{ families: string; persons: string; events: string; audit: string | null }>(
      `SELECT (SELECT count(*) FROM families WHERE region_id = $1)::text AS families,
            (SELECT count(*) FROM persons WHERE region_id = $1)::text AS persons,
            (SELECT count(*) FROM timeline_events WHERE region_id = $1)::text AS events,
            (SELECT sum(seq) FROM audit_chain_head WHERE region_id = $1)::text AS audit`,
      [regionId],
    ),
    'count',
  );
  return { families: Number(r.families), persons: Number(r.persons), timelineEvents: Number(r.events), auditRows: Number(r.audit ?? 0) };
}
