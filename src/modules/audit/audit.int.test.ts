import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { login, useRegionApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { currentTotp } from '../../platform/auth/totp.js';
import { asActor } from '../../platform/db/actor-tx.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const REASON = 'Acute zorg om de veiligheid van het jongste kind vannacht';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let outsider: TestUser;
let vt: TestUser;
let privacy: TestUser;
let c: Client;
let out: Client;
let v: Client;
let p: Client;
let family: { id: string; personIds: string[]; bsns: string[] };

const w = useRegionApp({
  orgs: { team: ['municipal_team', 'Team Jeugd Oost'], veiligThuis: ['veilig_thuis', 'Veilig Thuis West'] },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    outsider: ['veiligThuis', ['professional']],
    vt: ['veiligThuis', ['professional'], { totpSecret: SECRET }],
    privacy: ['team', ['privacy_officer']],
  },
});
beforeAll(async () => {
  ({ t, app, region } = w);
  ({ coord, outsider, vt, privacy } = w.user);
  ({ coord: c, outsider: out, vt: v, privacy: p } = w.client);
  const body = familyBody(coord.actor.userId, { familyName: 'Logboek' });
  const r = await c.post('/api/v1/families', body);
  const page = await c.get(`/api/v1/families/${r.body.id}`);
  family = {
    id: r.body.id,
    personIds: page.body.members.map((m: { personId: string }) => m.personId),
    bsns: body.members.map((m) => m.bsn!),
  };
  await out.get(`/api/v1/families/${r.body.id}`); // denied: not on the case team
});

const ids = (items: Array<{ seq: number }>) => items.map((i) => i.seq);

