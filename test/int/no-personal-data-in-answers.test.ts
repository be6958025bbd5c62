// Nothing answers with personal data that the asker did not send and may not see (issue 8,
// ASVS V4): the reference index answers a registration with the registration (no name, no age);
// possible-matches names only visible persons and otherwise says at most "possibly known
// elsewhere" (audited); regie.person_candidates returns ids only; a signal about a family or
// person outside the reporter's access answers like one about a family or person Regie does
// not know.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, type TestUser } from '../support/factory.js';
import { login, testApp, type Client } from '../support/http.js';
import type { App } from '../../src/platform/http/app.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { oneRow } from '../../src/platform/db/rows.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let coord: TestUser;
let gp: TestUser;
let c: Client;
let g: Client;
const thirtyYearsAgo = `${new Date().getUTCFullYear() - 30}-03-04`;
let adult: { familyId: string; bsn: string; personId: string };

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team');
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  gp = await createUser(t.db, region, await createOrganisation(t.db, region, 'gp_practice'), ['professional']);
  app = await testApp(t.server);
  [c, g] = await Promise.all([login(app, coord.username), login(app, gp.username)]);
  const body = familyBody(coord.actor.userId, { familyName: 'Verborgen' });
  body.members[0] = { ...body.members[0]!, givenNames: 'Geheime', birthDate: thirtyYearsAgo };
  const r = await c.post('/api/v1/families', body);
  expect(r.status).toBe(201);
  const page = (await c.get(`/api/v1/families/${r.body.id}`)).body;
  adult = {
    familyId: r.body.id,
    bsn: body.members[0].bsn!,
    personId: page.members.find((m: { givenNames: string }) => m.givenNames === 'Geheime').personId,
  };
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const registration = (bsn: string, birthDate: string) => ({
  bsn,
  birthDate,
  contactName: 'Dokter Jansen',
  contactPhone: '0118-000000',
  legalBasis: 'statutory_task',
});

describe('the reference index', () => {
  it('answers a registration with the registration: the BSN sent, never the name behind it', async () => {
    const r = await g.post('/api/v1/refindex/registrations', registration(adult.bsn, '2012-01-01'));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.person).toEqual({ bsn: adult.bsn });
    const lists = JSON.stringify([
      r.body,
      (await g.get('/api/v1/refindex/registrations')).body,
      (await g.get('/api/v1/refindex/matches?status=all')).body,
    ]);
    expect(lists).not.toContain('Geheime');
    expect(lists).not.toContain('Verborgen');
  });

  it('checks the 23-year rule against the birth date the registrant supplies, so a BSN never reveals an age', async () => {
    const other = await createUser(t.db, region, await createOrganisation(t.db, region, 'school'), ['professional']);
    const o = await login(app, other.username);
    // Regie's record says 30; the registrant's date says 14: registered, and nothing said about Regie's record.
    expect((await o.post('/api/v1/refindex/registrations', registration(adult.bsn, '2012-01-01'))).status).toBe(201);
    // An unknown-in-Regie young person and a known adult get the same 23-year answer for the same supplied date.
    const old = await o.post('/api/v1/refindex/registrations', registration(nextBsn(), thirtyYearsAgo));
    expect(old.body).toMatchObject({ status: 400, code: 'too_old', field: 'birthDate' });
  });
});

