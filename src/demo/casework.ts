// Cases, case teams and the timeline of one family. The history is built forwards in time so
// that every event has a plausible place: status changes follow the lifecycle, team members
// act only while they are on the team, and a closed case's team has left.
import { DAY_MS, officeTime, type Rng } from './random.js';
import type { Household } from './households.js';
import { ORGANISATIONS, type OrgKey, type OrgType, type Staff, type StaffUser } from './organisations.js';
import { CLOSED_REASONS, EARLY_CLOSED_REASONS, FILLER_WEIGHTS, REFERRERS, fillerSummary, type SummaryContext } from './summaries.js';

export const STATUSES = ['registered', 'exploring', 'plan', 'executing', 'evaluating', 'closed', 'monitoring'] as const;
export type Status = (typeof STATUSES)[number];
type LegalBasis = 'consent' | 'statutory_task' | 'safety';

export interface CaseRow {
  id: string;
  status: Status;
  openedAt: number;
  closedAt: number | null;
  closedReason: string | null;
  createdBy: string;
}
export interface TeamRow {
  id: string;
  caseId: string;
  user: StaffUser;
  role: 'coordinator' | 'member';
  legalBasis: LegalBasis;
  startedAt: number;
  endedAt: number | null;
  endedReason: string | null;
  createdBy: string;
}
export interface EventRow {
  id: string;
  caseId: string | null;
  at: number;
  type: string;
  actor: StaffUser | null;
  data: Record<string, unknown>;
  /** The sentence as a kind and parameters (src/shared/events), like the application writes it. */
  kind: string;
  params: Record<string, unknown>;
}
export interface Casework {
  registeredAt: number;
  registeredBy: StaffUser;
  cases: CaseRow[];
  team: TeamRow[];
  events: EventRow[];
}

const ORG_TYPE = Object.fromEntries(ORGANISATIONS.map((o) => [o.key, o.type])) as Record<OrgKey, OrgType>;

/** Why a partner may see the family: care by consent, a statutory task, or safety. */
function legalBasisFor(org: OrgKey): LegalBasis {
  const t = ORG_TYPE[org];
  if (t === 'veilig_thuis' || t === 'police') return 'safety';
  if (t === 'probation' || t === 'child_protection_board' || t === 'certified_institution' || t === 'municipal_team')
    return 'statutory_task';
  return 'consent';
}

/**
 * The named demo accounts get a realistic caseload in the first open families, whatever the
 * region's size: `regisseur` coordinates twelve and helps in four more, and so on.
 */
export class SpecialAllocator {
  private open = 0;
  private school = 0;
  constructor(private readonly staff: Staff) {}

  next(h: Household): { coordinator: StaffUser | null; members: StaffUser[] } {
    const k = this.open++;
    const n = this.staff.named;
    const coordinator = k < 12 ? n.regisseur : k < 20 ? n.regisseur2 : k < 22 ? n.teamleider : null;
    const members: StaffUser[] = [];
    if (k >= 12 && k < 16) members.push(n.regisseur);
    if ([0, 2, 5, 7, 13, 17].includes(k)) members.push(n.huisarts);
    if (h.hasSchoolChild && k < 24 && this.school < 5) {
      members.push(n.leerkracht);
      this.school++;
    }
    if ([3, 10, 18].includes(k)) members.push(n.veiligthuis);
    return { coordinator, members };
  }
}

interface CasePlan {
  status: Status;
  openedDaysAgo: number;
  closedDaysAgo: number | null;
  path: Status[];
}

const FULL_PATH: Status[] = ['registered', 'exploring', 'plan', 'executing', 'evaluating'];

