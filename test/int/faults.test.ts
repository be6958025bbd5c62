// A failure in the middle of a use case leaves nothing half-written: no partial family, case
// or team, no timeline event, and no gap in the audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { transferCoordinator } from '../../src/modules/cases/cases.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { verifyChain } from '../../src/platform/audit/audit.js';
import { failEveryStatement } from '../support/faults.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let coord: TestUser;
let other: TestUser;
let region: string;

const count = async (table: string) =>
  Number(oneRow(await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table} WHERE region_id = $1`, [region])).n);
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      ['families', 'persons', 'family_members', 'network_members', 'cases', 'case_team', 'timeline_events', 'audit_log'].map(async (x) => [
        x,
        await count(x),
      ]),
    ),
  );

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region);
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  other = await createUser(t.db, region, team, ['professional', 'coordinator']);
  // some history, so that a gap in the chain would show
  await registerFamily(t.db, coord.actor, RegisterFamilyBody.parse(familyBody(coord.actor.userId)));
});
afterAll(async () => {
  await t?.drop();
});

describe('faults in the middle of a use case', () => {
  it('registering a family that fails at any statement writes nothing at all', async () => {
    const before = await snapshot();
    // every statement of the use case in turn (about 20); the first ones are the actor settings
    const failures = await failEveryStatement(
      t.db,
      60,
      (db) => registerFamily(db, coord.actor, RegisterFamilyBody.parse(familyBody(coord.actor.userId))),
      async () => expect(await snapshot()).toEqual(before),
    );
    expect(failures).toBeGreaterThan(15);
    expect((await verifyChain(t.db, region)).ok).toBe(true);
  });

  it('a coordinator handover that fails halfway leaves the old coordinator in place', async () => {
    const { caseId } = await registerFamily(t.db, coord.actor, RegisterFamilyBody.parse(familyBody(coord.actor.userId)));
    const failures = await failEveryStatement(
      t.db,
      40,
      (db) => transferCoordinator(db, coord.actor, caseId, { toUserId: other.actor.userId, caseVersion: 1 }),
      async () => {
        const rows = await t.db.query<{ user_id: string }>(
          `SELECT user_id FROM case_team WHERE region_id = $1 AND case_id = $2 AND role = 'coordinator' AND ended_at IS NULL`,
          [region, caseId],
        );
        expect(rows).toEqual([{ user_id: coord.actor.userId }]);
      },
    );
    expect(failures).toBeGreaterThan(8);
    expect((await verifyChain(t.db, region)).ok).toBe(true);
  });
});
