// Progress on the agreed plan (issue 14, migration 0380): an action of the agreed version is
// marked done, not done (with why) or open again without a new version; the agreed version stays
// as agreed, a stale page gets 409, "Mijn gezinnen" and the family summary count the stand, a new
// draft starts from it, and the database refuses progress on anything but the agreed version.
import { describe, expect, it } from 'vitest';
import { familyBody } from '../../../test/support/factory.js';
import { agreePlanWithOverdueAction, c, coord, councilDeclined, g, region, s, t, usePlanApp } from './plans.int-support.js';

usePlanApp();

/** A family whose agreed plan has one action of the family, due three days ago. */
async function agreedPlan() {
  const fam = await c.post('/api/v1/families', familyBody(coord.actor.userId, { children: 0, familyName: 'Voortgang' }));
  expect(fam.status, JSON.stringify(fam.body)).toBe(201);
  const familyId = fam.body.id as string;
  const caseId = (await c.get(`/api/v1/families/${familyId}`)).body.currentCase.id as string;
  expect((await c.put(`/api/v1/cases/${caseId}/council`, councilDeclined)).status).toBe(200);
  return { familyId, caseId, ...(await agreePlanWithOverdueAction(caseId)) };
}

describe('progress on the agreed plan', () => {
  it('marks an action done, not done and open again without changing the agreed version; a stale page gets 409', async () => {
    const k = await agreedPlan();
    const url = `/api/v1/plan-actions/${k.actionId}/progress`;
    type Item = { id: string; actionsOverdue: number };
    const overdue = async () =>
      ((await c.get('/api/v1/families?limit=100')).body.items as Item[]).find((f) => f.id === k.familyId)!.actionsOverdue;
    expect(await overdue()).toBe(1);

    const done = await c.post(url, { status: 'done', version: 1 });

    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ actionId: k.actionId, status: 'done', version: 2 });
    const v = (await c.get(`/api/v1/plan-versions/${k.versionId}`)).body;
    expect(v.status).toBe('agreed');
    expect(v.actions[0].status).toBe('open'); // what was agreed
    expect(v.actions[0].progress).toMatchObject({ status: 'done', notDoneReason: null, version: 2, recordedByName: expect.any(String) });
    expect(await overdue()).toBe(0); // a done action is not overdue
    expect((await c.get(`/api/v1/families/${k.familyId}/plan-summary`)).body.overdue).toEqual([]);

    // The page read before the change is stale: 409, nothing written.
    expect((await c.post(url, { status: 'not_done', notDoneReason: 'Geen tijd', version: 1 })).body).toMatchObject({
      status: 409,
      code: 'stale_version',
    });
    // Not done needs a reason, named at its field.
    expect((await c.post(url, { status: 'not_done', version: 2 })).body).toMatchObject({ status: 400, field: 'notDoneReason' });
    const notDone = await c.post(url, { status: 'not_done', notDoneReason: 'Moeder had geen DigiD', version: 2 });
    expect(notDone.status, JSON.stringify(notDone.body)).toBe(200);
    expect((await c.post(url, { status: 'not_done', notDoneReason: 'Moeder had geen DigiD', version: 3 })).body).toMatchObject({
      status: 409,
      code: 'no_change',
    });
    expect((await c.post(url, { status: 'open', version: 3 })).status).toBe(200);
    expect(await overdue()).toBe(1);

    // On the timeline, and in the log as an update of the action for every person of the family.
    const kinds = (
      await t.db.query<{ kind: string }>(`SELECT kind FROM timeline_events WHERE region_id = $1 AND family_id = $2 ORDER BY seq`, [
        region,
        k.familyId,
      ])
    ).map((r) => r.kind);
    expect(kinds.filter((x) => x.startsWith('plan_action_'))).toEqual(['plan_action_done', 'plan_action_not_done', 'plan_action_reopened']);
    expect(
      await t.db.query(
        `SELECT 1 FROM audit_log WHERE region_id = $1 AND object_type = 'plan-action' AND object_id = $2 AND action = 'update'`,
        [region, k.actionId],
      ),
    ).not.toHaveLength(0);
  });

  it('lets a new draft start from the stand; is refused on a draft, off the team (404) and in the database', async () => {
    const k = await agreedPlan();
    expect((await c.post(`/api/v1/plan-actions/${k.actionId}/progress`, { status: 'done', version: 1 })).status).toBe(200);
    const d = await c.post(`/api/v1/cases/${k.caseId}/plan/drafts`, {});
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const draft = (await c.get(`/api/v1/plan-versions/${d.body.id}`)).body;
    expect(draft.actions[0]).toMatchObject({ status: 'done', progress: { status: 'done', version: 1, recordedAt: null } });
    // Progress belongs to the agreed version: a draft's action changes itself.
    expect((await c.post(`/api/v1/plan-actions/${draft.actions[0].id}/progress`, { status: 'open', version: 1 })).body).toMatchObject({
      status: 409,
      code: 'not_the_agreed_version',
    });
    // Off the case team: as if the action did not exist, and nothing written.
    expect((await s.get(`/api/v1/plan-versions/${k.versionId}`)).status).toBe(404);
    expect((await s.post(`/api/v1/plan-actions/${k.actionId}/progress`, { status: 'open', version: 2 })).status).toBe(404);
    expect((await g.post(`/api/v1/plan-actions/${k.actionId}/progress`, { status: 'open', version: 2 })).status).toBe(404);
    // The database: progress only on an action of the agreed version, and never changed afterwards.
    await expect(
      t.db.query(
        `INSERT INTO plan_action_progress (region_id, id, action_id, plan_version_id, family_id, status, recorded_by)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, 'done', $5)`,
        [region, draft.actions[0].id, d.body.id, k.familyId, coord.actor.userId],
      ),
    ).rejects.toThrow(/agreed plan version only/);
    await expect(t.db.query(`UPDATE plan_action_progress SET status = 'open' WHERE region_id = $1`, [region])).rejects.toThrow();
    await expect(t.db.query(`DELETE FROM plan_action_progress WHERE region_id = $1`, [region])).rejects.toThrow();
  });
});
