// The plan where other parts of Regie meet it, over HTTP: the network council's plan copied into a
// draft, "Mijn gezinnen" flagging and filtering a case without an agreed plan or with overdue
// actions, and the agreed plan as a tagged PDF.
import { describe, expect, it } from 'vitest';
import { familyBody } from '../../../test/support/factory.js';
import type { Client } from '../../../test/support/http.js';
import { addDays } from '../../platform/time/working-days.js';
import {
  agreePlanWithOverdueAction,
  app,
  c,
  coord,
  count,
  councilDeclined,
  newFamily,
  region,
  s,
  t,
  today,
  usePlanApp,
} from './plans.int-support.js';
import { councilMet } from '../safety/safety.int-support.js';

usePlanApp();

describe("the network council's plan", () => {
  it("is copied into a draft as the family's own goals (a life domain each) and the network's actions, once; 409 without an outcome, 404 off the team", async () => {
    const { caseId } = await newFamily({ offerCouncil: false });
    const first = await c.get(`/api/v1/cases/${caseId}/plan`);
    expect(first.body.councilOutcome).toBeNull();
    const oma = first.body.options.network[0] as { id: string; name: string };
    const draft = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const v = draft.body.id as string;
    const copy = (client: Client, body: object) => client.post(`/api/v1/plan-versions/${v}/council-outcome`, body);
    expect((await copy(c, { version: 1, domains: [] })).body).toMatchObject({ status: 409, code: 'no_council_outcome' });

    const met = await c.put(`/api/v1/cases/${caseId}/council`, councilMet(today));
    expect(met.status, JSON.stringify(met.body)).toBe(200);
    const goals = ['Wij willen rust in huis', 'Papa zoekt werk'];
    const recorded = await c.put(`/api/v1/cases/${caseId}/council/outcome`, {
      goals,
      actions: [{ what: 'Oma haalt de kinderen op dinsdag op', networkMemberId: oma.id, dueOn: addDays(today, 7) }],
      version: met.body.council.version,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect((await c.get(`/api/v1/cases/${caseId}/plan`)).body.councilOutcome).toEqual({
      goals,
      actions: [
        { what: 'Oma haalt de kinderen op dinsdag op', networkMemberId: oma.id, networkMemberName: oma.name, dueOn: addDays(today, 7) },
      ],
    });

    expect((await copy(c, { version: 1, domains: ['domestic_relations'] })).body).toMatchObject({
      status: 400,
      field: 'domains',
      code: 'domains_count',
    });
    expect((await copy(c, { version: 1, domains: ['domestic_relations', 'nonsense'] })).body).toMatchObject({
      status: 400,
      field: 'domains[1]',
    });
    expect((await copy(s, { version: 1, domains: ['domestic_relations', 'daytime_activity'] })).status).toBe(404);
    const copied = await copy(c, { version: 1, domains: ['domestic_relations', 'daytime_activity'] });
    expect(copied.status, JSON.stringify(copied.body)).toBe(200);
    expect(copied.body).toEqual({ version: 2, goals: 2, actions: 1 });
    const detail = await c.get(`/api/v1/plan-versions/${v}`);
    expect(
      detail.body.goals.map((x: { domain: string; description: string; familyOwn: boolean }) => [x.domain, x.description, x.familyOwn]),
    ).toEqual([
      ['domestic_relations', goals[0], true],
      ['daytime_activity', goals[1], true],
    ]);
    expect(
      detail.body.actions.map((a: { description: string; owner: { kind: string; networkMemberId: string }; dueOn: string }) => [
        a.description,
        a.owner.kind,
        a.owner.networkMemberId,
        a.dueOn,
      ]),
    ).toEqual([['Oma haalt de kinderen op dinsdag op', 'network_member', oma.id, addDays(today, 7)]]);

    // Once only: a second copy adds nothing and leaves the draft's version; a stale version is a 409.
    expect((await copy(c, { version: 2, domains: ['domestic_relations', 'daytime_activity'] })).body).toEqual({
      version: 2,
      goals: 0,
      actions: 0,
    });
    expect((await copy(c, { version: 1, domains: ['domestic_relations', 'daytime_activity'] })).status).toBe(409);
    expect(await count('plan_goals', v)).toBe(2);
    const events = await t.db.query<{ params: unknown }>(
      `SELECT params FROM timeline_events WHERE region_id = $1 AND case_id = $2 AND kind = 'plan_council_copied'`,
      [region, caseId],
    );
    expect(events).toEqual([{ params: { number: 1, goals: 2, actions: 1 } }]);
  });
});

describe('"Mijn gezinnen" and the plan', () => {
  it("flags an open case older than six weeks without an agreed plan, and an agreed plan's overdue actions; each is a filter", async () => {
    const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId, { familyName: 'Zesweken', children: 0 }));
    expect(fam.status, JSON.stringify(fam.body)).toBe(201);
    const familyId = fam.body.id as string;
    const caseId = (await c.get(`/api/v1/families/${familyId}`)).body.currentCase.id as string;
    expect((await c.put(`/api/v1/cases/${caseId}/council`, councilDeclined)).status).toBe(200);
    type Item = { id: string; noAgreedPlan: boolean; actionsOverdue: number };
    const item = async (filter?: string) =>
      ((await c.get(`/api/v1/families?limit=100${filter ? `&filter=${filter}` : ''}`)).body.items as Item[]).find((f) => f.id === familyId);
    expect(await item()).toMatchObject({ noAgreedPlan: false, actionsOverdue: 0 }); // a new case has six weeks
    await t.db.query(`UPDATE cases SET opened_at = now() - interval '50 days' WHERE region_id = $1 AND id = $2`, [region, caseId]);
    expect(await item()).toMatchObject({ noAgreedPlan: true, actionsOverdue: 0 });
    expect(await item('no_agreed_plan')).toBeDefined();
    expect(await item('actions_overdue')).toBeUndefined();

    // An agreed plan dated a month ago with an action due three days ago.
    await agreePlanWithOverdueAction(caseId);
    expect((await c.get(`/api/v1/cases/${caseId}/plan`)).body.current.status).toBe('agreed');
    expect(await item()).toMatchObject({ noAgreedPlan: false, actionsOverdue: 1 });
    expect(await item('actions_overdue')).toBeDefined();
    expect(await item('no_agreed_plan')).toBeUndefined();
  });
});

