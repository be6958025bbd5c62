// The demo generator against a real (embedded) PostgreSQL with all migrations, triggers and
// constraints: what it writes must be valid, complete and reproducible.
import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../platform/db/db.js';
import { migrate } from '../platform/db/migrate.js';
import { isValidBsn } from '../modules/persons/bsn.js';
import { verifyChain } from '../platform/audit/audit.js';
import { DEMO_PASSWORD, DEMO_REGION, NEIGHBOUR_REGION, seedDemoRegion, type SeedResult } from './generator.js';
import { STATUSES } from './casework.js';
import { analyzeSweep } from '../platform/db/analyze.js';
import { actorOf } from './signals.js';
import { approveRoleChange, changeAccount, readAccount } from '../modules/admin/accounts.service.js';

const TIMEOUT = 120_000;
const NOW = new Date('2026-03-02T00:00:00Z');

async function freshSeeded(neighbour = true): Promise<{ db: Database; result: SeedResult }> {
  const db = await openPglite();
  await migrate(db);
  const result = await seedDemoRegion(db, { families: 30, seed: 42, now: NOW, neighbour });
  return { db, result };
}

describe('seedDemoRegion', () => {
  let db: Database;
  let result: SeedResult;
  const region = DEMO_REGION.id;

  beforeAll(async () => {
    ({ db, result } = await freshSeeded());
  }, TIMEOUT);
  afterAll(async () => {
    await db?.close();
  });

  it(
    'leaves planner statistics behind (PGlite has no autovacuum), and the PGlite sweep refreshes them',
    async () => {
      const stats = async () =>
        Number(
          (
            await db.query<{ n: string }>(
              `SELECT count(*)::text AS n FROM pg_stats WHERE schemaname = 'public' AND tablename IN ('families', 'persons', 'case_team', 'audit_log')`,
            )
          )[0]!.n,
        );
      expect(await stats()).toBeGreaterThan(0);
      await db.exec(`DELETE FROM pg_statistic WHERE starelid = 'families'::regclass`);
      const before = await stats();
      await analyzeSweep.run(db, new Date());
      expect(await stats()).toBeGreaterThan(before);
    },
    TIMEOUT,
  );

  it('reports what it wrote', async () => {
    expect(result.regionId).toBe(region);
    expect(result.families).toBe(30);
    expect(result.persons).toBeGreaterThan(30);
    expect(result.timelineEvents).toBeGreaterThan(30 * 40);
    // 3 historic reads per family, plus the rows the demo signals' real use case writes.
    const signalRows = Number(
      (
        await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE region_id = $1 AND object_type <> 'family'`, [
          region,
        ])
      )[0]!.n,
    );
    expect(signalRows).toBeGreaterThan(0);
    expect(result.auditRows).toBe(30 * 3 + signalRows);
    expect(
      Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM signals WHERE region_id = $1`, [region]))[0]!.n),
    ).toBeGreaterThanOrEqual(4);
    expect(result.accounts.map((a) => a.username)).toEqual([
      'regisseur',
      'regisseur2',
      'teamleider',
      'veiligthuis',
      'huisarts',
      'leerkracht',
      'privacy',
      'beheer',
      'beheer2',
      'buitenstaander',
    ]);
    // Two functional administrators, so that the four-eyes approval of a role change can be shown.
    expect(result.accounts.filter((a) => a.roles.includes('functional_admin')).map((a) => a.username)).toEqual(['beheer', 'beheer2']);
    expect(result.accounts.find((a) => a.username === 'veiligthuis')?.totpSecret).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
  });

  it('gives valid BSNs, unique within the region, to most persons', async () => {
    const rows = await db.query<{ bsn: string | null }>('SELECT bsn FROM persons WHERE region_id = $1', [region]);
    const bsns = rows.map((r) => r.bsn).filter((b): b is string => b !== null);
    expect(bsns.length).toBeGreaterThan(rows.length * 0.8);
    for (const b of bsns) expect(isValidBsn(b), b).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
  });

  it('gives every non-closed case exactly one active, qualified coordinator', async () => {
    const rows = await db.query<{ id: string; n: number; qualified: number }>(
      `SELECT c.id, count(ct.id)::int AS n, count(ct.id) FILTER (WHERE 'coordinator' = ANY (u.roles))::int AS qualified
         FROM cases c
         LEFT JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
         LEFT JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
        WHERE c.region_id = $1 AND c.status <> 'closed' GROUP BY c.id`,
      [region],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect([r.n, r.qualified]).toEqual([1, 1]);
    const mismatched = await db.query(
      `SELECT 1 FROM case_team ct JOIN cases c ON c.region_id = ct.region_id AND c.id = ct.case_id
        WHERE ct.region_id = $1 AND ct.family_id <> c.family_id`,
      [region],
    );
    expect(mismatched).toHaveLength(0);
  });

  it('has a case in every lifecycle state', async () => {
    const rows = await db.query<{ status: string }>('SELECT DISTINCT status FROM cases WHERE region_id = $1', [region]);
    expect(rows.map((r) => r.status).sort()).toEqual([...STATUSES].sort());
  });

  it('has safety assessments in every decision, with a safety plan when not safe, and councils offered, declined, held and one overdue', async () => {
    const decisions = await db.query<{ decision: string; plans: number }>(
      `SELECT a.decision, count(p.id)::int AS plans FROM safety_assessments a
      LEFT JOIN safety_plan_agreements p ON p.region_id = a.region_id AND p.case_id = a.case_id WHERE a.region_id = $1 GROUP BY a.decision ORDER BY 1`,
      [region],
    );
    expect(decisions.map((d) => d.decision)).toEqual(['conditionally_safe', 'safe', 'unsafe']);
    expect(decisions.map((d) => d.plans > 0)).toEqual([true, false, true]);
    const councils = await db.query<{ state: string }>(
      `SELECT DISTINCT CASE WHEN met_on IS NOT NULL THEN 'met' ELSE coalesce(answer, 'offered') END AS state
      FROM network_councils WHERE region_id = $1 ORDER BY 1`,
      [region],
    );
    expect(councils.map((c) => c.state)).toEqual(['accepted', 'declined', 'met', 'offered']);
    const withoutOffer = await db.query(
      `SELECT 1 FROM cases c WHERE c.region_id = $1 AND c.status <> 'closed'
      AND NOT EXISTS (SELECT 1 FROM network_councils n WHERE n.region_id = c.region_id AND n.case_id = c.id)`,
      [region],
    );
    expect(withoutOffer).toHaveLength(1);
    expect(await db.query(`SELECT 1 FROM council_goals WHERE region_id = $1`, [region])).not.toHaveLength(0);
  });

  it('gives the demo plans in every state, and agreed plans to the lead-time screen', async () => {
    const rows = await db.query<{ status: string }>(`SELECT DISTINCT status FROM plan_versions WHERE region_id = $1`, [region]);
    expect(rows.map((r) => r.status).sort()).toEqual(['agreed', 'draft', 'not_agreed', 'proposed', 'superseded']);
    expect(await db.query(`SELECT 1 FROM lead_time_moments WHERE region_id = $1 AND moment = 'plan_agreed'`, [region])).not.toHaveLength(0);
    expect(await db.query(`SELECT 1 FROM plan_answers WHERE region_id = $1 AND answer = 'disagreed'`, [region])).not.toHaveLength(0);
  });

  it('records progress on agreed plans: done, not done with why, and open again, each with its timeline event', async () => {
    const rows = await db.query<{ status: string; n: number; reasons: number; reopened: number; after: boolean }>(
      `SELECT p.status, count(*)::int AS n, count(p.not_done_reason)::int AS reasons,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM plan_action_progress e WHERE e.region_id = p.region_id AND e.action_id = p.action_id AND e.seq < p.seq))::int AS reopened,
              bool_and(p.recorded_at > v.decided_at AND p.recorded_at <= $2 AND p.recorded_by = ct.user_id) AS after
         FROM plan_action_progress p JOIN plan_versions v ON v.region_id = p.region_id AND v.id = p.plan_version_id
         JOIN case_team ct ON ct.region_id = v.region_id AND ct.case_id = v.case_id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
        WHERE p.region_id = $1 GROUP BY p.status ORDER BY 1`,
      [region, NOW.toISOString()],
    );
    expect(rows.map((r) => r.status)).toEqual(['done', 'not_done', 'open']);
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(by.not_done!.reasons).toBe(by.not_done!.n);
    expect(by.open!.reopened).toBe(by.open!.n);
    expect(rows.every((r) => r.after)).toBe(true);
    const events = await db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM timeline_events WHERE region_id = $1 AND kind LIKE 'plan_action_%' GROUP BY kind ORDER BY 1`,
      [region],
    );
    expect(events).toEqual([
      { kind: 'plan_action_done', n: by.done!.n },
      { kind: 'plan_action_not_done', n: by.not_done!.n },
      { kind: 'plan_action_reopened', n: by.open!.n },
    ]);
  });

  it('gives the named accounts their caseload', async () => {
    const caseload = async (username: string, role: 'coordinator' | 'member') =>
      (
        await db.query<{ n: number }>(
          `SELECT count(DISTINCT ct.family_id)::int AS n FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
        WHERE ct.region_id = $1 AND u.username = $2 AND ct.role = $3 AND ct.ended_at IS NULL`,
          [region, username, role],
        )
      )[0]!.n;
    expect(await caseload('regisseur', 'coordinator')).toBeGreaterThanOrEqual(5);
    expect(await caseload('regisseur', 'member')).toBeGreaterThanOrEqual(1);
    expect(await caseload('huisarts', 'member')).toBeGreaterThanOrEqual(1);
    expect(await caseload('veiligthuis', 'member')).toBeLessThan(30 / 2);
    const outsider = await db.query(
      `SELECT 1 FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
        WHERE ct.region_id = $1 AND u.username = 'buitenstaander'`,
      [region],
    );
    expect(outsider).toHaveLength(0);
  });

  it('writes family search text that finds members by name prefix, without diacritics', async () => {
    const [p] = await db.query<{ family_id: string; given_names: string }>(
      `SELECT fm.family_id, p.given_names FROM persons p JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
        WHERE p.region_id = $1 ORDER BY p.id LIMIT 1`,
      [region],
    );
    if (!p) throw new Error('the demo region has no family members');
    const prefix = p.given_names
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .slice(0, 3);
    const hits = await db.query<{ id: string }>(`SELECT id FROM families WHERE region_id = $1 AND ' ' || search_text LIKE $2`, [
      region,
      `% ${prefix}%`,
    ]);
    expect(hits.map((h) => h.id)).toContain(p.family_id);
    const folded = await db.query(`SELECT 1 FROM families WHERE region_id = $1 AND search_text ~ '[A-Zëïöüéè]'`, [region]);
    expect(folded).toHaveLength(0);
  });

  it('writes an audit trail whose hash chain verifies', async () => {
    // Recomputed here as well, chain by chain (stripe) in numeric order of place, so a fault is attributed to the right side.
    const rows = await db.query<{ stripe: number; pos: string; seq: string; prev_hash: string; hash: string; c: string }>(
      `SELECT a.stripe, a.chain_seq::text AS pos, a.seq::text AS seq, a.prev_hash, a.hash, regie.audit_canonical(a) AS c FROM audit_log a
        WHERE a.region_id = $1 ORDER BY a.stripe, a.chain_seq`,
      [region],
    );
    const prev = new Map<number, { hash: string; pos: number; seq: number }>();
    for (const r of rows) {
      const before = prev.get(r.stripe) ?? { hash: '0'.repeat(64), pos: 0, seq: 0 };
      expect(Number(r.pos)).toBe(before.pos + 1);
      expect(Number(r.seq)).toBeGreaterThan(before.seq);
      expect(r.prev_hash).toBe(before.hash);
      expect(createHash('sha256').update(`${r.prev_hash}|${r.c}`, 'utf8').digest('hex')).toBe(r.hash);
      prev.set(r.stripe, { hash: r.hash, pos: Number(r.pos), seq: Number(r.seq) });
    }
    expect(rows.length).toBeGreaterThan(90);
    const v = await verifyChain(db, region);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('seeds the small neighbouring region De Bevelanden, whose Team Jeugd Goes can receive a handover', async () => {
    expect(result.otherRegions).toEqual([
      {
        regionId: NEIGHBOUR_REGION.id,
        regionName: 'De Bevelanden',
        accounts: [
          {
            username: 'teamleider.bevelanden',
            displayName: 'Marieke Goedegebuure',
            organisation: 'Team Jeugd Goes',
            roles: ['professional', 'coordinator', 'team_lead'],
          },
          {
            username: 'regisseur.bevelanden',
            displayName: 'Pieter Hoogerland',
            organisation: 'Team Jeugd Goes',
            roles: ['professional', 'coordinator'],
          },
          { username: 'medewerker.bevelanden', displayName: 'Lotte Wisse', organisation: 'Team Jeugd Goes', roles: ['professional'] },
          {
            username: 'kapelle.bevelanden',
            displayName: 'Bram Koster',
            organisation: 'Sociaal Team Kapelle',
            roles: ['professional', 'coordinator', 'team_lead'],
          },
        ],
      },
    ]);
    const orgs = await db.query<{ name: string; type: string }>(`SELECT name, type FROM organisations WHERE region_id = $1 ORDER BY name`, [
      NEIGHBOUR_REGION.id,
    ]);
    expect(orgs).toEqual([
      { name: 'Huisartsenpraktijk Goes-Oost', type: 'gp_practice' },
      { name: 'Sociaal Team Kapelle', type: 'municipal_team' },
      { name: 'Team Jeugd Goes', type: 'municipal_team' },
    ]);
    const [u] = await db.query<{ password_hash: string; organisation: string }>(
      `SELECT u.password_hash, o.name AS organisation FROM users u JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
        WHERE u.username = 'regisseur.bevelanden'`,
    );
    if (!u) throw new Error('no account regisseur.bevelanden');
    expect(u.organisation).toBe('Team Jeugd Goes');
    expect(await argon2.verify(u.password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await db.query(`SELECT 1 FROM families WHERE region_id = $1`, [NEIGHBOUR_REGION.id])).toEqual([]);
  });

  it(
    'does nothing when the region already exists',
    async () => {
      const again = await seedDemoRegion(db, { families: 30, seed: 42, now: NOW });
      expect({ ...again, accounts: [] }).toEqual({ ...result, accounts: [] });
    },
    TIMEOUT,
  );

  it(
    'produces the same families from the same seed',
    async () => {
      const other = await freshSeeded();
      try {
        const list = (d: Database) =>
          d.query<{ id: string; name: string; search_text: string }>(
            'SELECT id, name, search_text FROM families WHERE region_id = $1 ORDER BY id',
            [region],
          );
        const persons = (d: Database) =>
          d.query('SELECT id, bsn, given_names, birth_date FROM persons WHERE region_id = $1 ORDER BY id', [region]);
        expect(await list(other.db)).toEqual(await list(db));
        expect(await persons(other.db)).toEqual(await persons(db));
        expect(other.result.timelineEvents).toBe(result.timelineEvents);
        const neighbour = (d: Database) =>
          d.query(`SELECT id, organisation_id, username FROM users WHERE region_id = $1 ORDER BY id`, [NEIGHBOUR_REGION.id]);
        expect(await neighbour(other.db)).toEqual(await neighbour(db));
      } finally {
        await other.db.close();
      }
    },
    TIMEOUT,
  );

  it(
    'leaves the demo region exactly as it is without the neighbour',
    async () => {
      const alone = await freshSeeded(false);
      try {
        const fingerprint = async (d: Database) => {
          const rows = await d.query<{ t: string }>(
            `SELECT string_agg(x, '|' ORDER BY x) AS t FROM (
             SELECT 'o' || id || name AS x FROM organisations WHERE region_id = $1
             UNION ALL SELECT 'u' || id || username || organisation_id FROM users WHERE region_id = $1
             UNION ALL SELECT 'f' || id || name FROM families WHERE region_id = $1
             UNION ALL SELECT 'p' || id || coalesce(bsn, '') || given_names || family_name FROM persons WHERE region_id = $1
             UNION ALL SELECT 'c' || id || status FROM cases WHERE region_id = $1
             UNION ALL SELECT 'm' || id || user_id || role FROM case_team WHERE region_id = $1) s`,
            [region],
          );
          return createHash('sha256').update(rows[0]!.t).digest('hex');
        };
        expect(alone.result.otherRegions).toEqual([]);
        expect(await alone.db.query(`SELECT 1 FROM regions WHERE id = $1`, [NEIGHBOUR_REGION.id])).toEqual([]);
        expect(await fingerprint(alone.db)).toBe(await fingerprint(db));
      } finally {
        await alone.db.close();
      }
    },
    TIMEOUT,
  );

  it(
    'seeds a second region completely, with its own organisation names, ids, people and one-time password',
    async () => {
      const other = await seedDemoRegion(db, { families: 3, seed: 42, regionId: 'elders', regionName: 'Elders', now: NOW });
      expect(result.password).toBeUndefined();
      expect(other.password).toBeDefined();
      expect(other.password).not.toBe(DEMO_PASSWORD);
      expect(other.families).toBe(3);
      // It got as far as its demo signals (it used to stop there) and the settings of its front door.
      expect(
        Number((await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM signals WHERE region_id = 'elders'`))[0]!.n),
      ).toBeGreaterThanOrEqual(1);
      const [settings] = await db.query<{ name: string }>(
        `SELECT o.name FROM signal_settings s JOIN organisations o ON o.region_id = s.region_id AND o.id = s.front_door_organisation_id WHERE s.region_id = 'elders'`,
      );
      expect(settings?.name).toBe('Sociaal Team Elders');
      // Not one of Walcheren's organisation names, nor any of its ids.
      const shared = await db.query(
        `SELECT o.name FROM organisations o JOIN organisations w ON w.region_id = $1 AND (w.name = o.name OR w.id = o.id) WHERE o.region_id = 'elders'`,
        [region],
      );
      expect(shared).toEqual([]);
      for (const table of ['users', 'families', 'persons', 'cases', 'timeline_events', 'signals']) {
        const clash = await db.query(
          `SELECT 1 FROM ${table} a JOIN ${table} b ON b.id = a.id AND b.region_id = $1 WHERE a.region_id = 'elders' LIMIT 1`,
          [region],
        );
        expect(clash, table).toEqual([]);
      }
      const clashBsn = await db.query(
        `SELECT 1 FROM persons a JOIN persons b ON b.bsn = a.bsn AND b.region_id = $1 WHERE a.region_id = 'elders' LIMIT 1`,
        [region],
      );
      expect(clashBsn).toEqual([]);
      expect(other.accounts.map((a) => a.organisation)).not.toContain('Sociaal Team Middelburg');
      expect(other.accounts.every((a) => a.username.endsWith('.elders') && !a.totpSecret)).toBe(true);
      // Its accounts: the one-time password (works once, then a new one), an authenticator app required, never the demo's secret.
      const users = await db.query<{
        password_hash: string;
        password_change_required: boolean;
        totp_required: boolean;
        totp_secret: string | null;
      }>(
        `SELECT password_hash, password_change_required, totp_required, totp_secret FROM users WHERE region_id = 'elders' ORDER BY username LIMIT 3`,
      );
      expect(users).toHaveLength(3);
      for (const u of users) {
        expect([u.password_change_required, u.totp_required, u.totp_secret]).toEqual([true, true, null]);
        expect(await argon2.verify(u.password_hash, DEMO_PASSWORD)).toBe(false);
        expect(await argon2.verify(u.password_hash, other.password!)).toBe(true);
      }
      expect(await db.query(`SELECT 1 FROM users WHERE region_id = $1 AND password_change_required`, [region])).toEqual([]);
      expect((await verifyChain(db, 'elders')).ok).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'lets the demo show the four-eyes role approval: beheer proposes, beheer2 approves',
    async () => {
      const [beheer, beheer2] = await Promise.all([actorOf(db, region, 'beheer'), actorOf(db, region, 'beheer2')]);
      const { id } = (
        await db.query<{ id: string }>(`SELECT id FROM users WHERE region_id = $1 AND username = 'regisseur2'`, [region])
      )[0]!;
      const before = await readAccount(db, beheer, id);
      const proposed = await changeAccount(db, beheer, id, {
        displayName: before.displayName,
        email: before.email,
        roles: [...before.roles, 'team_lead'] as never,
        version: before.version,
      });
      expect(proposed.pending).toBe(true);
      const approved = await approveRoleChange(db, beheer2, id, proposed.account.pendingRoleChange!.id);
      expect(approved.roles).toContain('team_lead');
    },
    TIMEOUT,
  );
});
