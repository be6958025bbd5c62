// Break the glass opens a family for reading only (issue 8, ASVS V4): every write under a grant is
// refused by the policy (403, audited as denied, with the grant and its reason) and again by
// row-level security (migrations/0120_break_glass_read_only.sql), and every read under a grant
// carries the grant and its reason in its audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { currentTotp } from '../../src/platform/auth/totp.js';
import { asActor } from '../../src/platform/db/actor-tx.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const REASON = 'Politie meldt acuut gevaar voor de kinderen in dit gezin';

let t: TestDb;
let app: App;
let coord: TestUser;
let other: TestUser;
let vt: TestUser;
let c: Client;
let v: Client;
let family: {
  id: string;
  caseId: string;
  caseVersion: number;
  personId: string;
  otherPersonId: string;
  personVersion: number;
  membershipId: string;
};
let grantId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  const region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  const veiligThuis = await createOrganisation(t.db, region, 'veilig_thuis');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  other = await createUser(t.db, region, team, ['professional', 'coordinator']);
  // A coordinator-qualified Veilig Thuis professional: holds every write permission, so only the grant decides.
  vt = await createUser(t.db, region, veiligThuis, ['professional', 'coordinator'], { totpSecret: SECRET });
  app = await testApp(t.server);
  [c, v] = await Promise.all([login(app, coord.username), login(app, vt.username)]);
  const r = await c.post('/api/v1/families', familyBody(coord.actor.userId));
  expect(r.status).toBe(201);
  const caseId = (await c.get(`/api/v1/families/${r.body.id}`)).body.currentCase.id as string;
  const added = await c.post(`/api/v1/cases/${caseId}/team-members`, { userId: other.actor.userId, legalBasis: 'consent', caseVersion: 1 });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  const page = (await c.get(`/api/v1/families/${r.body.id}`)).body;
  family = {
    id: r.body.id,
    caseId,
    caseVersion: page.currentCase.version,
    personId: page.members[0].personId,
    otherPersonId: page.members[1].personId,
    personVersion: page.members[0].version,
    membershipId: page.currentCase.team.find((m: { userId: string }) => m.userId === other.actor.userId).id,
  };
  const g = await v.post('/api/v1/break-glass', { familyId: family.id, reason: REASON, totpCode: await currentTotp(SECRET) });
  expect(g.status).toBe(201);
  grantId = g.body.id;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const denied = () =>
  t.db.query<Record<string, any>>(
    `SELECT action, object_type, object_id, break_glass, legal_basis, reason, ip, organisation_id FROM audit_log WHERE user_id = $1 AND outcome = 'denied' ORDER BY seq`,
    [vt.actor.userId],
  );

