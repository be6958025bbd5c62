// The case team over time: a membership that starts on a future date opens nothing before it,
// a legal basis changes with a version check and on the timeline, adds and endings are
// version-checked, an opening names its coordinator, and the timeline keeps a strict order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { appendEvent } from '../timeline/timeline.js';
import { familyAccess } from '../../platform/access/family-access.js';
import { renderTimeline } from '../../shared/events/server-i18n.js';

let t: TestDb;
let region: string;
let coord: TestUser;
let prof: TestUser;
let lead: TestUser;
let c: Client;
let p: Client;
let l: Client;
let l2: Client;

const w = useRegionApp({
  orgs: { team: ['municipal_team'], gp: ['gp_practice'] },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    prof: ['gp', ['professional']],
    lead: ['team', ['professional', 'team_lead']],
    lead2: ['team', ['professional', 'team_lead']],
    // A team lead of the GP practice: sees what the practice's memberships open, and nothing before they start.
    gpLead: ['gp', ['professional', 'team_lead']],
  },
});
beforeAll(() => {
  ({ t, region } = w);
  ({ coord, prof, lead } = w.user);
  ({ coord: c, prof: p, lead: l, lead2: l2, gpLead: gpLeadClient } = w.client);
});
let gpLeadClient: Client;

const amsterdamDay = async (plusDays: number) =>
  (await t.db.query<{ d: string }>(`SELECT ((now() AT TIME ZONE 'Europe/Amsterdam')::date + $1::int)::text AS d`, [plusDays]))[0]!.d;

async function newFamily() {
  const r = await c.post('/api/v1/families', familyBody(coord.actor.userId));
  expect(r.status).toBe(201);
  const page = (await c.get(`/api/v1/families/${r.body.id}`)).body;
  return { id: r.body.id as string, caseId: page.currentCase.id as string };
}
const page = async (client: Client, familyId: string) => {
  const r = await client.get(`/api/v1/families/${familyId}`);
  expect(r.status).toBe(200);
  return r.body;
};
const membershipOf = async (familyId: string, userId: string) =>
  (await page(c, familyId)).currentCase.team.find((m: { userId: string; endedAt: string | null }) => m.userId === userId && !m.endedAt);
/** A new family with the professional added to its case's team (on consent). */
async function familyWithMember() {
  const f = await newFamily();
  const added = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
    userId: prof.actor.userId,
    legalBasis: 'consent',
    caseVersion: 1,
  });
  expect(added.status).toBe(201);
  return { f, added };
}
/** Team lead 1 changes the membership's basis to statutory task (version 1 → 2). */
async function changeToStatutoryTask(f: { caseId: string }, membershipId: string) {
  const r = await l.patch(`/api/v1/cases/${f.caseId}/team-members/${membershipId}`, { legalBasis: 'statutory_task', version: 1 });
  expect(r.status).toBe(200);
}

