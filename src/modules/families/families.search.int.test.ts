// The name search of "Mijn gezinnen" through family_search_words (migrations/0390): a prefix of any
// word of the family's or a member's name, accents and case ignored, every word asked in any order;
// kept in step when a member is added or renamed; never a family the actor may not see.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { familyBody, type TestUser } from '../../../test/support/factory.js';
import { useRegionApp, type Client } from '../../../test/support/http.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { searchWords } from './families.repo.js';

let t: TestDb;
let coord: TestUser;
let otherCoord: TestUser;
let c: Client;
let o: Client;
let l: Client;
let ol: Client;
let family: string;
let elsewhere: string;

/** A family of one parent and one child; the parent's given names and family name as asked. */
function body(coordinatorUserId: string, parent: { givenNames: string; familyNamePrefix?: string; familyName: string }) {
  const b = familyBody(coordinatorUserId, { familyName: parent.familyName, children: 1 });
  Object.assign(b.members[0]!, parent);
  return b;
}

const w = useRegionApp({
  orgs: { team: ['municipal_team'], otherTeam: ['youth_care'] },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    otherCoord: ['otherTeam', ['professional', 'coordinator']],
    lead: ['team', ['professional', 'team_lead']],
    otherLead: ['otherTeam', ['professional', 'team_lead']],
  },
});
beforeAll(async () => {
  ({ t } = w);
  ({ coord, otherCoord } = w.user);
  ({ coord: c, otherCoord: o, lead: l, otherLead: ol } = w.client);
  const r = await c.post(
    '/api/v1/families',
    body(coord.actor.userId, { givenNames: 'Anna Maria', familyNamePrefix: 'van', familyName: 'Öztürk-Smit' }),
  );
  expect(r.status).toBe(201);
  family = r.body.id;
  // The same names in a family of another organisation: never in the answers of coord or lead.
  const e = await o.post(
    '/api/v1/families',
    body(otherCoord.actor.userId, { givenNames: 'Anna Maria', familyNamePrefix: 'van', familyName: 'Öztürk-Smit' }),
  );
  expect(e.status).toBe(201);
  elsewhere = e.body.id;
});

const ids = async (client: Client, q: string, scope?: 'organisation') => {
  const r = await client.get(`/api/v1/families?q=${encodeURIComponent(q)}${scope ? `&scope=${scope}` : ''}&limit=100`);
  expect(r.status).toBe(200);
  return r.body.items.map((f: { id: string }) => f.id) as string[];
};
const words = async (familyId: string) =>
  (
    await t.db.query<{ word: string }>(`SELECT word FROM family_search_words WHERE family_id = $1 ORDER BY word COLLATE "C"`, [familyId])
  ).map((r) => r.word);

/** The distinct words of the family's search_text, in byte order (as `words` sorts them). */
const searchTextWords = async (familyId: string) => {
  const [row] = await t.db.query<{ search_text: string }>(`SELECT search_text FROM families WHERE id = $1`, [familyId]);
  return [...new Set(row!.search_text.split(' '))].sort();
};

