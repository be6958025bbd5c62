// SECURITY DEFINER functions run with the owner's rights, past row-level security
// (migrations/0131). This file fails when one is added or its grants change until the list
// below is reviewed and updated on purpose; it shows that PUBLIC executes nothing in schema regie,
// now or for functions added later; and it calls every definer function the application role may
// execute for another region's real rows — from an actor of another region and from an
// application transaction without an actor — and expects nothing back, or a refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp } from '../support/http.js';
import type { Tx } from '../../src/platform/db/db.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { ROLES } from '../../src/platform/access/actor.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

/** Every SECURITY DEFINER function outside the system catalogues, with who besides its owner may execute it. */
const DEFINER_FUNCTIONS = `
  SELECT p.oid, p.oid::regprocedure::text AS signature,
         coalesce((SELECT string_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, ', ' ORDER BY 1)
                     FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                    WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner), 'owner only') AS execute,
         p.prorettype = 'trigger'::regtype AS is_trigger, p.prosrc AS source
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   ORDER BY 2`;
type DefinerRow = { oid: number; signature: string; execute: string; is_trigger: boolean; source: string };

describe('SECURITY DEFINER functions', () => {
  it('are exactly these, executable only by these roles (review a change before updating the list)', async () => {
    const rows = await t.db.query<DefinerRow>(DEFINER_FUNCTIONS);
    expect(rows.map((r) => `${r.signature} → ${r.execute}`)).toEqual([
      'regie.account_login_facts(text,uuid[]) → regie_app',
      'regie.audit_chain() → owner only',
      'regie.audit_chain_close() → owner only',
      'regie.audit_handover_elsewhere(text,uuid,text,text,text,text,text,text) → regie_app',
      'regie.audit_take_stripe(text) → owner only',
      'regie.blind_spot_rules_seed() → owner only',
      'regie.break_glass_family(text,uuid) → regie_app',
      'regie.can_see_family(text,uuid) → regie_app',
      'regie.can_see_person(text,uuid) → regie_app',
      'regie.can_see_signal(text,uuid,uuid,uuid,uuid,uuid) → regie_app',
      'regie.case_coordinator(text,uuid) → regie_app',
      'regie.case_for_triage(text,uuid,uuid) → regie_app',
      'regie.check_coordinator_account() → owner only',
      'regie.check_one_coordinator() → owner only',
      'regie.closed_case_of(text,uuid,uuid) → regie_app',
      'regie.council_overdue_candidates(date,integer) → regie_system',
      'regie.end_sessions_of(text,uuid) → regie_app',
      'regie.ensure_job_queue(text,json) → regie_system',
      'regie.ensure_month_partitions(integer) → regie_system',
      'regie.expire_overdue_handovers(date) → regie_system',
      'regie.family_for_break_glass(text,text,uuid) → regie_app',
      'regie.family_opened_keep() → owner only',
      'regie.family_search_words_keep() → owner only',
      'regie.functional_admins(text) → regie_app',
      'regie.handover_answered_here(text,uuid) → owner only',
      'regie.handover_close_sender_case(text,uuid,text,text) → regie_app',
      'regie.handover_event_elsewhere(text,uuid,text,text,jsonb,jsonb) → regie_app',
      'regie.handover_notify_elsewhere(text,uuid,uuid,text,jsonb,text,text) → regie_app',
      'regie.handover_parties(text,uuid) → regie_app',
      'regie.handover_person_by_bsn(text,text) → regie_app',
      'regie.handover_receivers_elsewhere(text[]) → regie_app',
      'regie.handover_sent_here(text,uuid) → owner only',
      'regie.handover_signal(text,uuid) → regie_app',
      'regie.handover_signal_person_bsns(text,uuid) → regie_app',
      'regie.handover_signal_persons(text,uuid) → regie_app',
      'regie.handover_staff_elsewhere(text,uuid) → regie_app',
      'regie.handover_touch_sender_case(text,uuid) → regie_app',
      'regie.link_signal_to_case(text,uuid,uuid) → regie_app',
      'regie.lock_audit_chains(text[]) → regie_app',
      'regie.mark_idempotency_written(text,uuid,text) → regie_app, regie_authn, regie_system',
      'regie.next_signal_reference(text,integer) → regie_app',
      'regie.notify(text,uuid,uuid,text,jsonb,text,text,uuid) → regie_app, regie_system',
      'regie.open_cases_coordinated_by(text,uuid) → regie_app',
      'regie.person_candidates(text,text,date,text[],text) → regie_app',
      'regie.person_id_by_bsn(text,text) → regie_app',
      'regie.refindex_close_stale(text,uuid,date) → regie_app, regie_system',
      'regie.refindex_lock(text,uuid) → regie_app, regie_system',
      'regie.refindex_match(text,uuid,date,date) → regie_app',
      'regie.refindex_person(text,text) → regie_app',
      'regie.refindex_person_label(text,uuid) → regie_app',
      'regie.reset_authenticator(text,uuid) → regie_app',
      'regie.reset_password(text,uuid,text) → regie_app',
      'regie.same_address_candidates(text,uuid) → regie_app',
      'regie.set_my_language(text) → regie_app',
      'regie.signal_back_after_refusal(text,uuid) → regie_app',
      'regie.signal_subject(text,uuid,text,uuid) → regie_app',
      'regie.signal_subjects(text,uuid[]) → regie_app',
      'regie.timeline_seq() → owner only',
      'regie.write_notification(text,uuid,uuid,text,jsonb,text,text,uuid) → owner only',
    ]);
  });

  it("each one the application may call checks the actor's region itself or through a reviewed check", async () => {
    // Definer functions whose region check is one step away: the view or function named here
    // compares with regie.actor_region().
    const checkedThrough: Record<string, RegExp> = {
      'regie.can_see_family(text,uuid)': /regie\.my_family_access/,
      'regie.signal_subjects(text,uuid[])': /regie\.can_see_signal\(/,
      'regie.handover_parties(text,uuid)': /regie\.can_see_handover\(/,
      'regie.handover_signal_person_bsns(text,uuid)': /regie\.handover_signal_persons\(/,
      // the writers of 0360: the party of this handover in this transaction, or nothing
      'regie.handover_close_sender_case(text,uuid,text,text)': /regie\.handover_answered_here\(/,
      'regie.handover_touch_sender_case(text,uuid)': /regie\.handover_answered_here\(/,
      'regie.handover_event_elsewhere(text,uuid,text,text,jsonb,jsonb)': /regie\.handover_answered_here\(/,
      'regie.handover_notify_elsewhere(text,uuid,uuid,text,jsonb,text,text)': /regie\.handover_(answered|sent)_here\(/,
    };
    const rows = await t.db.query<DefinerRow>(DEFINER_FUNCTIONS);
    // Executable by the system doors alone (regie_system, no actor: it works across regions): those
    // are listed door by door in test/int/system-door.test.ts instead.
    const unchecked = rows
      .filter((r) => r.execute !== 'owner only' && r.execute !== 'regie_system' && !r.is_trigger)
      .filter((r) => !/regie\.actor_region\(\)/.test(r.source) && !checkedThrough[r.signature]?.test(r.source));
    expect(unchecked.map((r) => r.signature)).toEqual([]);
    // Trigger functions cannot be called directly; a trigger runs them without EXECUTE.
    expect(rows.filter((r) => r.is_trigger && r.execute !== 'owner only').map((r) => r.signature)).toEqual([]);
  });

  it('PUBLIC executes no function in schema regie, also none added later', async () => {
    const publicExec = `SELECT p.oid::regprocedure::text AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'regie' AND EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                                            WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE')`;
    expect(await t.db.query(publicExec)).toEqual([]);
    const later = await t.db.transaction(async (tx) => {
      await tx.query(`CREATE FUNCTION regie.t_added_later() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1'`);
      const rows = await tx.query(publicExec);
      await tx.query(`DROP FUNCTION regie.t_added_later()`);
      return rows;
    });
    expect(later).toEqual([]);
  });
});

describe("definer functions keep to the actor's region", () => {
  let other: { region: string; org: string; lead: TestUser; ids: string[]; bsn: string };
  let actor: TestUser;

  beforeAll(async () => {
    // Region B with a team lead who has an e-mail address, a family with a case and a BSN.
    const region = await createRegion(t.db);
    const org = await createOrganisation(t.db, region, 'municipal_team');
    const lead = await createUser(t.db, region, org, ['professional', 'coordinator', 'team_lead']);
    await t.db.query(`UPDATE users SET email = 'lead@example.org' WHERE region_id = $1 AND id = $2`, [region, lead.actor.userId]);
    const app = await testApp(t.server);
    try {
      const body = familyBody(lead.actor.userId, { children: 1 });
      const fam = await (await login(app, lead.username)).post('/api/v1/families', body);
      expect(fam.status).toBe(201);
      const ids = await t.db.query<{ id: string }>(
        `SELECT id FROM cases WHERE region_id = $1 AND family_id = $2 UNION ALL SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`,
        [region, fam.body.id],
      );
      other = { region, org, lead, ids: [org, lead.actor.userId, fam.body.id, ...ids.map((r) => r.id)], bsn: body.members[0]!.bsn! };
    } finally {
      await app.close();
    }
    // Region A: an actor with every role, even of an organisation id that exists in region B.
    const mine = await createRegion(t.db);
    const myOrg = await createOrganisation(t.db, mine, 'veilig_thuis');
    // No account may hold the privacy officer's role beside a care role (migration 0101); the
    // transaction's settings still claim every role, which is what the functions read.
    actor = await createUser(
      t.db,
      mine,
      myOrg,
      ROLES.filter((r) => r !== 'privacy_officer'),
    );
    actor = { ...actor, actor: { ...actor.actor, organisationId: org, roles: [...ROLES] } };
  });

  it('team leads and e-mail addresses of another region stay hidden; PUBLIC may not ask at all', async () => {
    const ask = (tx: Tx) => tx.query(`SELECT regie.team_leads($1, $2) AS id`, [other.region, other.org]);
    expect(await t.db.transaction(ask)).toEqual([{ id: other.lead.actor.userId }]); // the jobs (system door) see them
    expect(await asActor(t.db, actor.actor, ask)).toEqual([]);
    expect(await asActor(t.db, { ...actor.actor, regionId: other.region }, ask)).toEqual([{ id: other.lead.actor.userId }]);
    await expect(
      asActor(t.db, actor.actor, (tx) => tx.query(`SELECT regie.user_email($1, $2)`, [other.region, other.lead.actor.userId])),
    ).rejects.toMatchObject({ code: '42501' });
  });

  /** Arguments by type: the other region, its BSN, and one of its ids for every uuid. */
  function argsFor(types: string[], id: string): unknown[] {
    let texts = 0;
    return types.map((ty) => {
      switch (ty) {
        case 'text':
          return texts++ === 0 ? other.region : other.bsn;
        case 'uuid':
          return id;
        case 'uuid[]':
          return other.ids;
        case 'text[]':
          return [other.region];
        case 'date':
          return '2026-06-01';
        case 'integer':
          return 1;
        case 'jsonb':
          return {};
        default:
          throw new Error(`no test argument for type ${ty}`);
      }
    });
  }
  const nothing = (v: unknown): boolean => v === null || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0);

  async function callAll(begin: (tx: Tx) => Promise<unknown>) {
    const fns = await t.db.query<{ signature: string; name: string; types: string[] }>(
      `SELECT p.oid::regprocedure::text AS signature, p.oid::regproc::text AS name,
              array(SELECT format_type(x, NULL) FROM unnest(p.proargtypes) WITH ORDINALITY u(x, i) ORDER BY i) AS types
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'regie' AND p.prosecdef AND p.prorettype <> 'trigger'::regtype AND has_function_privilege('regie_app', p.oid, 'EXECUTE')`,
    );
    const answered: string[] = [];
    for (const f of fns) {
      for (const id of other.ids) {
        const args = argsFor(f.types, id);
        const sql = `SELECT * FROM ${f.name}(${args.map((_, i) => `$${i + 1}::${f.types[i]}`).join(', ')})`;
        const rows = await t.db
          .transaction(async (tx) => {
            await begin(tx);
            try {
              return await tx.query<Record<string, unknown>>(sql, args);
            } finally {
              await tx.query('ROLLBACK AND CHAIN');
            }
          })
          .catch((e: { code?: string; message?: string }) => {
            // A refusal is an answer too; any other error means the function went to work on the other region's rows.
            if (e.code === '42501') return [];
            throw new Error(`${f.signature}: ${e.code} ${e.message}`);
          });
        if (rows.some((r) => !Object.values(r).every(nothing))) answered.push(`${f.signature} with ${id}: ${JSON.stringify(rows)}`);
      }
    }
    return answered;
  }

  it('every definer function answers an actor of another region with nothing, or refuses', async () => {
    const a = actor.actor;
    expect(
      await callAll((tx) =>
        tx.query(
          `SELECT set_config('role', 'regie_app', true), set_config('regie.region', $1, true), set_config('regie.user', $2, true),
              set_config('regie.org', $3, true), set_config('regie.roles', $4, true)`,
          [a.regionId, a.userId, a.organisationId, a.roles.join(',')],
        ),
      ),
    ).toEqual([]);
  }, 120_000);

  it('and so does an application transaction without an actor (no region is not every region)', async () => {
    expect(await callAll((tx) => tx.query(`SELECT set_config('role', 'regie_app', true)`))).toEqual([]);
  }, 120_000);
});