describe('a membership that starts on a future date', () => {
  it('is on the team ("from <date>") but opens nothing — family, persons, list, policy — until its start', async () => {
    const f = await newFamily();
    const startsOn = await amsterdamDay(7);
    const r = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
      userId: prof.actor.userId,
      legalBasis: 'consent',
      caseVersion: 1,
      startsOn,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);

    const m = await membershipOf(f.id, prof.actor.userId);
    expect(m).toMatchObject({ id: r.body.id, startedOn: startsOn, notStarted: true, endedAt: null, version: 1 });
    const added = (await page(c, f.id)).timeline.find((e: { type: string }) => e.type === 'team_member_added');
    expect(added).toMatchObject({ kind: 'team_member_added', params: { startsOn } });
    expect(renderTimeline('nl', added)).toMatch(/toegevoegd aan het casusteam vanaf \d{1,2} [a-z]+ \d{4}$/);
    expect(added.data).toMatchObject({ startsOn });

    // Nothing opens before the start: not for the member, not for their organisation's team lead.
    for (const who of [p, gpLeadClient]) {
      expect((await who.get(`/api/v1/families/${f.id}`)).status).toBe(404);
      expect((await who.get('/api/v1/families?scope=organisation')).body.items ?? []).toEqual([]);
    }
    const person = (
      await t.db.query<{ person_id: string }>(`SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2 LIMIT 1`, [
        region,
        f.id,
      ])
    )[0]!;
    // A person of the family cannot be edited either (the only person route with an id): 404 like a never-used id.
    expect((await p.put(`/api/v1/persons/${person.person_id}`, { givenNames: 'Anders', familyName: 'Naam', version: 1 })).status).toBe(404);
    const before = await asActor(t.db, prof.actor, (tx) => familyAccess(tx, prof.actor, f.id));
    expect(before.allowed).toBe(false);
    // Nor can a member who has not started yet change anything.
    expect((await p.post(`/api/v1/families/${f.id}/network-members`, { name: 'Buurvrouw', relation: 'neighbour' })).status).toBe(404);

    // The day comes (moved here rather than waiting a week): the family opens, on the membership's basis.
    await t.db.query(`UPDATE case_team SET started_at = now() - interval '1 second' WHERE region_id = $1 AND id = $2`, [region, r.body.id]);
    const seen = await p.get(`/api/v1/families/${f.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.access.legalBasis).toBe('consent');
    expect((await asActor(t.db, prof.actor, (tx) => familyAccess(tx, prof.actor, f.id))).allowed).toBe(true);
    expect((await membershipOf(f.id, prof.actor.userId)).notStarted).toBe(false);
  });

  it('starts at midnight in the Netherlands, and refuses a start in the past or beyond a year (400 on startsOn)', async () => {
    const f = await newFamily();
    const tomorrow = await amsterdamDay(1);
    const r = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
      userId: prof.actor.userId,
      legalBasis: 'consent',
      caseVersion: 1,
      startsOn: tomorrow,
    });
    expect(r.status).toBe(201);
    const [row] = await t.db.query<{ ok: boolean }>(
      `SELECT started_at = ($3::date::timestamp AT TIME ZONE 'Europe/Amsterdam') AS ok FROM case_team WHERE region_id = $1 AND id = $2`,
      [region, r.body.id, tomorrow],
    );
    expect(row?.ok).toBe(true);
    for (const startsOn of [await amsterdamDay(-1), await amsterdamDay(400)]) {
      const bad = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
        userId: lead.actor.userId,
        legalBasis: 'consent',
        caseVersion: 2,
        startsOn,
      });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'invalid_start', field: 'startsOn' });
    }
    // Today is a start like any other: the membership opens at once.
    const today = await c.post(`/api/v1/cases/${f.caseId}/team-members`, {
      userId: lead.actor.userId,
      legalBasis: 'consent',
      caseVersion: 2,
      startsOn: await amsterdamDay(0),
    });
    expect(today.status).toBe(201);
    expect((await l.get(`/api/v1/families/${f.id}`)).status).toBe(200);
  });
});

describe("changing a membership's legal basis", () => {
  it("changes it with the version, on the timeline and in the audit log; the member's access carries the new basis", async () => {
    const { f, added } = await familyWithMember();
    const mark = Number(
      (await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [region]))[0]!.n,
    );
    const r = await c.patch(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}`, { legalBasis: 'safety', version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ id: added.body.id, version: 2 });
    expect(await membershipOf(f.id, prof.actor.userId)).toMatchObject({ legalBasis: 'safety', version: 2 });
    const event = (await page(c, f.id)).timeline[0];
    expect(renderTimeline('nl', event)).toMatch(/toestemming → veiligheid/);
    expect(renderTimeline('en', event)).toMatch(/consent → safety/);
    expect(event).toMatchObject({
      type: 'team_member_basis_changed',
      kind: 'team_member_basis_changed',
      caseId: f.caseId,
      params: { fromBasis: 'consent', toBasis: 'safety' },
      data: { userId: prof.actor.userId, from: 'consent', to: 'safety' },
    });
    const audit = await t.db.query<Record<string, unknown>>(
      `SELECT DISTINCT action, object_type, object_id, user_id, outcome FROM audit_log WHERE region_id = $1 AND seq > $2 AND action <> 'read'`,
      [region, mark],
    );
    expect(audit).toEqual([
      { action: 'update', object_type: 'case-team', object_id: added.body.id, user_id: coord.actor.userId, outcome: 'allowed' },
    ]);
    expect((await p.get(`/api/v1/families/${f.id}`)).body.access.legalBasis).toBe('safety');
  });

  it('answers a stale version with 409 problem+json in Dutch and English and changes nothing', async () => {
    const { f, added } = await familyWithMember();
    await changeToStatutoryTask(f, added.body.id);
    const events = (await page(c, f.id)).timeline.length;
    const r = await l2.patch(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}`, { legalBasis: 'safety', version: 1 });
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body).toMatchObject({
      code: 'stale_version',
      field: 'version',
      detail: expect.stringMatching(/intussen gewijzigd/),
      detailEn: expect.stringMatching(/in the meantime/),
    });
    expect(await membershipOf(f.id, prof.actor.userId)).toMatchObject({ legalBasis: 'statutory_task', version: 2 });
    expect((await page(c, f.id)).timeline).toHaveLength(events);
  });

  it('is refused to a team member who does not manage the case (403) and to anyone who cannot see it (404)', async () => {
    const { f, added } = await familyWithMember();
    expect((await p.patch(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}`, { legalBasis: 'safety', version: 1 })).status).toBe(
      403,
    );
    const other = await newFamily();
    const m = await membershipOf(other.id, coord.actor.userId);
    expect(
      (await gpLeadClient.patch(`/api/v1/cases/${other.caseId}/team-members/${m.id}`, { legalBasis: 'safety', version: 1 })).status,
    ).toBe(404);
  });
});