/** When the current case opened, by the state it is in now (days before the reference date). */
function planCase(rng: Rng, status: Status): CasePlan {
  switch (status) {
    case 'registered':
      return { status, openedDaysAgo: rng.int(1, 45), closedDaysAgo: null, path: ['registered'] };
    case 'exploring':
      return { status, openedDaysAgo: rng.int(20, 150), closedDaysAgo: null, path: FULL_PATH.slice(0, 2) };
    case 'plan':
      return { status, openedDaysAgo: rng.int(60, 300), closedDaysAgo: null, path: FULL_PATH.slice(0, 3) };
    case 'executing':
      return { status, openedDaysAgo: rng.int(120, 1400), closedDaysAgo: null, path: FULL_PATH.slice(0, 4) };
    case 'evaluating':
      return { status, openedDaysAgo: rng.int(240, 1400), closedDaysAgo: null, path: FULL_PATH };
    case 'closed': {
      const opened = rng.int(150, 1440);
      const closed = Math.max(3, opened - rng.int(90, Math.min(900, opened - 3)));
      const early = rng.chance(0.15);
      return {
        status,
        openedDaysAgo: opened,
        closedDaysAgo: closed,
        path: early ? ['registered', 'exploring', 'closed'] : [...FULL_PATH, 'closed'],
      };
    }
    case 'monitoring': {
      const closed = rng.int(20, 330);
      const opened = closed + rng.int(120, Math.max(121, 1440 - closed));
      return { status, openedDaysAgo: opened, closedDaysAgo: closed, path: [...FULL_PATH, 'closed', 'monitoring'] };
    }
  }
}

// Nominal days from entering a state to entering the next one.
const GAP: Record<Status, [number, number]> = {
  registered: [3, 25],
  exploring: [20, 60],
  plan: [7, 35],
  executing: [90, 500],
  evaluating: [14, 90],
  closed: [0, 2],
  monitoring: [0, 0],
};

/** Moments of each transition on the path, strictly increasing and never after `now`. */
function transitionTimes(rng: Rng, now: number, p: CasePlan): number[] {
  const gaps = p.path.slice(0, -1).map((s) => rng.int(GAP[s][0], GAP[s][1]) + rng.float());
  const closeIdx = p.path.indexOf('closed');
  // Closed cases: stretch the steps so that the closing lands exactly on the closing day.
  const span = closeIdx > 0 ? p.openedDaysAgo - (p.closedDaysAgo ?? 0) : p.openedDaysAgo * 0.9;
  const before = gaps.slice(0, closeIdx > 0 ? closeIdx : gaps.length).reduce((a, b) => a + b, 0);
  const scale = closeIdx > 0 ? span / Math.max(before, 1e-9) : Math.min(1, span / Math.max(before, 1e-9));
  let daysAgo = p.openedDaysAgo;
  const times: number[] = [];
  let previous: number | undefined;
  p.path.forEach((s, i) => {
    const gap = gaps[i - 1]; // the gap before state i: none before the first
    if (gap !== undefined) daysAgo -= gap * (i <= (closeIdx > 0 ? closeIdx : gaps.length) ? scale : 1);
    const t = officeTime(rng, now, Math.max(0, daysAgo));
    previous = previous === undefined ? t : Math.min(now - 1000, Math.max(t, previous + 60_000));
    times.push(previous);
  });
  return times;
}

/** The element at `i` of a list built alongside it (a bug when missing). */
function nth<T>(items: readonly T[], i: number, what: string): T {
  const item = items[i];
  if (item === undefined) throw new Error(`demo casework: no ${what} at ${i} of ${items.length}`);
  return item;
}

export interface FamilyContext {
  rng: Rng;
  now: number;
  index: number;
  household: Household;
  staff: Staff;
  special: SpecialAllocator;
}

function pickCoordinator(rng: Rng, staff: Staff, h: Household, not?: StaffUser): StaffUser {
  for (;;) {
    const youth = h.hasChildren && rng.chance(0.15);
    const u = rng.pick(youth ? staff.coordinators.youth : staff.coordinators.municipal);
    if (u !== not) return u;
  }
}

