// Test data for the reference-index integration tests: households of young people registered
// through the families service (the reference index itself never creates persons).
import { RegisterFamilyBody } from '../families/families.contract.js';
import { registerFamily } from '../families/families.service.js';
import { createPeople, nextBsn } from '../../../test/support/factory.js';
import type { Database } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import type { Actor } from '../../platform/access/actor.js';
import { addDays } from '../../platform/time/working-days.js';

/**
 * The people of a reference-index test in `regionId`: a coordinator of a municipal team, and at a
 * school (a, its lead leadA) and a housing corporation (b, its lead leadB, who has no other role)
 * professionals who register young people.
 */
export function refindexPeople(db: Database, regionId: string) {
  return createPeople(
    db,
    regionId,
    { team: ['municipal_team'], school: ['school', 'Scalda'], housing: ['housing_corporation', 'Woonkracht'] },
    {
      coord: ['team', ['professional', 'coordinator']],
      a: ['school', ['professional']],
      b: ['housing', ['professional']],
      leadA: ['school', ['professional', 'team_lead']],
      leadB: ['housing', ['team_lead']],
    },
  );
}

export interface Household {
  familyId: string;
  bsns: string[];
  personIds: string[];
}

/** A household of one parent and `children` young people (or the given birth dates). */
export async function household(
  db: Database,
  coordinator: Actor,
  o: { children?: number; birthDates?: string[]; familyName?: string } = {},
): Promise<Household> {
  const familyName = o.familyName ?? 'Visser';
  const dates = o.birthDates ?? Array.from({ length: o.children ?? 2 }, (_, i) => `201${i % 10}-0${(i % 9) + 1}-1${i % 10}`);
  const body = RegisterFamilyBody.parse({
    members: [
      { givenNames: 'Ouder', familyName, birthDate: '1985-03-03', relation: 'parent', bsn: nextBsn() },
      ...dates.map((birthDate, i) => ({ givenNames: `Jongere${i + 1}`, familyName, birthDate, relation: 'child', bsn: nextBsn() })),
    ],
    case: { coordinatorUserId: coordinator.userId, legalBasis: 'consent' },
  });
  const { id } = await registerFamily(db, coordinator, body);
  const rows = await db.query<{ id: string; bsn: string }>(
    `SELECT p.id, p.bsn FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
      WHERE fm.region_id = $1 AND fm.family_id = $2 AND fm.relation = 'child' ORDER BY p.given_names`,
    [coordinator.regionId, id],
  );
  return { familyId: id, bsns: rows.map((r) => r.bsn), personIds: rows.map((r) => r.id) };
}

export const registration = (bsn: string, extra: Record<string, unknown> = {}) => ({
  bsn,
  birthDate: '2010-06-15',
  contactName: 'Sanne de Wit',
  contactPhone: '0118-123456',
  contactEmail: 'sanne@example.nl',
  legalBasis: 'statutory_task',
  ...extra,
});

/** A birth date such that the person turns 23 `days` days after `today`. */
export function turns23In(today: string, days: number): string {
  const d = addDays(today, days);
  return `${Number(d.slice(0, 4)) - 23}${d.slice(4)}`;
}

export const countRows = async (db: Database, sql: string, params: unknown[] = []) =>
  Number(oneRow(await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM (${sql}) s`, params), 'count').n);