describe('audit log for the privacy officer', () => {
  it('shows who read which person, when, from where, on which basis, newest first, and logs that it was read', async () => {
    const parent = family.personIds[0];
    const r = await p.get(`/api/v1/audit-events?personId=${parent}`);
    expect(r.status).toBe(200);
    const seqs = ids(r.body.items);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    const read = r.body.items.find((i: { action: string; objectType: string }) => i.action === 'read' && i.objectType === 'family');
    expect(read).toMatchObject({
      user: { id: coord.actor.userId, name: expect.stringMatching(/^Prof /) },
      role: 'coordinator',
      organisation: { id: coord.actor.organisationId, name: 'Team Jeugd Oost' },
      onBehalfOf: { id: coord.actor.organisationId, name: 'Team Jeugd Oost' },
      person: { id: parent, fullName: 'Anna Logboek' },
      objectId: family.id,
      ip: '127.0.0.1',
      userAgent: 'vitest',
      legalBasis: 'consent',
      flags: { careRelation: true, consent: true, breakGlass: false },
      outcome: 'allowed',
      reason: null,
    });
    expect(r.body.items.some((i: { action: string }) => i.action === 'create')).toBe(true);
    const logged = await t.db.query<Record<string, any>>(`SELECT * FROM audit_log WHERE user_id = $1 AND object_type = 'audit-log'`, [
      privacy.actor.userId,
    ]);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ person_id: parent, action: 'read', user_role: 'privacy_officer' });
  });

  it('writes one audit row per distinct person shown', async () => {
    const before = await t.db.query(`SELECT 1 FROM audit_log WHERE object_type = 'audit-log'`);
    const r = await p.get(`/api/v1/audit-events?userId=${coord.actor.userId}&limit=200`);
    const persons = new Set(r.body.items.filter((i: { person: unknown }) => i.person).map((i: { person: { id: string } }) => i.person.id));
    expect(persons.size).toBe(3);
    const after = await t.db.query<{ person_id: string }>(`SELECT person_id FROM audit_log WHERE object_type = 'audit-log'`);
    expect(after.length - before.length).toBe(3);
  });

  it('filters by BSN, user, organisation, action, outcome and period', async () => {
    const child = family.personIds.find((id, i) => i > 0)!;
    const childBsn = (await t.db.query<{ bsn: string }>(`SELECT bsn FROM persons WHERE id = $1`, [child]))[0]!.bsn;
    const byBsn = await p.get(`/api/v1/audit-events?bsn=${childBsn}`);
    expect(byBsn.body.items.length).toBeGreaterThan(0);
    expect(byBsn.body.items.every((i: { person: { id: string } }) => i.person.id === child)).toBe(true);
    expect((await p.get(`/api/v1/audit-events?bsn=${nextBsn()}`)).body.items).toEqual([]);
    expect((await p.get(`/api/v1/audit-events?bsn=${childBsn}&personId=${family.personIds[0]}`)).body.items).toEqual([]);

    const denied = await p.get(`/api/v1/audit-events?outcome=denied&userId=${outsider.actor.userId}`);
    expect(denied.body.items).toHaveLength(1);
    expect(denied.body.items[0]).toMatchObject({ objectType: 'family', objectId: family.id, person: null, outcome: 'denied' });
    const byOrg = await p.get(`/api/v1/audit-events?organisationId=${outsider.actor.organisationId}&limit=200`);
    expect(byOrg.body.items.every((i: { organisation: { id: string } }) => i.organisation.id === outsider.actor.organisationId)).toBe(true);
    const created = await p.get(`/api/v1/audit-events?action=create&userId=${coord.actor.userId}`);
    expect(created.body.items.length).toBeGreaterThan(0);
    expect(created.body.items.every((i: { action: string }) => i.action === 'create')).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (await p.get(`/api/v1/audit-events?userId=${coord.actor.userId}&from=${yesterday}&to=${tomorrow}`)).body.items.length,
    ).toBeGreaterThan(0);
    expect((await p.get(`/api/v1/audit-events?userId=${coord.actor.userId}&to=${yesterday}`)).body.items).toEqual([]);
    expect((await p.get(`/api/v1/audit-events?userId=${coord.actor.userId}&from=${tomorrow}`)).body.items).toEqual([]);
    const backwards = await p.get(`/api/v1/audit-events?from=${today}&to=${yesterday}`);
    expect(backwards.body).toMatchObject({ status: 400, field: 'querystring.to' });
    expect((await p.get('/api/v1/audit-events?from=1-2-2024')).body.field).toBe('querystring.from');
    expect((await p.get('/api/v1/audit-events?limit=201')).body.field).toBe('querystring.limit');
    expect((await p.get('/api/v1/audit-events?bsn=123456789')).body.field).toBe('querystring.bsn');
    expect((await p.get('/api/v1/audit-events?action=peek')).status).toBe(400);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    const all = await p.get(`/api/v1/audit-events?userId=${coord.actor.userId}&limit=200`);
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const pg: any = await p.get(`/api/v1/audit-events?userId=${coord.actor.userId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...ids(pg.body.items));
      cursor = pg.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(ids(all.body.items));
    expect((await p.get('/api/v1/audit-events?cursor=bm9wZQ')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify(['1; DROP TABLE x', 'y'])).toString('base64url');
    expect((await p.get(`/api/v1/audit-events?cursor=${forged}`)).status).toBe(400);
  });

  it('is for the privacy officer only; row-level security hides the log from everyone else', async () => {
    expect((await c.get('/api/v1/audit-events')).status).toBe(403);
    expect((await c.post('/api/v1/audit-verifications')).status).toBe(403);
    expect((await c.get(`/api/v1/persons/${family.personIds[0]}/access-log`)).status).toBe(403);
    const seen = await asActor(t.db, coord.actor, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log`));
    expect(seen[0]!.n).toBe(0);
    const otherRegion = await createRegion(t.db);
    const otherOrg = await createOrganisation(t.db, otherRegion);
    const foreign = await createUser(t.db, otherRegion, otherOrg, ['privacy_officer']);
    const f = await login(app, foreign.username);
    expect((await f.get(`/api/v1/audit-events?personId=${family.personIds[0]}`)).body.items).toEqual([]);
    expect((await f.get(`/api/v1/persons/${family.personIds[0]}/access-log`)).status).toBe(404);
  });

  it('cannot be changed or deleted by the application role', async () => {
    const update = asActor(t.db, privacy.actor, (tx) => tx.query(`UPDATE audit_log SET reason = 'weg' WHERE region_id = $1`, [region]));
    await expect(update).rejects.toThrow(/permission denied/);
    const del = asActor(t.db, privacy.actor, (tx) => tx.query(`DELETE FROM audit_log WHERE region_id = $1`, [region]));
    await expect(del).rejects.toThrow(/permission denied/);
    // Not even the owner can, while the append-only trigger is on.
    await expect(t.db.query(`DELETE FROM audit_log WHERE region_id = $1`, [region])).rejects.toThrow(/append-only/);
  });
});

