import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';

let t: TestDb;
let region: string;
let coord: TestUser;
let coord2: TestUser;
let coord3: TestUser;
let prof: TestUser;
let c: Client;
let c2: Client;
let c3: Client;
let p: Client;
const GP_NAME = 'Huisartsenpraktijk De Linde';

const w = useRegionApp({
  orgs: { team: ['municipal_team', 'Sociaal Wijkteam Noord'], gp: ['gp_practice', GP_NAME] },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    coord2: ['gp', ['professional', 'coordinator']],
    coord3: ['team', ['professional', 'coordinator']],
    prof: ['gp', ['professional']],
  },
});
beforeAll(() => {
  ({ t, region } = w);
  ({ coord, coord2, coord3, prof } = w.user);
  ({ coord: c, coord2: c2, coord3: c3, prof: p } = w.client);
});

interface Fam {
  id: string;
  caseId: string;
  personIds: string[];
}

/** A fresh family with an open case coordinated by `coord` (consent). */
async function newFamily(): Promise<Fam> {
  const r = await c.post('/api/v1/families', familyBody(coord.actor.userId));
  expect(r.status).toBe(201);
  const cases = await t.db.query<{ id: string }>(`SELECT id FROM cases WHERE region_id = $1 AND family_id = $2`, [region, r.body.id]);
  const persons = await t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`, [
    region,
    r.body.id,
  ]);
  expect(persons).toHaveLength(3);
  return { id: r.body.id, caseId: cases[0]!.id, personIds: persons.map((x) => x.person_id) };
}

const page = async (client: Client, f: Fam) => {
  const r = await client.get(`/api/v1/families/${f.id}`);
  expect(r.status).toBe(200);
  return r.body;
};
const coordinatorMembership = async (f: Fam) =>
  (await page(c, f)).currentCase.team.find((m: { role: string; endedAt: string | null }) => m.role === 'coordinator' && !m.endedAt);

/** The last audit sequence number of the region: rows after it were written by the next call. */
const auditMark = async () =>
  Number((await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [region]))[0]!.n);

/** Exactly one audit row per family person, all for this write. */
async function expectAudited(since: number, f: Fam, who: TestUser, action: 'create' | 'update', objectType: string, objectId: string) {
  const rows = await t.db.query<Record<string, unknown>>(
    `SELECT action, person_id, object_type, object_id, user_id, organisation_id, outcome, legal_basis FROM audit_log WHERE region_id = $1 AND seq > $2 ORDER BY seq`,
    [region, since],
  );
  expect(rows.map((r) => r.person_id).sort()).toEqual([...f.personIds].sort());
  for (const r of rows) {
    expect(r).toMatchObject({
      action,
      object_type: objectType,
      object_id: objectId,
      user_id: who.actor.userId,
      organisation_id: who.actor.organisationId,
      outcome: 'allowed',
    });
    expect(r.legal_basis).not.toBeNull();
  }
}

/** Everything a write could touch for this family; a failed write must leave it exactly as it was. */
async function state(f: Fam) {
  const q = (sql: string) => t.db.query(sql, [region, f.id]);
  return {
    audit: await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND outcome = 'allowed'`, [region]),
    timeline: await q(`SELECT id, type FROM timeline_events WHERE region_id = $1 AND family_id = $2 ORDER BY id`),
    cases: await q(`SELECT id, status, version, closed_at, closed_reason FROM cases WHERE region_id = $1 AND family_id = $2 ORDER BY id`),
    team: await q(
      `SELECT id, user_id, role, legal_basis, ended_at, ended_reason FROM case_team WHERE region_id = $1 AND family_id = $2 ORDER BY id`,
    ),
    family: await q(`SELECT version, last_activity_at FROM families WHERE region_id = $1 AND id = $2`),
  };
}
async function expectNothingWritten(f: Fam, failingWrite: () => Promise<{ status: number; body: any }>) {
  const before = await state(f);
  const deniedRows = () =>
    t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND outcome = 'denied'`, [region]);
  const deniedBefore = (await deniedRows())[0]!.n;
  const r = await failingWrite();
  expect(await state(f)).toEqual(before);
  // The one thing a refused write leaves: its denied audit row (issue 8); a plain input error leaves nothing.
  expect((await deniedRows())[0]!.n - deniedBefore).toBe([403, 404, 409].includes(r.status) ? 1 : 0);
  return r;
}

const activeCoordinators = async (caseId: string) =>
  t.db.query<{ user_id: string }>(
    `SELECT user_id FROM case_team WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`,
    [region, caseId],
  );

describe('opening a case', () => {
  it('opens a new case once the previous one is closed, with its coordinator and a timeline event', async () => {
    const f = await newFamily();
    const closed = await c.patch(`/api/v1/cases/${f.caseId}`, { status: 'closed', version: 1, closedReason: 'Doelen bereikt' });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ id: f.caseId, version: 2 });

    const mark = await auditMark();
    const r = await c.post(`/api/v1/families/${f.id}/cases`, { coordinatorUserId: coord2.actor.userId, legalBasis: 'statutory_task' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ id: expect.any(String), version: 1 });
    expect(r.body.id).not.toBe(f.caseId);
    await expectAudited(mark, f, coord, 'create', 'case', r.body.id);

    const body = await page(c, f);
    expect(body.currentCase).toMatchObject({
      id: r.body.id,
      status: 'registered',
      version: 1,
      coordinator: { userId: coord2.actor.userId, organisationName: GP_NAME },
    });
    expect(body.currentCase.team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: coord2.actor.userId, role: 'coordinator', legalBasis: 'statutory_task', endedAt: null }),
        expect.objectContaining({ userId: coord.actor.userId, role: 'member', legalBasis: 'statutory_task', endedAt: null }),
      ]),
    );
    expect(body.pastCases).toEqual([expect.objectContaining({ id: f.caseId, status: 'closed', closedReason: 'Doelen bereikt' })]);
    expect(body.timeline.filter((e: { type: string; caseId: string }) => e.type === 'case_opened' && e.caseId === r.body.id)).toHaveLength(
      1,
    );
    expect(await activeCoordinators(r.body.id)).toEqual([{ user_id: coord2.actor.userId }]);
  });

  it('refuses a second open case with 409 case_already_open and writes nothing', async () => {
    const f = await newFamily();
    const r = await expectNothingWritten(f, () =>
      c.post(`/api/v1/families/${f.id}/cases`, { coordinatorUserId: coord.actor.userId, legalBasis: 'consent' }),
    );
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'case_already_open', field: 'familyId', status: 409 });
  });

  it('refuses an unqualified coordinator for a new case and writes nothing', async () => {
    const f = await newFamily();
    await c.patch(`/api/v1/cases/${f.caseId}`, { status: 'closed', version: 1, closedReason: 'Verhuisd' });
    const r = await expectNothingWritten(f, () =>
      c.post(`/api/v1/families/${f.id}/cases`, { coordinatorUserId: prof.actor.userId, legalBasis: 'consent' }),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'not_qualified', field: 'coordinatorUserId' });
  });
});

describe('case status', () => {
  it('changes the status with the version, adds a timeline event and audits every person', async () => {
    const f = await newFamily();
    const mark = await auditMark();
    const r = await c.patch(`/api/v1/cases/${f.caseId}`, { status: 'exploring', version: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: f.caseId, version: 2 });
    await expectAudited(mark, f, coord, 'update', 'case', f.caseId);
    const body = await page(c, f);
    expect(body.currentCase).toMatchObject({ status: 'exploring', version: 2 });
    expect(body.timeline.find((e: { type: string }) => e.type === 'case_status_changed')?.data).toMatchObject({
      from: 'registered',
      to: 'exploring',
    });
  });

  it('refuses a stale version with 409 stale_version and changes nothing', async () => {
    const f = await newFamily();
    expect((await c.patch(`/api/v1/cases/${f.caseId}`, { status: 'exploring', version: 1 })).status).toBe(200);
    const r = await expectNothingWritten(f, () => c.patch(`/api/v1/cases/${f.caseId}`, { status: 'plan', version: 1 }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'stale_version', field: 'version' });
    expect((await page(c, f)).currentCase).toMatchObject({ status: 'exploring', version: 2 });
  });

  it('needs a closing reason to close (400 on field closedReason) and changes nothing', async () => {
    const f = await newFamily();
    const r = await expectNothingWritten(f, () => c.patch(`/api/v1/cases/${f.caseId}`, { status: 'closed', version: 1 }));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'reason_required', field: 'closedReason' });
    const short = await expectNothingWritten(f, () =>
      c.patch(`/api/v1/cases/${f.caseId}`, { status: 'closed', version: 1, closedReason: 'x' }),
    );
    expect(short.status).toBe(400);
    expect(short.body.field).toBe('closedReason');
    expect((await page(c, f)).currentCase).toMatchObject({ status: 'registered', version: 1, closedAt: null });
  });

  it('lets only the coordinator change the status (a member gets 403) and writes nothing', async () => {
    const f = await newFamily();
    expect(
      (await c.post(`/api/v1/cases/${f.caseId}/team-members`, { userId: coord3.actor.userId, legalBasis: 'consent', caseVersion: 1 }))
        .status,
    ).toBe(201);
    const r = await expectNothingWritten(f, () => c3.patch(`/api/v1/cases/${f.caseId}`, { status: 'exploring', version: 2 }));
    expect(r.status).toBe(403);
  });
});

describe('case team', () => {
  it('adds a member with a legal basis, shown on the family page with organisation, role, basis and start date', async () => {
    const f = await newFamily();
    expect((await p.get(`/api/v1/families/${f.id}`)).status).toBe(404);
    const mark = await auditMark();
    const r = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
      userId: prof.actor.userId,
      legalBasis: 'statutory_task',
      caseVersion: 1,
    });
    expect(r.status).toBe(201);
    await expectAudited(mark, f, coord, 'update', 'case-team', r.body.id);
    const today = (await t.db.query<{ d: string }>(`SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date::text AS d`))[0]!.d;
    const body = await page(c, f);
    expect(body.currentCase.team.find((m: { id: string }) => m.id === r.body.id)).toEqual({
      id: r.body.id,
      userId: prof.actor.userId,
      userName: expect.any(String),
      organisationId: prof.actor.organisationId,
      organisationName: GP_NAME,
      organisationType: 'gp_practice',
      role: 'member',
      legalBasis: 'statutory_task',
      startedOn: today,
      notStarted: false,
      endedAt: null,
      endedReason: null,
      version: 1,
      // Added by hand, not by a handover.
      handoverId: null,
    });
    expect(body.timeline.find((e: { type: string }) => e.type === 'team_member_added')?.data).toMatchObject({
      userId: prof.actor.userId,
      legalBasis: 'statutory_task',
    });
    // The new member now sees the family, on their own legal basis.
    const seen = await p.get(`/api/v1/families/${f.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.access.legalBasis).toBe('statutory_task');
  });

  it('refuses to add the same professional twice (409) and writes nothing', async () => {
    const f = await newFamily();
    expect(
      (await c.post(`/api/v1/cases/${f.caseId}/team-members`, { userId: prof.actor.userId, legalBasis: 'consent', caseVersion: 1 })).status,
    ).toBe(201);
    const r = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/team-members`, { userId: prof.actor.userId, legalBasis: 'safety', caseVersion: 2 }),
    );
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'already_member', field: 'userId' });
    const coordAgain = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/team-members`, { userId: coord.actor.userId, legalBasis: 'consent', caseVersion: 2 }),
    );
    expect(coordAgain.status).toBe(409);
  });

  it('ends a membership: endedAt is set and the former member gets 404 on the family', async () => {
    const f = await newFamily();
    const added = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
      userId: prof.actor.userId,
      legalBasis: 'consent',
      caseVersion: 1,
    });
    expect((await p.get(`/api/v1/families/${f.id}`)).status).toBe(200);
    const mark = await auditMark();
    const r = await c.post(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}/end`, { reason: 'Hulp afgerond', version: 1 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: added.body.id, version: 2 });
    await expectAudited(mark, f, coord, 'update', 'case-team', added.body.id);
    const body = await page(c, f);
    const m = body.currentCase.team.find((x: { id: string }) => x.id === added.body.id);
    expect(m.endedAt).toEqual(expect.any(String));
    expect(m.endedReason).toBe('Hulp afgerond');
    expect(body.timeline.some((e: { type: string }) => e.type === 'team_member_ended')).toBe(true);
    const gone = await p.get(`/api/v1/families/${f.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('not_found');
    // Ending it again finds no active membership.
    const again = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}/end`, { reason: 'Nogmaals', version: 2 }),
    );
    expect(again.status).toBe(404);
  });

  it('refuses to end the coordinator with 409 last_coordinator and writes nothing', async () => {
    const f = await newFamily();
    const m = await coordinatorMembership(f);
    const r = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/team-members/${m.id}/end`, { reason: 'Vertrek', version: m.version }),
    );
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'last_coordinator', field: 'membershipId' });
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord.actor.userId }]);
  });
});

