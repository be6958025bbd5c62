import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { notify, teamLeadsOf } from './notify.js';

let t: TestDb;
let sender: TestUser;
let receiver: TestUser;
let lead: TestUser;
let otherRegion: TestUser;

beforeAll(async () => {
  t = await createTestDatabase();
  const region = await createRegion(t.db);
  const org = await createOrganisation(t.db, region);
  sender = await createUser(t.db, region, org);
  receiver = await createUser(t.db, region, org);
  lead = await createUser(t.db, region, org, ['professional', 'team_lead']);
  await t.db.query(`UPDATE users SET email = 'ontvanger@example.nl' WHERE id = $1`, [receiver.actor.userId]);
  const r2 = await createRegion(t.db);
  otherRegion = await createUser(t.db, r2, await createOrganisation(t.db, r2));
});
afterAll(async () => {
  await t?.drop();
});

describe('notify', () => {
  it('writes an inbox row for each recipient and an outbox e-mail for those with an address, once per dedupe key', async () => {
    const n = {
      regionId: sender.actor.regionId,
      userIds: [receiver.actor.userId, lead.actor.userId],
      kind: 'handover_received' as const,
      params: { from: { name: 'Veilig Thuis' } },
      link: '/overdrachten/x',
      dedupeKey: 'handover:x',
    };
    expect(await asActor(t.db, sender.actor, (tx) => notify(tx, n))).toBe(2);
    expect(await asActor(t.db, sender.actor, (tx) => notify(tx, n))).toBe(0);
    // The e-mail is queued with the kind and the recipient's language; its subject is written when it is sent.
    const mails = await t.db.query<{ to_address: string; kind: string; language: string; subject: string | null }>(
      `SELECT to_address, kind, language, subject FROM mail_outbox`,
    );
    expect(mails).toEqual([{ to_address: 'ontvanger@example.nl', kind: 'handover_received', language: 'nl', subject: null }]);
    // the recipient sees it in their own inbox; the sender does not
    const own = await asActor(t.db, receiver.actor, (tx) => tx.query('SELECT kind, params FROM notifications'));
    expect(own).toEqual([{ kind: 'handover_received', params: { from: { name: 'Veilig Thuis' } } }]);
    expect(await asActor(t.db, sender.actor, (tx) => tx.query('SELECT kind FROM notifications'))).toEqual([]);
  });

  it('refuses to notify into another region, and finds team leads', async () => {
    await expect(
      asActor(t.db, sender.actor, (tx) =>
        notify(tx, {
          regionId: otherRegion.actor.regionId,
          userIds: [otherRegion.actor.userId],
          kind: 'triage_overdue',
          params: { reference: 'x' },
          link: '/',
          dedupeKey: 'x',
        }),
      ),
    ).rejects.toThrow(/outside/);
    expect(await asActor(t.db, sender.actor, (tx) => teamLeadsOf(tx, sender.actor.regionId, sender.actor.organisationId))).toEqual([
      lead.actor.userId,
    ]);
  });
});
