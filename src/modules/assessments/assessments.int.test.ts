// The integral picture through the real app: recording a set (all or nothing, with the age rules
// and bad input refused naming the field), reading the sets, the latest scores and a person's
// course (audited per person), blind spots shrinking as partners join and contribute, a
// team lead's overview of the organisation, and the region's rules (versioned, 409 on stale).
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../../../test/support/db.js';
import { createRegion, type TestUser } from '../../../test/support/factory.js';
import { type Client, useRegionApp } from '../../../test/support/http.js';
import { dutchToday } from '../../platform/time/working-days.js';

let t: TestDb;
let region: string;
let coord: TestUser;
let schoolPro: TestUser;
let outsider: TestUser;
let cCoord: Client;
let cSchool: Client;
let cOutsider: Client;
let cLead: Client;
let cAdmin: Client;
let familyId: string;
let caseId: string;
const P: Record<'mother' | 'child' | 'baby' | 'teen', string> = { mother: '', child: '', baby: '', teen: '' };
const today = dutchToday();
const yearsAgo = (n: number, shiftDays = 0) => {
  const d = new Date(`${String(Number(today.slice(0, 4)) - n)}${today.slice(4)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + shiftDays);
  return d.toISOString().slice(0, 10);
};

const w = useRegionApp({
  orgs: {
    team: ['municipal_team', 'Wijkteam Noord'],
    school: ['school', 'Basisschool De Linde'],
    housing: ['housing_corporation', 'Woonstede'],
  },
  users: {
    coord: ['team', ['professional', 'coordinator']],
    schoolPro: ['school', ['professional']],
    outsider: ['housing', ['professional']],
    lead: ['team', ['professional', 'team_lead']],
    admin: ['team', ['functional_admin']],
  },
});
beforeAll(async () => {
  ({ t, region } = w);
  ({ coord, schoolPro, outsider } = w.user);
  ({ coord: cCoord, schoolPro: cSchool, outsider: cOutsider, lead: cLead, admin: cAdmin } = w.client);
  const created = await cCoord.post('/api/v1/families', {
    members: [
      { givenNames: 'Sanne', familyName: 'Bakker', birthDate: '1989-02-14', relation: 'parent' },
      { givenNames: 'Daan', familyName: 'Bakker', birthDate: yearsAgo(9), relation: 'child' },
      { givenNames: 'Noor', familyName: 'Bakker', birthDate: yearsAgo(2), relation: 'child' },
      // turns 18 tomorrow: a child today, an adult tomorrow
      { givenNames: 'Lars', familyName: 'Bakker', birthDate: yearsAgo(18, 1), relation: 'child' },
    ],
    network: [],
    case: { coordinatorUserId: coord.actor.userId, legalBasis: 'consent' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  familyId = created.body.id;
  const page = await cCoord.get(`/api/v1/families/${familyId}`);
  caseId = page.body.currentCase.id;
  for (const m of page.body.members as { personId: string; givenNames: string }[])
    P[({ Sanne: 'mother', Daan: 'child', Noor: 'baby', Lars: 'teen' } as const)[m.givenNames as 'Sanne']] = m.personId;
});

const score = (personId: string, domain: string, s: number, view = 'professional') => ({
  personId,
  domain,
  score: s,
  rationale: 'Gesprek met het gezin',
  view,
});
const count = async (table: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE region_id = $1`, [region]))[0]!.n;