describe('audit chain verification', () => {
  it('passes on an untouched chain and names the changed and the missing rows after tampering', async () => {
    const r2 = await createRegion(t.db);
    const org = await createOrganisation(t.db, r2, 'municipal_team');
    const co = await createUser(t.db, r2, org, ['professional', 'coordinator']);
    const po = await createUser(t.db, r2, org, ['privacy_officer']);
    const [cc, pp] = await Promise.all([login(app, co.username), login(app, po.username)]);
    const fam = await cc.post('/api/v1/families', familyBody(co.actor.userId));
    await cc.get(`/api/v1/families/${fam.body.id}`);

    const ok = await pp.post('/api/v1/audit-verifications');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, problems: [], regionId: r2 });
    expect(ok.body.rows).toBeGreaterThanOrEqual(6);
    expect(typeof ok.body.seconds).toBe('number');

    // The region's longest chain (stripe): rows 2 and 4 of it are tampered with.
    const { stripe, n } = (
      await t.db.query<{ stripe: number; n: number }>(
        `SELECT stripe, count(*)::int AS n FROM audit_log WHERE region_id = $1 GROUP BY stripe ORDER BY count(*) DESC, stripe LIMIT 1`,
        [r2],
      )
    )[0]!;
    expect(n).toBeGreaterThanOrEqual(5);
    await t.db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_append_only');
    try {
      await t.db.query(`UPDATE audit_log SET reason = 'nagemaakt' WHERE region_id = $1 AND stripe = $2 AND chain_seq = 2`, [r2, stripe]);
      const changed = await pp.post('/api/v1/audit-verifications');
      expect(changed.body.ok).toBe(false);
      expect(changed.body.problems).toContainEqual(expect.objectContaining({ stripe, seq: 2, problem: 'changed' }));
      await t.db.query(`DELETE FROM audit_log WHERE region_id = $1 AND stripe = $2 AND chain_seq = 4`, [r2, stripe]);
      const missing = await pp.post('/api/v1/audit-verifications');
      expect(missing.body.problems).toContainEqual(expect.objectContaining({ stripe, seq: 4, problem: 'missing' }));
      expect(missing.body.problems).toContainEqual(expect.objectContaining({ stripe, seq: 2, problem: 'changed' }));
    } finally {
      await t.db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_append_only');
    }
    const logged = await t.db.query(`SELECT 1 FROM audit_log WHERE object_type = 'audit-verification' AND user_id = $1`, [po.actor.userId]);
    expect(logged).toHaveLength(3);
  });

  it('verifies a chain of more than nine rows (seq in numeric, not text, order)', async () => {
    const r3 = await createRegion(t.db);
    const org = await createOrganisation(t.db, r3, 'municipal_team');
    const co = await createUser(t.db, r3, org, ['professional', 'coordinator']);
    const po = await createUser(t.db, r3, org, ['privacy_officer']);
    const [cc, pp] = await Promise.all([login(app, co.username), login(app, po.username)]);
    const fam = await cc.post('/api/v1/families', familyBody(co.actor.userId, { children: 4 }));
    for (let i = 0; i < 2; i++) await cc.get(`/api/v1/families/${fam.body.id}`);
    const r = await pp.post('/api/v1/audit-verifications');
    // 15 rows of the family's reads and writes, and the two logins (security events are audit rows too).
    expect(r.body.rows).toBe(17);
    expect(r.body.problems).toEqual([]);
    expect(r.body.ok).toBe(true);
  });
});

describe("a person's access log", () => {
  it('lists who looked at or changed the person, including break the glass with its reason, and is itself logged', async () => {
    const child = family.personIds[family.personIds.length - 1];
    const opened = await v.post('/api/v1/break-glass', { familyId: family.id, reason: REASON, totpCode: await currentTotp(SECRET) });
    expect(opened.status).toBe(201);
    const r = await p.get(`/api/v1/persons/${child}/access-log`);
    expect(r.status).toBe(200);
    expect(r.body.person).toEqual({ id: child, fullName: expect.stringContaining('Logboek') });
    const glass = r.body.items.find((i: { breakGlass: boolean }) => i.breakGlass);
    expect(glass).toMatchObject({
      user: { id: vt.actor.userId },
      organisation: { name: 'Veilig Thuis West' },
      role: 'professional',
      action: 'read',
      objectType: 'break-glass',
      legalBasis: 'safety',
      reason: REASON,
      outcome: 'allowed',
    });
    expect(
      r.body.items.some((i: { action: string; user: { id: string } }) => i.action === 'create' && i.user.id === coord.actor.userId),
    ).toBe(true);
    const logged = await t.db.query(`SELECT 1 FROM audit_log WHERE object_type = 'access-log' AND person_id = $1 AND object_id = $2`, [
      child,
      child,
    ]);
    expect(logged).toHaveLength(1);
    const again = await p.get(`/api/v1/persons/${child}/access-log?limit=1`);
    expect(again.body.items[0]).toMatchObject({ objectType: 'access-log', user: { id: privacy.actor.userId } });
    expect(again.body.nextCursor).toEqual(expect.any(String));
    const next = await p.get(`/api/v1/persons/${child}/access-log?limit=1&cursor=${again.body.nextCursor}`);
    expect(next.body.items[0].seq).toBeLessThan(again.body.items[0].seq);
    expect((await p.get('/api/v1/persons/00000000-0000-4000-8000-000000000003/access-log')).status).toBe(404);
  });

  it('lets the privacy officer find a person by BSN, logged', async () => {
    const r = await p.get(`/api/v1/persons?bsn=${family.bsns[0]}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([{ id: family.personIds[0], fullName: 'Anna Logboek', birthDate: '1988-04-12' }]);
    const logged = await t.db.query(`SELECT 1 FROM audit_log WHERE object_type = 'person' AND person_id = $1 AND user_id = $2`, [
      family.personIds[0],
      privacy.actor.userId,
    ]);
    expect(logged).toHaveLength(1);
    expect((await p.get(`/api/v1/persons?bsn=${nextBsn()}`)).body.items).toEqual([]);
    expect((await p.get('/api/v1/persons?bsn=123456789')).body.field).toBe('querystring.bsn');
    expect((await p.get('/api/v1/persons')).status).toBe(400);
    expect((await c.get(`/api/v1/persons?bsn=${family.bsns[0]}`)).status).toBe(403);
  });
});
