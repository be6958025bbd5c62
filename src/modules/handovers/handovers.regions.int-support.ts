// The setup the integration tests of handovers between regions share (handovers.regions.int.test.ts,
// handovers.regions-guards.int.test.ts): regions A, B and C, their organisations and users, each
// logged in; a case in A, a handover of it sent to B, and the rows the tests read back.
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createPeople, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';

// Set by useHandoverRegions's beforeAll; an importer sees them through the live binding, so reads them in a test, never at load.
export let t: TestDb;
export let app: App;
export let A: string;
export let B: string;
export let C: string;
export let vt: string;
export let teamB: string;
export let gpB: string;
export let otherB: string;
export let vtCoord: TestUser;
export let vtLead: TestUser;
export let coordB: TestUser;
export let proB: TestUser;
export let leadB: TestUser;
export let otherBUser: TestUser;
export let outsider: TestUser;
export let cVt: Client;
export let cCoordB: Client;
export let cProB: Client;
export let cLeadB: Client;
export let cOtherB: Client;
export let cOut: Client;

/** Registers the hooks of a test file: its own database, regions, organisations, users and app, and their end. */
export function useHandoverRegions() {
  beforeAll(async () => {
    t = await createTestDatabase();
    [A, B, C] = [await createRegion(t.db), await createRegion(t.db), await createRegion(t.db)];
    await t.db.query(`UPDATE regions SET name = 'De Bevelanden' WHERE id = $1`, [B]);
    vt = await createOrganisation(t.db, A, 'veilig_thuis', 'Veilig Thuis Zeeland');
    await createOrganisation(t.db, A, 'municipal_team', 'Sociaal Team Middelburg');
    const inB = await createPeople(
      t.db,
      B,
      {
        teamB: ['municipal_team', 'Team Jeugd Goes'],
        gpB: ['gp_practice', 'Huisarts Goes'],
        otherB: ['municipal_team', 'Sociaal Team Kapelle'],
      },
      {
        coordB: ['teamB', ['professional', 'coordinator']],
        proB: ['teamB', ['professional']],
        leadB: ['teamB', ['professional', 'team_lead']],
        otherBUser: ['otherB', ['professional', 'coordinator', 'team_lead']],
      },
    );
    ({ teamB, gpB, otherB } = inB.org);
    ({ coordB, proB, leadB, otherBUser } = inB.user);
    const orgC = await createOrganisation(t.db, C, 'municipal_team', 'Team Jeugd Zierikzee');
    vtCoord = await createUser(t.db, A, vt, ['professional', 'coordinator']);
    vtLead = await createUser(t.db, A, vt, ['professional', 'team_lead']);
    outsider = await createUser(t.db, C, orgC, ['professional', 'coordinator', 'team_lead']);
    app = await testApp(t.server);
    [cVt /* the lead of VT logs in too */, , cCoordB, cProB, cLeadB, cOtherB, cOut] = await Promise.all([
      login(app, vtCoord.username),
      login(app, vtLead.username),
      login(app, coordB.username),
      login(app, proB.username),
      login(app, leadB.username),
      login(app, otherBUser.username),
      login(app, outsider.username),
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });
}

export async function caseInA(o: { withBsn?: boolean; familyName?: string } = {}) {
  const fam = await cVt.post(
    '/api/v1/families',
    familyBody(vtCoord.actor.userId, { familyName: o.familyName ?? 'de Vries', children: 2, legalBasis: 'safety', withBsn: o.withBsn }),
  );
  expect(fam.status, JSON.stringify(fam.body)).toBe(201);
  const page = await cVt.get(`/api/v1/families/${fam.body.id}`);
  return {
    familyId: fam.body.id as string,
    caseId: page.body.currentCase.id as string,
    personIds: (page.body.members as Array<{ personId: string }>).map((m) => m.personId),
  };
}

export const packageFor = (k: { caseId: string; personIds: string[] }, o: Record<string, unknown> = {}) => ({
  caseId: k.caseId,
  toOrganisationId: teamB,
  toRegionId: B,
  reason: 'Het gezin verhuist naar Goes; Team Jeugd Goes neemt de regie over.',
  safetyAssessment: 'concerns',
  safetyNotes: 'Spanningen tussen de ouders; veiligheidsplan loopt.',
  knownInformation: 'Onderzoek Veilig Thuis afgerond.',
  personIds: k.personIds,
  legalBasis: 'statutory_task',
  senderAccess: 'ends',
  ...o,
});

export async function sent(o: Record<string, unknown> = {}, family: { withBsn?: boolean; familyName?: string } = {}) {
  const k = await caseInA(family);
  const r = await cVt.post('/api/v1/handovers', packageFor(k, o));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { ...k, handoverId: r.body.id as string };
}

export const count = async (sql: string, params: unknown[]) =>
  Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0]!.n);
export const inbox = (region: string, u: TestUser, kind: string, handoverId: string) =>
  count(`notifications WHERE region_id = $1 AND user_id = $2 AND kind = $3 AND link = $4`, [
    region,
    u.actor.userId,
    kind,
    `/overdrachten/${handoverId}`,
  ]);
export const caseRow = async (region: string, caseId: string) =>
  (
    await t.db.query<{ status: string; closed_reason: string | null; version: number }>(
      `SELECT status, closed_reason, version FROM cases WHERE region_id = $1 AND id = $2`,
      [region, caseId],
    )
  )[0];
export const team = (region: string, caseId: string) =>
  t.db.query<{ user_id: string; organisation_id: string; role: string; legal_basis: string; ended_at: string | null }>(
    `SELECT user_id, organisation_id, role, legal_basis, ended_at FROM case_team WHERE region_id = $1 AND case_id = $2 ORDER BY started_at, role`,
    [region, caseId],
  );
export const handover = async (id: string) =>
  (
    await t.db.query<{ region_id: string; to_region_id: string; status: string; version: number; result_case_id: string | null }>(
      `SELECT region_id, to_region_id, status, version, result_case_id FROM handovers WHERE id = $1`,
      [id],
    )
  )[0];
