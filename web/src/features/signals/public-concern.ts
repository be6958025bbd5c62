// The public concern form's input and what it sends: the concern as the API takes it, and a
// refused file named by its name rather than by its place in the list. Pure, so unit-tested.
import { subjectAddressPayload, subjectPersonsPayload, type AddressDraft, type PersonDraftLite } from './drafts.js';

export interface ConcernDraft {
  regionId: string;
  about: string;
  place: string;
  whatSeen: string;
  worried: boolean;
  name: string;
  contact: string;
  /** The honeypot: people leave it empty, robots fill it in. */
  website: string;
}
export const emptyConcern = (): ConcernDraft => ({
  regionId: '',
  about: '',
  place: '',
  whatSeen: '',
  worried: false,
  name: '',
  contact: '',
  website: '',
});

/** At most this many files go with a concern. */
export const MAX_CONCERN_FILES = 3;

/** The concern (JSON, or the part "concern" of a multipart request with files); whom and where only when given. */
export function concernBody(f: ConcernDraft, formToken: string, persons: PersonDraftLite[], address: AddressDraft) {
  const subjectPersons = subjectPersonsPayload(persons);
  const subjectAddress = subjectAddressPayload(address);
  return {
    regionId: f.regionId,
    formToken,
    about: f.about,
    whatSeen: f.whatSeen,
    worriedAboutSafety: f.worried,
    ...(f.place.trim() ? { place: f.place.trim() } : {}),
    ...(f.name.trim() ? { reporterName: f.name.trim() } : {}),
    ...(subjectPersons.length ? { subjectPersons } : {}),
    ...(subjectAddress ? { subjectAddress } : {}),
    ...(f.contact.trim() ? { reporterContact: f.contact.trim() } : {}),
    ...(f.website ? { website: f.website } : {}),
  };
}

/** The refusals of files (`attachments[1]`: the second file), each with the file's name in front where it is still chosen. */
export function attachmentErrors(errors: Record<string, string>, names: string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => k.startsWith('attachments'))
    .map(([k, v]) => {
      const i = Number(/^attachments\[(\d+)\]/.exec(k)?.[1] ?? NaN);
      return names[i] ? `${names[i]}: ${v}` : v;
    });
}
