// Who must answer a proposed plan version, and when the answers make it agreed. Pure rules:
// the proposal date fixes each child's age, so a birthday during the answering changes nothing.
//   parents and carers: agree;
//   a child under 12: is heard (their view recorded);
//   a child of 12 to 15: agrees together with their parents;
//   a child of 16 or older: agrees to their own part themselves;
//   every organisation that owns an action: agrees.

export type Requirement = 'agree' | 'heard' | 'agree_with_parents' | 'agree_own_part';
export type Answer = 'agreed' | 'disagreed' | 'heard';

/** Whole years between a birth date and a day (both YYYY-MM-DD); a 29 February birthday falls on 1 March in other years. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** A child's requirement by age on the proposal date; an unknown birth date asks for the strictest: agreeing themselves. */
export function childRequirement(birthDate: string | null, proposalDate: string): Requirement {
  if (!birthDate) return 'agree_own_part';
  const age = ageOn(birthDate, proposalDate);
  if (age < 12) return 'heard';
  if (age < 16) return 'agree_with_parents';
  return 'agree_own_part';
}

export interface FamilyMemberFact {
  personId: string;
  relation: string;
  birthDate: string | null;
}

/** The family members who are parties of a version proposed on `proposalDate`. */
export function familyParties(members: FamilyMemberFact[], proposalDate: string): Array<{ personId: string; requirement: Requirement }> {
  const out: Array<{ personId: string; requirement: Requirement }> = [];
  for (const m of members) {
    if (m.relation === 'parent' || m.relation === 'carer') out.push({ personId: m.personId, requirement: 'agree' });
    else if (m.relation === 'child') out.push({ personId: m.personId, requirement: childRequirement(m.birthDate, proposalDate) });
  }
  return out;
}

/** The answer a requirement asks for. */
export const expectedAnswer = (r: Requirement): Answer => (r === 'heard' ? 'heard' : 'agreed');

/** Agreed when every party gave the answer its requirement asks for; not agreed as soon as one disagreed. */
export function outcome(parties: Array<{ requirement: Requirement; answer: Answer | null }>): 'agreed' | 'not_agreed' | 'open' {
  if (parties.some((p) => p.answer === 'disagreed')) return 'not_agreed';
  if (parties.every((p) => p.answer !== null && p.answer === expectedAnswer(p.requirement))) return 'agreed';
  return 'open';
}
