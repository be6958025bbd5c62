// The setup the plan's integration tests over HTTP share (plans.int.test.ts, plans.council-list-pdf.int.test.ts,
// plans.progress.int.test.ts):
// a region with a municipal team and a GP practice, a coordinator, a GP and a coordinator off the case
// team, each logged in; a new family with a case; the rows of a plan version in a table.
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { dutchToday, addDays } from '../../platform/time/working-days.js';
import { councilBody } from '../safety/safety.int-support.js';

// Set by usePlanApp's beforeAll; an importer sees them through the live binding, so reads them in a test, never at load.
export let t: TestDb;
export let app: App;
export let region: string;
export let team: string;
export let gp: string;
export let coord: TestUser;
export let gpUser: TestUser;
export let stranger: TestUser;
export let c: Client;
export let g: Client;
export let s: Client;

/** Registers the hooks of a test file: its own database, region, organisations, users and app, and their end. */
export function usePlanApp() {
  beforeAll(async () => {
    t = await createTestDatabase();
    region = await createRegion(t.db);
    team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Oost');
    gp = await createOrganisation(t.db, region, 'gp_practice', 'Huisartsenpraktijk De Linde');
    coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
    gpUser = await createUser(t.db, region, gp, ['professional']);
    stranger = await createUser(t.db, region, team, ['professional', 'coordinator']);
    app = await testApp(t.server);
    [c, g, s] = await Promise.all([login(app, coord.username), login(app, gpUser.username), login(app, stranger.username)]);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
}

export const today = dutchToday();

/** The family network council offered and declined: a plan may then be proposed. */
export const councilDeclined = councilBody({
  offeredOn: today,
  answer: 'declined',
  declinedReason: 'Het gezin wil het zelf met de regisseur regelen.',
  answeredOn: today,
});

export async function newFamily({ offerCouncil = true } = {}) {
  const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId, { children: 2 }));
  expect(fam.status, JSON.stringify(fam.body)).toBe(201);
  const young = await c.post(`/api/v1/families/${fam.body.id}/members`, {
    givenNames: 'Jip',
    familyName: 'Jansen',
    birthDate: addDays(today, -365 * 6),
    relation: 'child',
  });
  expect(young.status, JSON.stringify(young.body)).toBe(201);
  const page = await c.get(`/api/v1/families/${fam.body.id}`);
  const caseId = page.body.currentCase.id as string;
  if (offerCouncil) {
    const council = await c.put(`/api/v1/cases/${caseId}/council`, councilDeclined);
    expect(council.status, JSON.stringify(council.body)).toBe(200);
  }
  return { familyId: fam.body.id as string, caseId };
}

export const count = async (table: string, versionId: string) =>
  (
    await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE region_id = $1 AND plan_version_id = $2`, [
      region,
      versionId,
    ])
  )[0]!.n;

/**
 * The case's plan, dated a month ago, with one goal and one action of a family member due three
 * days ago, proposed and answered by every party (heard where a child is heard): agreed. The
 * council must have been offered already.
 */
export async function agreePlanWithOverdueAction(caseId: string): Promise<{ versionId: string; actionId: string }> {
  const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, { planDate: addDays(today, -30) });
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  const v = d.body.id as string;
  const goal = await c.post(`/api/v1/plan-versions/${v}/goals`, { version: 1, domain: 'finances', description: 'Schulden in beeld' });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  const members = (await c.get(`/api/v1/cases/${caseId}/plan`)).body.options.familyMembers as Array<{ personId: string }>;
  const act = await c.post(`/api/v1/plan-versions/${v}/actions`, {
    version: goal.body.version,
    description: 'Afspraak bij de schuldhulp',
    owner: { kind: 'family_member', personId: members[0]!.personId },
    dueOn: addDays(today, -3),
  });
  expect(act.status, JSON.stringify(act.body)).toBe(201);
  const proposed = await c.post(`/api/v1/plan-versions/${v}/propose`, { version: act.body.version });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
  for (const party of (await c.get(`/api/v1/plan-versions/${v}`)).body.parties as Array<{ id: string; requirement: string }>) {
    const r = await c.post(
      `/api/v1/plan-versions/${v}/answers`,
      party.requirement === 'heard'
        ? { partyId: party.id, answer: 'heard', view: 'Goed zo', via: 'conversation' }
        : { partyId: party.id, answer: 'agreed', via: 'conversation' },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  const version = (await c.get(`/api/v1/plan-versions/${v}`)).body;
  expect(version.status).toBe('agreed');
  return { versionId: v, actionId: version.actions[0].id as string };
}