describe('coordinator transfer', () => {
  it('refuses a transfer to an unqualified professional (400 not_qualified on toUserId) and writes nothing', async () => {
    const f = await newFamily();
    const r = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: prof.actor.userId, caseVersion: 1 }),
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'not_qualified', field: 'toUserId' });
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord.actor.userId }]);
  });

  it('hands over: the new coordinator on the family page, the old one stays as member, a timeline event', async () => {
    const f = await newFamily();
    const mark = await auditMark();
    const r = await c.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, {
      toUserId: coord2.actor.userId,
      caseVersion: 1,
      reason: 'Ziekte',
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: f.caseId, version: 2 });
    await expectAudited(mark, f, coord, 'update', 'case', f.caseId);

    const body = await page(c2, f);
    expect(body.currentCase.coordinator).toMatchObject({ userId: coord2.actor.userId, organisationName: GP_NAME });
    expect(body.access.isCoordinator).toBe(true);
    const active = body.currentCase.team.filter((m: { endedAt: string | null }) => !m.endedAt);
    expect(active).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: coord2.actor.userId, role: 'coordinator', legalBasis: 'consent' }),
        expect.objectContaining({ userId: coord.actor.userId, role: 'member', legalBasis: 'consent' }),
      ]),
    );
    expect(active.filter((m: { role: string }) => m.role === 'coordinator')).toHaveLength(1);
    expect(body.currentCase.team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          userId: coord.actor.userId,
          role: 'coordinator',
          endedAt: expect.any(String),
          endedReason: 'regie overgedragen',
        }),
      ]),
    );
    const event = body.timeline.find((e: { type: string }) => e.type === 'coordinator_transferred');
    expect(event?.data).toMatchObject({ from: coord.actor.userId, to: coord2.actor.userId });
    expect(event?.caseId).toBe(f.caseId);
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord2.actor.userId }]);
    expect((await page(c, f)).access.isCoordinator).toBe(false);
  });

  it('refuses a transfer with a stale case version and writes nothing', async () => {
    const f = await newFamily();
    expect((await c.patch(`/api/v1/cases/${f.caseId}`, { status: 'exploring', version: 1 })).status).toBe(200);
    const r = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: coord2.actor.userId, caseVersion: 1 }),
    );
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('stale_version');
  });

  it('refuses a transfer by a team member who is not the coordinator (403), also by the former coordinator after a handover', async () => {
    const f = await newFamily();
    expect(
      (await c.post(`/api/v1/cases/${f.caseId}/team-members`, { userId: coord3.actor.userId, legalBasis: 'consent', caseVersion: 1 }))
        .status,
    ).toBe(201);
    expect(
      (await c.post(`/api/v1/cases/${f.caseId}/team-members`, { userId: prof.actor.userId, legalBasis: 'consent', caseVersion: 2 })).status,
    ).toBe(201);
    // Qualified, with the permission, but not this case's coordinator: refused by the service.
    const byMember = await expectNothingWritten(f, () =>
      c3.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: coord3.actor.userId, caseVersion: 3 }),
    );
    expect(byMember.status).toBe(403);
    // Without the permission at all: refused by the route guard.
    const byProfessional = await expectNothingWritten(f, () =>
      p.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: coord3.actor.userId, caseVersion: 3 }),
    );
    expect(byProfessional.status).toBe(403);
    expect(
      (await c.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: coord2.actor.userId, caseVersion: 3 })).status,
    ).toBe(200);
    const byFormer = await expectNothingWritten(f, () =>
      c.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: coord.actor.userId, caseVersion: 4 }),
    );
    expect(byFormer.status).toBe(403);
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord2.actor.userId }]);
  });

  it('gives 404 for a case the actor cannot see', async () => {
    const f = await newFamily();
    const r = await expectNothingWritten(f, () =>
      c2.post(`/api/v1/cases/${f.caseId}/coordinator-transfers`, { toUserId: coord2.actor.userId, caseVersion: 1 }),
    );
    expect(r.status).toBe(404);
    expect(
      (await c.post(`/api/v1/cases/${randomUUID()}/coordinator-transfers`, { toUserId: coord2.actor.userId, caseVersion: 1 })).status,
    ).toBe(404);
  });
});

