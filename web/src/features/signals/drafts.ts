// Signal forms: the subject as typed (persons and address) and what the API takes from it, the
// value lists the forms offer (from the signals contract), and files chosen and read in the browser.
import type { ApiResponse } from '../../api.js';
import { LIFE_DOMAINS, SOURCES } from '@contract/signals/signals.contract.js';

export type SignalDetailData = ApiResponse<'GET', '/api/v1/signals/:signalId'>;
export type Urgency = SignalDetailData['urgency'];
type SubjectAddress = NonNullable<SignalDetailData['subject']['address']>;

/** Subject fields as typed in a form (persons and address), and what the API takes from them. */
export interface PersonDraftLite {
  givenNames: string;
  familyNamePrefix: string;
  familyName: string;
  birthDate: string;
}
export interface AddressDraft {
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
}
export const emptyAddress = (): AddressDraft => ({ street: '', houseNumber: '', postcode: '', city: '' });
export const emptyPersonLite = (): PersonDraftLite => ({ givenNames: '', familyNamePrefix: '', familyName: '', birthDate: '' });

export function subjectPersonsPayload(persons: PersonDraftLite[]) {
  return persons
    .filter((p) => p.givenNames.trim() || p.familyName.trim())
    .map((p) => ({
      ...(p.givenNames.trim() ? { givenNames: p.givenNames.trim() } : {}),
      ...(p.familyName.trim() ? { familyName: p.familyName.trim() } : {}),
      ...(p.familyNamePrefix.trim() ? { familyNamePrefix: p.familyNamePrefix.trim() } : {}),
      ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    }));
}
export function subjectAddressPayload(a: AddressDraft) {
  if (!a.street.trim() && !a.houseNumber.trim() && !a.postcode.trim() && !a.city.trim()) return undefined;
  return {
    houseNumber: a.houseNumber.trim(),
    ...(a.street.trim() ? { street: a.street.trim() } : {}),
    ...(a.postcode.trim() ? { postcode: a.postcode.trim() } : {}),
    ...(a.city.trim() ? { city: a.city.trim() } : {}),
  };
}
export const formatAddress = (a: SubjectAddress) =>
  [[a.street, a.houseNumber].filter(Boolean).join(' '), [a.postcode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** A person's name as written: given names, prefix and family name, the empty parts left out ("Sam de Vries"). */
export const fullName = (p: { givenNames?: string | null; familyNamePrefix?: string | null; familyName?: string | null }) =>
  [p.givenNames, p.familyNamePrefix, p.familyName]
    .map((x) => (x ?? '').trim())
    .filter(Boolean)
    .join(' ');
/** Who did something, with their organisation when known: "Ans Jansen (Wijkteam Noord)". */
export const nameWithOrganisation = (p: { name?: string | null; organisationName?: string | null }) =>
  `${p.name ?? '—'}${p.organisationName ? ` (${p.organisationName})` : ''}`;

export { SOURCES };
export const DOMAINS = LIFE_DOMAINS;
/** The life domains asked only about children. */
export const CHILD_DOMAINS: readonly string[] = ['development_parenting', 'education', 'safety'];
/** The Meldcode's five steps. */
export const STEPS = ['1', '2', '3', '4', '5'] as const;

/** The largest file a signal takes (the public concern form's files too). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The first of the chosen files that is too large to send, if any. */
export const tooLargeFile = <F extends { size: number }>(chosen: F[]): F | undefined => chosen.find((f) => f.size > MAX_FILE_BYTES);

/** A file chosen in the browser, as the API takes it. */
export interface FileDraft {
  filename: string;
  mediaType: string;
  contentBase64: string;
  sizeBytes: number;
}

export function readFile(file: File): Promise<FileDraft> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        filename: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: url.slice(url.indexOf(',') + 1),
        sizeBytes: file.size,
      });
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
