// The front door from a worry to a case: structured subjects, a case for a new family opened
// from triage in one step, "possibly the same family" by address, the coordinator told once,
// urgency raised by safety and lowered only with a reason, re-reports filtered and linked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, familyBody, nextBsn, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { issueFormToken } from './public.service.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let school: string;
let triager: TestUser;
let coord: TestUser;
let teacher: TestUser;
let m: Client;
let c: Client;
let s: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Noord');
  school = await createOrganisation(t.db, region, 'school', 'OBS Het Anker');
  await t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, team]);
  triager = await createUser(t.db, region, team, ['professional']);
  coord = await createUser(t.db, region, team, ['professional', 'coordinator']);
  teacher = await createUser(t.db, region, school, ['professional']);
  app = await testApp(t.server);
  [m, c, s] = await Promise.all([login(app, triager.username), login(app, coord.username), login(app, teacher.username)]);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

let ip = 0;
/** A neighbour's worry through the public form (no account); returns the signal's id and reference. */
async function publicWorry(body: Record<string, unknown>) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/public/concerns',
    remoteAddress: `10.9.0.${++ip}`,
    payload: {
      regionId: region,
      formToken: await issueFormToken(t.db, new Date(Date.now() - 5_000)),
      about: 'Het gezin op nummer 12',
      whatSeen: 'Ik hoor elke avond geschreeuw en de kinderen spelen tot laat alleen buiten.',
      ...body,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  const row = (
    await t.db.query<{ id: string }>(`SELECT id FROM signals WHERE region_id = $1 AND reference = $2`, [region, r.json().reference])
  )[0]!;
  return { id: row.id, reference: r.json().reference as string };
}

