import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { login, type Client, useRegionApp } from '../../../test/support/http.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { addDays, addWorkingDays, dutchToday } from '../../platform/time/working-days.js';
import { countRows, household, registration } from './refindex.int-support.js';
import { renderNotification } from '../../shared/events/server-i18n.js';

let t: TestDb;
let coord: TestUser;
let a: TestUser;
let b: TestUser;
let c: TestUser;
let ca: Client;
let ca2: Client;
let cb: Client;
let cc: Client;
let co: Client;
const today = dutchToday();

const w = useRegionApp({
  orgs: {
    team: ['municipal_team', 'Sociaal Team Vlissingen'],
    school: ['school', 'Scalda'],
    ggz: ['mental_health', 'Emergis'],
    police: ['police', 'Politie Zeeland'],
  },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    a: ['school', ['professional']],
    a2: ['school', ['professional']],
    b: ['ggz', ['professional']],
    c: ['police', ['professional']],
  },
  loggedOut: ['coord'],
});
beforeAll(async () => {
  ({ t } = w);
  ({ coord, a, b, c } = w.user);
  ({ a: ca, a2: ca2, b: cb, c: cc } = w.client);
  const elsewhere = await createRegion(t.db);
  const other = await createUser(t.db, elsewhere, await createOrganisation(t.db, elsewhere, 'school'), ['professional']);
  co = await login(w.app, other.username);
});

const register = async (client: Client, bsn: string, extra: Record<string, unknown> = {}) =>
  client.post('/api/v1/refindex/registrations', registration(bsn, extra));
const notifications = (user: TestUser, kind = 'refindex_match') =>
  t.db.query<{ dedupe_key: string; kind: string; params: Record<string, unknown>; link: string }>(
    `SELECT dedupe_key, kind, params, link FROM notifications WHERE user_id = $1 AND kind = $2`,
    [user.actor.userId, kind],
  );

