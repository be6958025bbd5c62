// The setup the plan's integration tests over HTTP share (plans.int.test.ts, plans.council-list-pdf.int.test.ts):
// a region with a municipal team and a GP practice, a coordinator, a GP and a coordinator off the case
// team, each logged in; a new family with a case; the rows of a plan version in a table.
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { dutchToday, addDays } from '../../platform/time/working-days.js';

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
export const councilDeclined = {
  offeredOn: today,
  answer: 'declined',
  declinedReason: 'Het gezin wil het zelf met de regisseur regelen.',
  answeredOn: today,
  metOn: null,
  safetyReason: null,
};

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
