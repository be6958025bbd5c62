import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';

let t: TestDb;
let app: App;
let coord: TestUser;
let other: TestUser;
let outsider: TestUser;
let region: string;
let c: Client;
let o: Client;
let out: Client;
let l: Client;

const w = useRegionApp({
  orgs: { team: ['municipal_team'], gp: ['gp_practice'] },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    other: ['gp', ['professional']],
    outsider: ['gp', ['professional']],
    lead: ['team', ['professional', 'team_lead']],
  },
});
beforeAll(() => {
  ({ t, app, region } = w);
  ({ coord, other, outsider } = w.user);
  ({ coord: c, other: o, outsider: out, lead: l } = w.client);
});

const auditCount = async (personId?: string) =>
  Number(
    (
      await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE ($1::uuid IS NULL OR person_id = $1)`, [
        personId ?? null,
      ])
    )[0]!.n,
  );

describe('families', () => {
  it('registers a family with a case and shows it on the family page with its coordinator and timeline', async () => {
    const r = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'de Wit' }));
    expect(r.status).toBe(201);
    const page = await c.get(`/api/v1/families/${r.body.id}`);
    expect(page.status).toBe(200);
    expect(page.headers['api-version']).toBe('1.0.0');
    expect(page.body.members).toHaveLength(3);
    expect(page.body.members[0].relation).toBe('parent');
    expect(page.body.members[0].age).toBeGreaterThan(30);
    expect(page.body.network[0].name).toBe('Oma Jansen');
    expect(page.body.currentCase.status).toBe('registered');
    expect(page.body.currentCase.coordinator.userId).toBe(coord.actor.userId);
    expect(page.body.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['family_registered', 'case_opened']));
    expect(page.body.access.isCoordinator).toBe(true);
  });

  it('writes one audit row per person for a family read, in the same transaction', async () => {
    const r = await c.post('/api/v1/families', familyBody(coord.actor.userId, { children: 3 }));
    const before = await auditCount();
    await c.get(`/api/v1/families/${r.body.id}`);
    expect(await auditCount()).toBe(before + 4);
    const rows = await t.db.query<Record<string, any>>(`SELECT * FROM audit_log WHERE object_id = $1 AND action = 'read'`, [r.body.id]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({
      user_id: coord.actor.userId,
      organisation_id: coord.actor.organisationId,
      outcome: 'allowed',
      legal_basis: 'consent',
      care_relation: true,
      ip: '127.0.0.1',
      user_agent: 'vitest',
    });
  });

  it('gives 404 (not 403) to someone not on the case team, and logs the denied attempt', async () => {
    const r = await c.post('/api/v1/families', familyBody(coord.actor.userId));
    const denied = await out.get(`/api/v1/families/${r.body.id}`);
    expect(denied.status).toBe(404);
    expect(denied.headers['content-type']).toContain('application/problem+json');
    const missing = await out.get(`/api/v1/families/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe(denied.body.detail);
    const rows = await t.db.query(`SELECT 1 FROM audit_log WHERE object_id = $1 AND outcome = 'denied' AND user_id = $2`, [
      r.body.id,
      outsider.actor.userId,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('lists "Mijn gezinnen" only for the case team, searchable by name, BSN and birth date, paged', async () => {
    const bsn = nextBsn();
    const body = familyBody(coord.actor.userId, { familyName: 'Çelik' });
    body.members[0] = { ...body.members[0]!, bsn, birthDate: '1979-02-03' };
    const r = await c.post('/api/v1/families', body);
    expect((await c.get('/api/v1/families?q=celik')).body.items.map((f: { id: string }) => f.id)).toContain(r.body.id);
    expect((await c.get(`/api/v1/families?q=${bsn}`)).body.items.map((f: { id: string }) => f.id)).toEqual([r.body.id]);
    expect((await c.get(`/api/v1/families?q=1979-02-03`)).body.items.map((f: { id: string }) => f.id)).toEqual([r.body.id]);
    expect((await c.get(`/api/v1/families?q=03-02-1979`)).body.items.map((f: { id: string }) => f.id)).toEqual([r.body.id]);
    expect((await out.get('/api/v1/families')).body.items).toEqual([]);
    // paging: 1 per page walks every family exactly once, in name order
    const all = (await c.get('/api/v1/families?limit=100')).body.items.map((f: { id: string }) => f.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const p: any = await c.get(`/api/v1/families?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...p.body.items.map((f: { id: string }) => f.id));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
    const desc = (await c.get('/api/v1/families?limit=100&sort=-name')).body.items.map((f: { id: string }) => f.id);
    expect(desc).toEqual([...all].reverse());
    // by the current case's opening: oldest first, and the reverse for -opened; paging agrees
    const opened = (await c.get('/api/v1/families?limit=100&sort=opened')).body.items as Array<{ id: string; openedAt: string }>;
    expect(opened.map((f) => f.openedAt)).toEqual(opened.map((f) => f.openedAt).sort());
    expect((await c.get('/api/v1/families?limit=100&sort=-opened')).body.items.map((f: { id: string }) => f.id)).toEqual(
      opened.map((f) => f.id).reverse(),
    );
    const firstPage = await c.get('/api/v1/families?limit=2&sort=opened');
    const secondPage = await c.get(`/api/v1/families?limit=2&sort=opened&cursor=${firstPage.body.nextCursor}`);
    expect([...firstPage.body.items, ...secondPage.body.items].map((f: { id: string }) => f.id)).toEqual(
      opened.slice(0, 4).map((f) => f.id),
    );
  });

  it('lets a team lead see every family of their organisation', async () => {
    const r = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Teamzicht' }));
    expect((await l.get(`/api/v1/families/${r.body.id}`)).status).toBe(200);
    expect((await l.get('/api/v1/families?scope=organisation&q=teamzicht')).body.items).toHaveLength(1);
    expect((await l.get('/api/v1/families?q=teamzicht')).body.items).toHaveLength(0);
  });

  it('refuses a duplicate BSN with a link when the person is visible, and neutrally when not', async () => {
    const body = familyBody(coord.actor.userId);
    const first = await c.post('/api/v1/families', body);
    const again = familyBody(coord.actor.userId);
    again.members[0]!.bsn = body.members[0]!.bsn;
    const visible = await c.post('/api/v1/families', again);
    expect(visible.status).toBe(409);
    expect(visible.body).toMatchObject({ code: 'duplicate_bsn', field: 'members[0].bsn', existingFamilyId: first.body.id });
    const hidden = await o.post('/api/v1/families', { ...again, case: { coordinatorUserId: coord.actor.userId, legalBasis: 'consent' } });
    expect(hidden.status).toBe(409);
    expect(hidden.body.existingFamilyId).toBeUndefined();
    expect(hidden.body.existingPersonId).toBeUndefined();
  });

  it('rejects bad input with problem+json naming the field, and writes nothing', async () => {
    const families = async () => Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM families'))[0]!.n);
    const before = await families();
    const bad = familyBody(coord.actor.userId);
    bad.members[0]!.bsn = '123456789';
    const r1 = await c.post('/api/v1/families', bad);
    expect(r1.status).toBe(400);
    expect(r1.body.field).toBe('members[0].bsn');
    expect(r1.body.detail).toContain('elfproef');
    expect(r1.body.detailEn).toContain('11-test');
    const future = familyBody(coord.actor.userId);
    future.members[1]!.birthDate = '2999-01-01';
    expect((await c.post('/api/v1/families', future)).body.field).toBe('members[1].birthDate');
    const unknown = await c.post('/api/v1/families', { ...familyBody(coord.actor.userId), hacked: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain('hacked');
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/families',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: '{"members": [',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/families',
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(300_000) }),
    });
    expect(big.statusCode).toBe(413);
    const notQualified = await c.post('/api/v1/families', familyBody(other.actor.userId));
    expect(notQualified.status).toBe(400);
    expect(notQualified.body).toMatchObject({ code: 'not_qualified', field: 'case.coordinatorUserId' });
    expect(await families()).toBe(before);
  });

  it('requires the CSRF token on writes and a session on every API route', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/families',
      headers: { cookie: c.cookie },
      payload: familyBody(coord.actor.userId),
    });
    expect(r.statusCode).toBe(403);
    const anon = await app.inject({ method: 'GET', url: '/api/v1/families' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the opening-date sort key (family_opened, migrations/0280)', () => {
  const key = async (familyId: string) =>
    (
      await t.superuser.query<{ open_at: string | null; closed_max_at: string | null; opened_sort: string }>(
        `SELECT open_at::text, closed_max_at::text, opened_sort::text FROM family_opened WHERE family_id = $1`,
        [familyId],
      )
    )[0];
  it("follows the open case, then the latest closed one, and a reopened case again; the team lead's list orders by it", async () => {
    const r = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Sleutel' }));
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    const opened = (await t.superuser.query<{ opened_at: string }>(`SELECT opened_at::text FROM cases WHERE family_id = $1`, [id]))[0]!;
    expect(await key(id)).toEqual({ open_at: opened.opened_at, closed_max_at: null, opened_sort: opened.opened_at });
    await t.superuser.query(`UPDATE cases SET status = 'closed', closed_at = now(), closed_reason = 'afgerond' WHERE family_id = $1`, [id]);
    expect(await key(id)).toEqual({ open_at: null, closed_max_at: opened.opened_at, opened_sort: opened.opened_at });
    await t.superuser.query(`UPDATE cases SET status = 'exploring', closed_at = NULL, closed_reason = NULL WHERE family_id = $1`, [id]);
    expect((await key(id))?.open_at).toBe(opened.opened_at);
    // The whole team, by opening date, both ways: the same order as the cases' opening dates say.
    const asc = (await l.get('/api/v1/families?scope=organisation&sort=opened&limit=100')).body.items as Array<{
      id: string;
      openedAt: string;
    }>;
    expect(asc.map((f) => f.id)).toContain(id);
    expect(asc.map((f) => f.openedAt)).toEqual(asc.map((f) => f.openedAt).sort());
    const desc = (await l.get('/api/v1/families?scope=organisation&sort=-opened&limit=100')).body.items as Array<{ id: string }>;
    expect(desc.map((f) => f.id)).toEqual(asc.map((f) => f.id).reverse());
  });
});

describe('the activity sort (migration 0370: ordered by the timestamp, walked through an index)', () => {
  it("pages a team lead's whole team by last activity, both ways, ties by id, each family once", async () => {
    const ids: string[] = [];
    for (const name of ['Act-A', 'Act-B', 'Act-C', 'Act-D', 'Act-E'])
      ids.push((await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: name }))).body.id as string);
    // Two share one moment (the tie is the id), one has microseconds the text of the cursor must keep.
    const at = [
      '2026-01-05T10:00:00Z',
      '2026-01-03T08:00:00.123456Z',
      '2026-01-05T10:00:00Z',
      '2026-01-01T00:00:00Z',
      '2026-01-04T12:30:00Z',
    ];
    for (const [i, id] of ids.entries())
      await t.db.query(`UPDATE families SET last_activity_at = $3 WHERE region_id = $1 AND id = $2`, [region, id, at[i]]);
    const expected = await t.db.query<{ id: string }>(
      `SELECT id FROM families WHERE region_id = $1 AND id = ANY($2::uuid[]) ORDER BY last_activity_at, id::text`,
      [region, ids],
    );
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i++) {
        const r = await l.get(
          `/api/v1/families?scope=organisation&q=act-&sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        seen.push(...(r.body.items as Array<{ id: string }>).map((x) => x.id));
        cursor = r.body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      return seen;
    };
    expect(await walk('activity')).toEqual(expected.map((r) => r.id));
    expect(await walk('-activity')).toEqual(expected.map((r) => r.id).reverse());
  });
});

describe('the families with a live membership (family_opened, migrations/0410)', () => {
  const keys = async (familyId: string) =>
    (
      await t.superuser.query<{ live_memberships: number; last_activity_at: string; family_activity: string }>(
        `SELECT fo.live_memberships, fo.last_activity_at::text, f.last_activity_at::text AS family_activity
           FROM family_opened fo JOIN families f ON f.region_id = fo.region_id AND f.id = fo.family_id WHERE fo.family_id = $1`,
        [familyId],
      )
    )[0]!;
  const wholeTeam = async (sort: string) =>
    ((await l.get(`/api/v1/families?scope=organisation&sort=${sort}&limit=100`)).body.items as Array<{ id: string }>).map((f) => f.id);
  /** Every family's count against the case-team rows themselves: the triggers never drift. */
  const drift = async () =>
    t.superuser.query(
      `SELECT fo.family_id FROM family_opened fo
        WHERE fo.live_memberships <> (SELECT count(*) FROM case_team ct
                                       WHERE ct.region_id = fo.region_id AND ct.family_id = fo.family_id AND ct.ended_at IS NULL)
           OR fo.last_activity_at <> (SELECT f.last_activity_at FROM families f WHERE f.region_id = fo.region_id AND f.id = fo.family_id)`,
    );

  it("counts the live case-team memberships and follows the last activity; the team lead's list walks only those families", async () => {
    const r = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Levend' }));
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    let k = await keys(id);
    expect(k.live_memberships).toBe(1);
    expect(k.last_activity_at).toBe(k.family_activity);
    await t.db.query(`UPDATE families SET last_activity_at = '2020-02-02T02:02:02.123456Z' WHERE region_id = $1 AND id = $2`, [region, id]);
    k = await keys(id);
    expect(k.last_activity_at).toBe(k.family_activity);
    for (const sort of ['activity', '-activity', 'opened', '-opened']) expect(await wholeTeam(sort), sort).toContain(id);
    expect((await wholeTeam('activity'))[0]).toBe(id);

    // The case closes and every membership ends: visible to no team, and no longer in the walk.
    await t.superuser.query(`UPDATE cases SET status = 'closed', closed_at = now(), closed_reason = 'afgerond' WHERE family_id = $1`, [id]);
    await t.superuser.query(`UPDATE case_team SET ended_at = now(), ended_reason = 'case_closed' WHERE family_id = $1`, [id]);
    expect((await keys(id)).live_memberships).toBe(0);
    for (const sort of ['activity', '-activity', 'opened', '-opened', 'name']) expect(await wholeTeam(sort), sort).not.toContain(id);

    // Reopened with the membership back: counted and listed again.
    await t.superuser.query(`UPDATE case_team SET ended_at = NULL, ended_reason = NULL WHERE family_id = $1`, [id]);
    await t.superuser.query(`UPDATE cases SET status = 'exploring', closed_at = NULL, closed_reason = NULL WHERE family_id = $1`, [id]);
    expect((await keys(id)).live_memberships).toBe(1);
    expect((await wholeTeam('activity'))[0]).toBe(id);
    expect(await drift()).toEqual([]);
  });
});