describe('the database keeps exactly one qualified coordinator per open case', () => {
  const endCoordinator = (tx: { query: (s: string, p: unknown[]) => Promise<unknown> }, caseId: string) =>
    tx.query(`UPDATE case_team SET ended_at = now() WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`, [
      region,
      caseId,
    ]);
  const insertCoordinator = (tx: { query: (s: string, p: unknown[]) => Promise<unknown> }, f: Fam, u: TestUser) =>
    tx.query(
      `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis) VALUES ($1, $2, $3, $4, $5, $6, 'coordinator', 'consent')`,
      [region, randomUUID(), f.caseId, f.id, u.actor.organisationId, u.actor.userId],
    );

  it('fails at COMMIT when the coordinator membership ends without a new one', async () => {
    const f = await newFamily();
    let statementRan = false;
    await expect(
      t.db.transaction(async (tx) => {
        await endCoordinator(tx, f.caseId);
        statementRan = true; // the check is deferred: the UPDATE itself succeeds
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'case_exactly_one_coordinator' });
    expect(statementRan).toBe(true);
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord.actor.userId }]);
  });

  it('refuses a second active coordinator at once (unique index)', async () => {
    const f = await newFamily();
    await expect(t.db.transaction((tx) => insertCoordinator(tx, f, coord2))).rejects.toMatchObject({
      code: '23505',
      constraint: 'case_team_one_coordinator',
    });
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord.actor.userId }]);
  });

  it('refuses an unqualified coordinator at COMMIT', async () => {
    const f = await newFamily();
    await expect(
      t.db.transaction(async (tx) => {
        await endCoordinator(tx, f.caseId);
        await insertCoordinator(tx, f, prof);
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'case_coordinator_qualified' });
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord.actor.userId }]);
  });

  it('accepts a handover inside one transaction (end the old, start the new)', async () => {
    const f = await newFamily();
    await t.db.transaction(async (tx) => {
      await endCoordinator(tx, f.caseId);
      await insertCoordinator(tx, f, coord2);
    });
    expect(await activeCoordinators(f.caseId)).toEqual([{ user_id: coord2.actor.userId }]);
  });
});
