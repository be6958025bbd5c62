// Lead times: the figures per organisation (count, median, 90th percentile per interval) on a
// known set of moments, the chain of one case, and recording first contact and the agreed plan.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { recordMoment, type Moment } from './moments.js';

let t: TestDb;
let app: App;
let region: string;
let vt: string;
let team: string;
let vtCoord: TestUser;
let teamCoord: TestUser;
let teamPro: TestUser;
let cVt: Client;
let cTeamCoord: Client;
let cTeamPro: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  vt = await createOrganisation(t.db, region, 'veilig_thuis', 'Veilig Thuis');
  team = await createOrganisation(t.db, region, 'municipal_team', 'Team Jeugd');
  vtCoord = await createUser(t.db, region, vt, ['professional', 'coordinator']);
  teamCoord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  teamPro = await createUser(t.db, region, team, ['professional']);
  app = await testApp(t.server);
  [cVt, cTeamCoord, cTeamPro] = await Promise.all([
    login(app, vtCoord.username),
    login(app, teamCoord.username),
    login(app, teamPro.username),
  ]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const DAY = 86_400_000;
const BASE = Date.parse('2026-02-02T09:00:00Z');

async function moment(m: Moment, organisationId: string, at: number, keys: { signalId?: string; handoverId?: string; caseId?: string }) {
  await t.db.transaction((tx) => recordMoment(tx, { regionId: region, organisationId, moment: m, at: new Date(at), ...keys }));
}

describe('lead-time figures per organisation', () => {
  it('gives count, median and 90th percentile of each interval, for the organisation that recorded its end, within the period', async () => {
    const acceptDays = [1, 2, 3, 4, 10];
    const contactDays = [0.5, 1.5, 2.5];
    for (const [i, d] of acceptDays.entries()) {
      const signalId = randomUUID();
      const handoverId = randomUUID();
      const caseId = randomUUID();
      const start = BASE + i * DAY;
      await moment('received', vt, start - 2 * DAY, { signalId });
      await moment('triaged', vt, start - DAY, { signalId });
      await moment('handed_over', vt, start, { signalId, handoverId });
      await moment('accepted', team, start + d * DAY, { signalId, handoverId, caseId });
      const contact = contactDays[i];
      if (contact !== undefined) await moment('first_contact', team, start + d * DAY + contact * DAY, { caseId });
    }
    // outside the period, and another organisation's acceptance: neither counts for the team in February
    const h = randomUUID();
    await moment('handed_over', vt, Date.parse('2025-06-01T09:00:00Z'), { handoverId: h });
    await moment('accepted', team, Date.parse('2025-06-20T09:00:00Z'), { handoverId: h });
    const h2 = randomUUID();
    await moment('handed_over', team, BASE, { handoverId: h2 });
    await moment('accepted', vt, BASE + 30 * DAY, { handoverId: h2 });

    const r = await cTeamPro.get(`/api/v1/lead-times?organisationId=${team}&from=2026-02-01&to=2026-02-28`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.organisation).toMatchObject({ id: team, name: 'Team Jeugd' });
    expect(r.body.intervals).toEqual([
      { from: 'received', to: 'triaged', count: 0, medianDays: null, p90Days: null },
      { from: 'triaged', to: 'handed_over', count: 0, medianDays: null, p90Days: null },
      { from: 'handed_over', to: 'accepted', count: 5, medianDays: 3, p90Days: 7.6 },
      { from: 'accepted', to: 'first_contact', count: 3, medianDays: 1.5, p90Days: 2.3 },
      { from: 'first_contact', to: 'plan_agreed', count: 0, medianDays: null, p90Days: null },
    ]);
    const v = await cTeamPro.get(`/api/v1/lead-times?organisationId=${vt}&from=2026-01-01&to=2026-03-31`);
    expect(v.body.intervals.slice(0, 3)).toEqual([
      { from: 'received', to: 'triaged', count: 5, medianDays: 1, p90Days: 1 },
      { from: 'triaged', to: 'handed_over', count: 5, medianDays: 1, p90Days: 1 },
      { from: 'handed_over', to: 'accepted', count: 1, medianDays: 30, p90Days: 30 },
    ]);
    // the period is in whole Dutch calendar days, both ends included
    const narrow = await cTeamPro.get(`/api/v1/lead-times?organisationId=${team}&from=2026-02-03&to=2026-02-04`);
    expect(narrow.body.intervals[2]).toMatchObject({ count: 1, medianDays: 1 }); // only the first chain's acceptance (3 February)
  });

  it('defaults to the own organisation over the last year, and checks the period and organisation', async () => {
    const r = await cTeamPro.get('/api/v1/lead-times');
    expect(r.status).toBe(200);
    expect(r.body.organisation.id).toBe(team);
    expect((await cTeamPro.get('/api/v1/lead-times?from=2026-03-01&to=2026-02-01')).body).toMatchObject({ status: 400, field: 'from' });
    expect((await cTeamPro.get(`/api/v1/lead-times?organisationId=${randomUUID()}`)).body).toMatchObject({
      status: 400,
      field: 'organisationId',
    });
    expect((await cTeamPro.get('/api/v1/lead-times?from=1-2-2026')).body).toMatchObject({ status: 400, field: 'querystring.from' });
  });
});

describe('lead times of one case', () => {
  it('show the moments of the chain (handover included) and the days between them; the coordinator records first contact and plan', async () => {
    const fam = await cVt.post('/api/v1/families', familyBody(vtCoord.actor.userId, { children: 1 }));
    const page = await cVt.get(`/api/v1/families/${fam.body.id}`);
    const caseId = page.body.currentCase.id;
    const h = await cVt.post('/api/v1/handovers', {
      caseId,
      toOrganisationId: team,
      reason: 'Verhuizing',
      safetyAssessment: 'safe',
      knownInformation: 'Bekend gezin',
      personIds: page.body.members.map((m: { personId: string }) => m.personId),
      legalBasis: 'statutory_task',
      senderAccess: 'ends',
    });
    expect(h.status).toBe(201);
    expect(
      (await cTeamPro.post(`/api/v1/handovers/${h.body.id}/accept`, { nomineeUserId: teamCoord.actor.userId, version: 1 })).status,
    ).toBe(200);

    // only the coordinator records, once, never in the future or before the case
    expect((await cTeamPro.post(`/api/v1/cases/${caseId}/moments`, { moment: 'first_contact' })).status).toBe(403);
    expect(
      (
        await cTeamCoord.post(`/api/v1/cases/${caseId}/moments`, {
          moment: 'first_contact',
          occurredAt: new Date(Date.now() + 3 * DAY).toISOString(),
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'occurredAt', code: 'in_future' });
    expect(
      (await cTeamCoord.post(`/api/v1/cases/${caseId}/moments`, { moment: 'first_contact', occurredAt: '2020-01-01T10:00:00+01:00' })).body,
    ).toMatchObject({ status: 400, code: 'before_case' });
    const first = await cTeamCoord.post(`/api/v1/cases/${caseId}/moments`, { moment: 'first_contact' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await cTeamCoord.post(`/api/v1/cases/${caseId}/moments`, { moment: 'first_contact' })).body).toMatchObject({
      status: 409,
      code: 'moment_already_recorded',
    });
    expect((await cTeamCoord.post(`/api/v1/cases/${caseId}/moments`, { moment: 'plan_agreed' })).status).toBe(201);
    expect(
      await t.db.query(`SELECT 1 FROM audit_log WHERE region_id = $1 AND object_type = 'lead-time-moment' AND user_id = $2`, [
        region,
        teamCoord.actor.userId,
      ]),
    ).toHaveLength(2 * page.body.members.length);

    const r = await cTeamPro.get(`/api/v1/cases/${caseId}/lead-times`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.moments.map((m: { moment: string; organisationName: string }) => [m.moment, m.organisationName])).toEqual([
      ['handed_over', 'Veilig Thuis'],
      ['accepted', 'Team Jeugd'],
      ['first_contact', 'Team Jeugd'],
      ['plan_agreed', 'Team Jeugd'],
    ]);
    const days = Object.fromEntries(r.body.intervals.map((i: { to: string; days: number | null }) => [i.to, i.days]));
    expect(days.triaged).toBeNull();
    for (const to of ['accepted', 'first_contact', 'plan_agreed']) expect(days[to]).toBeGreaterThanOrEqual(0);
    // the sender's access ended: it no longer sees this case's lead times
    expect((await cVt.get(`/api/v1/cases/${caseId}/lead-times`)).status).toBe(404);
  });
});