/** Partner organisations that plausibly take part, with how likely each is. */
function partnerWeights(h: Household): [OrgKey, number][] {
  const kids = h.hasChildren ? 1 : 0;
  return [
    ['abdij', 2],
    ['dauw', 2],
    ['wingerd', h.hasSchoolChild ? 4 : 0],
    ['woongoed', 2],
    ['emergis', 2],
    ['intervence', 3 * kids],
    ['vt', 1],
    ['reclassering', 0.8],
    ['politie', 0.5],
    ['raad', 0.7 * kids],
    ['wss', 0.6 * kids],
  ];
}

export function buildCasework(ctx: FamilyContext, status: Status): Casework {
  const { rng, now, household: h, staff } = ctx;
  const current = planCase(rng, status);
  // Some families come back: an earlier case, closed well before the current one opened.
  let earlier: CasePlan | null = null;
  if (current.openedDaysAgo <= 1140 && rng.chance(0.15)) {
    const opened = rng.int(current.openedDaysAgo + 240, 1440);
    const closed = rng.int(current.openedDaysAgo + 30, opened - 90);
    earlier = {
      status: 'closed',
      openedDaysAgo: opened,
      closedDaysAgo: closed,
      path: rng.chance(0.2) ? ['registered', 'exploring', 'closed'] : [...FULL_PATH, 'closed'],
    };
  }
  const plans: CasePlan[] = earlier ? [earlier, current] : [current];

  const registeredAt = officeTime(rng, now, (earlier ?? current).openedDaysAgo + rng.int(0, 10));
  const out: Casework = { registeredAt, registeredBy: staff.named.regisseur, cases: [], team: [], events: [] };
  const ctxSummary: SummaryContext = { adults: h.adultNames, children: h.childNames, orgs: [] };
  const event = (
    caseId: string | null,
    at: number,
    type: string,
    actor: StaffUser | null,
    sentence: { kind: string; params: Record<string, unknown> },
    data: Record<string, unknown> = {},
  ) => out.events.push({ id: rng.uuid(), caseId, at, type, actor, data, ...sentence });

  plans.forEach((plan, ci) => {
    const isCurrentOpen = ci === plans.length - 1 && plan.status !== 'closed';
    const special = isCurrentOpen ? ctx.special.next(h) : { coordinator: null, members: [] };
    const times = transitionTimes(rng, now, plan);
    const openedAt = nth(times, 0, 'opening time');
    const closeIdx = plan.path.indexOf('closed');
    const closedAt = closeIdx >= 0 ? nth(times, closeIdx, 'closing time') : null;
    const activeEnd = closedAt ?? now;
    const early = plan.path.length === 3 && closeIdx === 2;

    // Coordinators: sometimes handed over once during the case, never a gap.
    const finalCoordinator = special.coordinator ?? pickCoordinator(rng, staff, h);
    type Coordinator = { user: StaffUser; from: number; to: number | null };
    let coordinators: [Coordinator, ...Coordinator[]];
    if (activeEnd - openedAt > 120 * DAY_MS && rng.chance(0.25)) {
      const handover = workTime(
        rng,
        now,
        openedAt + (0.3 + 0.5 * rng.float()) * (activeEnd - openedAt),
        openedAt + 60_000,
        activeEnd - 60_000,
      );
      coordinators = [
        { user: pickCoordinator(rng, staff, h, finalCoordinator), from: openedAt, to: handover },
        { user: finalCoordinator, from: handover, to: null },
      ];
    } else coordinators = [{ user: finalCoordinator, from: openedAt, to: null }];
    if (ci === 0) out.registeredBy = coordinators[0].user;

    const caseRow: CaseRow = {
      id: rng.uuid(),
      status: plan.status,
      openedAt,
      closedAt,
      closedReason: closedAt === null ? null : rng.pick(early ? EARLY_CLOSED_REASONS : CLOSED_REASONS),
      createdBy: coordinators[0].user.id,
    };
    out.cases.push(caseRow);
    const caseTeam: TeamRow[] = [];
    const addMember = (user: StaffUser, role: TeamRow['role'], startedAt: number, endedAt: number | null, endedReason: string | null) => {
      const row: TeamRow = {
        id: rng.uuid(),
        caseId: caseRow.id,
        user,
        role,
        legalBasis: role === 'coordinator' && user.orgKey === 'stm' ? 'statutory_task' : legalBasisFor(user.orgKey),
        startedAt,
        endedAt,
        endedReason,
        createdBy: coordinators[0].user.id,
      };
      caseTeam.push(row);
      return row;
    };

    // A monitoring case keeps its coordinator for the follow-up checks; a closed case keeps no one.
    coordinators.forEach((c) => {
      const endedAt = c.to ?? (plan.status === 'closed' ? closedAt : null);
      addMember(c.user, 'coordinator', c.from, endedAt, c.to ? 'Regie overgedragen' : endedAt ? 'Casus gesloten' : null);
    });

    // Partners: the named accounts the allocator chose, then others up to 1–4 in all.
    const wanted = Math.max(
      special.members.length,
      rng.weighted([
        [1, 25],
        [2, 35],
        [3, 25],
        [4, 15],
      ] as const),
    );
    const used = new Set<StaffUser>(coordinators.map((c) => c.user));
    const usedOrgs = new Set<OrgKey>(special.members.map((m) => m.orgKey));
    const members: StaffUser[] = [...special.members];
    const weights = partnerWeights(h);
    while (members.length < wanted) {
      const choices = weights.filter(([k, w]) => w > 0 && !usedOrgs.has(k));
      if (!choices.length) break;
      const org = rng.weighted(choices);
      usedOrgs.add(org);
      const free = staff.pool[org].filter((u) => !used.has(u));
      if (free.length) members.push(rng.pick(free));
    }
    for (const user of members) {
      if (used.has(user)) continue;
      used.add(user);
      const isSpecial = special.members.includes(user);
      const startedAt = workTime(
        rng,
        now,
        openedAt + rng.float() * (isSpecial ? 0.3 : 0.5) * (activeEnd - openedAt),
        openedAt + 2000,
        activeEnd - 60_000,
      );
      let endedAt: number | null = null;
      let reason: string | null = null;
      // After closing the team leaves; in follow-up (monitoring) some partners stay on.
      if (closedAt !== null && !(plan.status === 'monitoring' && (isSpecial || rng.chance(0.4)))) {
        endedAt = closedAt;
        reason = 'Casus gesloten';
      }
      if (!isSpecial && activeEnd - startedAt > 20 * DAY_MS && rng.chance(0.2)) {
        endedAt = workTime(
          rng,
          now,
          startedAt + (0.2 + 0.7 * rng.float()) * (activeEnd - startedAt),
          startedAt + 60_000,
          activeEnd - 60_000,
        );
        reason = 'Betrokkenheid afgerond';
      }
      addMember(user, 'member', startedAt, endedAt, reason);
    }
    out.team.push(...caseTeam);
    ctxSummary.orgs = [...new Set(caseTeam.filter((t) => t.user.orgKey !== 'stm').map((t) => staff.orgNames[t.user.orgKey]))];

    // Structural events: opening, status changes, team changes.
    const first = coordinators[0].user;
    event(caseRow.id, openedAt, 'case_opened', first, { kind: 'case_opened', params: {} }, { referrer: rng.pick(REFERRERS) });
    plan.path.forEach((s, i) => {
      if (i === 0) return;
      const from = plan.path[i - 1];
      const at = nth(times, i, 'transition time');
      const actor = coordinators.find((c) => c.from <= at && (c.to === null || at < c.to))?.user ?? first;
      const sentence =
        s === 'closed'
          ? { kind: 'case_closed', params: { fromPhase: from, reason: caseRow.closedReason ?? '' } }
          : { kind: 'case_status_changed', params: { fromPhase: from, toPhase: s } };
      event(caseRow.id, at, 'case_status_changed', actor, sentence, { from, to: s });
    });
    for (const t of caseTeam) {
      const who = `${t.user.displayName} (${staff.orgNames[t.user.orgKey]})`;
      const base = { userId: t.user.id, organisationId: t.user.organisationId, role: t.role, legalBasis: t.legalBasis };
      if (t.role === 'coordinator' && t.startedAt > openedAt) {
        const prev = coordinators[0].user;
        event(
          caseRow.id,
          t.startedAt,
          'coordinator_transferred',
          prev,
          { kind: 'coordinator_transferred', params: { name: t.user.displayName } },
          { fromUserId: prev.id, toUserId: t.user.id },
        );
      } else {
        // A second after the opening, so that equal timestamps do not blur the order.
        event(
          caseRow.id,
          t.startedAt + (t.startedAt === openedAt ? 1000 : 0),
          'team_member_added',
          first,
          { kind: 'team_member_added', params: { name: who } },
          base,
        );
      }
      if (t.endedAt !== null && t.endedReason !== 'Regie overgedragen')
        event(
          caseRow.id,
          t.endedAt,
          'team_member_ended',
          t.role === 'coordinator' ? t.user : finalCoordinator,
          { kind: 'team_member_ended', params: { name: who, reason: t.endedReason ?? '' } },
          base,
        );
    }

    // Day-to-day work: roughly one to two entries a week while the case is active, rarer in follow-up.
    const planIdx = plan.path.indexOf('plan');
    const planAt = planIdx >= 0 ? nth(times, planIdx, 'plan time') : null;
    const rate = 0.11 + 0.23 * rng.float();
    const n = Math.round(((activeEnd - openedAt) / DAY_MS) * rate);
    for (let i = 0; i < n; i++) {
      const at = workTime(rng, now, openedAt + rng.float() * (activeEnd - openedAt), openedAt + 60_000, activeEnd - 60_000);
      const active = caseTeam.filter((t) => t.startedAt <= at && (t.endedAt === null || at < t.endedAt));
      const [firstActive] = active;
      const actor = firstActive ? (rng.chance(0.5) ? firstActive : rng.pick(active)).user : first;
      // Plans, goals and actions exist only once the case has reached the plan stage.
      let type = rng.weighted(FILLER_WEIGHTS);
      if (planAt === null || at < planAt)
        if (type === 'plan_updated' || type === 'goal_progress' || type === 'action_completed') type = 'note_added';
      event(caseRow.id, at, type, actor, { kind: 'note', params: { text: fillerSummary(rng, type, ctxSummary) } });
    }
    if (plan.status === 'monitoring' && closedAt !== null) {
      const checks = Math.max(1, Math.round((now - closedAt) / (30 * DAY_MS)));
      for (let i = 0; i < checks; i++) {
        const at = workTime(rng, now, closedAt + rng.float() * (now - closedAt), closedAt, now);
        event(caseRow.id, at, 'follow_up_check', finalCoordinator, {
          kind: 'note',
          params: { text: fillerSummary(rng, 'follow_up_check', ctxSummary) },
        });
      }
    }
  });

  // The family itself: registration and its informal network, before the first case work.
  const firstCase = nth(out.cases, 0, 'case');
  out.registeredAt = Math.min(out.registeredAt, firstCase.openedAt - 60_000);
  event(null, out.registeredAt, 'family_registered', out.registeredBy, {
    kind: 'family_registered',
    params: { name: h.name, count: h.persons.length },
  });
  h.network.forEach((m, i) => {
    const at = workTime(rng, now, firstCase.openedAt + (i + 1) * rng.int(1, 20) * DAY_MS, firstCase.openedAt, now);
    event(firstCase.id, at, 'network_member_added', out.registeredBy, { kind: 'network_member_added', params: { relation: m.relation } });
  });
  out.events.sort((a, b) => a.at - b.at);
  return out;
}

/** The working-hours moment on the day of `at`, kept within [lo, hi]. */
function workTime(rng: Rng, now: number, at: number, lo: number, hi: number): number {
  const t = officeTime(rng, now, (now - at) / DAY_MS);
  return Math.max(lo, Math.min(hi, t));
}
