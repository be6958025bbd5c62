// Handovers between regions, the database's own guards: row-level security on a handover from
// another region, the functions that write in the other region, and the foreign keys across regions.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOrganisation, createUser, type TestUser } from '../../../test/support/factory.js';
import type { Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { dutchToday } from '../../platform/time/working-days.js';
import {
  useHandoverRegions,
  t,
  A,
  B,
  vt,
  teamB,
  vtCoord,
  vtLead,
  proB,
  outsider,
  cProB,
  caseInA,
  sent,
  caseRow,
} from './handovers.regions.int-support.js';

useHandoverRegions();

describe('row-level security on a handover from another region', () => {
  it('lets the receiver change only the answer, and an answer is final', async () => {
    const k = await sent();
    const err = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: { code?: string }) => e.code,
      );
    // the package is not the receiver's to change
    expect(
      await err(asActor(t.db, proB.actor, (tx) => tx.query(`UPDATE handovers SET reason = 'anders' WHERE id = $1`, [k.handoverId]))),
    ).toBe('42501');
    // the sender may not answer its own handover, not even in the database
    const n = await asActor(t.db, vtCoord.actor, (tx) =>
      tx.query(`UPDATE handovers SET status = 'refused', refusal_reason = 'x' WHERE id = $1 RETURNING id`, [k.handoverId]),
    );
    expect(n).toEqual([]);
    expect((await cProB.post(`/api/v1/handovers/${k.handoverId}/refuse`, { reason: 'Geen capaciteit in Goes deze maand.' })).status).toBe(
      200,
    );
    expect(
      await err(asActor(t.db, proB.actor, (tx) => tx.query(`UPDATE handovers SET status = 'pending' WHERE id = $1`, [k.handoverId]))),
    ).toBe('23514');
    // the writers in the other region refuse anyone but a party, outside the transaction that sent or answered
    const call = (who: TestUser, sql: string, params: unknown[] = [A, k.handoverId]) =>
      err(asActor(t.db, who.actor, (tx) => tx.query(sql, params)));
    expect(await call(proB, `SELECT regie.handover_close_sender_case($1, $2, 'verhuisd', 'beëindigd')`)).toBe('42501');
    expect(await call(proB, `SELECT regie.handover_touch_sender_case($1, $2)`)).toBe('42501');
    expect(await call(proB, `SELECT regie.handover_event_elsewhere($1, $2, 'handover_refused', 'handover_refused', '{}', '{}')`)).toBe(
      '42501',
    );
    expect(await call(proB, `SELECT * FROM regie.handover_staff_elsewhere($1, $2)`)).toBe('42501');
    expect(
      await call(proB, `SELECT regie.handover_notify_elsewhere($1, $2, $3, 'handover_refused', '{}', $4, $5)`, [
        A,
        k.handoverId,
        vtCoord.actor.userId,
        `/overdrachten/${k.handoverId}`,
        `handover-refused:${k.handoverId}`,
      ]),
    ).toBe('42501');
    expect(await call(outsider, `SELECT regie.audit_handover_elsewhere($1, $2, 'read', 'handover', 'x', 'professional', NULL, NULL)`)).toBe(
      '42501',
    );
    expect(
      await call(vtCoord, `SELECT regie.handover_notify_elsewhere($1, $2, $3, 'handover_received', '{}', $4, $5)`, [
        A,
        k.handoverId,
        proB.actor.userId,
        `/overdrachten/${k.handoverId}`,
        `handover-received:${k.handoverId}`,
      ]),
    ).toBe('42501');
  });

  it('lets the receiver, inside its answering transaction, write in the other region only what that answer causes', async () => {
    const k = await sent();
    const stranger = await createUser(t.db, A, await createOrganisation(t.db, A, 'school', 'OBS Middelburg'), ['professional']);
    const codeOf = (e: unknown) => (e as { code?: string }).code;
    // Each probe: the answer (refused) given in a transaction through the receiver's column
    // grants, then one call; the transaction is always rolled back, so the probes stay independent.
    const rollback = new Error('rollback');
    const inTx = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
      let out: T | undefined;
      await asActor(t.db, proB.actor, async (tx) => {
        await tx.query(
          `UPDATE handovers SET status = 'refused', refusal_reason = 'Geen plek', responded_by = $2, responded_at = now() WHERE id = $1`,
          [k.handoverId, proB.actor.userId],
        );
        out = await fn(tx);
        throw rollback;
      }).catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
      return out as T;
    };
    const refused = (sql: string, params: unknown[]) =>
      inTx((tx) =>
        tx.query(sql, params).then(
          () => 'ok',
          (e: unknown) => codeOf(e),
        ),
      );
    const link = `/overdrachten/${k.handoverId}`;
    // whom it may tell: the sender and the sending organisation's team leads, not anybody of that region
    const staff = await inTx((tx) =>
      tx.query<{ user_id: string }>(`SELECT user_id FROM regie.handover_staff_elsewhere($1, $2)`, [A, k.handoverId]),
    );
    expect(staff.map((r) => r.user_id).sort()).toEqual([vtCoord.actor.userId, vtLead.actor.userId].sort());
    const notice = `SELECT regie.handover_notify_elsewhere($1, $2, $3, $4, '{}', $5, $6)`;
    expect(
      await refused(notice, [A, k.handoverId, stranger.actor.userId, 'handover_refused', link, `handover-refused:${k.handoverId}`]),
    ).toBe('42501');
    // nothing but this answer's kind, link and event key
    expect(
      await refused(notice, [A, k.handoverId, vtCoord.actor.userId, 'handover_accepted', link, `handover-accepted:${k.handoverId}`]),
    ).toBe('42501');
    expect(
      await refused(notice, [A, k.handoverId, vtCoord.actor.userId, 'handover_refused', '/elders', `handover-refused:${k.handoverId}`]),
    ).toBe('42501');
    expect(
      await refused(notice, [A, k.handoverId, vtCoord.actor.userId, 'handover_refused', link, `handover-refused:${k.handoverId}`]),
    ).toBe('ok');
    // a refusal closes no case, and is no acceptance or closing on the timeline
    expect(await refused(`SELECT regie.handover_close_sender_case($1, $2, 'verhuisd', 'beëindigd')`, [A, k.handoverId])).toBe('42501');
    const event = `SELECT regie.handover_event_elsewhere($1, $2, $3, $4, '{}', '{}')`;
    expect(await refused(event, [A, k.handoverId, 'case_closed', 'case_status_changed'])).toBe('42501');
    expect(await refused(event, [A, k.handoverId, 'handover_accepted_elsewhere', 'handover_accepted'])).toBe('42501');
    expect(await refused(event, [A, k.handoverId, 'handover_refused', 'handover_refused'])).toBe('ok');
    // the log names the case only when this answer closed it
    expect(
      await refused(`SELECT regie.audit_handover_elsewhere($1, $2, 'update', 'case', 'x', 'professional', NULL, NULL)`, [A, k.handoverId]),
    ).toBe('42501');
    expect(await caseRow(A, k.caseId)).toMatchObject({ status: 'registered' });
  });

  it('keeps the foreign keys of a handover within one region, and names the receiving region in a foreign key across regions', async () => {
    const k = await caseInA();
    const insert = (toRegion: string | null, toOrg: string) =>
      t.db
        .query(
          `INSERT INTO handovers (region_id, to_region_id, id, case_id, family_id, subject_label, from_organisation_id, from_user_id, to_organisation_id, reason,
          safety_assessment, known_information, legal_basis, sender_access, accept_due_on)
       VALUES ($1, $2, $3, $4, $5, 'Gezin', $6, $7, $8, 'Reden', 'safe', 'Bekend', 'statutory_task', 'ends', $9)`,
          [A, toRegion, randomUUID(), k.caseId, k.familyId, vt, vtCoord.actor.userId, toOrg, dutchToday()],
        )
        .then(
          () => 'ok',
          (e: { code?: string }) => e.code,
        );
    expect(await insert(null, randomUUID())).toBe('23503'); // default: own region, so the receiver must exist there
    expect(await insert(A, teamB)).toBe('23503'); // Team Jeugd Goes is no organisation of A
    expect(await insert('no-such-region', teamB)).toBe('23503');
    expect(await insert(B, teamB)).toBe('ok');
  });
});