describe('client and family matches', () => {
  it("matches two organisations registering the same person once, each seeing the other's contact details", async () => {
    const h = await household(t.db, coord.actor);
    const first = await register(ca, h.bsns[0]!, { legalBasis: 'consent' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'active',
      startDate: today,
      endDate: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
      newMatches: [],
      person: { bsn: h.bsns[0] },
      organisation: { name: 'Scalda' },
      legalBasis: 'consent',
    });
    const before = (await notifications(a)).length;
    const second = await register(cb, h.bsns[0]!, {
      contactName: 'Pieter Emergis',
      contactPhone: undefined,
      contactEmail: 'pieter@emergis.nl',
    });
    expect(second.status).toBe(201);
    expect(second.body.newMatches).toEqual([{ matchId: expect.any(String), kind: 'client' }]);
    const matchId = second.body.newMatches[0].matchId;

    const seenByA = await ca.get(`/api/v1/refindex/matches/${matchId}`);
    expect(seenByA.status).toBe(200);
    expect(seenByA.body).toMatchObject({
      kind: 'client',
      matchedOn: today,
      dueOn: addWorkingDays(today, 10),
      overdue: false,
      coordinator: null,
      canAccept: true,
      persons: [{ bsn: h.bsns[0] }],
      closedAt: null,
    });
    const otherParty = seenByA.body.parties.find((p: { own: boolean }) => !p.own);
    expect(otherParty).toMatchObject({
      organisation: { name: 'Emergis' },
      contactName: 'Pieter Emergis',
      contactEmail: 'pieter@emergis.nl',
      contactPhone: null,
      active: true,
    });
    const seenByB = await cb.get(`/api/v1/refindex/matches/${matchId}`);
    expect(seenByB.body.parties.find((p: { own: boolean }) => !p.own)).toMatchObject({
      organisation: { name: 'Scalda' },
      contactName: 'Sanne de Wit',
      contactPhone: '0118-123456',
    });
    // A colleague of the same organisation sees the match too; an organisation outside it does not.
    expect((await ca2.get('/api/v1/refindex/matches')).body.items.map((m: { id: string }) => m.id)).toContain(matchId);
    expect((await cc.get(`/api/v1/refindex/matches/${matchId}`)).status).toBe(404);

    // Each registrant is notified exactly once, without personal data in the title.
    const forA = (await notifications(a)).slice(before);
    const forB = await notifications(b);
    expect(forA).toHaveLength(1);
    expect(forB).toHaveLength(1);
    expect(forA[0]).toMatchObject({ kind: 'refindex_match', params: {}, link: '/verwijsindex' });
    expect(renderNotification('nl', forA[0]!)).toBe('Nieuwe match in de verwijsindex');
    expect(JSON.stringify([forA, forB])).not.toContain('Visser');
    expect(await countRows(t.db, `SELECT 1 FROM refindex_match_pairs WHERE match_id = $1`, [matchId])).toBe(1);
  });

  it('makes a family match for two members of one household, and lets a third organisation join the same match', async () => {
    const h = await household(t.db, coord.actor, { children: 3 });
    expect((await register(ca, h.bsns[0]!)).body.newMatches).toEqual([]);
    const second = await register(cb, h.bsns[1]!);
    expect(second.body.newMatches).toEqual([{ matchId: expect.any(String), kind: 'family' }]);
    const matchId = second.body.newMatches[0].matchId;
    const m = (await cb.get(`/api/v1/refindex/matches/${matchId}`)).body;
    // Each organisation sees only the persons it registered itself, and the other's contact.
    expect(m.persons).toEqual([{ bsn: h.bsns[1] }]);
    expect(m.parties.map((p: { organisation: { name: string } }) => p.organisation.name).sort()).toEqual(['Emergis', 'Scalda']);

    const bBefore = (await notifications(b)).length;
    const third = await register(cc, h.bsns[2]!);
    expect(third.body.newMatches).toEqual([{ matchId, kind: 'family' }]);
    expect(await countRows(t.db, `SELECT 1 FROM refindex_match_pairs WHERE match_id = $1`, [matchId])).toBe(3);
    // The newcomer hears once; the organisations already in the match hear once that it joined.
    expect((await notifications(c)).length).toBe(1);
    expect((await notifications(b)).length).toBe(bBefore + 1);
    expect((await cc.get(`/api/v1/refindex/matches/${matchId}`)).body.parties).toHaveLength(3);
  });

  it('lets the first organisation to accept become match coordinator, refuses the others with 409, and tells the others', async () => {
    const h = await household(t.db, coord.actor);
    await register(ca, h.bsns[0]!);
    const matchId = (await register(cb, h.bsns[0]!)).body.newMatches[0].matchId;
    const accepted = await ca.post(`/api/v1/refindex/matches/${matchId}/coordinator`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      coordinator: { organisation: { name: 'Scalda' }, user: { id: a.actor.userId } },
      canAccept: false,
      overdue: false,
    });
    const late = await cb.post(`/api/v1/refindex/matches/${matchId}/coordinator`, {});
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'coordinator_taken', coordinator: { organisation: { name: 'Scalda' } } });
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect((await notifications(b, 'refindex_coordinator')).some((n) => n.dedupe_key === `refindex-coordinator:${matchId}`)).toBe(true);
    expect((await cc.post(`/api/v1/refindex/matches/${matchId}/coordinator`, {})).status).toBe(404);
  });

  it('keeps exactly one coordinator when both organisations accept at the same moment', async () => {
    for (let round = 0; round < 8; round++) {
      const h = await household(t.db, coord.actor, { children: 1 });
      await register(ca, h.bsns[0]!);
      const matchId = (await register(cb, h.bsns[0]!)).body.newMatches[0].matchId;
      const results = await Promise.all([ca, cb].map((cl) => cl.post(`/api/v1/refindex/matches/${matchId}/coordinator`, {})));
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [row] = await t.db.query<{ coordinator_user_id: string }>(`SELECT coordinator_user_id FROM refindex_matches WHERE id = $1`, [
        matchId,
      ]);
      expect(row?.coordinator_user_id).toBe(results[0]!.status === 200 ? a.actor.userId : b.actor.userId);
    }
  });
});

