// Races on one plan, tested with requests sent at once (on PostgreSQL they really overlap; run
// with TEST_DATABASE_URL): two parties agreeing at the same moment end in one agreed version and
// one plan-agreed moment; a new proposal racing an answer to the old one ends either with the
// old version agreed and the new one proposed, or with the old one superseded and a clear 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { councilBody } from '../safety/safety.int-support.js';

const ROUNDS = 8;
let t: TestDb;
let app: App;
let region: string;
let gp: string;
let coord: TestUser;
let gpUser: TestUser;
let c: Client;
let g: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  gp = await createOrganisation(t.db, region, 'gp_practice');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  gpUser = await createUser(t.db, region, gp, ['professional']);
  app = await testApp(t.server, { MAX_IN_FLIGHT: '10000' });
  [c, g] = await Promise.all([login(app, coord.username), login(app, gpUser.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A family with one parent and a proposed plan whose parties are the parent and, with `withGp`, the GP practice. */
async function proposedPlan(withGp: boolean) {
  const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId, { children: 0 }));
  const page = (await c.get(`/api/v1/families/${fam.body.id}`)).body;
  const caseId = page.currentCase.id as string;
  const parent = page.members[0].personId as string;
  const today = dutchToday();
  expect(
    (
      await c.put(
        `/api/v1/cases/${caseId}/council`,
        councilBody({ offeredOn: today, answer: 'declined', declinedReason: 'Niet nodig volgens het gezin.', answeredOn: today }),
      )
    ).status,
  ).toBe(200);
  if (withGp)
    expect(
      (
        await c.post(`/api/v1/cases/${caseId}/team-members`, {
          userId: gpUser.actor.userId,
          legalBasis: 'consent',
          caseVersion: page.currentCase.version,
        })
      ).status,
    ).toBe(201);
  const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
  const v = d.body.id as string;
  const goal = await c.post(`/api/v1/plan-versions/${v}/goals`, { version: 1, domain: 'finances', description: 'Rust in de financiën' });
  const owner = withGp ? { kind: 'organisation', organisationId: gp } : { kind: 'family_member', personId: parent };
  const act = await c.post(`/api/v1/plan-versions/${v}/actions`, {
    version: goal.body.version,
    description: 'Gesprek',
    owner,
    dueOn: addDays(dutchToday(), 7),
  });
  expect(act.status, JSON.stringify(act.body)).toBe(201);
  expect((await c.post(`/api/v1/plan-versions/${v}/propose`, { version: act.body.version })).status).toBe(200);
  const parties = (await c.get(`/api/v1/plan-versions/${v}`)).body.parties as Array<{ id: string; kind: string }>;
  return { caseId, v, parties };
}

const statusOf = async (id: string) =>
  (await t.db.query<{ status: string }>(`SELECT status FROM plan_versions WHERE region_id = $1 AND id = $2`, [region, id]))[0]!.status;

describe('races on one plan', () => {
  it('two parties agreeing at once: the version is agreed, with one plan-agreed moment', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { caseId, v, parties } = await proposedPlan(true);
      const person = parties.find((p) => p.kind === 'person')!;
      const org = parties.find((p) => p.kind === 'organisation')!;
      const [a, b] = await Promise.all([
        c.post(`/api/v1/plan-versions/${v}/answers`, { partyId: person.id, answer: 'agreed', via: 'conversation' }),
        g.post(`/api/v1/plan-versions/${v}/answers`, { partyId: org.id, answer: 'agreed' }),
      ]);
      expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([201, 201]);
      expect([a.body.status, b.body.status].sort()).toEqual(['agreed', 'proposed']);
      expect(await statusOf(v)).toBe('agreed');
      expect(
        await t.db.query(`SELECT 1 FROM lead_time_moments WHERE region_id = $1 AND case_id = $2 AND moment = 'plan_agreed'`, [
          region,
          caseId,
        ]),
      ).toHaveLength(1);
    }
  });

  it('a new proposal racing an answer to the old one: the old one agreed and the new proposed, or the old superseded and a 409', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < ROUNDS; i++) {
      const { caseId, v, parties } = await proposedPlan(false);
      const next = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
      expect(next.status).toBe(201);
      const person = parties.find((p) => p.kind === 'person')!;
      const [answer, propose] = await Promise.all([
        c.post(`/api/v1/plan-versions/${v}/answers`, { partyId: person.id, answer: 'agreed', via: 'phone' }),
        c.post(`/api/v1/plan-versions/${next.body.id}/propose`, { version: 1 }),
      ]);
      expect(propose.status, JSON.stringify(propose.body)).toBe(200);
      expect(await statusOf(next.body.id)).toBe('proposed');
      const answers = await t.db.query(`SELECT 1 FROM plan_answers WHERE region_id = $1 AND plan_version_id = $2`, [region, v]);
      if (answer.status === 201) {
        seen.add('answer first');
        expect(await statusOf(v)).toBe('agreed');
        expect(answers).toHaveLength(1);
      } else {
        seen.add('proposal first');
        expect(answer.body).toMatchObject({ status: 409, code: 'not_the_proposed_version', field: 'versionId' });
        expect(await statusOf(v)).toBe('superseded');
        expect(answers).toHaveLength(0);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });
});