describe('the agreed plan as a PDF', () => {
  it('is a tagged Dutch PDF with real text for an agreed version, audited like a read; a draft has none', async () => {
    const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId, { children: 0, familyName: 'Pdf' }));
    const page = (await c.get(`/api/v1/families/${fam.body.id}`)).body;
    const caseId = page.currentCase.id as string;
    expect((await c.put(`/api/v1/cases/${caseId}/council`, councilDeclined)).status).toBe(200);
    const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    const v = d.body.id as string;
    const goal = await c.post(`/api/v1/plan-versions/${v}/goals`, { version: 1, domain: 'housing', description: 'Een vaste woning' });
    expect((await c.get(`/api/v1/plan-versions/${v}/pdf`)).body).toMatchObject({ status: 409, code: 'plan_not_agreed' });
    const act = await c.post(`/api/v1/plan-versions/${v}/actions`, {
      version: goal.body.version,
      description: 'Inschrijven als woningzoekende',
      owner: { kind: 'family_member', personId: page.members[0].personId },
      dueOn: addDays(today, 10),
    });
    // The safety plan as it stands when proposed is kept with the version (issue 14).
    const agreement = {
      what: 'Moeder belt Veilig Thuis bij ruzie',
      ownerKind: 'family_member',
      ownerId: page.members[0].personId,
      dueOn: addDays(today, 7),
      checkHow: 'De regisseur vraagt het elke week na',
    };
    const sp = await c.post(`/api/v1/cases/${caseId}/safety/plan`, agreement);
    expect(sp.status, JSON.stringify(sp.body)).toBe(201);
    expect((await c.get(`/api/v1/plan-versions/${v}`)).body.safetyPlan).toBeNull(); // a draft keeps none yet
    expect((await c.post(`/api/v1/plan-versions/${v}/propose`, { version: act.body.version })).status).toBe(200);
    const kept = [{ what: agreement.what, who: expect.any(String), when: agreement.dueOn, check: agreement.checkHow }];
    expect((await c.get(`/api/v1/plan-versions/${v}`)).body.safetyPlan).toEqual(kept);
    const party = (await c.get(`/api/v1/plan-versions/${v}`)).body.parties[0];
    expect(
      (await c.post(`/api/v1/plan-versions/${v}/answers`, { partyId: party.id, answer: 'agreed', via: 'conversation' })).body.status,
    ).toBe('agreed');
    const r = await app.inject({ method: 'GET', url: `/api/v1/plan-versions/${v}/pdf`, headers: { cookie: c.cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    const pdf = r.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    for (const marker of ['/StructTreeRoot', '/MarkInfo', '/Lang (nl-NL)', 'pdfuaid:part>1', '/S /H1', '/S /Table', '/S /TH', '/S /TD'])
      expect(pdf, marker).toContain(marker);
    expect(
      await t.db.query(`SELECT 1 FROM audit_log WHERE region_id = $1 AND object_type = 'plan-pdf' AND object_id = $2 AND action = 'read'`, [
        region,
        v,
      ]),
    ).not.toHaveLength(0);
    expect((await s.get(`/api/v1/plan-versions/${v}/pdf`)).status).toBe(404);
    // The case's safety plan changes after the agreement: the agreed version still says what was agreed.
    const a = sp.body.plan[0] as { id: string; version: number };
    const changed = await c.put(`/api/v1/cases/${caseId}/safety/plan/${a.id}`, { ...agreement, what: 'Iets anders', version: a.version });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await c.get(`/api/v1/plan-versions/${v}`)).body.safetyPlan).toEqual(kept);
    // and the database keeps it so: no writer can change the copy of an agreed version
    await expect(t.db.query(`UPDATE plan_versions SET safety_plan = '[]' WHERE region_id = $1 AND id = $2`, [region, v])).rejects.toThrow(
      /cannot change/,
    );
  });
});