describe('expiry and ending', () => {
  it('does not match an expired registration', async () => {
    const h = await household(t.db, coord.actor, { children: 1 });
    const old = await register(ca, h.bsns[0]!, { startDate: addDays(today, -400), endDate: addDays(today, 30) });
    await t.db.query(`UPDATE refindex_registrations SET end_date = $2 WHERE id = $1`, [old.body.id, addDays(today, -1)]);
    expect(
      (await ca.get('/api/v1/refindex/registrations?status=all')).body.items.find((r: { id: string }) => r.id === old.body.id).status,
    ).toBe('expired');
    expect((await register(cb, h.bsns[0]!)).body.newMatches).toEqual([]);
    // Registering again replaces the expired one (which is logged as removed) and matches again.
    const again = await register(ca, h.bsns[0]!);
    expect(again.status).toBe(201);
    expect(again.body.newMatches).toHaveLength(1);
    const [ended] = await t.db.query<{ ended_reason: string }>(`SELECT ended_reason FROM refindex_registrations WHERE id = $1`, [
      old.body.id,
    ]);
    expect(ended?.ended_reason).toBe('expired');
    expect(
      await countRows(t.db, `SELECT 1 FROM audit_log WHERE object_id = $1 AND action = 'delete' AND reason = 'expired'`, [old.body.id]),
    ).toBe(1);
  });

  it('ends a registration: no match afterwards, the match closes, and ending twice is a conflict', async () => {
    const h = await household(t.db, coord.actor, { children: 1 });
    const mine = await register(ca, h.bsns[0]!);
    const ended = await ca.post(`/api/v1/refindex/registrations/${mine.body.id}/end`, {});
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedReason: 'ended' });
    expect((await ca.post(`/api/v1/refindex/registrations/${mine.body.id}/end`, {})).body.code).toBe('already_ended');
    expect((await register(cb, h.bsns[0]!)).body.newMatches).toEqual([]);
    expect(
      await countRows(t.db, `SELECT 1 FROM audit_log WHERE object_id = $1 AND action = 'delete' AND user_id = $2`, [
        mine.body.id,
        a.actor.userId,
      ]),
    ).toBe(1);

    const matched = await register(cc, h.bsns[0]!);
    const matchId = matched.body.newMatches[0].matchId;
    const regB = (await cb.get('/api/v1/refindex/registrations')).body.items.find(
      (r: { person: { bsn: string } }) => r.person.bsn === h.bsns[0],
    );
    expect(regB.openMatches).toBe(1);
    await cb.post(`/api/v1/refindex/registrations/${regB.id}/end`, {});
    const closed = await cc.get(`/api/v1/refindex/matches/${matchId}`);
    expect(closed.body).toMatchObject({ canAccept: false, overdue: false });
    expect(closed.body.closedAt).not.toBeNull();
    expect((await cc.post(`/api/v1/refindex/matches/${matchId}/coordinator`, {})).body.code).toBe('match_closed');
    // Another organisation cannot end someone else's registration, even one it sees in a match.
    expect((await cc.post(`/api/v1/refindex/registrations/${regB.id}/end`, {})).status).toBe(404);
  });
});

describe('bad input: clear problems, nothing half-written', () => {
  const written = async () => [
    await countRows(t.db, `SELECT 1 FROM refindex_registrations`),
    await countRows(t.db, `SELECT 1 FROM refindex_matches`),
    await countRows(t.db, `SELECT 1 FROM audit_log WHERE object_type LIKE 'refindex%'`),
    await countRows(t.db, `SELECT 1 FROM notifications`),
  ];

  it('answers invalid BSN, unknown person, other region, bad dates, missing contact and an over-23 person with problem+json naming the field', async () => {
    const h = await household(t.db, coord.actor, { birthDates: ['2008-01-01', `${Number(today.slice(0, 4)) - 30}-01-01`] });
    const before = await written();
    const cases: Array<[Client, Record<string, unknown>, number, string, string]> = [
      [ca, registration('123456789'), 400, 'bsn', 'validation'],
      [ca, registration('12345'), 400, 'bsn', 'validation'],
      [ca, registration(nextBsn()), 404, 'bsn', 'not_found'],
      [co, registration(h.bsns[0]!), 404, 'bsn', 'not_found'],
      [
        ca,
        registration(h.bsns[0]!, { endDate: addDays(`${Number(today.slice(0, 4)) + 2}${today.slice(4)}`, 1) }),
        400,
        'endDate',
        'end_too_far',
      ],
      [ca, registration(h.bsns[0]!, { startDate: addDays(today, -10), endDate: addDays(today, -1) }), 400, 'endDate', 'end_in_past'],
      [ca, registration(h.bsns[0]!, { endDate: addDays(today, -1) }), 400, 'endDate', 'end_before_start'],
      [ca, registration(h.bsns[0]!, { startDate: addDays(today, 1) }), 400, 'startDate', 'start_in_future'],
      [ca, registration(h.bsns[0]!, { endDate: '2025-02-30' }), 400, 'endDate', 'validation'],
      [ca, registration(h.bsns[0]!, { contactPhone: undefined, contactEmail: undefined }), 400, 'contactPhone', 'validation'],
      [ca, registration(h.bsns[0]!, { contactEmail: 'geen-adres' }), 400, 'contactEmail', 'validation'],
      [ca, registration(h.bsns[0]!, { legalBasis: 'safety' }), 400, 'legalBasis', 'validation'],
      [ca, registration(h.bsns[0]!, { content: 'zorginhoud' }), 400, 'content', 'validation'],
      [ca, registration(h.bsns[1]!, { birthDate: `${Number(today.slice(0, 4)) - 30}-01-01` }), 400, 'birthDate', 'too_old'],
      [ca, registration(h.bsns[0]!, { birthDate: addDays(today, 1) }), 400, 'birthDate', 'birth_date_in_future'],
      [ca, registration(h.bsns[0]!, { birthDate: undefined }), 400, 'birthDate', 'validation'],
    ];
    for (const [client, body, status, field, code] of cases) {
      const r = await client.post('/api/v1/refindex/registrations', body);
      expect([r.status, r.body.field, r.body.code], JSON.stringify(body)).toEqual([status, field, code]);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.body.detail && r.body.detailEn).toBeTruthy();
    }
    expect(await written()).toEqual(before);
  });

  it('refuses a second running registration of the same person by the same organisation (409), also when sent at once', async () => {
    const h = await household(t.db, coord.actor, { children: 2 });
    expect((await register(ca, h.bsns[0]!)).status).toBe(201);
    const again = await register(ca2, h.bsns[0]!);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'already_registered', field: 'bsn' });
    const both = await Promise.all([register(ca, h.bsns[1]!), register(ca2, h.bsns[1]!)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('answers 404 for a registration or match that does not exist, and 400 for a bad cursor', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await ca.post(`/api/v1/refindex/registrations/${missing}/end`, {})).status).toBe(404);
    expect((await ca.get(`/api/v1/refindex/matches/${missing}`)).status).toBe(404);
    expect((await ca.get('/api/v1/refindex/matches?cursor=nope')).body).toMatchObject({ status: 400, field: 'cursor' });
  });
});

