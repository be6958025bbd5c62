// Every id outside the actor's access answers like an id that was never used (issue 8, ASVS V4):
// for every role, for reads and writes, the answer to a record of another team (same region)
// and to a record of another region equals the answer to a random id — same status, same body
// apart from `instance`. And every such refusal leaves a denied audit row with actor,
// organisation, object and IP. One table of routes; add a route with an id here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { ROLES, type Role } from '../../src/platform/access/actor.js';
import { currentTotp } from '../../src/platform/auth/totp.js';
import { oneRow } from '../../src/platform/db/rows.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const REASON = 'Acute zorg over de veiligheid van de kinderen in dit gezin';

/** The records of one world that the actors must not reach. */
interface Outside {
  family: string;
  case: string;
  membership: string;
  person: string;
  signal: string;
  handover: string;
  registration: string;
  match: string;
  grant: string;
  notification: string;
  user: string;
  organisation: string;
  planVersion: string;
}

let t: TestDb;
let app: App;
let regionA: string;
let teamA: string;
let coordA: TestUser;
const actors = new Map<Role, { user: TestUser; client: Client }>();
let sameRegion: Partial<Outside>;
let otherRegion: Outside;

/** A world in `region` that none of the actors is part of: a family with a case, a signal, a handover, a match, a grant. */
async function world(region: string): Promise<Outside> {
  const team = await createOrganisation(t.db, region, 'municipal_team');
  const vtOrg = await createOrganisation(t.db, region, 'veilig_thuis');
  const coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  const vt = await createUser(t.db, region, vtOrg, ['professional', 'coordinator'], { totpSecret: SECRET });
  const [c, v] = await Promise.all([login(app, coord.username), login(app, vt.username)]);
  const body = familyBody(coord.actor.userId);
  const f = await c.post('/api/v1/families', body);
  expect(f.status).toBe(201);
  const page = (await c.get(`/api/v1/families/${f.body.id}`)).body;
  const signal = await c.post('/api/v1/signals', {
    receivingOrganisationId: team,
    source: 'professional',
    whatSeen: 'Kinderen vaak alleen thuis gezien.',
    safetyAtStake: false,
    urgency: 'normal',
    subjectDescription: 'Gezin',
  });
  expect(signal.status, JSON.stringify(signal.body)).toBe(201);
  const handover = await c.post('/api/v1/handovers', {
    caseId: page.currentCase.id,
    toOrganisationId: vtOrg,
    reason: 'Veiligheid vraagt om Veilig Thuis',
    safetyAssessment: 'concerns',
    safetyNotes: 'Zorgen thuis',
    knownInformation: 'Zorgen over de veiligheid thuis.',
    personIds: [page.members[0].personId],
    legalBasis: 'statutory_task',
    senderAccess: 'continues',
  });
  expect(handover.status, JSON.stringify(handover.body)).toBe(201);
  const reg = (bsn: string) => ({
    bsn,
    birthDate: '2012-05-05',
    contactName: 'Contact',
    contactPhone: '0118-000000',
    legalBasis: 'statutory_task',
  });
  const registration = await c.post('/api/v1/refindex/registrations', reg(body.members[1]!.bsn!));
  expect(registration.status, JSON.stringify(registration.body)).toBe(201);
  const second = await v.post('/api/v1/refindex/registrations', reg(body.members[1]!.bsn!));
  const grant = await v.post('/api/v1/break-glass', { familyId: f.body.id, reason: REASON, totpCode: await currentTotp(SECRET) });
  expect(grant.status).toBe(201);
  const notification = oneRow(
    await t.db.query<{ id: string }>(`SELECT id FROM notifications WHERE region_id = $1 LIMIT 1`, [region]),
    'notification',
  ).id;
  const planVersion = (await c.post(`/api/v1/cases/${page.currentCase.id}/plan/drafts`, {})).body.id;
  return {
    planVersion,
    family: f.body.id,
    case: page.currentCase.id,
    membership: page.currentCase.team[0].id,
    person: page.members[0].personId,
    signal: signal.body.id,
    handover: handover.body.id,
    registration: registration.body.id,
    match: second.body.newMatches[0].matchId,
    grant: grant.body.id,
    notification,
    user: coord.actor.userId,
    organisation: team,
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  app = await testApp(t.server);
  regionA = await createRegion(t.db);
  teamA = await createOrganisation(t.db, regionA, 'municipal_team');
  coordA = await createUser(t.db, regionA, teamA, ['professional', 'coordinator']);
  for (const role of ROLES) {
    const roles: Role[] =
      role === 'professional' || role === 'privacy_officer' || role === 'functional_admin' || role === 'inspector'
        ? [role]
        : ['professional', role];
    const user = await createUser(t.db, regionA, teamA, roles);
    actors.set(role, { user, client: await login(app, user.username) });
  }
  const a = await world(regionA);
  // The privacy officer may see every person, grant and account of its own region: those are in its access, so they are tested across regions only.
  sameRegion = {
    family: a.family,
    case: a.case,
    membership: a.membership,
    person: a.person,
    signal: a.signal,
    handover: a.handover,
    registration: a.registration,
    match: a.match,
    notification: a.notification,
    planVersion: a.planVersion,
  };
  otherRegion = await world(await createRegion(t.db));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

type Call = { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; body?: unknown };
/** Each route with an id, as a function of the ids to use; `needs` names the records it uses. */
const ROUTES: Array<{ needs: Array<keyof Outside>; call: (o: Outside) => Call; otherRegionOnly?: boolean }> = [
  { needs: ['family'], call: (o) => ({ method: 'GET', url: `/api/v1/families/${o.family}` }) },
  { needs: ['family'], call: (o) => ({ method: 'GET', url: `/api/v1/families/${o.family}/timeline` }) },
  {
    needs: ['family'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/families/${o.family}/members`,
      body: { givenNames: 'Nieuw', familyName: 'Kind', relation: 'child' },
    }),
  },
  {
    needs: ['family'],
    call: (o) => ({ method: 'POST', url: `/api/v1/families/${o.family}/network-members`, body: { name: 'Buur', relation: 'neighbour' } }),
  },
  {
    needs: ['family'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/families/${o.family}/cases`,
      body: { coordinatorUserId: coordA.actor.userId, legalBasis: 'consent' },
    }),
  },
  { needs: ['case'], call: (o) => ({ method: 'PATCH', url: `/api/v1/cases/${o.case}`, body: { status: 'exploring', version: 1 } }) },
  {
    needs: ['case'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/cases/${o.case}/team-members`,
      body: { userId: coordA.actor.userId, legalBasis: 'consent', caseVersion: 1 },
    }),
  },
  {
    needs: ['case', 'membership'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/cases/${o.case}/team-members/${o.membership}/end`,
      body: { reason: 'klaar', version: 1 },
    }),
  },
  {
    needs: ['case', 'membership'],
    call: (o) => ({
      method: 'PATCH',
      url: `/api/v1/cases/${o.case}/team-members/${o.membership}`,
      body: { legalBasis: 'safety', version: 1 },
    }),
  },
  {
    needs: ['case'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/cases/${o.case}/coordinator-transfers`,
      body: { toUserId: coordA.actor.userId, caseVersion: 1 },
    }),
  },
  { needs: ['case'], call: (o) => ({ method: 'GET', url: `/api/v1/cases/${o.case}/lead-times` }) },
  { needs: ['case'], call: (o) => ({ method: 'POST', url: `/api/v1/cases/${o.case}/moments`, body: { moment: 'first_contact' } }) },
  { needs: ['case'], call: (o) => ({ method: 'GET', url: `/api/v1/cases/${o.case}/assessments` }) },
  {
    needs: ['case', 'person'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/cases/${o.case}/assessments`,
      body: {
        assessedOn: '2026-01-05',
        scores: [{ personId: o.person, domain: 'housing', score: 3, rationale: 'Gesprek', view: 'professional' }],
      },
    }),
  },
  { needs: ['case', 'person'], call: (o) => ({ method: 'GET', url: `/api/v1/cases/${o.case}/persons/${o.person}/assessment-course` }) },
  { needs: ['case'], call: (o) => ({ method: 'GET', url: `/api/v1/cases/${o.case}/blind-spots` }) },
  { needs: ['case'], call: (o) => ({ method: 'GET', url: `/api/v1/cases/${o.case}/safety` }) },
  {
    needs: ['case'],
    call: (o) => ({
      method: 'PUT',
      url: `/api/v1/cases/${o.case}/safety/assessment`,
      body: { dangers: 'Gevaar', goingWell: '', safetyGoals: '', scalings: [], decision: 'unsafe' },
    }),
  },
  {
    needs: ['case'],
    call: (o) => ({ method: 'POST', url: `/api/v1/cases/${o.case}/safety/reviews`, body: { verdict: 'agree', version: 1 } }),
  },
  {
    needs: ['case'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/cases/${o.case}/safety/plan`,
      body: { what: 'Afspraak', ownerKind: 'organisation', ownerId: teamA, checkHow: 'Bellen' },
    }),
  },
  {
    needs: ['case', 'membership'],
    call: (o) => ({
      method: 'PUT',
      url: `/api/v1/cases/${o.case}/safety/plan/${o.membership}`,
      body: { what: 'Afspraak', ownerKind: 'organisation', ownerId: teamA, checkHow: 'Bellen', version: 1 },
    }),
  },
  {
    needs: ['case'],
    call: (o) => ({
      method: 'PUT',
      url: `/api/v1/cases/${o.case}/council`,
      body: { offeredOn: '2026-01-05', answer: null, declinedReason: null, answeredOn: null, metOn: null, safetyReason: null },
    }),
  },
  {
    needs: ['case'],
    call: (o) => ({ method: 'PUT', url: `/api/v1/cases/${o.case}/council/outcome`, body: { goals: ['Rust'], actions: [], version: 1 } }),
  },
  {
    needs: ['case'],
    call: (o) => ({
      method: 'POST',
      url: '/api/v1/handovers',
      body: {
        caseId: o.case,
        toOrganisationId: teamA,
        reason: 'Overdracht nodig',
        safetyAssessment: 'safe',
        knownInformation: 'Wat bekend is.',
        personIds: [],
        legalBasis: 'consent',
        senderAccess: 'ends',
      },
    }),
  },
  {
    needs: ['person'],
    call: (o) => ({ method: 'PUT', url: `/api/v1/persons/${o.person}`, body: { givenNames: 'Ander', familyName: 'Naam', version: 1 } }),
  },
  // The privacy officer may read the access log of every person of its region.
  { needs: ['person'], call: (o) => ({ method: 'GET', url: `/api/v1/persons/${o.person}/access-log` }), otherRegionOnly: true },
  { needs: ['signal'], call: (o) => ({ method: 'GET', url: `/api/v1/signals/${o.signal}` }) },
  {
    needs: ['signal'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/signals/${o.signal}/triage`,
      body: { safetyAssessment: 'safe', safetyReasons: 'Geen zorgen', decision: 'close', closeReason: 'Geen zorgen', version: 1 },
    }),
  },
  {
    needs: ['signal'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/signals/${o.signal}/attachments`,
      body: { filename: 'a.txt', mediaType: 'text/plain', contentBase64: 'aGFsbG8=' },
    }),
  },
  { needs: ['handover'], call: (o) => ({ method: 'GET', url: `/api/v1/handovers/${o.handover}` }) },
  {
    needs: ['handover'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/handovers/${o.handover}/accept`,
      body: { nomineeUserId: coordA.actor.userId, version: 1 },
    }),
  },
  {
    needs: ['handover'],
    call: (o) => ({ method: 'POST', url: `/api/v1/handovers/${o.handover}/refuse`, body: { reason: 'Niet onze taak, sorry' } }),
  },
  { needs: ['registration'], call: (o) => ({ method: 'POST', url: `/api/v1/refindex/registrations/${o.registration}/end`, body: {} }) },
  { needs: ['match'], call: (o) => ({ method: 'GET', url: `/api/v1/refindex/matches/${o.match}` }) },
  { needs: ['match'], call: (o) => ({ method: 'POST', url: `/api/v1/refindex/matches/${o.match}/coordinator`, body: {} }) },
  { needs: ['grant'], call: (o) => ({ method: 'POST', url: `/api/v1/break-glass-reviews/${o.grant}`, body: { outcome: 'justified' } }) },
  { needs: ['notification'], call: (o) => ({ method: 'POST', url: `/api/v1/notifications/${o.notification}/read`, body: {} }) },
  { needs: ['case'], call: (o) => ({ method: 'GET', url: `/api/v1/cases/${o.case}/plan` }) },
  { needs: ['case'], call: (o) => ({ method: 'POST', url: `/api/v1/cases/${o.case}/plan/drafts`, body: {} }) },
  { needs: ['family'], call: (o) => ({ method: 'GET', url: `/api/v1/families/${o.family}/plan-summary` }) },
  { needs: ['planVersion'], call: (o) => ({ method: 'GET', url: `/api/v1/plan-versions/${o.planVersion}` }) },
  { needs: ['planVersion'], call: (o) => ({ method: 'GET', url: `/api/v1/plan-versions/${o.planVersion}/pdf` }) },
  {
    needs: ['planVersion'],
    call: (o) => ({ method: 'GET', url: `/api/v1/plan-versions/compare?from=${o.planVersion}&to=${o.planVersion}` }),
  },
  {
    needs: ['planVersion'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/plan-versions/${o.planVersion}/goals`,
      body: { version: 1, domain: 'housing', description: 'Een woning' },
    }),
  },
  {
    needs: ['planVersion'],
    call: (o) => ({ method: 'POST', url: `/api/v1/plan-versions/${o.planVersion}/propose`, body: { version: 1 } }),
  },
  {
    needs: ['planVersion'],
    call: (o) => ({
      method: 'POST',
      url: `/api/v1/plan-versions/${o.planVersion}/answers`,
      body: { partyId: o.planVersion, answer: 'agreed' },
    }),
  },
];

const random = (): Outside => ({
  family: randomUUID(),
  case: randomUUID(),
  membership: randomUUID(),
  person: randomUUID(),
  signal: randomUUID(),
  handover: randomUUID(),
  registration: randomUUID(),
  match: randomUUID(),
  grant: randomUUID(),
  notification: randomUUID(),
  user: randomUUID(),
  organisation: randomUUID(),
  planVersion: randomUUID(),
});

async function send(client: Client, c: Call) {
  const r =
    c.method === 'GET'
      ? await client.get(c.url)
      : c.method === 'PUT'
        ? await client.put(c.url, c.body)
        : c.method === 'PATCH'
          ? await client.patch(c.url, c.body)
          : await client.post(c.url, c.body);
  const { instance: _, ...body } = (typeof r.body === 'object' && r.body ? r.body : { raw: r.body }) as Record<string, unknown>;
  return { status: r.status, body };
}

describe("an id outside the actor's access answers like a never-used id", () => {
  it('for every role, every route with an id, reads and writes, in the same region and across regions', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const [role, { client }] of actors) {
      for (const route of ROUTES) {
        for (const [where, ids] of [
          ['same region', sameRegion],
          ['other region', otherRegion],
        ] as const) {
          if (!route.needs.every((k) => ids[k]) || (route.otherRegionOnly && where === 'same region')) continue;
          const outside = route.call(ids as Outside);
          const never = route.call(random());
          const [a, b] = [await send(client, outside), await send(client, never)];
          compared++;
          if (a.status === 500 || JSON.stringify(a) !== JSON.stringify(b))
            mismatches.push(
              `${role} ${outside.method} ${outside.url} (${where}): ${a.status} ${String(a.body.code)} vs never used ${b.status} ${String(b.body.code)}`,
            );
        }
      }
    }
    expect(compared).toBeGreaterThan(ROLES.length * ROUTES.length);
    expect(mismatches).toEqual([]);
  });

  it("writes every refusal — 404, the guard's 403 — as a denied audit row with actor, organisation, object and IP", async () => {
    const { user, client } = actors.get('professional')!;
    const mark = oneRow(
      await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [regionA]),
    ).n;
    const notFound = await client.post(`/api/v1/families/${otherRegion.family}/network-members`, { name: 'Buur', relation: 'neighbour' });
    expect(notFound.status).toBe(404);
    const forbidden = await client.post(`/api/v1/cases/${otherRegion.case}/team-members`, {
      userId: coordA.actor.userId,
      legalBasis: 'consent',
      caseVersion: 1,
    });
    expect(forbidden.status).toBe(403);
    const rows = await t.db.query<Record<string, any>>(
      `SELECT action, object_type, object_id, organisation_id, ip, outcome, reason FROM audit_log WHERE region_id = $1 AND user_id = $2 AND seq > $3 ORDER BY seq`,
      [regionA, user.actor.userId, mark],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'create',
        object_type: 'family',
        object_id: otherRegion.family,
        organisation_id: teamA,
        ip: expect.any(String),
        outcome: 'denied',
        reason: 'not_found',
      }),
      expect.objectContaining({
        action: 'create',
        object_type: 'case',
        object_id: otherRegion.case,
        organisation_id: teamA,
        ip: expect.any(String),
        outcome: 'denied',
        reason: 'forbidden',
      }),
    ]);
  });

  it('writes a duplicate-BSN probe (409, rolled back) as a denied audit row about the person probed, without naming them in the answer', async () => {
    const { user, client } = actors.get('coordinator')!;
    const { bsn } = oneRow(await t.db.query<{ bsn: string }>(`SELECT bsn FROM persons WHERE id = $1`, [sameRegion.person]), 'person');
    const mark = oneRow(
      await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [regionA]),
    ).n;
    const body = familyBody(user.actor.userId);
    body.members[0]!.bsn = bsn;
    const r = await client.post('/api/v1/families', body);
    expect(r.body).toMatchObject({ status: 409, code: 'duplicate_bsn', field: 'members[0].bsn' });
    expect(JSON.stringify(r.body)).not.toContain(sameRegion.person!);
    const rows = await t.db.query<Record<string, any>>(
      `SELECT action, object_type, object_id, person_id, organisation_id, ip, outcome FROM audit_log
      WHERE region_id = $1 AND user_id = $2 AND seq > $3`,
      [regionA, user.actor.userId, mark],
    );
    expect(rows).toEqual([
      {
        action: 'create',
        object_type: 'person',
        object_id: sameRegion.person,
        person_id: sameRegion.person,
        organisation_id: teamA,
        ip: expect.any(String),
        outcome: 'denied',
      },
    ]);
  });
});
