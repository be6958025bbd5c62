// The reference index's background sweeps, with an injected "now": escalation of matches without
// a coordinator after 10 working days, and removal of expired registrations and of persons who
// turned 23, each logged in the (still intact) audit chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { addDays, dutchToday } from '../../platform/time/working-days.js';
import { verifyChain } from '../../platform/audit/audit.js';
import { sweeps } from '../../jobs.js';
import { acceptMatchCoordinator, readMatch, registerInIndex } from './refindex.service.js';
import { escalateOverdueMatches, removeFromIndex } from './refindex.sweeps.js';
import { RegisterBody } from './refindex.contract.js';
import { countRows, household, refindexPeople, registration, turns23In } from './refindex.int-support.js';

let t: TestDb;
let region: string;
let coord: TestUser;
let a: TestUser;
let b: TestUser;
let leadA: TestUser;
let leadB: TestUser;
let leadB2: TestUser;
const today = dutchToday();
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const people = await refindexPeople(t.db, region);
  ({ coord, a, b, leadA, leadB } = people.user);
  leadB2 = await createUser(t.db, region, people.org.housing, ['professional', 'team_lead']);
});
afterAll(async () => {
  await t?.drop();
});

const register = (u: TestUser, bsn: string, extra: Record<string, unknown> = {}, now?: Date) =>
  registerInIndex(t.db, u.actor, RegisterBody.parse(registration(bsn, extra)), now);
const escalations = (u: TestUser) =>
  countRows(t.db, `SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'refindex_escalation'`, [u.actor.userId]);

describe('escalation of a match without a coordinator', () => {
  it('is listed in src/jobs.ts', () => {
    expect(sweeps.map((s) => s.name)).toEqual(expect.arrayContaining(['refindex-removals', 'refindex-escalations']));
  });

  it('tells the team leads of every organisation in the match once, the day after the 10th working day', async () => {
    const [h, h2] = [await household(t.db, coord.actor, { children: 1 }), await household(t.db, coord.actor, { children: 1 })];
    await register(a, h.bsns[0]!);
    const { matchId } = (await register(b, h.bsns[0]!)).newMatches[0]!;
    await register(b, h2.bsns[0]!);
    const settledMatch = (await register(a, h2.bsns[0]!)).newMatches[0]!.matchId;
    await acceptMatchCoordinator(t.db, a.actor, settledMatch);
    const m = await readMatch(t.db, a.actor, matchId);

    expect(await escalateOverdueMatches(t.db, noon(m.dueOn))).toBe(0);
    expect((await readMatch(t.db, a.actor, matchId, noon(m.dueOn))).overdue).toBe(false);
    const later = noon(addDays(m.dueOn, 1));
    expect(await escalateOverdueMatches(t.db, later)).toBe(1);
    for (const lead of [leadA, leadB, leadB2]) expect(await escalations(lead)).toBe(1);
    expect(await escalations(a)).toBe(0);
    const seen = await readMatch(t.db, b.actor, matchId, later);
    expect(seen).toMatchObject({ overdue: true, coordinator: null, canAccept: true });
    expect(seen.escalatedAt).not.toBeNull();

    // Again, and much later: nothing new. The match whose coordinator was accepted never escalates.
    expect(await escalateOverdueMatches(t.db, noon(addDays(m.dueOn, 30)))).toBe(0);
    for (const lead of [leadA, leadB, leadB2]) expect(await escalations(lead)).toBe(1);
    expect((await readMatch(t.db, a.actor, settledMatch, later)).overdue).toBe(false);
    const titles = await t.db.query<{ params: unknown }>(`SELECT params FROM notifications WHERE kind = 'refindex_escalation'`);
    expect(titles.length).toBeGreaterThan(0);
    expect(JSON.stringify(titles)).not.toContain('Jongere');
  });
});

describe('removals', () => {
  it('removes the registrations of a person who turned 23, closes the match and logs each removal as the system', async () => {
    const h = await household(t.db, coord.actor, { birthDates: [turns23In(today, 5), turns23In(today, 40)] });
    const regA = await register(a, h.bsns[0]!);
    const regB = await register(b, h.bsns[0]!);
    const stays = await register(a, h.bsns[1]!);
    const matchId = regB.newMatches.find((m) => m.kind === 'client')!.matchId;

    expect(await removeFromIndex(t.db, noon(addDays(today, 4)))).toBe(0);
    expect(await removeFromIndex(t.db, noon(addDays(today, 5)))).toBe(2);
    const rows = await t.db.query<{ id: string; ended_reason: string; ended_by: string | null }>(
      `SELECT id, ended_reason, ended_by FROM refindex_registrations WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [[regA.id, regB.id, stays.id]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.ended_reason]))).toEqual({
      [regA.id]: 'age_23',
      [regB.id]: 'age_23',
      [stays.id]: null,
    });
    expect(rows.every((r) => r.ended_by === null)).toBe(true);
    const [match] = await t.db.query<{ closed_at: string | null }>(`SELECT closed_at FROM refindex_matches WHERE id = $1`, [matchId]);
    expect(match!.closed_at).not.toBeNull();

    const audit = await t.db.query<Record<string, any>>(
      `SELECT * FROM audit_log WHERE object_type = 'refindex-registration' AND action = 'delete' AND object_id = ANY($1::text[]) ORDER BY object_id`,
      [[regA.id, regB.id]],
    );
    expect(audit).toHaveLength(2);
    for (const row of audit)
      expect(row).toMatchObject({
        region_id: region,
        user_id: null,
        user_role: 'system',
        reason: 'age_23',
        outcome: 'allowed',
        person_id: h.personIds[0],
      });
    expect(new Set(audit.map((r) => r.organisation_id))).toEqual(new Set([a.actor.organisationId, b.actor.organisationId]));

    // A repeated run removes nothing and logs nothing; the audit chain is intact.
    expect(await removeFromIndex(t.db, noon(addDays(today, 6)))).toBe(0);
    expect(await countRows(t.db, `SELECT 1 FROM audit_log WHERE user_role = 'system'`)).toBe(2);
    expect((await verifyChain(t.db, region)).ok).toBe(true);
    // A 23-year-old cannot be registered again.
    await expect(register(a, h.bsns[0]!, { birthDate: turns23In(today, 5) }, noon(addDays(today, 6)))).rejects.toMatchObject({
      code: 'too_old',
      field: 'birthDate',
    });
  });

  it('removes an expired registration after its end date, so that it no longer matches', async () => {
    const h = await household(t.db, coord.actor, { children: 1 });
    const reg = await register(a, h.bsns[0]!, { endDate: addDays(today, 3) });
    expect(await removeFromIndex(t.db, noon(addDays(today, 3)))).toBe(0);
    expect((await register(b, h.bsns[0]!, {}, noon(addDays(today, 4)))).newMatches).toEqual([]);
    expect(await removeFromIndex(t.db, noon(addDays(today, 4)))).toBe(1);
    const [row] = await t.db.query<{ ended_reason: string }>(`SELECT ended_reason FROM refindex_registrations WHERE id = $1`, [reg.id]);
    expect(row?.ended_reason).toBe('expired');
    expect(
      await countRows(t.db, `SELECT 1 FROM audit_log WHERE object_id = $1 AND action = 'delete' AND reason = 'expired'`, [reg.id]),
    ).toBe(1);
  });
});
