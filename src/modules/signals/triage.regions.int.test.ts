// A triage decision "hand over" to an organisation in ANOTHER region (the family moved), through
// the API: the handover is made in the triage's transaction and names the receiving region; the
// receiver there sees it with the package (never the signal itself) and can accept it; the
// decision row records the target's region; invalid targets are refused on the named field with
// nothing written; and the keys of migration 0092 still hold within one region.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createPeople, createRegion, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';

let t: TestDb;
let app: App;
let A: string;
let B: string;
let C: string;
let team: string;
let school: string;
let vtA: string;
let teamB: string;
let gpB: string;
let triager: TestUser;
let coordA: TestUser;
let teacher: TestUser;
let proB: TestUser;
let coordB: TestUser;
let leadB: TestUser;
let otherBUser: TestUser;
let cTriager: Client;
let cCoordA: Client;
let cTeacher: Client;
let cProB: Client;
let cCoordB: Client;
let cOtherB: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  [A, B, C] = [await createRegion(t.db), await createRegion(t.db), await createRegion(t.db)];
  await t.db.query(`UPDATE regions SET name = CASE id WHEN $1 THEN 'Walcheren' ELSE 'De Bevelanden' END WHERE id IN ($1, $2)`, [A, B]);
  const inA = await createPeople(
    t.db,
    A,
    { team: ['municipal_team', 'Wijkteam Middelburg'], school: ['school', 'OBS De Linde'], vtA: ['veilig_thuis', 'Veilig Thuis Zeeland'] },
    { triager: ['team', ['professional']], coordA: ['team', ['professional', 'coordinator']], teacher: ['school', ['professional']] },
  );
  const inB = await createPeople(
    t.db,
    B,
    {
      teamB: ['municipal_team', 'Team Jeugd Goes'],
      gpB: ['gp_practice', 'Huisartsenpraktijk Goes-Oost'],
      otherB: ['municipal_team', 'Sociaal Team Kapelle'],
    },
    {
      proB: ['teamB', ['professional']],
      coordB: ['teamB', ['professional', 'coordinator']],
      leadB: ['teamB', ['professional', 'team_lead']],
      otherBUser: ['otherB', ['professional', 'coordinator', 'team_lead']],
    },
  );
  await createOrganisation(t.db, C, 'municipal_team', 'Team Jeugd Zierikzee');
  ({ team, school, vtA } = inA.org);
  ({ triager, coordA, teacher } = inA.user);
  ({ teamB, gpB } = inB.org);
  ({ proB, coordB, leadB, otherBUser } = inB.user);
  app = await testApp(t.server);
  [cTriager, cCoordA, cTeacher, cProB, cCoordB, cOtherB] = await Promise.all([
    login(app, triager.username),
    login(app, coordA.username),
    login(app, teacher.username),
    login(app, proB.username),
    login(app, coordB.username),
    login(app, otherBUser.username),
  ]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A family known to the team in A (with BSNs), and a signal about its mother from the school. */
async function signalAboutFamily() {
  const body = familyBody(coordA.actor.userId, { familyName: 'Bakker', children: 1 });
  const fam = await cCoordA.post('/api/v1/families', body);
  expect(fam.status, JSON.stringify(fam.body)).toBe(201);
  const sig = await newSignal({ bsn: body.members[0]!.bsn });
  return { familyId: fam.body.id as string, motherBsn: body.members[0]!.bsn!, ...sig };
}

async function newSignal(o: Record<string, unknown> = { subjectDescription: 'Gezin dat naar Goes verhuist' }) {
  const r = await cTeacher.post('/api/v1/signals', {
    receivingOrganisationId: team,
    source: 'school',
    whatSeen: 'Kinderen komen zonder lunch en vertellen over ruzie thuis.',
    safetyAtStake: false,
    urgency: 'normal',
    ...o,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; reference: string };
}

const handoverBody = (o: Record<string, unknown> = {}) => ({
  safetyAssessment: 'concerns',
  safetyReasons: 'Zorgen over toezicht, geen acuut gevaar.',
  decision: 'handover',
  targetOrganisationId: teamB,
  targetRegionId: B,
  note: 'Het gezin woont sinds kort in Goes.',
  version: 1,
  ...o,
});

const decisionRow = async (signalId: string) =>
  (
    await t.db.query<{
      target_organisation_id: string | null;
      target_region_id: string | null;
      local_target_organisation_id: string | null;
    }>(
      `SELECT target_organisation_id, target_region_id, local_target_organisation_id FROM signal_triage_decisions WHERE region_id = $1 AND signal_id = $2`,
      [A, signalId],
    )
  )[0];
const handoversOf = (signalId: string) =>
  t.db.query<{
    id: string;
    region_id: string;
    to_region_id: string;
    to_organisation_id: string;
    status: string;
    persons: Array<{ personId: string }>;
  }>(`SELECT id, region_id, to_region_id, to_organisation_id, status, persons FROM handovers WHERE signal_id = $1`, [signalId]);

/** Everything a triage with a handover could write; a refused one must leave it as it was. */
async function state(signalId: string) {
  return {
    signal: await t.db.query(`SELECT status, version, case_id, triaged_at FROM signals WHERE id = $1`, [signalId]),
    decisions: await t.db.query(`SELECT id FROM signal_triage_decisions WHERE signal_id = $1`, [signalId]),
    handovers: await handoversOf(signalId),
    moments: await t.db.query(`SELECT moment FROM lead_time_moments WHERE signal_id = $1 ORDER BY moment`, [signalId]),
    notifications: await t.db.query(`SELECT count(*)::int AS n FROM notifications WHERE region_id IN ($1, $2)`, [A, B]),
    timeline: await t.db.query(`SELECT count(*)::int AS n FROM timeline_events WHERE region_id = $1`, [A]),
  };
}

describe('a triage decision "hand over" to an organisation in another region', () => {
  it('makes the handover to the other region in the same transaction; the receiver there sees it with the package and accepts', async () => {
    const sig = await signalAboutFamily();
    // Goes already knows the mother by her BSN (in a family of its own)
    const known = await cCoordB.post('/api/v1/families', {
      members: [{ givenNames: 'Anna', familyName: 'Bakker', birthDate: '1988-04-12', relation: 'parent', bsn: sig.motherBsn }],
      case: { coordinatorUserId: coordB.actor.userId, legalBasis: 'consent' },
    });
    expect(known.status, JSON.stringify(known.body)).toBe(201);
    const motherInB = (
      await t.db.query<{ id: string }>(`SELECT id FROM persons WHERE region_id = $1 AND bsn = $2`, [B, sig.motherBsn])
    )[0]!;
    const r = await cTriager.post(`/api/v1/signals/${sig.id}/triage`, handoverBody());
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'handed_over', version: 2 });

    // the decision records the target's region; the same-region key column stays empty
    expect(await decisionRow(sig.id)).toEqual({ target_organisation_id: teamB, target_region_id: B, local_target_organisation_id: null });
    const h = (await handoversOf(sig.id))[0]!;
    expect(h).toMatchObject({ region_id: A, to_region_id: B, to_organisation_id: teamB, status: 'pending' });
    expect(h.persons.length).toBeGreaterThan(0);

    // the sender's signal shows the target with its region
    const detail = (await cTriager.get(`/api/v1/signals/${sig.id}`)).body;
    expect(detail.triage).toMatchObject({
      decision: 'handover',
      targetOrganisationId: teamB,
      targetOrganisationName: 'Team Jeugd Goes',
      targetRegionId: B,
      targetRegionName: 'De Bevelanden',
    });
    expect(detail.status).toBe('handed_over');
    const out = (await cTriager.get('/api/v1/handovers?direction=outgoing')).body.items.find((i: { id: string }) => i.id === h.id);
    expect(out).toMatchObject({
      subjectType: 'signal',
      crossRegion: true,
      toOrganisation: { name: 'Team Jeugd Goes', regionId: B, regionName: 'De Bevelanden' },
    });

    // the receiving organisation in B sees it incoming, with the package but not the signal's ids
    const incoming = (await cProB.get('/api/v1/handovers?direction=incoming')).body.items.find((i: { id: string }) => i.id === h.id);
    expect(incoming).toMatchObject({
      subjectType: 'signal',
      direction: 'incoming',
      crossRegion: true,
      signalId: null,
      familyId: null,
      fromOrganisation: { name: 'Wijkteam Middelburg', regionId: A, regionName: 'Walcheren' },
    });
    const pkg = await cProB.get(`/api/v1/handovers/${h.id}`);
    expect(pkg.status, JSON.stringify(pkg.body)).toBe(200);
    expect(pkg.body).toMatchObject({ mayRespond: true, safetyAssessment: 'concerns', signalId: null });
    // The package is the signal and its triage (the note among them), not boilerplate.
    expect(pkg.body.knownInformation).toContain('Het gezin woont sinds kort in Goes.');
    expect(pkg.body.knownInformation).toContain('Kinderen komen zonder lunch en vertellen over ruzie thuis.');
    expect(pkg.body.persons.map((p: { personId: string }) => p.personId).sort()).toEqual(h.persons.map((p) => p.personId).sort());
    // the package carries the BSNs to the other region, so that it links by BSN and never by name
    expect(pkg.body.persons.every((p: { bsn: string | null }) => /^\d{9}$/.test(p.bsn ?? ''))).toBe(true);
    expect(pkg.body.arrival.persons.filter((p: { bsnKnown: boolean }) => p.bsnKnown)).toHaveLength(1);
    // B's team lead is told, in B
    expect(
      (
        await t.db.query(`SELECT 1 FROM notifications WHERE region_id = $1 AND user_id = $2 AND link = $3`, [
          B,
          leadB.actor.userId,
          `/overdrachten/${h.id}`,
        ])
      ).length,
    ).toBe(1);
    // the signal itself stays in A: not through the API, not even in the database
    expect((await cProB.get(`/api/v1/signals/${sig.id}`)).status).toBe(404);
    expect(await asActor(t.db, proB.actor, (tx) => tx.query(`SELECT id FROM signals WHERE id = $1`, [sig.id]))).toEqual([]);
    // another organisation of B sees nothing
    expect((await cOtherB.get(`/api/v1/handovers/${h.id}`)).status).toBe(404);

    const accepted = await cProB.post(`/api/v1/handovers/${h.id}/accept`, { nomineeUserId: coordB.actor.userId, version: 1 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', caseId: expect.any(String) });
    const c = (
      await t.db.query<{ region_id: string; family_id: string }>(`SELECT region_id, family_id FROM cases WHERE id = $1`, [
        accepted.body.caseId,
      ])
    )[0]!;
    expect(c.region_id).toBe(B);
    const members = await t.db.query<{ person_id: string }>(
      `SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`,
      [B, c.family_id],
    );
    expect(members.map((m) => m.person_id)).toContain(motherInB.id);
    expect(members).toHaveLength(h.persons.length);
    expect(await t.db.query(`SELECT 1 FROM persons WHERE region_id = $1 AND bsn = $2`, [B, sig.motherBsn])).toHaveLength(1);
  });

  it('finds the organisation of the other region by id when the region is left out', async () => {
    const sig = await newSignal();
    const r = await cTriager.post(
      `/api/v1/signals/${sig.id}/triage`,
      handoverBody({ targetRegionId: undefined, note: undefined, safetyAssessment: 'safe' }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await decisionRow(sig.id)).toMatchObject({ target_organisation_id: teamB, target_region_id: B });
    expect(await handoversOf(sig.id)).toMatchObject([{ to_region_id: B, to_organisation_id: teamB }]);
    const ids = (await cProB.get('/api/v1/handovers?direction=incoming')).body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain((await handoversOf(sig.id))[0]?.id);
  });

  it('still records a target in the own region with its region, under the foreign key', async () => {
    const sig = await newSignal();
    const r = await cTriager.post(
      `/api/v1/signals/${sig.id}/triage`,
      handoverBody({ targetOrganisationId: vtA, targetRegionId: undefined }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await decisionRow(sig.id)).toEqual({ target_organisation_id: vtA, target_region_id: A, local_target_organisation_id: vtA });
    expect(await handoversOf(sig.id)).toMatchObject([{ region_id: A, to_region_id: A, to_organisation_id: vtA }]);
    expect((await cTriager.get(`/api/v1/signals/${sig.id}`)).body.triage).toMatchObject({
      targetOrganisationName: 'Veilig Thuis Zeeland',
      targetRegionId: A,
      targetRegionName: 'Walcheren',
    });
    // a decision without a target names no region
    const advice = await newSignal();
    expect(
      (
        await cTriager.post(
          `/api/v1/signals/${advice.id}/triage`,
          handoverBody({ decision: 'advice', targetOrganisationId: undefined, targetRegionId: undefined }),
        )
      ).status,
    ).toBe(200);
    expect(await decisionRow(advice.id)).toEqual({
      target_organisation_id: null,
      target_region_id: null,
      local_target_organisation_id: null,
    });
    expect((await cTriager.get(`/api/v1/signals/${advice.id}`)).body.triage).toMatchObject({
      targetOrganisationName: null,
      targetRegionId: null,
      targetRegionName: null,
    });
  });

  it('refuses an unknown organisation, one without the task and the own organisation on the field, in Dutch and English, with nothing written', async () => {
    const sig = await signalAboutFamily();
    const before = await state(sig.id);
    const refused = async (o: Record<string, unknown>) => {
      const r = await cTriager.post(`/api/v1/signals/${sig.id}/triage`, handoverBody(o));
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body).toMatchObject({ field: 'targetOrganisationId', detail: expect.any(String), detailEn: expect.any(String) });
      return r.body as { code: string; detail: string; detailEn: string };
    };
    expect(await refused({ targetOrganisationId: randomUUID() })).toMatchObject({
      code: 'unknown_organisation',
      detail: expect.stringContaining('gekozen regio'),
    });
    expect(await refused({ targetOrganisationId: randomUUID(), targetRegionId: undefined })).toMatchObject({
      code: 'unknown_organisation',
      detailEn: expect.stringContaining('neither in your region nor in another region'),
    });
    // Team Jeugd Goes is not in A, and not in C
    expect((await refused({ targetRegionId: A })).code).toBe('unknown_organisation');
    expect((await refused({ targetRegionId: C })).code).toBe('unknown_organisation');
    // a region that does not exist
    expect((await refused({ targetRegionId: 'nergens' })).code).toBe('unknown_organisation');
    // the GP practice in Goes and the school in A have no task to take over a signal
    const gp = await refused({ targetOrganisationId: gpB });
    expect(gp).toMatchObject({
      code: 'organisation_without_task',
      detail: expect.stringContaining('Huisartsenpraktijk Goes-Oost (regio De Bevelanden)'),
    });
    expect(gp.detailEn).toContain('does not have the task to take over a signal');
    expect((await refused({ targetOrganisationId: school, targetRegionId: undefined })).code).toBe('organisation_without_task');
    expect((await refused({ targetOrganisationId: school, targetRegionId: A })).code).toBe('organisation_without_task');
    // the own organisation, named with or without its region; named in another region it does not exist there
    expect((await refused({ targetOrganisationId: team, targetRegionId: undefined })).code).toBe('same_organisation');
    expect((await refused({ targetOrganisationId: team, targetRegionId: A })).code).toBe('same_organisation');
    expect((await refused({ targetOrganisationId: team, targetRegionId: B })).code).toBe('unknown_organisation');
    expect(await state(sig.id)).toEqual(before);
    expect(before.signal).toMatchObject([{ status: 'open', version: 1, triaged_at: null }]);
    expect(before.handovers).toEqual([]);
  });

  it("keeps the foreign key within one region and the target's region paired with the target", async () => {
    const sig = await newSignal();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    const insert = (target: string | null, targetRegion: string | null, id = randomUUID()) =>
      t.db.query(
        `INSERT INTO signal_triage_decisions (region_id, id, signal_id, safety_assessment, safety_reasons, decision, target_organisation_id, target_region_id,
          decided_by, decided_by_organisation_id)
       VALUES ($1, $2, $3, 'concerns', 'Zorgen.', $4, $5, $6, $7, $8)`,
        [A, id, sig.id, target ? 'handover' : 'advice', target, targetRegion, triager.actor.userId, team],
      );
    // within the region the target must exist there (an organisation of B is not one of A)
    expect(await code(insert(teamB, null))).toBe('23503');
    expect(await code(insert(teamB, A))).toBe('23503');
    // a region without a target
    expect(await code(insert(null, B))).toBe('23514');
    // a region that does not exist
    expect(await code(insert(teamB, 'nergens'))).toBe('23503');
    // across regions the key is not checked here (the service checks it); the default region is the own
    const id = randomUUID();
    expect(await code(insert(teamB, B, id))).toBe('ok');
    expect(
      await t.db.query(
        `SELECT target_region_id, local_target_organisation_id FROM signal_triage_decisions WHERE region_id = $1 AND id = $2`,
        [A, id],
      ),
    ).toEqual([{ target_region_id: B, local_target_organisation_id: null }]);
    await t.db.query(`DELETE FROM signal_triage_decisions WHERE region_id = $1 AND id = $2`, [A, id]);
    const own = randomUUID();
    expect(await code(insert(vtA, null, own))).toBe('ok');
    expect(
      await t.db.query(
        `SELECT target_region_id, local_target_organisation_id FROM signal_triage_decisions WHERE region_id = $1 AND id = $2`,
        [A, own],
      ),
    ).toEqual([{ target_region_id: A, local_target_organisation_id: vtA }]);
  });
});