describe('the name search (family_search_words)', () => {
  it('keeps one row per distinct folded word of the search text', async () => {
    expect(await words(family)).toEqual(await searchTextWords(family));
    expect(await words(family)).toEqual(expect.arrayContaining(['anna', 'maria', 'van', 'ozturk', 'smit']));
  });

  it('finds a family by a prefix of any word — the second given name, the second part of a double name — ignoring accents and case', async () => {
    for (const q of ['mar', 'maria', 'smi', 'SMIT', 'ozt', 'Öztü', 'ÖZTÜRK', 'van', 'an'])
      expect(await ids(c, q), `q=${q}`).toEqual([family]);
    for (const q of ['aria', 'mith', 'smitt', 'zturk']) expect(await ids(c, q), `q=${q}`).toEqual([]);
  });

  it('asks every word of a search with several words, in any order', async () => {
    for (const q of ['anna smit', 'smit anna', 'maria van ozt', 'Öztürk-Smit', 'van Öztürk', "a. m. van 'ozt"])
      expect(await ids(c, q), `q=${q}`).toEqual([family]);
    for (const q of ['anna jansen', 'smit kees', 'maria x']) expect(await ids(c, q), `q=${q}`).toEqual([]);
    expect(searchWords("  Öztürk-Smit  d'Hondt smit ")).toEqual(['ozturk', 'smit', 'd', 'hondt']);
    // Nothing left to match once folded: every family, as before.
    expect(await ids(c, '-')).toEqual([family]);
  });

  it('takes % and _ literally (they were wildcards of LIKE)', async () => {
    expect(await ids(c, '%')).toEqual([]);
    expect(await ids(c, 'sm_t')).toEqual([]);
  });

  it('follows a member who is renamed or added', async () => {
    const r = await c.post('/api/v1/families', body(coord.actor.userId, { givenNames: 'Kees', familyName: 'Bakker' }));
    const id = r.body.id as string;
    expect(await ids(c, 'bakk')).toEqual([id]);
    const page = (await c.get(`/api/v1/families/${id}`)).body;
    const parent = page.members.find((m: { givenNames: string }) => m.givenNames === 'Kees');
    const renamed = await c.put(`/api/v1/persons/${parent.personId}`, {
      givenNames: 'Kees',
      familyName: 'Çelik',
      birthDate: parent.birthDate,
      bsn: parent.bsn,
      version: parent.version,
    });
    expect(renamed.status).toBe(200);
    expect(await ids(c, 'celik')).toEqual([id]);
    expect(await ids(c, 'kees celi')).toEqual([id]);
    // The child is still a Bakker: the word stays while any name holds it.
    expect(await ids(c, 'bakk')).toEqual([id]);
    const child = page.members.find((m: { givenNames: string }) => m.givenNames !== 'Kees');
    const renamedChild = await c.put(`/api/v1/persons/${child.personId}`, {
      givenNames: child.givenNames,
      familyName: 'Çelik',
      birthDate: child.birthDate,
      bsn: child.bsn,
      version: child.version,
    });
    expect(renamedChild.status).toBe(200);
    // Still the family's name ("Gezin Bakker"), not a member's any more.
    expect(await words(id)).toEqual(await searchTextWords(id));
    const added = await c.post(`/api/v1/families/${id}/members`, {
      givenNames: 'Noor',
      familyName: 'Dijkstra',
      birthDate: '2019-01-02',
      relation: 'child',
    });
    expect(added.status).toBe(201);
    expect(await ids(c, 'dijk noor')).toEqual([id]);
    expect(await words(id)).toEqual(expect.arrayContaining(['noor', 'dijkstra', 'celik']));
  });

  it('never answers with a family the actor may not see, whoever asks', async () => {
    expect(await ids(o, 'ozturk')).toEqual([elsewhere]);
    expect(await ids(l, 'ozturk', 'organisation')).toEqual([family]);
    expect(await ids(ol, 'ozturk', 'organisation')).toEqual([elsewhere]);
    expect(await ids(l, 'ozturk')).toEqual([]);
    // The words themselves: only of the families the actor sees, and never written by the application.
    const seen = await asActor(t.db, coord.actor, (tx) =>
      tx.query<{ family_id: string }>(`SELECT DISTINCT family_id::text FROM family_search_words WHERE word = 'ozturk'`),
    );
    expect(seen.map((r) => r.family_id)).toEqual([family]);
    await expect(
      asActor(t.db, coord.actor, (tx) =>
        tx.query(`INSERT INTO family_search_words (region_id, family_id, word) VALUES ($1, $2, 'x')`, [coord.actor.regionId, family]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asActor(t.db, coord.actor, (tx) => tx.query(`DELETE FROM family_search_words WHERE family_id = $1`, [family])),
    ).rejects.toThrow(/permission denied/);
  });
});