describe('blind spots of a family nobody scored', () => {
  it('every valid domain of every person is unassessed; the school-age child and the young child call for school and JGZ', async () => {
    const r = await cCoord.get(`/api/v1/cases/${caseId}/blind-spots`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const byPerson = Object.fromEntries(
      (r.body.unassessed as { personId: string; domains: string[] }[]).map((u) => [u.personId, u.domains]),
    );
    expect(byPerson[P.mother]).toHaveLength(12);
    expect(byPerson[P.teen]).toHaveLength(16);
    expect(byPerson[P.child]).toHaveLength(12); // under 12: 8 life domains + 4 child domains
    expect(byPerson[P.child]).not.toContain('justice');
    expect((r.body.partners as { partnerType: string }[]).map((p) => p.partnerType).sort()).toEqual(['school', 'youth_health_care']);
    expect(r.body.counts).toMatchObject({ partnersNeeded: 2, onTeam: 0, contributed: 0, missing: 2 });
  });
});

describe('recording an assessment', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = [await count('assessments'), await count('assessment_scores')];
    const cases: [unknown[], string][] = [
      [[score(P.mother, 'housing', 3), score(P.mother, 'finances', 6)], 'scores[1].score'],
      [[score(P.mother, 'housing', 3), score(P.mother, 'finances', 0)], 'scores[1].score'],
      [[score(P.mother, 'housing', 3), score(P.child, 'justice', 2)], 'scores[1].domain'],
      [[score(P.mother, 'safety', 2)], 'scores[0].domain'],
      [[score(P.mother, 'housing', 3), score(P.mother, 'housing', 2)], 'scores[1]'],
      [[score(P.mother, 'housing', 3), score(outsider.actor.userId, 'housing', 2)], 'scores[1].personId'],
    ];
    for (const [scores, field] of cases) {
      const r = await cCoord.post(`/api/v1/cases/${caseId}/assessments`, { assessedOn: today, scores });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.field).toBe(field);
      expect(r.body.detail).toBeTruthy();
      expect(r.body.detailEn).toBeTruthy();
    }
    expect([await count('assessments'), await count('assessment_scores')]).toEqual(before);
  });

  it('the 18th birthday exactly: a child domain is valid the day before, not on the day', async () => {
    const dayBefore = new Date(`${today}T12:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    // Lars turns 18 tomorrow: today he is 17 (a child).
    const ok = await cCoord.post(`/api/v1/cases/${caseId}/assessments`, { assessedOn: today, scores: [score(P.teen, 'education', 4)] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // A 18-year-old born exactly 18 years before today (Sanne is not; use the parent's own date): no child domain.
    const adult = await cCoord.post(`/api/v1/cases/${caseId}/assessments`, {
      assessedOn: today,
      scores: [score(P.mother, 'education', 4)],
    });
    expect(adult.status).toBe(400);
    expect(adult.body.field).toBe('scores[0].domain');
  });

  it('records a set with both views, on the timeline and in the audit log per person scored', async () => {
    const r = await cCoord.post(`/api/v1/cases/${caseId}/assessments`, {
      assessedOn: today,
      scores: [
        score(P.mother, 'housing', 2),
        score(P.mother, 'housing', 4, 'family'),
        score(P.mother, 'mental_health', 3),
        score(P.child, 'safety', 3),
      ],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.scores).toBe(4);
    const ev = await t.db.query<{ kind: string; params: unknown }>(
      `SELECT kind, params FROM timeline_events WHERE region_id = $1 AND case_id = $2 AND kind = 'assessment_recorded' ORDER BY seq DESC LIMIT 1`,
      [region, caseId],
    );
    expect(ev[0]).toEqual({ kind: 'assessment_recorded', params: { count: 4, persons: 2 } });
    const audit = await t.db.query<{ person_id: string }>(
      `SELECT person_id FROM audit_log WHERE region_id = $1 AND object_type = 'assessment' AND object_id = $2 ORDER BY person_id`,
      [region, r.body.id],
    );
    expect(audit.map((a) => a.person_id)).toEqual([P.mother, P.child].sort());
  });

  it('in the future → 400 naming assessedOn', async () => {
    const r = await cCoord.post(`/api/v1/cases/${caseId}/assessments`, {
      assessedOn: '2199-01-01',
      scores: [score(P.mother, 'housing', 3)],
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('assessedOn');
  });
});

describe('reading the picture', () => {
  it('all sets newest first, the latest per person, domain and view (both views side by side), audited per person', async () => {
    const older = await cCoord.post(`/api/v1/cases/${caseId}/assessments`, {
      assessedOn: '2025-01-15',
      scores: [score(P.mother, 'housing', 1), score(P.mother, 'finances', 2)],
    });
    expect(older.status).toBe(201);
    const r = await cCoord.get(`/api/v1/cases/${caseId}/assessments`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const dates = (r.body.items as { assessedOn: string }[]).map((i) => i.assessedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.at(-1)).toBe('2025-01-15');
    const housing = (r.body.latest as { personId: string; domain: string; view: string; score: number }[]).filter(
      (l) => l.personId === P.mother && l.domain === 'housing',
    );
    expect(housing.map((h) => [h.view, h.score]).sort()).toEqual([
      ['family', 4],
      ['professional', 2],
    ]);
    const audit = await t.db.query<{ n: number }>(
      `SELECT count(DISTINCT person_id)::int AS n FROM audit_log WHERE region_id = $1 AND object_type = 'assessments' AND object_id = $2`,
      [region, caseId],
    );
    expect(audit[0]!.n).toBe(4);
  });

  it("a person's course: each domain over time, oldest first, audited for that person only", async () => {
    const r = await cCoord.get(`/api/v1/cases/${caseId}/persons/${P.mother}/assessment-course`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const housing = (r.body.domains as { domain: string; points: { assessedOn: string; view: string; score: number }[] }[]).find(
      (d) => d.domain === 'housing',
    )!;
    const points = housing.points.map((p) => [p.assessedOn, p.view, p.score]);
    expect(points[0]).toEqual(['2025-01-15', 'professional', 1]);
    expect(points.slice(1).sort()).toEqual([
      [today, 'family', 4],
      [today, 'professional', 2],
    ]);
    const audit = await t.db.query<{ person_id: string }>(
      `SELECT DISTINCT person_id FROM audit_log WHERE region_id = $1 AND object_type = 'assessment-course'`,
      [region],
    );
    expect(audit.map((a) => a.person_id)).toEqual([P.mother]);
    const stranger = await cCoord.get(`/api/v1/cases/${caseId}/persons/${outsider.actor.userId}/assessment-course`);
    expect(stranger.status).toBe(404);
  });

  it('a professional not on the case team gets 404 everywhere, like an unknown case, and cannot write', async () => {
    for (const url of [
      `/api/v1/cases/${caseId}/assessments`,
      `/api/v1/cases/${caseId}/blind-spots`,
      `/api/v1/cases/${caseId}/persons/${P.mother}/assessment-course`,
    ]) {
      const r = await cOutsider.get(url);
      expect(r.status, url).toBe(404);
    }
    const w = await cOutsider.post(`/api/v1/cases/${caseId}/assessments`, { assessedOn: today, scores: [score(P.mother, 'housing', 5)] });
    expect(w.status).toBe(404);
  });
});

describe('blind spots shrink as partners join and contribute', () => {
  it('housing ≤ 2 calls for the housing corporation; the school on the team counts as on the team, then as contributed', async () => {
    let r = await cCoord.get(`/api/v1/cases/${caseId}/blind-spots`);
    const need = (type: string) =>
      (r.body.partners as { partnerType: string; onTeam: boolean; contributed: boolean }[]).find((p) => p.partnerType === type);
    expect(need('housing_corporation')).toMatchObject({ onTeam: false, contributed: false });
    expect(need('school')).toMatchObject({ onTeam: false, contributed: false });
    const unassessedBefore = r.body.counts.unassessedDomains as number;

    const c = await t.db.query<{ version: number }>(`SELECT version FROM cases WHERE region_id = $1 AND id = $2`, [region, caseId]);
    const add = await cCoord.post(`/api/v1/cases/${caseId}/team-members`, {
      userId: schoolPro.actor.userId,
      legalBasis: 'consent',
      caseVersion: c[0]!.version,
    });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    r = await cCoord.get(`/api/v1/cases/${caseId}/blind-spots`);
    expect(need('school')).toMatchObject({ onTeam: true, contributed: false });

    const w = await cSchool.post(`/api/v1/cases/${caseId}/assessments`, {
      assessedOn: today,
      scores: [score(P.child, 'education', 3), score(P.child, 'development', 4)],
    });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    r = await cCoord.get(`/api/v1/cases/${caseId}/blind-spots`);
    expect(need('school')).toMatchObject({ onTeam: true, contributed: true });
    expect(r.body.counts.unassessedDomains).toBe(unassessedBefore - 2);
  });

  it('a team lead sees the blind spots of every open case of the organisation, a page at a time', async () => {
    const r = await cLead.get('/api/v1/blind-spots?limit=10');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const item = (r.body.items as { caseId: string; familyName: string; counts: { missing: number } }[]).find((i) => i.caseId === caseId);
    expect(item).toBeDefined();
    expect(item!.counts.missing).toBeGreaterThan(0);
    const pro = await cCoord.get('/api/v1/blind-spots');
    expect(pro.status).toBe(403);
  });

  it('with missingOnly fills every page with cases that miss a partner, and pages through each of them once', async () => {
    for (const [i, withChild] of [false, true, false, true, false, true].entries()) {
      const members = [
        { givenNames: `Ouder${i}`, familyName: 'Pagina', birthDate: '1985-05-05', relation: 'parent' },
        ...(withChild ? [{ givenNames: `Kind${i}`, familyName: 'Pagina', birthDate: yearsAgo(8), relation: 'child' }] : []),
      ];
      const f = await cCoord.post('/api/v1/families', {
        members,
        network: [],
        case: { coordinatorUserId: coord.actor.userId, legalBasis: 'consent' },
      });
      expect(f.status, JSON.stringify(f.body)).toBe(201);
    }
    type Item = { caseId: string; counts: { missing: number } };
    const walk = async (query: string) => {
      const seen: Item[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const r = await cLead.get(`/api/v1/blind-spots?${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        sizes.push(r.body.items.length);
        seen.push(...(r.body.items as Item[]));
        cursor = r.body.nextCursor as string | null;
      } while (cursor);
      return { seen, sizes };
    };
    const all = await walk('limit=100');
    expect(all.seen.some((i) => i.counts.missing === 0)).toBe(true); // adults only: no partner missing
    const missing = all.seen.filter((i) => i.counts.missing > 0).map((i) => i.caseId);
    expect(missing.length).toBeGreaterThanOrEqual(4);
    const only = await walk('limit=2&missingOnly=true');
    expect(only.seen.map((i) => i.caseId)).toEqual(missing);
    expect(only.sizes.slice(0, -1).every((n) => n === 2)).toBe(true); // no short page while more match
  });
});

