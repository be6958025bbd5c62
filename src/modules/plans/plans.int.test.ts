// The plan end to end over HTTP: a draft with goals and actions, the offer to add an owner's
// organisation to the case team, proposal with parties by age, answers recorded by the
// coordinator and given by organisations, a disagreement that stays open until the next version
// is proposed, the agreed moment in the lead-time chain, immutability enforced by the database,
// comparison of versions, the family page's summary, and 404 for a professional off the team.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../test/support/factory.js';
import { login } from '../../../test/support/http.js';
import { addDays } from '../../platform/time/working-days.js';
import {
  app,
  c,
  coord,
  count,
  councilDeclined,
  g,
  gp,
  gpUser,
  newFamily,
  region,
  s,
  stranger,
  t,
  team,
  today,
  usePlanApp,
} from './plans.int-support.js';

usePlanApp();

describe('a plan from draft to agreement', () => {
  it("drafts, refuses bad input naming the field, offers to add an owner's organisation, proposes, hears, agrees and records the moment", async () => {
    const { familyId, caseId } = await newFamily();
    const empty = await c.get(`/api/v1/cases/${caseId}/plan`);
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body).toMatchObject({ versions: [], current: null, draft: null, isCoordinator: true });
    const members = empty.body.options.familyMembers as Array<{ personId: string; relation: string; name: string }>;
    const parent = members.find((m) => m.relation === 'parent')!;
    const oma = empty.body.options.network[0];

    const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const v1 = d.body.id as string;
    let version = 1;
    expect((await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {})).body).toMatchObject({ status: 409, code: 'draft_exists' });

    // goals: score out of range, a child's domain for an adult, a target before the version
    expect(
      (await c.post(`/api/v1/plan-versions/${v1}/goals`, { version, domain: 'finances', description: 'Schulden', targetScore: 6 })).body,
    ).toMatchObject({ status: 400, field: 'targetScore' });
    expect(
      (await c.post(`/api/v1/plan-versions/${v1}/goals`, { version, domain: 'safety', personId: parent.personId, description: 'Veilig' }))
        .body,
    ).toMatchObject({ status: 400, field: 'domain', code: 'domain_not_for_age' });
    expect(
      (
        await c.post(`/api/v1/plan-versions/${v1}/goals`, {
          version,
          domain: 'finances',
          description: 'Schulden',
          targetDate: addDays(today, -1),
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'targetDate' });
    expect((await c.post(`/api/v1/plan-versions/${v1}/goals`, { version, domain: 'wellbeing', description: 'x' })).body).toMatchObject({
      status: 400,
      field: 'domain',
    });
    expect(await count('plan_goals', v1)).toBe(0);
    const goal = await c.post(`/api/v1/plan-versions/${v1}/goals`, {
      version,
      domain: 'finances',
      personId: parent.personId,
      description: 'Schulden in beeld en een betalingsregeling',
      targetScore: 3,
      targetDate: addDays(today, 90),
    });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    version = goal.body.version;
    const own = await c.post(`/api/v1/plan-versions/${v1}/goals`, {
      version,
      domain: 'social_network',
      description: 'Wij willen elke zondag bij oma eten',
      familyOwn: true,
    });
    expect(own.status).toBe(201);
    version = own.body.version;
    expect(
      (await c.post(`/api/v1/plan-versions/${v1}/goals`, { version: version - 1, domain: 'housing', description: 'x' })).body,
    ).toMatchObject({ status: 409, code: 'stale_version', field: 'version' });

    // actions: due before the version, an owner's organisation not on the team (offered), then added with a legal basis
    const action = (owner: object, dueOn = addDays(today, 14)) => ({
      goalId: goal.body.id,
      description: 'Aanmelden bij schuldhulp',
      owner,
      dueOn,
    });
    expect(
      (
        await c.post(`/api/v1/plan-versions/${v1}/actions`, {
          version,
          ...action({ kind: 'organisation', organisationId: team }, addDays(today, -3)),
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'dueOn', code: 'due_before_plan_version' });
    const offer = await c.post(`/api/v1/plan-versions/${v1}/actions`, { version, ...action({ kind: 'organisation', organisationId: gp }) });
    expect(offer.body).toMatchObject({
      status: 409,
      code: 'owner_not_on_team',
      field: 'owner.organisationId',
      offer: { organisationId: gp, organisationName: 'Huisartsenpraktijk De Linde' },
    });
    expect(offer.body.offer.users.map((u: { id: string }) => u.id)).toContain(gpUser.actor.userId);
    expect(await count('plan_actions', v1)).toBe(0);
    expect(
      (
        await c.post(`/api/v1/plan-versions/${v1}/actions`, {
          version,
          ...action({ kind: 'network_member', networkMemberId: randomUUID() }),
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'owner.networkMemberId' });
    expect(
      (
        await c.post(`/api/v1/plan-versions/${v1}/actions`, {
          version,
          ...action({ kind: 'family_member', personId: parent.personId }),
          status: 'not_done',
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'notDoneReason' });
    const caseVersion = (await c.get(`/api/v1/cases/${caseId}/plan`)).body.caseVersion;
    // a professional of another organisation than the action's is refused before anyone is added
    expect(
      (
        await c.post(`/api/v1/plan-versions/${v1}/actions/with-team-member`, {
          version,
          action: action({ kind: 'organisation', organisationId: gp }),
          teamMember: { userId: stranger.actor.userId, legalBasis: 'consent', caseVersion },
        })
      ).body,
    ).toMatchObject({ status: 400, field: 'teamMember.userId' });
    // an action that fails its own checks adds nobody to the team either: one transaction
    const badDue = await c.post(`/api/v1/plan-versions/${v1}/actions/with-team-member`, {
      version,
      action: { ...action({ kind: 'organisation', organisationId: gp }), dueOn: '2000-01-03' },
      teamMember: { userId: gpUser.actor.userId, legalBasis: 'consent', caseVersion },
    });
    expect(badDue.body).toMatchObject({ status: 400, field: 'action.dueOn' });
    expect(
      await t.db.query(`SELECT 1 FROM case_team WHERE region_id = $1 AND case_id = $2 AND user_id = $3`, [
        region,
        caseId,
        gpUser.actor.userId,
      ]),
    ).toEqual([]);
    const added = await c.post(`/api/v1/plan-versions/${v1}/actions/with-team-member`, {
      version,
      action: action({ kind: 'organisation', organisationId: gp }),
      teamMember: { userId: gpUser.actor.userId, legalBasis: 'consent', caseVersion },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    version = added.body.version;
    for (const owner of [
      { kind: 'network_member', networkMemberId: oma.id },
      { kind: 'family_member', personId: parent.personId },
      { kind: 'organisation', organisationId: team, userId: coord.actor.userId },
    ]) {
      const r = await c.post(`/api/v1/plan-versions/${v1}/actions`, { version, ...action(owner), description: `Actie van ${owner.kind}` });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      version = r.body.version;
    }

    // only the coordinator proposes; the parties follow from the family and the actions
    expect((await g.post(`/api/v1/plan-versions/${v1}/propose`, { version })).status).toBe(403);
    const p = await c.post(`/api/v1/plan-versions/${v1}/propose`, { version });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const plan = await c.get(`/api/v1/cases/${caseId}/plan`);
    expect(plan.body.current).toMatchObject({ id: v1, number: 1, status: 'proposed' });
    expect(plan.body.draft).toBeNull();
    const parties = plan.body.current.parties as Array<{
      id: string;
      name: string;
      requirement: string;
      kind: string;
      organisationId: string | null;
    }>;
    expect(parties.map((x) => x.requirement).sort()).toEqual([
      'agree',
      'agree',
      'agree',
      'agree_with_parents',
      'agree_with_parents',
      'heard',
    ]);
    const partyOf = (pred: (x: (typeof parties)[number]) => boolean) => parties.find(pred)!;
    const anna = partyOf((x) => x.name.startsWith('Anna'));
    const jip = partyOf((x) => x.requirement === 'heard');
    const gpParty = partyOf((x) => x.organisationId === gp);
    const teens = parties.filter((x) => x.requirement === 'agree_with_parents');

    // a proposed version no longer changes: the service says so, and the database refuses a direct write
    expect(
      (await c.post(`/api/v1/plan-versions/${v1}/goals`, { version: p.body.version, domain: 'housing', description: 'x' })).body,
    ).toMatchObject({ status: 409, code: 'not_a_draft' });
    await expect(
      t.db.query(`UPDATE plan_goals SET description = 'stil gewijzigd' WHERE region_id = $1 AND plan_version_id = $2`, [region, v1]),
    ).rejects.toThrow(/cannot change/);

    // answers: how a family member answered is required; a young child is heard; an organisation answers itself
    const ans = (body: object) => c.post(`/api/v1/plan-versions/${v1}/answers`, body);
    expect((await ans({ partyId: anna.id, answer: 'agreed' })).body).toMatchObject({ status: 400, field: 'via' });
    expect((await ans({ partyId: jip.id, answer: 'agreed', via: 'conversation' })).body).toMatchObject({ status: 400, field: 'answer' });
    expect((await ans({ partyId: teens[0]!.id, answer: 'disagreed', via: 'conversation' })).body).toMatchObject({
      status: 400,
      field: 'reason',
    });
    expect((await ans({ partyId: anna.id, answer: 'agreed', via: 'conversation', answeredOn: addDays(today, 2) })).body).toMatchObject({
      status: 400,
      field: 'answeredOn',
    });
    expect((await g.post(`/api/v1/plan-versions/${v1}/answers`, { partyId: anna.id, answer: 'agreed', via: 'phone' })).status).toBe(403);
    expect((await c.post(`/api/v1/plan-versions/${v1}/answers`, { partyId: gpParty.id, answer: 'agreed' })).status).toBe(403);
    expect((await ans({ partyId: anna.id, answer: 'agreed', via: 'conversation' })).body).toMatchObject({ status: 'proposed' });
    expect((await ans({ partyId: anna.id, answer: 'agreed', via: 'conversation' })).body).toMatchObject({
      status: 409,
      code: 'already_answered',
      field: 'partyId',
    });
    expect((await ans({ partyId: jip.id, answer: 'heard', view: 'Jip wil graag op voetbal blijven', via: 'conversation' })).status).toBe(
      201,
    );
    expect((await g.post(`/api/v1/plan-versions/${v1}/answers`, { partyId: gpParty.id, answer: 'agreed' })).body).toMatchObject({
      status: 'proposed',
    });
    // one teenager disagrees: the version is not agreed, the disagreement stays open, the version takes no more answers
    const no = await ans({ partyId: teens[0]!.id, answer: 'disagreed', reason: 'Ik wil niet elke zondag naar oma', via: 'conversation' });
    expect(no.body).toMatchObject({ status: 'not_agreed' });
    expect((await ans({ partyId: teens[1]!.id, answer: 'agreed', via: 'conversation' })).body).toMatchObject({
      status: 409,
      code: 'not_the_proposed_version',
      field: 'versionId',
    });
    const sum1 = await c.get(`/api/v1/families/${familyId}/plan-summary`);
    expect(sum1.status, JSON.stringify(sum1.body)).toBe(200);
    expect(sum1.body).toMatchObject({ current: { number: 1, status: 'not_agreed' }, agreed: null });
    expect(sum1.body.openDisagreements).toEqual([expect.objectContaining({ number: 1, reason: 'Ik wil niet elke zondag naar oma' })]);

    // the next draft copies the last version; the family's own goal is changed in their words; comparing shows it
    const d2 = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    expect(d2.status).toBe(201);
    const v2 = d2.body.id as string;
    const draft2 = (await c.get(`/api/v1/plan-versions/${v2}`)).body;
    expect(draft2.goals).toHaveLength(2);
    expect(draft2.actions).toHaveLength(4);
    expect(draft2.actions[0].goalId).toBe(draft2.goals[0].id); // the copied action points to the copied goal
    const ownGoal = draft2.goals.find((x: { familyOwn: boolean }) => x.familyOwn);
    let version2 = draft2.version;
    const upd = await c.put(`/api/v1/plan-versions/${v2}/goals/${ownGoal.id}`, {
      version: version2,
      domain: 'social_network',
      description: 'Wij eten om de week bij oma',
      familyOwn: true,
    });
    expect(upd.status, JSON.stringify(upd.body)).toBe(200);
    version2 = upd.body.version;
    const cmp = await c.get(`/api/v1/plan-versions/compare?from=${v1}&to=${v2}`);
    expect(cmp.status, JSON.stringify(cmp.body)).toBe(200);
    expect(cmp.body.counts).toEqual({
      goals: { added: 0, removed: 0, changed: 1, unchanged: 1 },
      actions: { added: 0, removed: 0, changed: 0, unchanged: 4 },
    });
    expect(cmp.body.goals.find((x: { change: string }) => x.change === 'changed')).toMatchObject({
      fields: ['description'],
      before: { description: 'Wij willen elke zondag bij oma eten' },
      after: { description: 'Wij eten om de week bij oma' },
    });

    // proposing the next version answers the disagreement; everyone agrees; the plan-agreed moment is recorded once
    const p2 = await c.post(`/api/v1/plan-versions/${v2}/propose`, { version: version2 });
    expect(p2.status, JSON.stringify(p2.body)).toBe(200);
    const cur = (await c.get(`/api/v1/cases/${caseId}/plan`)).body;
    expect(cur.openDisagreements).toEqual([]);
    for (const party of cur.current.parties as typeof parties) {
      const client = party.organisationId === gp ? g : c;
      const body =
        party.requirement === 'heard'
          ? { partyId: party.id, answer: 'heard', view: 'Vindt het goed', via: 'conversation' }
          : party.kind === 'person'
            ? { partyId: party.id, answer: 'agreed', via: 'phone' }
            : { partyId: party.id, answer: 'agreed' };
      const r = await client.post(`/api/v1/plan-versions/${v2}/answers`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const done = (await c.get(`/api/v1/cases/${caseId}/plan`)).body;
    expect(done).toMatchObject({ agreedVersionId: v2, current: { status: 'agreed' } });
    expect(
      await t.db.query(`SELECT 1 FROM lead_time_moments WHERE region_id = $1 AND case_id = $2 AND moment = 'plan_agreed'`, [
        region,
        caseId,
      ]),
    ).toHaveLength(1);
    const kinds = (
      await t.db.query<{ kind: string }>(
        `SELECT kind FROM timeline_events WHERE region_id = $1 AND family_id = $2 AND kind LIKE 'plan%' ORDER BY seq`,
        [region, familyId],
      )
    ).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['plan_draft_started', 'plan_version_proposed', 'plan_disagreed', 'plan_agreed']));
    const sum2 = (await c.get(`/api/v1/families/${familyId}/plan-summary`)).body;
    expect(sum2.agreed).toMatchObject({ id: v2, number: 2 });
    expect(sum2.agreed.by.map((x: { name: string }) => x.name)).toEqual(
      expect.arrayContaining(['Huisartsenpraktijk De Linde', 'Wijkteam Oost']),
    );
    expect(sum2.dueThisWeek).toEqual([]);

    // an agreed version and its goals and actions are refused by the database
    await expect(
      t.db.query(`UPDATE plan_versions SET plan_date = plan_date - 1 WHERE region_id = $1 AND id = $2`, [region, v2]),
    ).rejects.toThrow(/cannot change/);
    await expect(t.db.query(`UPDATE plan_versions SET status = 'draft' WHERE region_id = $1 AND id = $2`, [region, v2])).rejects.toThrow(
      /cannot change/,
    );
    await expect(t.db.query(`DELETE FROM plan_versions WHERE region_id = $1 AND id = $2`, [region, v2])).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      t.db.query(`UPDATE plan_actions SET status = 'done' WHERE region_id = $1 AND plan_version_id = $2`, [region, v2]),
    ).rejects.toThrow(/cannot change/);
    await expect(t.db.query(`DELETE FROM plan_goals WHERE region_id = $1 AND plan_version_id = $2`, [region, v2])).rejects.toThrow(
      /cannot change/,
    );
    await expect(
      t.db.query(
        `INSERT INTO plan_goals (region_id, id, plan_version_id, family_id, lineage_id, domain, description) VALUES ($1, $2, $3, $4, $2, 'housing', 'x')`,
        [region, randomUUID(), v2, familyId],
      ),
    ).rejects.toThrow(/cannot change/);
    await expect(t.db.query(`DELETE FROM plan_answers WHERE region_id = $1 AND plan_version_id = $2`, [region, v2])).rejects.toThrow();

    // a third version agreed supersedes the second
    const d3 = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    const v3 = d3.body.id as string;
    const rm = await c.post(
      `/api/v1/plan-versions/${v3}/actions/${(await c.get(`/api/v1/plan-versions/${v3}`)).body.actions.find((a: { owner: { organisationId: string | null } }) => a.owner.organisationId === gp).id}/remove`,
      { version: 1 },
    );
    expect(rm.status, JSON.stringify(rm.body)).toBe(200);
    expect((await c.post(`/api/v1/plan-versions/${v3}/propose`, { version: rm.body.version })).status).toBe(200);
    for (const party of (await c.get(`/api/v1/plan-versions/${v3}`)).body.parties as typeof parties) {
      const body =
        party.requirement === 'heard'
          ? { partyId: party.id, answer: 'heard', view: 'Goed', via: 'conversation' }
          : party.kind === 'person'
            ? { partyId: party.id, answer: 'agreed', via: 'in_writing' }
            : { partyId: party.id, answer: 'agreed' };
      expect((await c.post(`/api/v1/plan-versions/${v3}/answers`, body)).status).toBe(201);
    }
    const after = (await c.get(`/api/v1/cases/${caseId}/plan`)).body;
    expect(after.versions.map((x: { status: string }) => x.status)).toEqual(['not_agreed', 'superseded', 'agreed']);
    expect(after.current.parties.some((x: { organisationId: string | null }) => x.organisationId === gp)).toBe(false);
    expect(await t.db.query(`SELECT 1 FROM audit_log WHERE region_id = $1 AND object_type = 'plan-answer'`, [region])).not.toHaveLength(0);
  });

  it('answers 404 to a professional off the case team, as for an unknown id, and audits the refusal', async () => {
    const { caseId, familyId } = await newFamily();
    const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    for (const url of [
      `/api/v1/cases/${caseId}/plan`,
      `/api/v1/plan-versions/${d.body.id}`,
      `/api/v1/families/${familyId}/plan-summary`,
      `/api/v1/plan-versions/compare?from=${d.body.id}&to=${d.body.id}`,
    ]) {
      expect((await s.get(url)).status, url).toBe(404);
    }
    expect((await s.get(`/api/v1/plan-versions/${randomUUID()}`)).status).toBe(404);
    expect((await s.post(`/api/v1/plan-versions/${d.body.id}/goals`, { version: 1, domain: 'housing', description: 'x' })).status).toBe(
      404,
    );
    expect((await s.post(`/api/v1/cases/${caseId}/plan/drafts`, {})).status).toBe(404);
  });

  it("asks a team lead's approval before proposing when the region wants it, and an edit undoes the approval", async () => {
    const admin = await createUser(t.db, region, team, ['functional_admin']);
    const lead = await createUser(t.db, region, team, ['professional', 'team_lead']);
    const a = await login(app, admin.username);
    const l = await login(app, lead.username);
    // Never saved: the default as version 1; a save on it makes version 2; a save on version 1 again is stale.
    expect((await a.get('/api/v1/plan-settings')).body).toEqual({ teamLeadApproval: false, version: 1 });
    expect((await a.put('/api/v1/plan-settings', { teamLeadApproval: true, version: 1 })).body).toEqual({
      teamLeadApproval: true,
      version: 2,
    });
    expect((await a.put('/api/v1/plan-settings', { teamLeadApproval: false, version: 1 })).body).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    try {
      const { caseId } = await newFamily();
      const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
      const goal = await c.post(`/api/v1/plan-versions/${d.body.id}/goals`, { version: 1, domain: 'housing', description: 'Een woning' });
      expect((await c.post(`/api/v1/plan-versions/${d.body.id}/propose`, { version: goal.body.version })).body).toMatchObject({
        status: 409,
        code: 'approval_required',
      });
      expect((await c.post(`/api/v1/plan-versions/${d.body.id}/approve`, { version: goal.body.version })).status).toBe(403); // not a team lead
      const ok = await l.post(`/api/v1/plan-versions/${d.body.id}/approve`, { version: goal.body.version });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      const edit = await c.post(`/api/v1/plan-versions/${d.body.id}/goals`, {
        version: ok.body.version,
        domain: 'finances',
        description: 'Budget',
      });
      expect((await c.post(`/api/v1/plan-versions/${d.body.id}/propose`, { version: edit.body.version })).body).toMatchObject({
        code: 'approval_required',
      });
      const again = await l.post(`/api/v1/plan-versions/${d.body.id}/approve`, { version: edit.body.version });
      expect((await c.post(`/api/v1/plan-versions/${d.body.id}/propose`, { version: again.body.version })).status).toBe(200);
    } finally {
      await a.put('/api/v1/plan-settings', { teamLeadApproval: false });
    }
  });

  it('refuses to propose a plan without goals (the plan rules)', async () => {
    const { caseId } = await newFamily();
    const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    expect((await c.post(`/api/v1/plan-versions/${d.body.id}/propose`, { version: 1 })).body).toMatchObject({
      status: 409,
      code: 'no_goals',
      field: 'goals',
    });
    expect(await count('plan_parties', d.body.id)).toBe(0);
  });

  it("refuses to propose before the family network council was offered; declined is fine (the safety module's rule)", async () => {
    const { caseId } = await newFamily({ offerCouncil: false });
    const d = await c.post(`/api/v1/cases/${caseId}/plan/drafts`, {});
    const goal = await c.post(`/api/v1/plan-versions/${d.body.id}/goals`, {
      version: 1,
      domain: 'finances',
      description: 'Rust in de financiën',
    });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    const refused = await c.post(`/api/v1/plan-versions/${d.body.id}/propose`, { version: goal.body.version });
    expect(refused.body).toMatchObject({ status: 409, code: 'council_not_offered', field: 'council' });
    expect(await count('plan_parties', d.body.id)).toBe(0);
    expect((await c.put(`/api/v1/cases/${caseId}/council`, councilDeclined)).status).toBe(200);
    expect((await c.post(`/api/v1/plan-versions/${d.body.id}/propose`, { version: goal.body.version })).status).toBe(200);
  });
});
