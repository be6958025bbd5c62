// Race safety of matching: hundreds of registrations sent at once, for the same persons and
// households by different organisations, in random order. On PostgreSQL they really overlap
// (a pool of 20 connections); on PGlite they are serialised. Either way there must be exactly
// one match per pair of organisations and subject: never none, never two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { addWorkingDays, dutchToday } from '../../platform/time/working-days.js';
import { household, registration, type Household } from './refindex.int-support.js';

const ORGANISATIONS = 12;
const HOUSEHOLDS = 12;
const CHILDREN = 3;
const CHANCE = 0.75;

let t: TestDb;
let app: App;
let region: string;
let users: TestUser[];
let clients: Client[];
let households: Household[];

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const team = await createOrganisation(t.db, region, 'municipal_team');
  const coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  users = [];
  for (let i = 0; i < ORGANISATIONS; i++)
    users.push(
      await createUser(t.db, region, await createOrganisation(t.db, region, 'youth_care', `Aanbieder ${i + 1}`), ['professional']),
    );
  households = [];
  for (let i = 0; i < HOUSEHOLDS; i++) households.push(await household(t.db, coord.actor, { children: CHILDREN, familyName: `Race${i}` }));
  // 400 registrations at once, on purpose: the overload limits (issue 9) would shed most of them.
  app = await testApp(t.server, { MAX_IN_FLIGHT: '10000', REQUEST_TIMEOUT_MS: '300000' });
  clients = await Promise.all(users.map((u) => login(app, u.username)));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const key = (kind: string, subject: string, x: string, y: string) => `${kind}|${subject}|${[x, y].sort().join('|')}`;

describe('concurrent registrations', () => {
  it(`give exactly one match per pair of organisations, never none and never two (${onPostgres ? 'PostgreSQL, overlapping' : 'PGlite, serialised'})`, async () => {
    const rnd = random(20240611);
    const work: { org: number; bsn: string; personId: string; household: number }[] = [];
    households.forEach((h, hi) =>
      h.bsns.forEach((bsn, pi) => {
        for (let org = 0; org < ORGANISATIONS; org++)
          if (rnd() < CHANCE) work.push({ org, bsn, personId: h.personIds[pi]!, household: hi });
      }),
    );
    for (let i = work.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [work[i], work[j]] = [work[j]!, work[i]!];
    }
    expect(work.length).toBeGreaterThan(300);

    const started = Date.now();
    const results = await Promise.all(work.map((w) => clients[w.org]!.post('/api/v1/refindex/registrations', registration(w.bsn))));
    const seconds = (Date.now() - started) / 1000;
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).toEqual([]);
    console.info(
      `${work.length} concurrent registrations by ${ORGANISATIONS} organisations in ${seconds.toFixed(1)} s on ${onPostgres ? 'PostgreSQL' : 'PGlite'}`,
    );

    // What the matches must be, worked out from the registrations alone.
    const orgId = (i: number) => users[i]!.actor.organisationId;
    const expected = new Set<string>();
    const byPerson = new Map<string, Set<number>>();
    for (const w of work) byPerson.set(w.personId, (byPerson.get(w.personId) ?? new Set()).add(w.org));
    for (const [personId, orgs] of byPerson)
      for (const x of orgs) for (const y of orgs) if (x < y) expected.add(key('client', personId, orgId(x), orgId(y)));
    households.forEach((h) => {
      for (const p of h.personIds)
        for (const q of h.personIds) {
          if (p === q) continue;
          for (const x of byPerson.get(p) ?? [])
            for (const y of byPerson.get(q) ?? []) if (x !== y) expected.add(key('family', h.familyId, orgId(x), orgId(y)));
        }
    });

    const pairs = await t.db.query<{
      kind: string;
      subject: string;
      org_low: string;
      org_high: string;
      match_id: string;
      user_low: string;
      user_high: string;
      registration_low: string;
      registration_high: string;
    }>(
      `SELECT m.kind, coalesce(m.person_id, m.family_id)::text AS subject, p.org_low, p.org_high, p.match_id,
              xl.registered_by AS user_low, xh.registered_by AS user_high, p.registration_low, p.registration_high
         FROM refindex_match_pairs p
         JOIN refindex_matches m ON m.region_id = p.region_id AND m.id = p.match_id
         JOIN refindex_registrations xl ON xl.region_id = p.region_id AND xl.id = p.registration_low
         JOIN refindex_registrations xh ON xh.region_id = p.region_id AND xh.id = p.registration_high
        WHERE p.region_id = $1`,
      [region],
    );
    const actual = pairs.map((p) => key(p.kind, p.subject, p.org_low, p.org_high));
    expect(actual.length).toBe(new Set(actual).size); // never two
    expect(new Set(actual)).toEqual(expected); // never none (and nothing extra)
    console.info(
      `${expected.size} matched pairs (${[...expected].filter((k) => k.startsWith('client')).length} client, ${[...expected].filter((k) => k.startsWith('family')).length} family)`,
    );

    // One open match per subject, due in 10 working days.
    const matches = await t.db.query<{ subject: string; n: number; due_on: string }>(
      `SELECT coalesce(person_id, family_id)::text AS subject, count(*)::int AS n, min(due_on)::text AS due_on FROM refindex_matches
        WHERE region_id = $1 AND closed_at IS NULL GROUP BY 1`,
      [region],
    );
    expect(matches.every((m) => m.n === 1)).toBe(true);
    expect(matches.length).toBe(new Set(pairs.map((p) => p.subject)).size);
    expect(new Set(matches.map((m) => m.due_on))).toEqual(new Set([addWorkingDays(dutchToday(), 10)]));

    // Both registrants of every pair were told, by the registration that made the pair (one of its
    // two), and nobody twice about the same registration (one event, one notice per person).
    const told = await t.db.query<{ user_id: string; dedupe_key: string }>(
      `SELECT user_id, dedupe_key FROM notifications WHERE region_id = $1 AND kind = 'refindex_match'`,
      [region],
    );
    const toldKeys = new Set(told.map((n) => `${n.user_id}|${n.dedupe_key.split(':')[1]}`));
    for (const p of pairs) {
      const by = [p.registration_low, p.registration_high].filter(
        (r) => toldKeys.has(`${p.user_low}|${r}`) && toldKeys.has(`${p.user_high}|${r}`),
      );
      expect(by.length, `pair ${p.match_id} ${p.org_low}/${p.org_high}`).toBeGreaterThan(0);
    }
    expect(told.every((n) => n.dedupe_key.startsWith('refindex-registration:'))).toBe(true);
    expect(told.length).toBe(new Set(told.map((n) => `${n.user_id}|${n.dedupe_key}`)).size);
  });
});
