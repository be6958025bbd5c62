// Blind spots of the integral picture, computed from facts (no database here, unit-tested):
// per person the domains nobody assessed, and the partner kinds the family's situation calls for
// by the region's rules (blind_spot_rules, migrations/0301) with, per kind, whether it is on the
// case team and whether it contributed (scored at least one domain) — counted separately.
import type { Domain } from '../../shared/contract/domains.js';
import { ageOn, isChild, validDomains } from './domain-rules.js';

export const BLIND_SPOT_RULES = ['school_age_child', 'young_child', 'child_safety_concern', 'housing_low', 'mental_health_low'] as const;
export type BlindSpotRuleName = (typeof BLIND_SPOT_RULES)[number];
export const AGE_RULES: readonly BlindSpotRuleName[] = ['school_age_child', 'young_child'];

export interface BlindSpotRule {
  rule: BlindSpotRuleName;
  partnerType: string;
  enabled: boolean;
  minAge: number | null;
  maxAge: number | null;
  maxScore: number | null;
}

export interface CaseFacts {
  persons: { personId: string; birthDate: string | null }[];
  /** The lowest of the latest scores per person and domain (over both views). */
  latest: { personId: string; domain: Domain; score: number }[];
  /** Domains with any score, per person (any set, any view). */
  assessed: { personId: string; domain: Domain }[];
  /** Organisation types with an active membership on the case team. */
  teamTypes: string[];
  /** Organisation types that scored at least one domain in this case. */
  contributedTypes: string[];
  /** The case came from a signal whose triage found safety concerns (or unsafe). */
  signalSafetyConcern: boolean;
}

export interface PartnerNeed {
  partnerType: string;
  rules: BlindSpotRuleName[];
  /** The persons whose situation calls for it (empty for the signal's safety concern alone). */
  personIds: string[];
  onTeam: boolean;
  contributed: boolean;
}

export interface BlindSpots {
  unassessed: { personId: string; domains: Domain[] }[];
  partners: PartnerNeed[];
  counts: { unassessedDomains: number; partnersNeeded: number; onTeam: number; contributed: number; missing: number };
}

function triggered(rule: BlindSpotRule, f: CaseFacts, today: string): { hit: boolean; personIds: string[] } {
  const low = (domain: Domain, children: boolean) =>
    f.latest
      .filter((s) => s.domain === domain && s.score <= (rule.maxScore ?? 0))
      .filter((s) => !children || isChild(ageOn(f.persons.find((p) => p.personId === s.personId)?.birthDate, today)))
      .map((s) => s.personId);
  switch (rule.rule) {
    case 'school_age_child':
    case 'young_child': {
      const ids = f.persons
        .filter((p) => {
          const a = ageOn(p.birthDate, today);
          return a !== null && a >= rule.minAge! && a <= rule.maxAge! && isChild(a);
        })
        .map((p) => p.personId);
      return { hit: ids.length > 0, personIds: ids };
    }
    case 'child_safety_concern': {
      const ids = low('safety', true);
      return {
        hit: ids.length > 0 || (f.signalSafetyConcern && f.persons.some((p) => isChild(ageOn(p.birthDate, today)))),
        personIds: ids,
      };
    }
    case 'housing_low': {
      const ids = low('housing', false);
      return { hit: ids.length > 0, personIds: ids };
    }
    case 'mental_health_low': {
      const ids = low('mental_health', false);
      return { hit: ids.length > 0, personIds: ids };
    }
  }
}

/** The blind spots of one case on a day (ages are counted on that day). */
export function evaluateBlindSpots(f: CaseFacts, rules: readonly BlindSpotRule[], today: string): BlindSpots {
  const unassessed = f.persons
    .map((p) => {
      const done = new Set(f.assessed.filter((a) => a.personId === p.personId).map((a) => a.domain));
      return { personId: p.personId, domains: validDomains(ageOn(p.birthDate, today)).filter((d) => !done.has(d)) };
    })
    .filter((u) => u.domains.length > 0);
  const needs = new Map<string, PartnerNeed>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const { hit, personIds } = triggered(rule, f, today);
    if (!hit) continue;
    const need = needs.get(rule.partnerType) ?? {
      partnerType: rule.partnerType,
      rules: [],
      personIds: [],
      onTeam: f.teamTypes.includes(rule.partnerType),
      contributed: f.contributedTypes.includes(rule.partnerType),
    };
    need.rules.push(rule.rule);
    for (const id of personIds) if (!need.personIds.includes(id)) need.personIds.push(id);
    needs.set(rule.partnerType, need);
  }
  const partners = [...needs.values()];
  return {
    unassessed,
    partners,
    counts: {
      unassessedDomains: unassessed.reduce((n, u) => n + u.domains.length, 0),
      partnersNeeded: partners.length,
      onTeam: partners.filter((p) => p.onTeam).length,
      contributed: partners.filter((p) => p.contributed).length,
      missing: partners.filter((p) => !p.onTeam && !p.contributed).length,
    },
  };
}
