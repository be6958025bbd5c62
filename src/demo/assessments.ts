// The integral picture of the demo families: for open cases a few dated sets (some three or more),
// each by a member of the case team scoring the domains their organisation knows, sometimes with
// the family's own view beside it; for some families with young children youth health care (JGZ)
// joins and contributes, for some with children the youth-protection team (JOT) — so that blind
// spots show up, and shrink. Drawn from its own stream: the rest of the demo stays as it was.
import type { Domain } from '../shared/contract/domains.js';
import { ageOn, validDomains } from '../modules/assessments/domain-rules.js';
import type { Casework, EventRow, TeamRow } from './casework.js';
import type { Household } from './households.js';
import type { OrgKey, Staff, StaffUser } from './organisations.js';
import { DAY_MS, isoDate, Rng } from './random.js';

export const ASSESSMENT_STREAM = 0xa55e55;

export interface DemoSet {
  id: string;
  caseId: string;
  assessedOn: string;
  at: number;
  by: StaffUser;
}
export interface DemoScore {
  id: string;
  setId: string;
  caseId: string;
  personId: string;
  domain: Domain;
  score: number;
  rationale: string;
  view: 'professional' | 'family';
  by: StaffUser;
  at: number;
}

/** Which domains each kind of partner knows (the coordinator's team scores any). */
const KNOWS: Partial<Record<OrgKey, Domain[]>> = {
  wingerd: ['education', 'development', 'social_network'],
  abdij: ['physical_health', 'mental_health', 'addiction'],
  dauw: ['physical_health', 'mental_health', 'addiction'],
  woongoed: ['housing', 'finances'],
  emergis: ['mental_health', 'domestic_relations', 'addiction'],
  intervence: ['parenting', 'development', 'safety', 'domestic_relations'],
  vt: ['safety', 'domestic_relations'],
  jgz: ['development', 'physical_health', 'parenting'],
  jot: ['safety', 'parenting'],
  reclassering: ['justice', 'daytime_activity'],
  politie: ['justice', 'safety'],
  raad: ['safety', 'parenting'],
  wss: ['safety', 'parenting'],
};
const WHY: Record<number, string> = {
  1: 'Acute problemen; er is direct actie nodig.',
  2: 'Ernstige zorgen; hulp is nodig en nog niet genoeg.',
  3: 'Redt zich met moeite; de hulp loopt.',
  4: 'Redt zich grotendeels zelf; af en toe steun.',
  5: 'Volledig zelfredzaam op dit domein.',
};

export function buildAssessments(
  seed: number,
  index: number,
  now: number,
  h: Household,
  work: Casework,
  staff: Staff,
): { sets: DemoSet[]; scores: DemoScore[] } {
  const rng = new Rng(seed, ASSESSMENT_STREAM + index);
  const c = work.cases.at(-1);
  const sets: DemoSet[] = [];
  const scores: DemoScore[] = [];
  if (!c || c.status === 'closed' || c.status === 'registered') return { sets, scores };
  const coordinatorRow = work.team.find((m) => m.caseId === c.id && m.role === 'coordinator' && m.endedAt === null);
  if (!coordinatorRow) return { sets, scores };
  const join = (key: OrgKey, daysAfterOpen: number) => {
    const user = staff.pool[key][rng.int(0, staff.pool[key].length - 1)];
    if (!user || work.team.some((m) => m.caseId === c.id && m.user.id === user.id && m.endedAt === null)) return;
    const startedAt = Math.min(now - DAY_MS, c.openedAt + daysAfterOpen * DAY_MS);
    const row: TeamRow = {
      id: rng.uuid(),
      caseId: c.id,
      user,
      role: 'member',
      legalBasis: 'consent',
      startedAt,
      endedAt: null,
      endedReason: null,
      createdBy: coordinatorRow.user.id,
    };
    work.team.push(row);
    work.events.push({
      id: rng.uuid(),
      caseId: c.id,
      at: startedAt,
      type: 'team_member_added',
      actor: coordinatorRow.user,
      data: { userId: user.id },
      kind: 'team_member_added',
      params: { name: user.displayName },
    });
  };
  const youngChild = h.persons.some((p) => p.relation === 'child' && p.age <= 4);
  const hasChild = h.persons.some((p) => p.relation === 'child' && p.age < 18);
  if (youngChild && rng.chance(0.45)) join('jgz', rng.int(5, 30));
  if (hasChild && rng.chance(0.12)) join('jot', rng.int(3, 20));

  const members = work.team
    .filter((m) => m.caseId === c.id && m.endedAt === null)
    .sort((a, b) => (a.role === 'coordinator' ? -1 : b.role === 'coordinator' ? 1 : a.startedAt - b.startedAt));
  const count =
    index < 40
      ? 3 + (index % 2)
      : rng.weighted([
          [0, 3],
          [1, 3],
          [2, 2],
          [3, 2],
          [4, 1],
        ] as const);
  const base = new Map<string, number>();
  for (let s = 0; s < count; s++) {
    const at = now - (count - 1 - s) * 42 * DAY_MS - rng.int(1, 6) * DAY_MS;
    if (at < c.openedAt + 3 * DAY_MS) continue;
    const by = members[s % members.length]!;
    if (by.startedAt > at) continue;
    const assessedOn = isoDate(at);
    const set: DemoSet = { id: rng.uuid(), caseId: c.id, assessedOn, at, by: by.user };
    const knows = by.role === 'coordinator' ? null : (KNOWS[by.user.orgKey] ?? null);
    let n = 0;
    for (const p of h.persons) {
      for (const domain of validDomains(ageOn(p.birthDate, assessedOn))) {
        if (knows ? !knows.includes(domain) : !rng.chance(0.6)) continue;
        const k = `${p.id}|${domain}`;
        if (!base.has(k))
          base.set(
            k,
            rng.weighted([
              [1, 1],
              [2, 3],
              [3, 4],
              [4, 3],
              [5, 1],
            ] as const),
          );
        const add = (score: number, rationale: string, view: DemoScore['view']) => {
          scores.push({ id: rng.uuid(), setId: set.id, caseId: c.id, personId: p.id, domain, score, rationale, view, by: by.user, at });
          n++;
        };
        const score = Math.min(5, Math.max(1, base.get(k)! + Math.floor(s / 2) + (rng.chance(0.15) ? -1 : 0)));
        add(score, WHY[score]!, 'professional');
        if (p.relation !== 'child' && rng.chance(0.3)) {
          const own = Math.min(5, Math.max(1, score + rng.pick([-1, 1, 1, 2])));
          add(own, `Volgens het gezin: ${WHY[own]!.toLowerCase()}`, 'family');
        }
      }
    }
    if (n === 0) continue;
    sets.push(set);
    const persons = new Set(scores.filter((x) => x.setId === set.id).map((x) => x.personId)).size;
    const ev: EventRow = {
      id: rng.uuid(),
      caseId: c.id,
      at,
      type: 'assessment_recorded',
      actor: by.user,
      data: { assessmentId: set.id, assessedOn },
      kind: 'assessment_recorded',
      params: { count: n, persons },
    };
    work.events.push(ev);
  }
  return { sets, scores };
}
