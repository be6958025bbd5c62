// The members of a family that triage opens, drafted from the signal's structured subject.
import { emptyPerson, type PersonDraft } from '../families/MemberForms.js';
import type { SignalDetailData } from './drafts.js';

/** Adult or child by birth date, as a first guess the triaging professional corrects. */
export function guessRelation(birthDate: string | null, today = new Date()): string {
  if (!birthDate) return '';
  const eighteen = new Date(today);
  eighteen.setFullYear(eighteen.getFullYear() - 18);
  return birthDate > eighteen.toISOString().slice(0, 10) ? 'child' : 'parent';
}

/** The members of a new family, from the signal's structured subject: names, birth dates, its address. */
export function membersFromSignal(signal: Pick<SignalDetailData, 'subject'>): PersonDraft[] {
  const a = signal.subject.address;
  const address = { street: a?.street ?? '', houseNumber: a?.houseNumber ?? '', postcode: a?.postcode ?? '', city: a?.city ?? '' };
  const persons = signal.subject.persons.length
    ? signal.subject.persons
    : [{ givenNames: '', familyNamePrefix: null, familyName: '', birthDate: null }];
  return persons.map((p) => ({
    ...emptyPerson(guessRelation(p.birthDate)),
    givenNames: p.givenNames ?? '',
    familyNamePrefix: p.familyNamePrefix ?? '',
    familyName: p.familyName ?? '',
    birthDate: p.birthDate ?? '',
    ...address,
  }));
}

/** The members with one more, who lives at the first member's address (a family mostly shares one). */
export function withNewMember(members: PersonDraft[]): PersonDraft[] {
  const first = members[0];
  return [
    ...members,
    {
      ...emptyPerson(''),
      street: first?.street ?? '',
      houseNumber: first?.houseNumber ?? '',
      postcode: first?.postcode ?? '',
      city: first?.city ?? '',
    },
  ];
}
