// Property test: for random organisations, professionals and handovers between them (in three
// regions; a handover may go to an organisation of another region), what PostgreSQL's row-level
// security shows and lets lock for an answer must equal mayReadHandover() and mayRespond() in
// handover-rules.ts. The same for the names a viewer gets through regie.handover_parties().
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor, Role } from '../../platform/access/actor.js';
import { addWorkingDays, dutchToday } from '../../platform/time/working-days.js';
import { mayReadHandover, mayRespond } from './handover-rules.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const worldArb = fc.record({
  orgs: fc.array(
    fc.record({
      region: fc.integer({ min: 0, max: 2 }),
      type: fc.constantFrom('municipal_team', 'veilig_thuis', 'youth_care', 'gp_practice'),
    }),
    { minLength: 3, maxLength: 5 },
  ),
  users: fc.array(fc.record({ org: fc.nat(), lead: fc.boolean() }), { minLength: 2, maxLength: 6 }),
  handovers: fc.array(
    fc.record({
      from: fc.nat(),
      to: fc.nat(),
      elsewhere: fc.boolean(),
      status: fc.constantFrom('pending', 'accepted', 'refused', 'expired'),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

describe('handover visibility: policy and row-level security agree', () => {
  it('for random worlds', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (w) => {
        const regions = [`hr${randomUUID().slice(0, 6)}`, `hr${randomUUID().slice(0, 6)}`, `hr${randomUUID().slice(0, 6)}`];
        for (const r of regions) await t.db.query(`INSERT INTO regions (id, name) VALUES ($1, $1)`, [r]);
        const orgs: Array<{ id: string; regionId: string; type: string }> = [];
        for (const o of w.orgs) {
          const id = randomUUID();
          const regionId = regions[o.region]!; // o.region is 0..2: one of the three regions
          await t.db.query(`INSERT INTO organisations (region_id, id, name, type) VALUES ($1, $2, $3, $4)`, [
            regionId,
            id,
            `Org ${id.slice(0, 4)}`,
            o.type,
          ]);
          orgs.push({ id, regionId, type: o.type });
        }
        const actors: Actor[] = [];
        for (const u of w.users) {
          const org = orgs[u.org % orgs.length]!; // the world has at least three organisations
          const id = randomUUID();
          const roles: Role[] = u.lead ? ['professional', 'team_lead'] : ['professional'];
          await t.db.query(
            `INSERT INTO users (region_id, id, organisation_id, username, display_name, roles, totp_required) VALUES ($1, $2, $3, $4, $5, $6, false)`,
            [org.regionId, id, org.id, `h_${id}`, `Prof ${id.slice(0, 4)}`, roles],
          );
          actors.push({
            regionId: org.regionId,
            userId: id,
            organisationId: org.id,
            organisationType: org.type,
            safetyTask: false,
            roles,
            displayName: id,
          });
        }
        const handovers: Array<{ id: string; regionId: string; toRegionId: string; fromOrganisationId: string; toOrganisationId: string }> =
          [];
        for (const h of w.handovers) {
          const from = orgs[h.from % orgs.length]!;
          // within the sender's region, or to an organisation of another region
          const options = orgs.filter(
            (o) => o.id !== from.id && (h.elsewhere ? o.regionId !== from.regionId : o.regionId === from.regionId),
          );
          const to = options[h.to % Math.max(1, options.length)];
          if (!to) continue;
          const sender = actors.find((a) => a.organisationId === from.id);
          if (!sender) continue;
          const signalId = randomUUID();
          const id = randomUUID();
          await t.db.query(
            `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, what_seen, urgency, triage_due_on)
          VALUES ($1, $2, $3, $4, 'citizen', 'Zorgen', 'normal', $5)`,
            [from.regionId, signalId, `A-${signalId}`, from.id, dutchToday()],
          );
          await t.db.query(
            `INSERT INTO handovers (region_id, to_region_id, id, signal_id, subject_label, from_organisation_id, from_user_id, to_organisation_id, reason,
            safety_assessment, known_information, legal_basis, sender_access, status, refusal_reason, accept_due_on)
          VALUES ($1, $2, $3, $4, 'Melding', $5, $6, $7, 'Reden', 'safe', 'Bekend', 'statutory_task', 'ends', $8, $9, $10)`,
            [
              from.regionId,
              to.regionId,
              id,
              signalId,
              from.id,
              sender.userId,
              to.id,
              h.status,
              h.status === 'refused' ? 'Geen taak' : null,
              addWorkingDays(dutchToday(), 5),
            ],
          );
          handovers.push({ id, regionId: from.regionId, toRegionId: to.regionId, fromOrganisationId: from.id, toOrganisationId: to.id });
        }
        const mine = new Set(handovers.map((h) => h.id));
        for (const actor of actors) {
          const { seen, lockable, named } = await asActor(t.db, actor, async (tx) => {
            const withNames: string[] = [];
            for (const h of handovers)
              if ((await tx.query(`SELECT 1 FROM regie.handover_parties($1, $2)`, [h.regionId, h.id])).length) withNames.push(h.id);
            return {
              seen: (await tx.query<{ id: string }>(`SELECT id FROM handovers`))
                .map((r) => r.id)
                .filter((id) => mine.has(id))
                .sort(),
              lockable: (await tx.query<{ id: string }>(`SELECT id FROM handovers FOR UPDATE`))
                .map((r) => r.id)
                .filter((id) => mine.has(id))
                .sort(),
              named: withNames.sort(),
            };
          });
          const readable = handovers
            .filter((h) => mayReadHandover(actor, h))
            .map((h) => h.id)
            .sort();
          expect(seen).toEqual(readable);
          expect(named).toEqual(readable);
          expect(lockable).toEqual(
            handovers
              .filter((h) => mayRespond(actor, h))
              .map((h) => h.id)
              .sort(),
          );
        }
      }),
      { numRuns: 20 },
    );
  });
});