describe("the region's blind-spot rules", () => {
  it('every region starts with the defaults; the administrator edits one with its version; a stale version is 409; others may not', async () => {
    const fresh = await createRegion(t.db);
    const seeded = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM blind_spot_rules WHERE region_id = $1`, [fresh]);
    expect(seeded[0]!.n).toBe(5);

    const list = await cAdmin.get('/api/v1/admin/blind-spot-rules');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const housingRule = (list.body.items as { rule: string; version: number; maxScore: number }[]).find((x) => x.rule === 'housing_low')!;
    expect(housingRule).toMatchObject({ partnerType: 'housing_corporation', maxScore: 2, enabled: true });

    const off = await cAdmin.put('/api/v1/admin/blind-spot-rules/housing_low', {
      version: housingRule.version,
      partnerType: 'housing_corporation',
      enabled: false,
      maxScore: 2,
    });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.version).toBe(housingRule.version + 1);
    const stale = await cAdmin.put('/api/v1/admin/blind-spot-rules/housing_low', {
      version: housingRule.version,
      partnerType: 'housing_corporation',
      enabled: true,
      maxScore: 2,
    });
    expect(stale.status).toBe(409);
    const wrong = await cAdmin.put('/api/v1/admin/blind-spot-rules/housing_low', {
      version: off.body.version,
      partnerType: 'housing_corporation',
      enabled: true,
      minAge: 3,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('maxScore');

    const r = await cCoord.get(`/api/v1/cases/${caseId}/blind-spots`);
    expect((r.body.partners as { partnerType: string }[]).map((p) => p.partnerType)).not.toContain('housing_corporation');
    const audit = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND object_type = 'blind-spot-rule' AND action = 'update'`,
      [region],
    );
    expect(audit[0]!.n).toBe(1);

    expect(
      (
        await cCoord.put('/api/v1/admin/blind-spot-rules/housing_low', {
          version: off.body.version,
          partnerType: 'school',
          enabled: true,
          maxScore: 2,
        })
      ).status,
    ).toBe(403);
    expect((await cCoord.get('/api/v1/admin/blind-spot-rules')).status).toBe(403);
  });
});
