// Shapes of the signals API (mirrors src/modules/signals/signals.contract.ts).
import type { HandoverRefusal } from '../handovers/RefusalNote.js';
export type Urgency = 'acute' | 'high' | 'normal';
export type Status = 'open' | 'triaged' | 'handed_over' | 'handover_refused' | 'handover_expired' | 'closed';

export interface SignalListItem {
  id: string; reference: string; receivedAt: string; source: string; urgency: Urgency; triageDueOn: string; daysLeft: number; overdue: boolean;
  status: Status; safetyAtStake: boolean; reReport: boolean; linkedToCase: boolean; subject: string | null; receivingOrganisationName: string;
  possiblySameFamily: boolean;
  handoverRefusal?: HandoverRefusal | null;
}
export interface SignalList { items: SignalListItem[]; nextCursor: string | null; today: string }

export interface TriageDecision {
  id: string; safetyAssessment: 'unsafe' | 'concerns' | 'safe'; safetyReasons: string; decision: string; note: string | null; closeReason: string | null;
  targetOrganisationId: string | null; targetOrganisationName: string | null; targetRegionId: string | null; targetRegionName: string | null; caseId: string | null;
  decidedBy: { id: string; name: string | null; organisationName: string | null }; decidedAt: string;
}
export interface Attachment { id: string; filename: string; mediaType: string; sizeBytes: number; uploadedAt: string; fromPublic: boolean }

export interface SignalDetailData {
  id: string; reference: string; status: Status; version: number; source: string;
  receivingOrganisation: { id: string; name: string };
  reporter: { userId: string | null; name: string | null; organisationName: string | null; contact: string | null };
  subject: { label: string | null; personId: string | null; familyId: string | null; bsn: string | null; description: string | null; place: string | null;
    persons: SubjectPerson[]; address: SubjectAddress | null };
  whatSeen: string; concerns: Record<string, string>; safetyAtStake: boolean; meldcodeSteps: Record<string, { done: boolean; notes?: string }>;
  urgency: Urgency; receivedAt: string; triageDueOn: string; daysLeft: number; overdue: boolean; caseId: string | null; reReport: boolean | null;
  reReportCase: { caseId: string; familyId: string; familyName: string; closedAt: string | null } | null;
  urgencyChange: { reported: Urgency; raised: boolean; lowered: { reason: string; byName: string | null; at: string } | null } | null;
  proposals: FamilyProposal[];
  triage: TriageDecision | null; attachments: Attachment[]; handoverRefusal?: HandoverRefusal | null;
  access: { mayTriage: boolean; mayAddAttachment: boolean; mayLowerUrgency: boolean; mayOpenFamily: boolean; view: 'triage' | 'case_team' | 'reporter' };
}

export interface SubjectPerson { givenNames: string | null; familyNamePrefix: string | null; familyName: string | null; birthDate: string | null }
export interface SubjectAddress { street: string | null; houseNumber: string; postcode: string | null; city: string | null }
/** "Possibly the same family": an open signal or an open case at the same address. */
export interface FamilyProposal {
  kind: 'signal' | 'case'; signalId: string | null; reference: string | null; caseId: string | null; familyId: string | null;
  label: string | null; coordinatorName: string | null; status: 'proposed' | 'confirmed';
}

/** Subject fields as typed in a form (persons and address), and what the API takes from them. */
export interface PersonDraftLite { givenNames: string; familyNamePrefix: string; familyName: string; birthDate: string }
export interface AddressDraft { street: string; houseNumber: string; postcode: string; city: string }
export const emptyAddress = (): AddressDraft => ({ street: '', houseNumber: '', postcode: '', city: '' });
export const emptyPersonLite = (): PersonDraftLite => ({ givenNames: '', familyNamePrefix: '', familyName: '', birthDate: '' });

export function subjectPersonsPayload(persons: PersonDraftLite[]) {
  return persons.filter((p) => p.givenNames.trim() || p.familyName.trim()).map((p) => ({
    ...(p.givenNames.trim() ? { givenNames: p.givenNames.trim() } : {}), ...(p.familyName.trim() ? { familyName: p.familyName.trim() } : {}),
    ...(p.familyNamePrefix.trim() ? { familyNamePrefix: p.familyNamePrefix.trim() } : {}), ...(p.birthDate ? { birthDate: p.birthDate } : {}) }));
}
export function subjectAddressPayload(a: AddressDraft) {
  if (!a.street.trim() && !a.houseNumber.trim() && !a.postcode.trim() && !a.city.trim()) return undefined;
  return { houseNumber: a.houseNumber.trim(), ...(a.street.trim() ? { street: a.street.trim() } : {}), ...(a.postcode.trim() ? { postcode: a.postcode.trim() } : {}),
    ...(a.city.trim() ? { city: a.city.trim() } : {}) };
}
export const formatAddress = (a: SubjectAddress) => [[a.street, a.houseNumber].filter(Boolean).join(' '), [a.postcode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

export interface Organisation { id: string; name: string; type: string; safetyTask: boolean }
export interface Settings { workingDays: Record<Urgency, number>; frontDoorOrganisationId: string | null }

export const SOURCES = ['professional', 'school', 'gp', 'police', 'veilig_thuis', 'citizen', 'anonymous'] as const;
export const DOMAINS = ['finances', 'housing', 'work', 'domestic_relations', 'mental_health', 'physical_health', 'addiction', 'daily_living',
  'social_network', 'participation', 'justice', 'development_parenting', 'education', 'safety'] as const;
export const CHILD_DOMAINS: readonly string[] = ['development_parenting', 'education', 'safety'];
export const STEPS = ['1', '2', '3', '4', '5'] as const;

/** A file chosen in the browser, as the API takes it. */
export interface FileDraft { filename: string; mediaType: string; contentBase64: string; sizeBytes: number }

export function readFile(file: File): Promise<FileDraft> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ filename: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: url.slice(url.indexOf(',') + 1), sizeBytes: file.size });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
