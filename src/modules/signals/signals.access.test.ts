// Property test: for random worlds of organisations, professionals (some team leads), case teams
// (some ended) and signals (received by one organisation, reported by someone or by the public,
// linked to a case or not), the policy's answer (maySeeSignal, mayTriage) must equal what
// PostgreSQL's row-level security lets the same actor read and update.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor, Role } from '../../platform/access/actor.js';
import { mayReadFamily, type Membership } from '../../platform/access/policy.js';
import { maySeeSignal, mayTriage, type SignalFacts } from './signals.access.js';

const worldArb = fc.record({
  orgs: fc.integer({ min: 2, max: 3 }),
  users: fc.array(fc.record({ org: fc.nat(), teamLead: fc.boolean() }), { minLength: 2, maxLength: 5 }),
  families: fc.integer({ min: 1, max: 2 }),
  memberships: fc.array(fc.record({ user: fc.nat(), family: fc.nat(), ended: fc.boolean() }), { maxLength: 5 }),
  signals: fc.array(fc.record({ org: fc.nat(), reporter: fc.option(fc.nat(), { nil: null }), family: fc.nat(), linked: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  }),
});

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

class Rollback extends Error {
  constructor(readonly ids: string[]) {
    super('rollback');
  }
}

describe('signal visibility: policy and row-level security agree', () => {
  it('for random worlds', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (spec) => {
        const regionId = `s${randomUUID().slice(0, 12)}`;
        const world = await t.db.transaction(async (tx) => {
          await tx.query(`INSERT INTO regions (id, name) VALUES ($1, $1)`, [regionId]);
          const orgs: string[] = [];
          for (let i = 0; i < spec.orgs; i++) {
            orgs.push(randomUUID());
            await tx.query(`INSERT INTO organisations (region_id, id, name, type) VALUES ($1, $2, 'org', 'municipal_team')`, [
              regionId,
              orgs[i],
            ]);
          }
          const actors: Actor[] = [];
          for (const u of spec.users) {
            const roles: Role[] = ['professional', 'coordinator', ...(u.teamLead ? ['team_lead' as const] : [])];
            const id = randomUUID();
            const org = orgs[u.org % orgs.length]!; // the world has at least two organisations, two users and one family
            await tx.query(
              `INSERT INTO users (region_id, id, organisation_id, username, display_name, roles) VALUES ($1, $2, $3, $4, 'p', $5)`,
              [regionId, id, org, `a_${id}`, roles],
            );
            actors.push({
              regionId,
              userId: id,
              organisationId: org,
              organisationType: 'municipal_team',
              safetyTask: false,
              roles,
              displayName: 'p',
            });
          }
          const families: { id: string; caseId: string }[] = [];
          const memberships: Membership[] = [];
          for (let i = 0; i < spec.families; i++) {
            const f = { id: randomUUID(), caseId: randomUUID() };
            await tx.query(`INSERT INTO families (region_id, id, name) VALUES ($1, $2, 'Gezin')`, [regionId, f.id]);
            await tx.query(`INSERT INTO cases (region_id, id, family_id) VALUES ($1, $2, $3)`, [regionId, f.caseId, f.id]);
            const coord = actors[i % actors.length]!;
            await tx.query(
              `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis)
            VALUES ($1, $2, $3, $4, $5, $6, 'coordinator', 'consent')`,
              [regionId, randomUUID(), f.caseId, f.id, coord.organisationId, coord.userId],
            );
            memberships.push({
              familyId: f.id,
              userId: coord.userId,
              organisationId: coord.organisationId,
              legalBasis: 'consent',
              role: 'coordinator',
              active: true,
            });
            families.push(f);
          }
          for (const m of spec.memberships) {
            const u = actors[m.user % actors.length]!;
            const f = families[m.family % families.length]!;
            if (memberships.some((x) => x.active && x.familyId === f.id && x.userId === u.userId)) continue;
            await tx.query(
              `INSERT INTO case_team (region_id, id, case_id, family_id, organisation_id, user_id, role, legal_basis, ended_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'member', 'consent', $7)`,
              [regionId, randomUUID(), f.caseId, f.id, u.organisationId, u.userId, m.ended ? new Date() : null],
            );
            memberships.push({
              familyId: f.id,
              userId: u.userId,
              organisationId: u.organisationId,
              legalBasis: 'consent',
              role: 'member',
              active: !m.ended,
            });
          }
          const signals: (SignalFacts & { id: string })[] = [];
          for (const [i, sg] of spec.signals.entries()) {
            const f = families[sg.family % families.length]!;
            const s = {
              id: randomUUID(),
              receivingOrganisationId: orgs[sg.org % orgs.length]!,
              reporterUserId: sg.reporter === null ? null : actors[sg.reporter % actors.length]!.userId,
              familyId: f.id,
              caseId: sg.linked ? f.caseId : null,
            };
            await tx.query(
              `INSERT INTO signals (region_id, id, reference, receiving_organisation_id, source, reporter_user_id, family_id, case_id, what_seen, urgency, triage_due_on)
            VALUES ($1, $2, $3, $4, 'professional', $5, $6, $7, 'gezien', 'normal', current_date)`,
              [regionId, s.id, `M-2026-${String(i).padStart(6, '0')}`, s.receivingOrganisationId, s.reporterUserId, s.familyId, s.caseId],
            );
            signals.push(s);
          }
          return { actors, signals, memberships };
        });
        for (const actor of world.actors) {
          const facts = { memberships: world.memberships, breakGlass: [] };
          const expectedSeen = world.signals
            .filter((s) => maySeeSignal(actor, s, mayReadFamily(actor, s.familyId!, facts).allowed) !== null)
            .map((s) => s.id)
            .sort();
          const seen = await asActor(t.db, actor, (tx) => tx.query<{ id: string }>(`SELECT id FROM signals ORDER BY id`));
          expect(seen.map((r) => r.id)).toEqual(expectedSeen);
          const updatable = await asActor(t.db, actor, async (tx) => {
            const rows = await tx.query<{ id: string }>(`UPDATE signals SET version = version + 1 RETURNING id`);
            throw new Rollback(rows.map((r) => r.id).sort());
          }).catch((e) => (e instanceof Rollback ? e.ids : Promise.reject(e)));
          expect(updatable).toEqual(
            world.signals
              .filter((s) => mayTriage(actor, s))
              .map((s) => s.id)
              .sort(),
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});