async function schoolSignal(o: Record<string, unknown>) {
  const r = await s.post('/api/v1/signals', {
    receivingOrganisationId: team,
    source: 'school',
    whatSeen: 'Leerling komt vaak zonder eten naar school en is moe.',
    safetyAtStake: false,
    urgency: 'normal',
    subjectDescription: 'Leerling groep 6',
    ...o,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; reference: string; triageDueOn: string };
}

/** A family registered by the coordinator, with the id of its open case. */
async function registered(body: ReturnType<typeof familyBody>) {
  const r = await c.post('/api/v1/families', body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const { id: caseId } = (
    await t.db.query<{ id: string }>(`SELECT id FROM cases WHERE region_id = $1 AND family_id = $2`, [region, r.body.id])
  )[0]!;
  return { id: r.body.id as string, caseId };
}

const count = async (sql: string, params: unknown[] = [region]) => (await t.db.query<{ n: number }>(sql, params))[0]!.n;
const triage = { safetyAssessment: 'concerns', safetyReasons: 'Zorgen over toezicht en sfeer thuis; geen acuut gevaar.', version: 1 };
const notices = (userId: string, signalId: string) =>
  t.db.query<{ kind: string }>(`SELECT kind FROM notifications WHERE region_id = $1 AND user_id = $2 AND link = $3`, [
    region,
    userId,
    `/meldingen/${signalId}`,
  ]);

describe('a signal records whom it is about in structure', () => {
  it('the public form and the professional form keep persons and address; triage reads them back', async () => {
    const w = await publicWorry({
      subjectPersons: [
        { givenNames: 'Mila', familyName: 'Visser' },
        { givenNames: 'Sem', familyNamePrefix: 'de', familyName: 'Vries', birthDate: '2017-03-04' },
      ],
      subjectAddress: { street: 'Lindelaan', houseNumber: '7', postcode: '1234ab', city: 'Noorddorp' },
    });
    const d = (await m.get(`/api/v1/signals/${w.id}`)).body;
    expect(d.subject.persons).toEqual([
      { givenNames: 'Mila', familyNamePrefix: null, familyName: 'Visser', birthDate: null },
      { givenNames: 'Sem', familyNamePrefix: 'de', familyName: 'Vries', birthDate: '2017-03-04' },
    ]);
    expect(d.subject.address).toEqual({ street: 'Lindelaan', houseNumber: '7', postcode: '1234 AB', city: 'Noorddorp' });
    const p = await schoolSignal({
      subjectPersons: [{ givenNames: 'Noor', familyName: 'Bakker' }],
      subjectAddress: { street: 'Kade', houseNumber: '3' },
    });
    expect((await s.get(`/api/v1/signals/${p.id}`)).body.subject).toMatchObject({
      persons: [{ givenNames: 'Noor', familyName: 'Bakker' }],
      address: { street: 'Kade', houseNumber: '3', postcode: null, city: null },
    });
  });

  it('takes a person known by first name only; refuses one without any name, a bad postcode and an address without street or postcode, naming the field', async () => {
    const field = async (o: Record<string, unknown>) =>
      (
        await s.post('/api/v1/signals', {
          receivingOrganisationId: team,
          source: 'school',
          safetyAtStake: false,
          urgency: 'normal',
          whatSeen: 'Leerling komt vaak zonder eten naar school.',
          ...o,
        })
      ).body.field;
    expect(await field({ subjectPersons: [{ givenNames: ' ', familyName: ' ', birthDate: '2015-01-01' }] })).toBe(
      'subjectPersons[0].familyName',
    );
    const firstNameOnly = await schoolSignal({ subjectPersons: [{ givenNames: 'Mila' }] });
    expect((await m.get(`/api/v1/signals/${firstNameOnly.id}`)).body.subject.persons).toEqual([
      { givenNames: 'Mila', familyNamePrefix: null, familyName: null, birthDate: null },
    ]);
    expect(await field({ subjectAddress: { street: 'Kade', houseNumber: '3', postcode: '12345' } })).toBe('subjectAddress.postcode');
    expect(await field({ subjectAddress: { houseNumber: '3' } })).toBe('subjectAddress.street');
  });
});

describe('triage opens a case for a new family in one step', () => {
  it('an anonymous worry becomes a family, a case with its coordinator and a timeline from the receipt; the triager does not join the team', async () => {
    const receivedBefore = Date.now();
    const w = await publicWorry({
      subjectPersons: [
        { givenNames: 'Lotte', familyName: 'Smits' },
        { givenNames: 'Daan', familyName: 'Smits', birthDate: '2018-05-06' },
      ],
      subjectAddress: { street: 'Molenweg', houseNumber: '21', city: 'Noorddorp' },
      worriedAboutSafety: true,
    });
    const { received_at: receivedAt } = (
      await t.db.query<{ received_at: Date }>(`SELECT received_at FROM signals WHERE id = $1`, [w.id])
    )[0]!;
    // Without the family's members: refused, naming the field; nothing written.
    const families = await count(`SELECT count(*)::int AS n FROM families WHERE region_id = $1`);
    const missing = await m.post(`/api/v1/signals/${w.id}/triage`, {
      ...triage,
      decision: 'open_case',
      coordinatorUserId: coord.actor.userId,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('newFamily');
    const members = [
      {
        givenNames: 'Lotte',
        familyName: 'Smits',
        relation: 'parent',
        birthDate: '1990-01-02',
        street: 'Molenweg',
        houseNumber: '21',
        city: 'Noorddorp',
      },
      {
        givenNames: 'Daan',
        familyName: 'Smits',
        relation: 'child',
        birthDate: '2018-05-06',
        bsn: nextBsn(),
        street: 'Molenweg',
        houseNumber: '21',
        city: 'Noorddorp',
      },
    ];
    // An unqualified coordinator undoes everything: no family, no persons.
    const unqualified = await m.post(`/api/v1/signals/${w.id}/triage`, {
      ...triage,
      decision: 'open_case',
      coordinatorUserId: triager.actor.userId,
      newFamily: { members },
    });
    expect(unqualified.body.field).toBe('coordinatorUserId');
    expect(await count(`SELECT count(*)::int AS n FROM families WHERE region_id = $1`)).toBe(families);

    const r = await m.post(`/api/v1/signals/${w.id}/triage`, {
      ...triage,
      decision: 'open_case',
      coordinatorUserId: coord.actor.userId,
      newFamily: { members },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'triaged', caseId: expect.any(String) });
    const sig = (
      await t.db.query<{ case_id: string; family_id: string; status: string }>(
        `SELECT case_id, family_id, status FROM signals WHERE id = $1`,
        [w.id],
      )
    )[0]!;
    expect(sig).toMatchObject({ case_id: r.body.caseId, status: 'triaged' });
    const kase = (
      await t.db.query<{ family_id: string; opened_at: Date; status: string }>(
        `SELECT family_id, opened_at, status FROM cases WHERE id = $1`,
        [r.body.caseId],
      )
    )[0]!;
    expect(kase.family_id).toBe(sig.family_id);
    // The case starts at the worry, not at the triage.
    expect(new Date(kase.opened_at).toISOString()).toBe(new Date(receivedAt).toISOString());
    expect(new Date(kase.opened_at).getTime()).toBeLessThanOrEqual(receivedBefore + 60_000);
    const persons = await t.db.query<Record<string, unknown>>(
      `SELECT p.given_names, p.family_name, p.street, p.house_number, fm.relation FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
        WHERE fm.family_id = $1 ORDER BY p.given_names`,
      [sig.family_id],
    );
    expect(persons).toEqual([
      { given_names: 'Daan', family_name: 'Smits', street: 'Molenweg', house_number: '21', relation: 'child' },
      { given_names: 'Lotte', family_name: 'Smits', street: 'Molenweg', house_number: '21', relation: 'parent' },
    ]);
    // Only the coordinator is on the team: nobody joins by side effect.
    expect(await t.db.query(`SELECT user_id, role FROM case_team WHERE case_id = $1`, [r.body.caseId])).toEqual([
      { user_id: coord.actor.userId, role: 'coordinator' },
    ]);
    // The coordinator sees the family; its timeline starts with the worry as received.
    const page = await c.get(`/api/v1/families/${sig.family_id}`);
    expect(page.status).toBe(200);
    expect(page.body.currentCase.openedAt).toBe(new Date(receivedAt).toISOString());
    const oldest = page.body.timeline[page.body.timeline.length - 1];
    expect(oldest).toMatchObject({ type: 'signal_linked', occurredAt: new Date(receivedAt).toISOString() });
    expect(page.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['family_registered', 'case_opened', 'coordinator_assigned', 'signal_triaged']),
    );
    // The triager does not see the family (not on its team), and the signal does not offer its page.
    expect((await m.get(`/api/v1/families/${sig.family_id}`)).status).toBe(404);
    expect((await m.get(`/api/v1/signals/${w.id}`)).body.access.mayOpenFamily).toBe(false);
    expect((await c.get(`/api/v1/signals/${w.id}`)).body.access.mayOpenFamily).toBe(true);
    // Lead times: received (at the worry), triaged and "case opened" in one chain.
    const moments = (await c.get(`/api/v1/cases/${r.body.caseId}/lead-times`)).body.moments.map((x: { moment: string }) => x.moment);
    expect(moments).toEqual(expect.arrayContaining(['received', 'triaged', 'case_opened']));
    // The coordinator is told once; the family's creation is audited.
    expect(
      await t.db.query(`SELECT kind FROM notifications WHERE region_id = $1 AND user_id = $2 AND link = $3`, [
        region,
        coord.actor.userId,
        `/gezinnen/${sig.family_id}`,
      ]),
    ).toEqual([{ kind: 'case_coordinator_assigned' }]);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND object_type = 'family' AND object_id = $2 AND action = 'create'`,
        [region, sig.family_id],
      ),
    ).toBe(2);
  });

  it('a BSN that already exists refuses the whole decision', async () => {
    const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId));
    const { bsn } = (
      await t.db.query<{ bsn: string }>(
        `SELECT p.bsn FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id WHERE fm.family_id = $1 AND p.bsn IS NOT NULL LIMIT 1`,
        [fam.body.id],
      )
    )[0]!;
    const w = await publicWorry({});
    const families = await count(`SELECT count(*)::int AS n FROM families WHERE region_id = $1`);
    const r = await m.post(`/api/v1/signals/${w.id}/triage`, {
      ...triage,
      decision: 'open_case',
      coordinatorUserId: coord.actor.userId,
      newFamily: { members: [{ givenNames: 'X', familyName: 'Y', relation: 'parent', bsn }] },
    });
    expect(r.status).toBe(409);
    expect(r.body.field).toBe('newFamily.members[0].bsn');
    expect(await count(`SELECT count(*)::int AS n FROM families WHERE region_id = $1`)).toBe(families);
    expect((await t.db.query(`SELECT status FROM signals WHERE id = $1`, [w.id]))[0]).toEqual({ status: 'open' });
  });
});

describe('possibly the same family (same address)', () => {
  it('proposes an open signal at the same address (normalised), links only on confirmation, and never proposes a rejected one again', async () => {
    const a = await publicWorry({ subjectAddress: { street: 'Spoorstraat', houseNumber: '12', postcode: '4321 XY' } });
    const b = await schoolSignal({
      subjectDescription: 'Broertje van Mila',
      subjectAddress: { street: '  spoorSTRAAT ', houseNumber: '12', postcode: '4321xy' },
    });
    const other = await schoolSignal({
      subjectDescription: 'Buurjongen',
      subjectAddress: { street: 'Spoorstraat', houseNumber: '12a', postcode: '4321 XY' },
    });
    const byStreet = await schoolSignal({
      subjectDescription: 'Zonder postcode',
      subjectAddress: { street: 'Spoorstraat', houseNumber: '12 ', city: 'Noorddorp' },
    });
    const db = (await m.get(`/api/v1/signals/${b.id}`)).body;
    expect(db.proposals.map((p: { signalId: string }) => p.signalId).sort()).toEqual([a.id, byStreet.id].sort());
    expect(db.proposals.find((p: { signalId: string }) => p.signalId === a.id)).toMatchObject({
      kind: 'signal',
      reference: a.reference,
      status: 'proposed',
    });
    // "12" and "12a" are different houses.
    expect((await m.get(`/api/v1/signals/${other.id}`)).body.proposals).toEqual([]);
    // The queue flags the signals that wait for an answer.
    const flagged = new Map<string, boolean>(
      (await m.get('/api/v1/signals?limit=100')).body.items.map((i: { id: string; possiblySameFamily: boolean }) => [
        i.id,
        i.possiblySameFamily,
      ]),
    );
    expect([flagged.get(b.id), flagged.get(a.id), flagged.get(other.id)]).toEqual([true, true, false]);
    expect(
      (await s.get('/api/v1/signals?scope=reported&limit=100')).body.items.every(
        (i: { possiblySameFamily: boolean }) => !i.possiblySameFamily,
      ),
    ).toBe(true);
    // The reporter is never shown proposals; answering is the receiving organisation's.
    expect((await s.get(`/api/v1/signals/${b.id}`)).body.proposals).toEqual([]);
    expect(
      (await s.post(`/api/v1/signals/${b.id}/family-proposals`, { otherSignalId: a.id, decision: 'rejected', version: 1 })).status,
    ).toBe(403);
    // Not a proposal: refused.
    expect(
      (await m.post(`/api/v1/signals/${b.id}/family-proposals`, { otherSignalId: other.id, decision: 'confirmed', version: 1 })).body.code,
    ).toBe('no_proposal');

    const rejected = await m.post(`/api/v1/signals/${b.id}/family-proposals`, {
      otherSignalId: byStreet.id,
      decision: 'rejected',
      version: 1,
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const again = (await m.get(`/api/v1/signals/${b.id}`)).body;
    expect(again.proposals.map((p: { signalId: string }) => p.signalId)).toEqual([a.id]);
    // Not from the other side either.
    expect((await m.get(`/api/v1/signals/${byStreet.id}`)).body.proposals.map((p: { signalId: string }) => p.signalId)).not.toContain(b.id);
    expect(
      (await m.post(`/api/v1/signals/${b.id}/family-proposals`, { otherSignalId: byStreet.id, decision: 'confirmed', version: 1 })).body
        .code,
    ).toBe('already_answered');

    const confirmed = await m.post(`/api/v1/signals/${b.id}/family-proposals`, { otherSignalId: a.id, decision: 'confirmed', version: 1 });
    expect(confirmed.status).toBe(200);
    expect((await m.get(`/api/v1/signals/${a.id}`)).body.proposals).toEqual(
      expect.arrayContaining([expect.objectContaining({ signalId: b.id, status: 'confirmed' })]),
    );
    const audit = await t.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE region_id = $1 AND object_type = 'signal-family-proposal' AND object_id = $2 AND user_id = $3 ORDER BY seq`,
      [region, b.id, triager.actor.userId],
    );
    expect(audit.map((x) => x.reason)).toEqual([`rejected:signal:${byStreet.id}`, `confirmed:signal:${a.id}`]);

    // Opening a case from one takes the confirmed other along to the same case.
    const opened = await m.post(`/api/v1/signals/${a.id}/triage`, {
      ...triage,
      decision: 'open_case',
      coordinatorUserId: coord.actor.userId,
      newFamily: {
        members: [
          { givenNames: 'Mila', familyName: 'Jong', relation: 'child', street: 'Spoorstraat', houseNumber: '12', postcode: '4321 XY' },
        ],
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect((await t.db.query(`SELECT case_id, status FROM signals WHERE id = $1`, [b.id]))[0]).toEqual({
      case_id: opened.body.caseId,
      status: 'open',
    });
    expect(await notices(coord.actor.userId, b.id)).toEqual([{ kind: 'signal_linked' }]);
  });

  it('proposes the open case of a family at that address; confirmation links the signal and tells the coordinator once', async () => {
    const body = familyBody(coord.actor.userId, { familyName: 'Kok' });
    body.members = body.members.map((x) => ({ ...x, street: 'Brink', houseNumber: '4', postcode: '5555 AA', city: 'Noorddorp' }));
    const fam = { body: await registered(body) };
    const w = await publicWorry({ subjectAddress: { street: 'brink', houseNumber: '4', city: 'noorddorp' } });
    const d = (await m.get(`/api/v1/signals/${w.id}`)).body;
    expect(d.proposals).toEqual([
      expect.objectContaining({
        kind: 'case',
        caseId: fam.body.caseId,
        familyId: fam.body.id,
        label: 'Gezin Kok',
        status: 'proposed',
        coordinatorName: expect.any(String),
      }),
    ]);
    // Not linked before confirmation.
    expect(d.caseId).toBeNull();
    // Showing the proposal is audited for each person of the family it names.
    expect(
      await count(
        `SELECT count(DISTINCT a.person_id)::int AS n FROM audit_log a JOIN family_members fm ON fm.region_id = a.region_id AND fm.person_id = a.person_id
      WHERE a.region_id = $1 AND a.object_type = 'signal-family-proposals' AND a.object_id = $2 AND fm.family_id = $3`,
        [region, w.id, fam.body.id],
      ),
    ).toBe(3);
    const stale = await m.post(`/api/v1/signals/${w.id}/family-proposals`, { caseId: fam.body.caseId, decision: 'confirmed', version: 9 });
    expect(stale.status).toBe(409);
    const r = await m.post(`/api/v1/signals/${w.id}/family-proposals`, { caseId: fam.body.caseId, decision: 'confirmed', version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ decision: 'confirmed', caseId: fam.body.caseId, version: 2 });
    expect((await c.get(`/api/v1/signals/${w.id}`)).status).toBe(200); // the case team now sees it
    // The confirmed proposal stays shown as such.
    expect((await m.get(`/api/v1/signals/${w.id}`)).body.proposals).toEqual([
      expect.objectContaining({ caseId: fam.body.caseId, status: 'confirmed' }),
    ]);
    expect(await notices(coord.actor.userId, w.id)).toEqual([{ kind: 'signal_linked' }]);
    // Joining at triage does not tell her twice.
    const joined = await m.post(`/api/v1/signals/${w.id}/triage`, { ...triage, version: 2, decision: 'join_case' });
    expect(joined.status, JSON.stringify(joined.body)).toBe(200);
    expect(await notices(coord.actor.userId, w.id)).toEqual([{ kind: 'signal_linked' }]);
  });
});

describe('the coordinator hears of a linked signal, once', () => {
  it('a signal about a person of an open case notifies the coordinator once, also after triage joins it', async () => {
    const body = familyBody(coord.actor.userId, { familyName: 'Dekker' });
    const fam = await registered(body);
    const sig = await schoolSignal({ bsn: body.members[0]!.bsn });
    expect(await notices(coord.actor.userId, sig.id)).toEqual([{ kind: 'signal_linked' }]);
    expect((await m.post(`/api/v1/signals/${sig.id}/triage`, { ...triage, decision: 'join_case' })).status).toBe(200);
    expect(await notices(coord.actor.userId, sig.id)).toEqual([{ kind: 'signal_linked' }]);
    expect(fam.caseId).toBeTruthy();
  });
});

describe('urgency', () => {
  it('safety concerns raise "normal" to "high" (with its deadline); the triager lowers it only with a reason, stored, audited and shown', async () => {
    const sig = await schoolSignal({ safetyAtStake: true, meldcodeSteps: { 1: { done: true } }, urgency: 'normal' });
    const [row] = await t.db.query<{ urgency: string; urgency_reported: string }>(
      `SELECT urgency, urgency_reported FROM signals WHERE id = $1`,
      [sig.id],
    );
    expect(row).toEqual({ urgency: 'high', urgency_reported: 'normal' });
    const d = (await m.get(`/api/v1/signals/${sig.id}`)).body;
    expect(d.urgencyChange).toEqual({ reported: 'normal', raised: true, lowered: null });
    expect(d.access.mayLowerUrgency).toBe(true);
    const noReason = await m.post(`/api/v1/signals/${sig.id}/urgency`, { urgency: 'normal', reason: '', version: 1 });
    expect(noReason.body.field).toBe('reason');
    expect((await m.post(`/api/v1/signals/${sig.id}/urgency`, { urgency: 'high', reason: 'Niet lager', version: 1 })).body.field).toBe(
      'urgency',
    );
    expect(
      (await s.post(`/api/v1/signals/${sig.id}/urgency`, { urgency: 'normal', reason: 'Ik vind het meevallen', version: 1 })).status,
    ).toBe(403);
    const r = await m.post(`/api/v1/signals/${sig.id}/urgency`, {
      urgency: 'normal',
      reason: 'Navraag bij school: moeder krijgt al hulp van de huisarts.',
      version: 1,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.urgency).toBe('normal');
    expect(r.body.triageDueOn > sig.triageDueOn).toBe(true);
    const after = (await m.get(`/api/v1/signals/${sig.id}`)).body;
    expect(after.urgency).toBe('normal');
    expect(after.urgencyChange.lowered).toMatchObject({
      reason: 'Navraag bij school: moeder krijgt al hulp van de huisarts.',
      byName: expect.any(String),
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND object_type = 'signal-urgency' AND object_id = $2 AND reason = 'high->normal'`,
        [region, sig.id],
      ),
    ).toBe(1);
    // Without safety concerns the reporter's choice stands.
    const calm = await schoolSignal({});
    expect((await t.db.query(`SELECT urgency, urgency_reported FROM signals WHERE id = $1`, [calm.id]))[0]).toEqual({
      urgency: 'normal',
      urgency_reported: null,
    });
  });
});

describe('re-reports', () => {
  it('are filterable in the queue and name the closed case they re-open', async () => {
    const body = familyBody(coord.actor.userId, { familyName: 'Mulder' });
    const fam = { body: await registered(body) };
    expect(
      (await c.patch(`/api/v1/cases/${fam.body.caseId}`, { status: 'closed', version: 1, closedReason: 'Doelen bereikt' })).status,
    ).toBe(200);
    const again = await schoolSignal({ bsn: body.members[0]!.bsn });
    const first = await schoolSignal({ subjectDescription: 'Nieuw kind in de klas' });
    const only = (await m.get('/api/v1/signals?reReport=true&limit=100')).body.items.map((i: { id: string }) => i.id);
    expect(only).toContain(again.id);
    expect(only).not.toContain(first.id);
    const none = (await m.get('/api/v1/signals?reReport=false&limit=100')).body.items.map((i: { id: string }) => i.id);
    expect(none).toContain(first.id);
    expect(none).not.toContain(again.id);
    // The reporter's own list shows no re-reports and filters as it shows.
    expect((await s.get('/api/v1/signals?scope=reported&reReport=true')).body.items).toEqual([]);
    const d = (await m.get(`/api/v1/signals/${again.id}`)).body;
    expect(d.reReport).toBe(true);
    expect(d.reReportCase).toMatchObject({
      caseId: fam.body.caseId,
      familyId: fam.body.id,
      familyName: 'Gezin Mulder',
      closedAt: expect.any(String),
    });
    expect((await s.get(`/api/v1/signals/${again.id}`)).body.reReportCase).toBeNull();
  });
});