describe('adding and ending members with a version check', () => {
  it('refuses to end a membership someone just changed (409), and a re-add from a view before an ending (409)', async () => {
    const { f, added } = await familyWithMember();
    // Team lead 1 changes the basis; team lead 2, who saw version 1, tries to end it.
    await changeToStatutoryTask(f, added.body.id);
    const stale = await l2.post(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}/end`, { reason: 'Hulp afgerond', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await membershipOf(f.id, prof.actor.userId)).endedAt).toBeNull();
    // With the current version the ending goes through and moves the case's version on (team changed).
    const ended = await l.post(`/api/v1/cases/${f.caseId}/team-members/${added.body.id}/end`, { reason: 'Hulp afgerond', version: 2 });
    expect(ended.status).toBe(200);
    expect((await page(c, f.id)).currentCase.version).toBe(3);
    // Team lead 2 still looks at the team of version 2, with the member on it, and adds them back: refused.
    const readd = await l2.post(`/api/v1/cases/${f.caseId}/team-members`, {
      userId: prof.actor.userId,
      legalBasis: 'safety',
      caseVersion: 2,
    });
    expect(readd.status).toBe(409);
    expect(readd.body).toMatchObject({ code: 'stale_version', detailEn: expect.any(String) });
    expect(await membershipOf(f.id, prof.actor.userId)).toBeUndefined();
  });
});

describe('the timeline', () => {
  it('shows "regisseur toegewezen" when a case opens, right after the opening', async () => {
    const f = await newFamily();
    const events = (await page(c, f.id)).timeline;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['coordinator_assigned', 'case_opened', 'family_registered']);
    expect(events[0]).toMatchObject({ caseId: f.caseId, kind: 'coordinator_assigned', data: { to: coord.actor.userId } });
    expect(renderTimeline('nl', events[0])).toMatch(/^Regisseur toegewezen: Prof /);
    // The same for a case opened on the family page after the first one closed.
    expect((await c.patch(`/api/v1/cases/${f.caseId}`, { status: 'closed', version: 1, closedReason: 'Doelen bereikt' })).status).toBe(200);
    const reopened = await c.post(`/api/v1/families/${f.id}/cases`, {
      coordinatorUserId: coord.actor.userId,
      legalBasis: 'statutory_task',
    });
    expect(reopened.status).toBe(201);
    const after = (await page(c, f.id)).timeline;
    expect(after.slice(0, 2).map((e: { type: string; caseId: string }) => [e.type, e.caseId])).toEqual([
      ['coordinator_assigned', reopened.body.id],
      ['case_opened', reopened.body.id],
    ]);
  });

  it('keeps events written in one transaction in the order they were written', async () => {
    const f = await newFamily();
    const n = 25;
    await asActor(t.db, coord.actor, async (tx) => {
      for (let i = 0; i < n; i++) await appendEvent(tx, coord.actor, { familyId: f.id, kind: 'note', params: { text: `stap ${i}` } });
    });
    // Rows land wherever the table has room (after a vacuum, in freed space), so where a row is
    // stored says nothing about when it was written. Move a few to the end of the table, as the
    // owner, past the append-only guard, leaving their content as it was.
    await t.db.transaction(async (tx) => {
      await tx.query(`ALTER TABLE timeline_events DISABLE TRIGGER timeline_append_only`);
      await tx.query(
        `UPDATE timeline_events SET data = data WHERE region_id = $1 AND family_id = $2 AND params->>'text' IN ('stap 3', 'stap 11', 'stap 20')`,
        [region, f.id],
      );
      await tx.query(`ALTER TABLE timeline_events ENABLE TRIGGER timeline_append_only`);
    });
    const summaries = (await page(c, f.id)).timeline.slice(0, n).map((e: { params: { text: string } }) => e.params.text);
    expect(summaries).toEqual(Array.from({ length: n }, (_, i) => `stap ${n - 1 - i}`));
    const [times] = await t.db.query<{ distinct: number }>(
      `SELECT count(DISTINCT occurred_at)::int AS distinct FROM timeline_events WHERE region_id = $1 AND family_id = $2 AND kind = 'note'`,
      [region, f.id],
    );
    expect(times?.distinct).toBe(1);
  });
});
