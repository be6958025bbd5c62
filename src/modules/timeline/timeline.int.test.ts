// The whole history of a family, a page at a time: no event twice, none skipped (also when many
// share one moment), older than the family page's 50; audited; 404 outside access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { appendEvent } from './timeline.js';

let t: TestDb;
let app: App;
let region: string;
let coord: TestUser;
let outsider: TestUser;
let elsewhere: TestUser;
let c: Client;
let o: Client;
let e: Client;
let familyId: string;
const TOTAL = 120;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  const school = await createOrganisation(t.db, region, 'school');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  outsider = await createUser(t.db, region, school, ['professional', 'team_lead']);
  const other = await createRegion(t.db);
  elsewhere = await createUser(t.db, other, await createOrganisation(t.db, other, 'municipal_team'), ['professional', 'coordinator']);
  app = await testApp(t.server);
  [c, o, e] = await Promise.all([login(app, coord.username), login(app, outsider.username), login(app, elsewhere.username)]);
  const r = await c.post('/api/v1/families', familyBody(coord.actor.userId));
  expect(r.status).toBe(201);
  familyId = r.body.id;
  // Registration wrote 3 events; the rest in transactions of 13, so that many events share one
  // moment (occurred_at is the transaction's start) and only their order of writing tells them apart.
  let written = 3;
  while (written < TOTAL) {
    const n = Math.min(13, TOTAL - written);
    const from = written;
    await asActor(t.db, coord.actor, async (tx) => {
      for (let i = 0; i < n; i++)
        await appendEvent(tx, coord.actor, { familyId, kind: 'note', params: { text: `gebeurtenis ${from + i}` } });
    });
    written += n;
  }
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const expectedOrder = async () =>
  (
    await t.db.query<{ id: string }>(
      `SELECT id FROM timeline_events WHERE region_id = $1 AND family_id = $2 ORDER BY occurred_at DESC, seq DESC`,
      [region, familyId],
    )
  ).map((r) => r.id);

describe('the timeline, cursor-paged', () => {
  it(`pages through all ${TOTAL} events, newest first, without a duplicate or a gap`, async () => {
    const all = await expectedOrder();
    expect(all).toHaveLength(TOTAL);
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const r: { status: number; body: any } = await c.get(
        `/api/v1/families/${familyId}/timeline?limit=17${before ? `&before=${before}` : ''}`,
      );
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(17);
      seen.push(...r.body.items.map((i: { id: string }) => i.id));
      before = r.body.nextCursor;
      pages++;
    } while (before);
    expect(pages).toBe(Math.ceil(TOTAL / 17));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all);
  });

  it('continues where the family page stops: its 50 events, then the older ones', async () => {
    const page = await c.get(`/api/v1/families/${familyId}`);
    expect(page.status).toBe(200);
    expect(page.body.timeline).toHaveLength(50);
    expect(page.body.timelineCursor).toEqual(expect.any(String));
    const older = await c.get(`/api/v1/families/${familyId}/timeline?before=${page.body.timelineCursor}&limit=100`);
    expect(older.status).toBe(200);
    expect(older.body.nextCursor).toBeNull();
    expect([...page.body.timeline, ...older.body.items].map((i: { id: string }) => i.id)).toEqual(await expectedOrder());
    // Each event is a kind and its parameters, no sentence.
    expect(older.body.items.at(-1)).toMatchObject({ type: 'family_registered', kind: 'family_registered', params: { count: 3 } });
    expect(older.body.items[0]).toMatchObject({
      kind: 'note',
      params: { text: expect.stringMatching(/^gebeurtenis \d+$/) },
      actorName: expect.any(String),
    });
    expect(JSON.stringify(older.body.items.map((i: { data: unknown }) => i.data))).not.toContain('summary');
  });

  it('writes a read audit row for each family member, on the basis that gave access', async () => {
    const mark = Number(
      (await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [region]))[0]!.n,
    );
    expect((await c.get(`/api/v1/families/${familyId}/timeline?limit=5`)).status).toBe(200);
    const rows = await t.db.query<{
      action: string;
      object_type: string;
      object_id: string;
      person_id: string;
      outcome: string;
      user_id: string;
    }>(
      `SELECT action, object_type, object_id, person_id, outcome, user_id FROM audit_log WHERE region_id = $1 AND seq > $2 AND object_type = 'family-timeline'`,
      [region, mark],
    );
    const members = await t.db.query<{ person_id: string }>(
      `SELECT person_id FROM family_members WHERE region_id = $1 AND family_id = $2`,
      [region, familyId],
    );
    expect(rows.map((r) => r.person_id).sort()).toEqual(members.map((m) => m.person_id).sort());
    expect(
      rows.every((r) => r.action === 'read' && r.outcome === 'allowed' && r.object_id === familyId && r.user_id === coord.actor.userId),
    ).toBe(true);
  });

  it('answers 404 outside access, like an unknown family, and audits the refusal', async () => {
    const outside = await o.get(`/api/v1/families/${familyId}/timeline`);
    expect(outside.status).toBe(404);
    const unknown = await o.get(`/api/v1/families/${crypto.randomUUID()}/timeline`);
    expect(unknown.status).toBe(404);
    const same = (b: Record<string, unknown>) => ({ status: b.status, title: b.title, code: b.code });
    expect(same(outside.body)).toEqual(same(unknown.body));
    expect(JSON.stringify(outside.body)).not.toMatch(/gebeurtenis|Gezin/);
    expect((await e.get(`/api/v1/families/${familyId}/timeline`)).status).toBe(404);
    const refused = await t.db.query(
      `SELECT 1 FROM audit_log WHERE region_id = $1 AND user_id = $2 AND object_type = 'family-timeline' AND outcome = 'denied' AND object_id = $3`,
      [region, outsider.actor.userId, familyId],
    );
    expect(refused.length).toBe(1);
    // A cursor of another family's event gives nothing of it either.
    const page = await c.get(`/api/v1/families/${familyId}`);
    expect((await o.get(`/api/v1/families/${familyId}/timeline?before=${page.body.timelineCursor}`)).status).toBe(404);
  });

  it('refuses a forged cursor and a bad limit with a 400 naming the field', async () => {
    expect((await c.get(`/api/v1/families/${familyId}/timeline?before=nonsense`)).body).toMatchObject({ status: 400, field: 'cursor' });
    expect((await c.get(`/api/v1/families/${familyId}/timeline?limit=0`)).status).toBe(400);
    expect((await c.get(`/api/v1/families/${familyId}/timeline?limit=101`)).status).toBe(400);
    expect((await c.get(`/api/v1/families/${familyId}/timeline?after=x`)).status).toBe(400);
  });
});