describe('possible matches', () => {
  it('tell an unrelated professional at most "possibly known elsewhere", without a name, and audit that', async () => {
    const mark = oneRow(
      await t.db.query<{ n: number }>(`SELECT coalesce(max(seq), 0)::int AS n FROM audit_log WHERE region_id = $1`, [region]),
    ).n;
    const r = await g.post('/api/v1/persons/possible-matches', {
      givenNames: 'Geheime',
      familyName: 'Verborgen',
      birthDate: thirtyYearsAgo,
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ items: [], possibleElsewhere: true });
    const rows = await t.db.query<Record<string, any>>(`SELECT * FROM audit_log WHERE region_id = $1 AND seq > $2 AND user_id = $3`, [
      region,
      mark,
      gp.actor.userId,
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'read',
        object_type: 'person-match-elsewhere',
        person_id: adult.personId,
        outcome: 'allowed',
        legal_basis: 'statutory_task',
        ip: expect.any(String),
      }),
    ]);
    // The case team's coordinator sees the person by name, with the legal basis of its membership in the audit row.
    const own = await c.post('/api/v1/persons/possible-matches', {
      givenNames: 'Geheime',
      familyName: 'Verborgen',
      birthDate: thirtyYearsAgo,
    });
    expect(own.body.items).toEqual([
      expect.objectContaining({ personId: adult.personId, fullName: 'Geheime Verborgen', familyId: adult.familyId }),
    ]);
    expect(own.body.possibleElsewhere).toBe(false);
    const seen = await t.db.query<Record<string, any>>(
      `SELECT legal_basis FROM audit_log WHERE region_id = $1 AND seq > $2 AND user_id = $3 AND object_type = 'person-match'`,
      [region, mark, coord.actor.userId],
    );
    expect(seen).toEqual([{ legal_basis: 'consent' }]);
  });

  it('regie.person_candidates returns ids only; row-level security serves the names', async () => {
    const rows = await asActor(t.db, gp.actor, (tx) =>
      tx.query<Record<string, unknown>>(`SELECT * FROM regie.person_candidates($1, $2, $3::date, $4::text[], $5)`, [
        region,
        adult.bsn,
        null,
        [],
        'g',
      ]),
    );
    expect(rows).toEqual([{ id: adult.personId }]);
    const names = await asActor(t.db, gp.actor, (tx) => tx.query(`SELECT given_names FROM persons WHERE id = $1`, [adult.personId]));
    expect(names).toEqual([]);
  });
});

describe('a signal', () => {
  const signal = (o: Record<string, unknown>) => ({
    receivingOrganisationId: team,
    source: 'gp',
    whatSeen: 'Kind zag er slecht verzorgd uit bij het spreekuur.',
    safetyAtStake: false,
    urgency: 'normal',
    subjectDescription: 'Gezin uit de wijk',
    ...o,
  });
  const withoutInstance = ({ instance: _, ...rest }: Record<string, unknown>) => rest;

  it("about a family or person outside the reporter's access answers exactly like one about an id never used", async () => {
    for (const [field, hidden] of [
      ['familyId', adult.familyId],
      ['personId', adult.personId],
    ] as const) {
      const invisible = await g.post('/api/v1/signals', signal({ [field]: hidden }));
      const random = await g.post('/api/v1/signals', signal({ [field]: randomUUID() }));
      expect(invisible.status).toBe(400);
      expect([invisible.status, withoutInstance(invisible.body)]).toEqual([random.status, withoutInstance(random.body)]);
    }
  });

  it('about a known person (by BSN) reads back to its reporter exactly like one about a person Regie does not know', async () => {
    const known = await g.post('/api/v1/signals', signal({ bsn: adult.bsn }));
    const unknown = await g.post('/api/v1/signals', signal({ bsn: nextBsn() }));
    expect(known.status).toBe(201);
    expect([known.status, Object.keys(known.body).sort()]).toEqual([unknown.status, Object.keys(unknown.body).sort()]);
    const shape = (b: Record<string, any>) => ({
      ...b,
      id: null,
      reference: null,
      receivedAt: null,
      subject: { ...b.subject, bsn: typeof b.subject.bsn },
    });
    const [a, b] = await Promise.all([g.get(`/api/v1/signals/${known.body.id}`), g.get(`/api/v1/signals/${unknown.body.id}`)]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200]);
    expect(shape(a.body)).toEqual(shape(b.body));
    expect(a.body.subject.bsn).toBe(adult.bsn);
  });
});
