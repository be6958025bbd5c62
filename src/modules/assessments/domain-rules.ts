// Which life domains may be scored for a person, by age on the assessment date. One place, shared
// by the service (validation), the blind spots (what is missing) and the web form (through the contract).
//
// - 18 and over (from the 18th birthday itself): the twelve LIFE_DOMAINS, no child domains.
// - 12–17: every domain (LIFE_DOMAINS and CHILD_DOMAINS). Twelve is the age of criminal
//   responsibility in the Netherlands, and from then on debts, side jobs and substance use are
//   a child's own questions.
// - under 12: the CHILD_DOMAINS and the LIFE_DOMAINS except finances, daytime activity/work,
//   substance use and justice (those are the parents' domains for a young child).
// - birth date unknown: treated as an adult (a child's domains need a known age).
// Age is in whole years; someone born on 29 February becomes a year older on 1 March in a
// non-leap year (the date comparison below).
import { CHILD_DOMAINS, LIFE_DOMAINS, type Domain } from '../../shared/contract/domains.js';

export const ADULT_AGE = 18;
export const OWN_LIFE_DOMAINS_AGE = 12;
/** Life domains not scored for a child under 12. */
export const NOT_UNDER_12: readonly Domain[] = ['finances', 'daytime_activity', 'addiction', 'justice'];

/** Whole years between a birth date and a day (both YYYY-MM-DD); null when the birth date is unknown. */
export function ageOn(birthDate: string | null | undefined, day: string): number | null {
  if (!birthDate) return null;
  const by = Number(birthDate.slice(0, 4));
  const dy = Number(day.slice(0, 4));
  return dy - by - (day.slice(5) < birthDate.slice(5) ? 1 : 0);
}

export function isChild(age: number | null): boolean {
  return age !== null && age < ADULT_AGE;
}

/** The domains that may be scored for a person of this age (null: unknown). */
export function validDomains(age: number | null): readonly Domain[] {
  if (!isChild(age)) return LIFE_DOMAINS;
  if (age! >= OWN_LIFE_DOMAINS_AGE) return [...LIFE_DOMAINS, ...CHILD_DOMAINS];
  return [...LIFE_DOMAINS.filter((d) => !NOT_UNDER_12.includes(d)), ...CHILD_DOMAINS];
}

export function isValidDomain(domain: Domain, age: number | null): boolean {
  return validDomains(age).includes(domain);
}