describe('break the glass is read-only', () => {
  it('refuses every write under a grant with 403, changes nothing, and audits each refusal with the grant and its reason', async () => {
    const before = (await c.get(`/api/v1/families/${family.id}`)).body;
    const writes = [
      () => v.post(`/api/v1/families/${family.id}/network-members`, { name: 'Buurvrouw', relation: 'neighbour' }),
      () => v.post(`/api/v1/families/${family.id}/members`, { givenNames: 'Nieuw', familyName: 'Kind', relation: 'child' }),
      () => v.put(`/api/v1/persons/${family.personId}`, { givenNames: 'Anders', familyName: 'Jansen', version: family.personVersion }),
      () =>
        v.post('/api/v1/person-merges', {
          survivingPersonId: family.personId,
          mergedPersonId: family.otherPersonId,
          reason: 'Dubbele registratie',
        }),
      () =>
        v.post('/api/v1/person-match-rejections', {
          subject: { givenNames: 'Kim', familyName: 'Jansen' },
          candidatePersonId: family.personId,
        }),
      () => v.post(`/api/v1/families/${family.id}/cases`, { coordinatorUserId: vt.actor.userId, legalBasis: 'safety' }),
      () => v.patch(`/api/v1/cases/${family.caseId}`, { status: 'exploring', version: family.caseVersion }),
      () =>
        v.post(`/api/v1/cases/${family.caseId}/team-members`, {
          userId: vt.actor.userId,
          legalBasis: 'safety',
          caseVersion: family.caseVersion,
        }),
      () => v.post(`/api/v1/cases/${family.caseId}/team-members/${family.membershipId}/end`, { reason: 'niet meer nodig', version: 1 }),
      () => v.patch(`/api/v1/cases/${family.caseId}/team-members/${family.membershipId}`, { legalBasis: 'safety', version: 1 }),
      () => v.post(`/api/v1/cases/${family.caseId}/coordinator-transfers`, { toUserId: vt.actor.userId, caseVersion: family.caseVersion }),
    ];
    const rowsBefore = (await denied()).length;
    for (const write of writes) {
      const r = await write();
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.body.detail).toMatch(/Noodtoegang geeft alleen inzage/);
    }
    const after = (await c.get(`/api/v1/families/${family.id}`)).body;
    expect(after.members).toEqual(before.members);
    expect(after.network).toEqual(before.network);
    expect(after.currentCase).toEqual(before.currentCase);

    const rows = (await denied()).slice(rowsBefore);
    expect(rows).toHaveLength(writes.length);
    for (const row of rows) {
      expect(row).toMatchObject({
        break_glass: true,
        legal_basis: 'safety',
        organisation_id: vt.actor.organisationId,
        ip: expect.any(String),
      });
      expect(row.reason).toContain(grantId);
      expect(row.reason).toContain(REASON);
      expect(row.action).not.toBe('read');
    }
  });

  it('row-level security refuses the same writes when a service forgets the policy', async () => {
    const asVt = <T>(fn: Parameters<typeof asActor<T>>[2]) => asActor(t.db, vt.actor, fn);
    // The grant does let the professional read the family.
    expect(await asVt((tx) => tx.query(`SELECT 1 FROM families WHERE id = $1`, [family.id]))).toHaveLength(1);
    await expect(
      asVt((tx) =>
        tx.query(
          `INSERT INTO network_members (region_id, id, family_id, name, relation) VALUES ($1, gen_random_uuid(), $2, 'X', 'neighbour')`,
          [vt.actor.regionId, family.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asVt((tx) =>
        tx.query(
          `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis, created_by)
      VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, 'member', 'safety', $5)`,
          [vt.actor.regionId, family.caseId, family.id, vt.actor.organisationId, vt.actor.userId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asVt((tx) =>
        tx.query(
          `INSERT INTO timeline_events (region_id, id, family_id, type, kind, actor_user_id, actor_organisation_id, data)
      VALUES ($1, gen_random_uuid(), $2, 'member_added', 'member_added', $3, $4, '{}')`,
          [vt.actor.regionId, family.id, vt.actor.userId, vt.actor.organisationId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await asVt(async (tx) => [
      ...(await tx.query(`UPDATE persons SET given_names = 'Anders' WHERE id = $1 RETURNING id`, [family.personId])),
      ...(await tx.query(`UPDATE families SET name = 'Anders' WHERE id = $1 RETURNING id`, [family.id])),
      ...(await tx.query(`UPDATE cases SET status = 'exploring' WHERE id = $1 RETURNING id`, [family.caseId])),
      ...(await tx.query(`UPDATE case_team SET ended_at = now() WHERE family_id = $1 RETURNING id`, [family.id])),
      ...(await tx.query(`UPDATE network_members SET name = 'Anders' WHERE family_id = $1 RETURNING id`, [family.id])),
      ...(await tx.query(`DELETE FROM network_members WHERE family_id = $1 RETURNING id`, [family.id])),
      ...(await tx.query(`DELETE FROM family_members WHERE family_id = $1 RETURNING person_id`, [family.id])),
    ]);
    expect(updated).toEqual([]);
    // The case team keeps writing as before.
    const asCoord = await asActor(t.db, coord.actor, (tx) =>
      tx.query(`UPDATE families SET name = name WHERE id = $1 RETURNING id`, [family.id]),
    );
    expect(asCoord).toHaveLength(1);
  });

  it('every read under a grant carries the grant and its reason, not only the first', async () => {
    await v.get(`/api/v1/families/${family.id}`);
    await v.get(`/api/v1/families/${family.id}`);
    const reads = await t.db.query<Record<string, any>>(
      `SELECT reason, break_glass, legal_basis FROM audit_log WHERE user_id = $1 AND object_type = 'family' AND action = 'read' AND outcome = 'allowed'`,
      [vt.actor.userId],
    );
    expect(reads.length).toBeGreaterThanOrEqual(2 * 3);
    for (const r of reads) {
      expect(r).toMatchObject({ break_glass: true, legal_basis: 'safety' });
      expect(r.reason).toBe(`noodtoegang ${grantId}: ${REASON}`);
    }
  });
});
