// A family member as a form holds it (every field a string), and what the API is sent of it.
import type { FamilyPageData } from './FamilyPage.js';

type Member = FamilyPageData['members'][number];

export interface PersonDraft {
  givenNames: string;
  familyNamePrefix: string;
  familyName: string;
  birthDate: string;
  bsn: string;
  relation: string;
  gender: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}
export const emptyPerson = (relation = ''): PersonDraft => ({
  givenNames: '',
  familyNamePrefix: '',
  familyName: '',
  birthDate: '',
  bsn: '',
  relation,
  gender: '',
  street: '',
  houseNumber: '',
  postcode: '',
  city: '',
});

/** A recorded member as a draft to edit: an unknown optional field is an empty one. */
export function memberDraft(member: Pick<Member, keyof PersonDraft>): PersonDraft {
  return {
    givenNames: member.givenNames,
    familyNamePrefix: member.familyNamePrefix ?? '',
    familyName: member.familyName,
    birthDate: member.birthDate ?? '',
    bsn: member.bsn ?? '',
    relation: member.relation,
    gender: member.gender ?? '',
    street: member.street ?? '',
    houseNumber: member.houseNumber ?? '',
    postcode: member.postcode ?? '',
    city: member.city ?? '',
  };
}

/** Drops empty optional fields so the API gets only what was filled in. */
export function personPayload(p: PersonDraft) {
  const opt = (v: string) => v.trim() || undefined;
  // A required field left empty is left out too: the server names it as missing.
  return {
    givenNames: opt(p.givenNames),
    familyName: opt(p.familyName),
    relation: opt(p.relation),
    familyNamePrefix: opt(p.familyNamePrefix),
    birthDate: opt(p.birthDate),
    bsn: opt(p.bsn),
    gender: opt(p.gender),
    street: opt(p.street),
    houseNumber: opt(p.houseNumber),
    postcode: opt(p.postcode),
    city: opt(p.city),
  };
}

export const emptyNetwork = { name: '', relation: '', phone: '', note: '' };

/** A network member as the API is sent it: what was left empty is left out. */
export function networkPayload(v: typeof emptyNetwork) {
  return {
    name: v.name.trim() || undefined,
    relation: v.relation || undefined,
    phone: v.phone.trim() || undefined,
    note: v.note.trim() || undefined,
  };
}
