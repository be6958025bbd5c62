// The named system door (src/platform/db/system-tx.ts, migrations/0132): work without an actor
// runs as regie_system with only the grants its named jobs need. Every door and every grant of
// the role is listed here, so a new one fails until reviewed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../support/db.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { asSystem, SYSTEM_DOORS, type SystemDoor } from '../../src/platform/db/system-tx.js';
import { readChainHeads } from '../../src/platform/audit/checkpoints.js';
import { createOrganisation, createRegion, createUser } from '../support/factory.js';
import { recordAccess } from '../../src/platform/audit/audit.js';

let t: TestDb;

/** What regie_system may do, door by door (migrations 0132, 0160, 0161, 0191–0193, 0400). Review a change before updating. */
const GRANTS = [
  'audit_chain_head: SELECT',
  'audit_log: INSERT, SELECT',
  'audit_retention_anchors: SELECT',
  'council_overdue_notices: INSERT (case_id, due_on, family_id, region_id), SELECT (case_id, region_id)',
  'idempotency_keys: DELETE, INSERT, SELECT, SELECT (created_at), UPDATE',
  'installation_admins: DELETE, INSERT, SELECT',
  'mail_outbox: SELECT (attempts, claim_token, claimed_until, id, kind, language, link, next_attempt_at, notification_id, region_id, status, subject, to_address), UPDATE (attempts, claim_token, claimed_until, last_error, next_attempt_at, sent_at, status, subject)',
  'notifications: SELECT (id, kind, params, region_id)',
  'organisations: INSERT (id, name, region_id, safety_task, type, version)',
  'persons: SELECT (birth_date, id, region_id)',
  'public_form_secrets: INSERT (id, secret), SELECT (id, secret)',
  'refindex_match_pairs: SELECT (match_id, org_high, org_low, region_id)',
  'refindex_matches: SELECT (closed_at, coordinator_user_id, due_on, escalated_at, id, region_id), UPDATE (escalated_at)',
  'refindex_registrations: SELECT (end_date, ended_at, id, legal_basis, organisation_id, person_id, region_id), UPDATE (ended_at, ended_by, ended_reason)',
  'regions: INSERT (id, name), SELECT (created_at, id, name)',
  'schema_migrations: SELECT',
  'signal_settings: INSERT (front_door_organisation_id, region_id), SELECT (front_door_organisation_id, region_id)',
  'signals: SELECT (id, overdue_notified_at, receiving_organisation_id, reference, region_id, status, triage_due_on), UPDATE (overdue_notified_at)',
  'users: INSERT (active, display_name, email, id, organisation_id, password_change_required, password_hash, region_id, roles, totp_required, username, version), SELECT (active, display_name, id, organisation_id, region_id, roles, username)',
];
const FUNCTIONS = [
  'regie.acting_as_system()',
  'regie.actor_region()',
  'regie.audit_canonical(audit_log)',
  'regie.council_overdue_candidates(date,integer)',
  'regie.ensure_job_queue(text,json)',
  'regie.ensure_month_partitions(integer)',
  'regie.expire_overdue_handovers(date)',
  'regie.mark_idempotency_written(text,uuid,text)',
  'regie.notify(text,uuid,uuid,text,jsonb,text,text,uuid)',
  'regie.refindex_close_stale(text,uuid,date)',
  'regie.refindex_lock(text,uuid)',
  'regie.system_door()',
  'regie.team_leads(text,uuid)',
];
const POLICIES = [
  "audit_log: audit_log_system_installation INSERT CHECK ((regie.system_door() = 'installation'::text) AND (on_behalf_of = 'installation'::text))",
  "audit_log: audit_log_system_refindex_removals INSERT CHECK ((regie.system_door() = 'refindex-sweeps'::text) AND (user_id IS NULL) AND (on_behalf_of = 'system:refindex-removals'::text))",
  "audit_log: audit_log_system_verify SELECT (regie.system_door() = 'audit-verify'::text)",
  "audit_retention_anchors: audit_retention_anchors_verify SELECT (regie.system_door() = 'audit-verify'::text)",
  "council_overdue_notices: council_overdue_notices_system ALL (regie.system_door() = 'council-overdue'::text) CHECK (regie.system_door() = 'council-overdue'::text)",
  "idempotency_keys: idempotency_keys_system ALL (regie.system_door() = 'idempotency'::text)",
  "installation_admins: installation_admins_system ALL (regie.system_door() = 'installation'::text) CHECK (regie.system_door() = 'installation'::text)",
  "mail_outbox: mail_outbox_system_sender ALL (regie.system_door() = 'mail-outbox'::text)",
  "notifications: notifications_system_mail_texts SELECT (regie.system_door() = 'mail-outbox'::text)",
  "organisations: organisations_system_installation INSERT CHECK (regie.system_door() = 'installation'::text)",
  "persons: persons_system_refindex_sweeps SELECT (regie.system_door() = 'refindex-sweeps'::text)",
  "refindex_match_pairs: refindex_match_pairs_system_sweeps SELECT (regie.system_door() = 'refindex-sweeps'::text)",
  "refindex_matches: refindex_matches_system_sweeps ALL (regie.system_door() = 'refindex-sweeps'::text)",
  "refindex_registrations: refindex_registrations_system_sweeps ALL (regie.system_door() = 'refindex-sweeps'::text)",
  "signal_settings: signal_settings_system_installation INSERT CHECK (regie.system_door() = 'installation'::text)",
  "signal_settings: signal_settings_system_public_form SELECT (regie.system_door() = 'public-form'::text)",
  "signals: signals_system_triage_overdue ALL (regie.system_door() = 'triage-overdue'::text)",
  "users: users_system_installation_insert INSERT CHECK ((regie.system_door() = 'installation'::text) AND (roles = ARRAY['functional_admin'::text]) AND password_change_required AND totp_required)",
  "users: users_system_installation_read SELECT (regie.system_door() = 'installation'::text)",
  "users: users_system_team_leads SELECT (regie.system_door() = ANY (ARRAY['triage-overdue'::text, 'refindex-sweeps'::text, 'handover-deadlines'::text, 'council-overdue'::text]))",
];
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe('the system door', () => {
  it('is opened by these named jobs only, and its role holds only these grants', async () => {
    expect(SYSTEM_DOORS).toEqual([
      'audit-checkpoints',
      'audit-verify',
      'authentication',
      'council-overdue',
      'handover-deadlines',
      'idempotency',
      'installation',
      'jobs',
      'mail-outbox',
      'migrations',
      'partitions',
      'public-form',
      'refindex-sweeps',
      'triage-overdue',
    ]);
    const grants = await t.db.query<{ g: string }>(`
      WITH t AS (SELECT c.relname AS tbl, x.privilege_type AS p FROM pg_class c, aclexplode(c.relacl) x
                  WHERE x.grantee = 'regie_system'::regrole AND c.relnamespace = 'public'::regnamespace),
           col AS (SELECT c.relname AS tbl, x.privilege_type || ' (' || string_agg(a.attname, ', ' ORDER BY a.attname) || ')' AS p
                     FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid, aclexplode(a.attacl) x
                    WHERE x.grantee = 'regie_system'::regrole AND c.relnamespace = 'public'::regnamespace GROUP BY c.relname, x.privilege_type)
      SELECT tbl || ': ' || string_agg(p, ', ' ORDER BY p) AS g FROM (SELECT * FROM t UNION ALL SELECT * FROM col) u GROUP BY tbl ORDER BY tbl`);
    expect(grants.map((r) => r.g)).toEqual(GRANTS);
    const functions = await t.db.query<{ f: string }>(`SELECT p.oid::regprocedure::text AS f FROM pg_proc p, aclexplode(p.proacl) x
      WHERE x.grantee = 'regie_system'::regrole AND x.privilege_type = 'EXECUTE' ORDER BY 1`);
    expect(functions.map((r) => r.f)).toEqual(FUNCTIONS);
    const policies = await t.db.query<{
      p: string;
    }>(`SELECT tablename || ': ' || policyname || ' ' || cmd || coalesce(' ' || qual, '') || coalesce(' CHECK ' || with_check, '') AS p
      FROM pg_policies WHERE 'regie_system' = ANY (roles) ORDER BY 1`);
    expect(policies.map((r) => r.p)).toEqual(POLICIES);
    const [role] = await t.db.query(`SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'regie_system'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });

  it("names the job to the database, counts as the jobs' pass, and can read nothing it was not granted", async () => {
    const region = await createRegion(t.db);
    const user = await createUser(t.db, region, await createOrganisation(t.db, region), ['professional']);
    await t.db.transaction((tx) => recordAccess(tx, user.actor, { action: 'read', objectType: 'test' }));
    expect(
      await asSystem(t.db, 'audit-checkpoints', (tx) =>
        tx.query(`SELECT current_user::text AS "user", current_setting('regie.system') AS door, regie.acting_as_system() AS system`),
      ),
    ).toEqual([{ user: 'regie_system', door: 'audit-checkpoints', system: true }]);
    expect((await readChainHeads(t.db)).filter((h) => h.regionId === region)).toEqual([
      expect.objectContaining({ seq: 1, chain: expect.stringMatching(/^audit_log(\/\d+)?$/) }),
    ]);
    // Grants belong to the role, so every door has them; row-level security keeps each door to its rows.
    expect(await asSystem(t.db, 'audit-checkpoints', (tx) => tx.query(`SELECT id FROM users`))).toEqual([]);
    expect(await asSystem(t.db, 'triage-overdue', (tx) => tx.query(`SELECT id FROM users WHERE region_id = $1`, [region]))).toEqual([
      { id: user.actor.userId },
    ]);
    for (const sql of [
      'SELECT bsn FROM persons LIMIT 1',
      'SELECT password_hash FROM users LIMIT 1',
      'SELECT totp_secret FROM users LIMIT 1',
      'SELECT 1 FROM sessions LIMIT 1',
      `UPDATE audit_chain_head SET seq = 0 WHERE region_id = '${region}'`,
    ])
      await expect(
        asSystem(t.db, 'audit-checkpoints', (tx) => tx.query(sql)),
        sql,
      ).rejects.toMatchObject({ code: '42501' });
    // The audit log's rows are for the verifying door alone (migrations/0191).
    expect(await asSystem(t.db, 'audit-checkpoints', (tx) => tx.query(`SELECT seq FROM audit_log WHERE region_id = $1`, [region]))).toEqual(
      [],
    );
    expect(
      await asSystem(t.db, 'audit-verify', (tx) => tx.query(`SELECT chain_seq::int AS seq FROM audit_log WHERE region_id = $1`, [region])),
    ).toEqual([{ seq: 1 }]);
    await expect(
      asSystem(t.db, 'audit-verify', (tx) => tx.query(`DELETE FROM audit_log WHERE region_id = $1`, [region])),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(asSystem(t.db, 'login' as SystemDoor, async () => 1)).rejects.toThrow(/unknown system door/);
  });
});

describe('the authentication door (regie_authn, migrations/0190)', () => {
  it('is the only role that reads password hashes and TOTP secrets or touches sessions, and nothing else', async () => {
    const region = await createRegion(t.db);
    const user = await createUser(t.db, region, await createOrganisation(t.db, region), ['professional']);
    const [who] = await asSystem(t.db, 'authentication', (tx) =>
      tx.query(`SELECT current_user::text AS "user", password_hash IS NOT NULL AS has_hash FROM users WHERE region_id = $1 AND id = $2`, [
        region,
        user.actor.userId,
      ]),
    );
    expect(who).toEqual({ user: 'regie_authn', has_hash: true });
    for (const sql of [
      'SELECT 1 FROM persons LIMIT 1',
      'SELECT 1 FROM families LIMIT 1',
      'SELECT 1 FROM cases LIMIT 1',
      'SELECT 1 FROM signals LIMIT 1',
      'SELECT 1 FROM audit_log LIMIT 1',
      `UPDATE users SET roles = '{functional_admin}'`,
      `UPDATE users SET active = false`,
      `INSERT INTO regions (id, name) VALUES ('x', 'x')`,
      'DELETE FROM sessions',
    ])
      await expect(
        asSystem(t.db, 'authentication', (tx) => tx.query(sql)),
        sql,
      ).rejects.toMatchObject({ code: '42501' });
    // Its rows are for its own door: another door on the same role would see none.
    const tables = await t.db.query<{ t: string }>(`SELECT DISTINCT c.relname AS t FROM pg_class c, aclexplode(c.relacl) x
      WHERE x.grantee = 'regie_authn'::regrole AND c.relnamespace = 'public'::regnamespace
      UNION SELECT DISTINCT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid, aclexplode(a.attacl) x
      WHERE x.grantee = 'regie_authn'::regrole AND c.relnamespace = 'public'::regnamespace ORDER BY 1`);
    expect(tables.map((r) => r.t)).toEqual(['audit_log', 'login_failures', 'oidc_logins', 'organisations', 'sessions', 'users']);
    const [role] = await t.db.query(`SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'regie_authn'`);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });
});

describe.runIf(onPostgres)("the server's login role (PostgreSQL, docs/deploy/roles.sql)", () => {
  it('is an ordinary login role that owns nothing and can use no grant outside a door', async () => {
    const [role] = await t.server.query(`SELECT current_user::text AS "user", rolsuper, rolbypassrls, rolinherit, rolcanlogin,
        pg_has_role(current_user, 'regie_app', 'MEMBER') AS app, pg_has_role(current_user, 'regie_system', 'MEMBER') AS system,
        pg_has_role(current_user, 'regie_authn', 'MEMBER') AS authn,
        (SELECT count(*)::int FROM pg_class c WHERE c.relowner = pg_roles.oid) AS owns,
        (SELECT datdba = pg_roles.oid FROM pg_database WHERE datname = current_database()) AS db_owner
      FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({
      user: 'regie_server',
      rolsuper: false,
      rolbypassrls: false,
      rolinherit: false,
      rolcanlogin: true,
      app: true,
      system: true,
      authn: true,
      owns: 0,
      db_owner: false,
    });
    for (const sql of [
      'SELECT 1 FROM users LIMIT 1',
      'SELECT 1 FROM audit_log LIMIT 1',
      'SELECT 1 FROM sessions LIMIT 1',
      'SELECT 1 FROM schema_migrations',
    ])
      await expect(t.server.query(sql), sql).rejects.toMatchObject({ code: '42501' });
    // The migrations ran as the owner, which is not a superuser either.
    const [owner] = await t.db.query(
      `SELECT current_user::text AS "user", rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(owner).toEqual({ user: 'regie_owner', rolsuper: false, rolbypassrls: true });
  });

  it('starts with nothing pending without the owner, and serves an actor through asActor only', async () => {
    expect(await migrate(t.server)).toEqual([]);
    const region = await createRegion(t.db);
    const user = await createUser(t.db, region, await createOrganisation(t.db, region), ['professional']);
    expect(await asActor(t.server, user.actor, (tx) => tx.query(`SELECT current_user::text AS "user", id FROM users`))).toEqual([
      { user: 'regie_app', id: user.actor.userId },
    ]);
  });
});