describe('access, audit and paging', () => {
  it('shows an organisation only its own registrations and matches, also when the database is asked directly', async () => {
    const h = await household(t.db, coord.actor, { children: 1 });
    const regA = await register(ca, h.bsns[0]!);
    const regC = await register(cc, h.bsns[0]!);
    const matchId = regC.body.newMatches[0].matchId;
    const ids = (await cb.get('/api/v1/refindex/registrations?status=all&limit=100')).body.items.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(regA.body.id);
    const direct = await asActor(t.db, b.actor, async (tx) => ({
      regs: await tx.query(`SELECT id FROM refindex_registrations WHERE id = ANY($1::uuid[])`, [[regA.body.id, regC.body.id]]),
      matches: await tx.query(`SELECT id FROM refindex_matches WHERE id = $1`, [matchId]),
    }));
    expect(direct).toEqual({ regs: [], matches: [] });
    // The other party's registration in the pair is visible to A, for the contact details, and only that one.
    const seenByA = await asActor(t.db, a.actor, (tx) =>
      tx.query<{ id: string }>(`SELECT id FROM refindex_registrations WHERE organisation_id = $1`, [c.actor.organisationId]),
    );
    expect(seenByA.map((r) => r.id)).toContain(regC.body.id);
    await expect(
      asActor(t.db, a.actor, (tx) =>
        tx.query(
          `UPDATE refindex_matches SET coordinator_user_id = $2, coordinator_organisation_id = $3, coordinator_accepted_at = now() WHERE id = $1`,
          [matchId, c.actor.userId, c.actor.organisationId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('audits the registration with its legal basis, and every read of a list, per person', async () => {
    const h = await household(t.db, coord.actor, { children: 1 });
    const r = await register(cb, h.bsns[0]!, { legalBasis: 'consent' });
    const [row] = await t.db.query<Record<string, any>>(`SELECT * FROM audit_log WHERE object_id = $1 AND action = 'create'`, [r.body.id]);
    expect(row).toMatchObject({
      user_id: b.actor.userId,
      organisation_id: b.actor.organisationId,
      object_type: 'refindex-registration',
      legal_basis: 'consent',
      consent: true,
    });
    expect(row?.person_id).toBeTruthy();
    const reads = await countRows(
      t.db,
      `SELECT 1 FROM audit_log WHERE user_id = $1 AND action = 'read' AND object_type = 'refindex-registration'`,
      [b.actor.userId],
    );
    const list = await cb.get('/api/v1/refindex/registrations?limit=2');
    expect(
      await countRows(t.db, `SELECT 1 FROM audit_log WHERE user_id = $1 AND action = 'read' AND object_type = 'refindex-registration'`, [
        b.actor.userId,
      ]),
    ).toBe(reads + list.body.items.length);
  });

  it('pages through registrations and matches without gaps or repeats', async () => {
    const all = (await ca.get('/api/v1/refindex/registrations?status=all&limit=100')).body.items.map((r: { id: string }) => r.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { body: { items: { id: string }[]; nextCursor: string | null } } = await ca.get(
        `/api/v1/refindex/registrations?status=all&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...p.body.items.map((r) => r.id));
      cursor = p.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    const matches = (await cb.get('/api/v1/refindex/matches?status=all&limit=1')).body;
    expect(matches.items).toHaveLength(1);
    expect(matches.nextCursor).toBeTruthy();
    const next = await cb.get(`/api/v1/refindex/matches?status=all&limit=1&cursor=${matches.nextCursor}`);
    expect(next.body.items[0].id).not.toBe(matches.items[0].id);
  });
});
