// The signal form's draft and what it sends: whom the signal is about (by BSN, by name, by
// description, or the family it was started from), what was seen, concerns, Meldcode steps and
// urgency. Pure, so the subject's choices are unit-tested.
import {
  emptyAddress,
  fullName,
  STEPS,
  subjectAddressPayload,
  subjectPersonsPayload,
  type AddressDraft,
  type PersonDraftLite,
  type Urgency,
} from './drafts.js';

/** A person known by name and birth date: possibly one Regie already knows, linked (`personId`) only when the user confirms. */
export type NamedPerson = PersonDraftLite & { personId?: string; rejected: string[] };

export interface SignalDraft {
  receivingOrganisationId: string;
  source: string;
  about: 'bsn' | 'name' | 'description' | 'family';
  bsn: string;
  subjectDescription: string;
  subjectPlace: string;
  /** About a person known by name and birth date. */
  person: NamedPerson;
  /** More persons (a family): names and birth date as known. */
  others: PersonDraftLite[];
  address: AddressDraft;
  whatSeen: string;
  concerns: Record<string, { on: boolean; text: string }>;
  safetyAtStake: boolean;
  steps: Record<string, { done: boolean; notes: string }>;
  urgency: Urgency | '';
}

export const emptyNamedPerson = (): NamedPerson => ({ givenNames: '', familyNamePrefix: '', familyName: '', birthDate: '', rejected: [] });

/** A new signal; started from a family's page (`familyId`), it is about that family. */
export const initialSignalDraft = (familyId: string | null): SignalDraft => ({
  receivingOrganisationId: '',
  source: 'professional',
  about: familyId ? 'family' : 'bsn',
  bsn: '',
  subjectDescription: '',
  subjectPlace: '',
  person: emptyNamedPerson(),
  others: [],
  address: emptyAddress(),
  whatSeen: '',
  concerns: {},
  safetyAtStake: false,
  steps: {},
  urgency: '',
});

/** The person by name; drafts saved before this field existed have none. */
export const draftPerson = (d: SignalDraft): NamedPerson => d.person ?? emptyNamedPerson();

/** Without a confirmed link, the name and birth date travel with the signal as its description ("Sam de Vries, geboren op 2015-03-01, …"). */
export function nameDescription(person: NamedPerson, description: string, bornOn: string): string {
  return [fullName(person), person.birthDate ? `${bornOn} ${person.birthDate}` : '', description.trim()].filter(Boolean).join(', ');
}

/** The request body of `POST /api/v1/signals`; `bornOn` is the word before a birth date in the description. */
export function signalBody(d: SignalDraft, familyId: string | null, bornOn: string) {
  const person = draftPerson(d);
  const concerns = Object.fromEntries(
    Object.entries(d.concerns)
      .filter(([, c]) => c.on)
      .map(([k, c]) => [k, c.text.trim()]),
  );
  const meldcodeSteps = Object.fromEntries(
    STEPS.flatMap((s) => {
      const step = d.steps[s];
      return step ? [[s, { done: step.done, ...(step.notes.trim() ? { notes: step.notes.trim() } : {}) }]] : [];
    }),
  );
  const description =
    d.about === 'name' && !person.personId ? nameDescription(person, d.subjectDescription, bornOn) : d.subjectDescription.trim();
  // The persons in structure as well (the description stays for whoever reads the signal): the first unless it was linked, and the others.
  const subjectPersons =
    d.about === 'family' ? [] : subjectPersonsPayload([...(d.about === 'name' && !person.personId ? [person] : []), ...(d.others ?? [])]);
  const subjectAddress = d.about === 'family' ? undefined : subjectAddressPayload(d.address ?? emptyAddress());
  return {
    receivingOrganisationId: d.receivingOrganisationId,
    source: d.source,
    urgency: d.urgency || undefined,
    whatSeen: d.whatSeen,
    safetyAtStake: d.safetyAtStake,
    ...(d.about === 'family' && familyId ? { familyId } : {}),
    ...(d.about === 'bsn' && d.bsn.trim() ? { bsn: d.bsn.trim() } : {}),
    ...(d.about === 'name' && person.personId ? { personId: person.personId } : {}),
    ...(description ? { subjectDescription: description } : {}),
    ...(d.subjectPlace.trim() ? { subjectPlace: d.subjectPlace.trim() } : {}),
    ...(subjectPersons.length ? { subjectPersons } : {}),
    ...(subjectAddress ? { subjectAddress } : {}),
    ...(Object.keys(concerns).length ? { concerns } : {}),
    ...(d.safetyAtStake ? { meldcodeSteps } : {}),
  };
}
