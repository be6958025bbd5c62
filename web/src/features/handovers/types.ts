// Shapes of the handovers and lead-times API (mirrors src/modules/handovers/handovers.contract.ts
// and src/modules/leadtimes/leadtimes.contract.ts).
export type HandoverStatus = 'pending' | 'accepted' | 'refused' | 'expired';
export interface Org { id: string; name: string; type: string; regionId: string; regionName: string }
export interface HandoverSummary {
  id: string; subjectType: 'case' | 'signal'; caseId: string | null; signalId: string | null; familyId: string | null; subjectLabel: string;
  direction: 'incoming' | 'outgoing'; crossRegion: boolean; fromOrganisation: Org; toOrganisation: Org; senderName: string; toUser: { id: string; name: string } | null; sentAt: string; acceptDueOn: string;
  workingDaysLeft: number; overdue: boolean; status: HandoverStatus; safetyAssessment: 'unsafe' | 'concerns' | 'safe'; version: number;
}
export interface HandoverDetailData extends HandoverSummary {
  reason: string; safetyNotes: string | null; knownInformation: string; legalBasis: string; senderAccess: 'ends' | 'continues';
  persons: { personId: string; name: string; birthDate: string | null; relation: string | null; bsn: string | null }[];
  respondedAt: string | null; respondedByName: string | null; nomineeName: string | null; refusalReason: string | null; resultCaseId: string | null;
  resultFamilyId: string | null; mayRespond: boolean;
  /** Only for the receiver of a pending handover from another region. */
  arrival: { persons: ArrivingPerson[] } | null;
}
export interface ArrivingPerson {
  personId: string; bsnKnown: boolean; possibleElsewhere: boolean;
  candidates: { personId: string; fullName: string; birthDate: string | null; reason: 'bsn' | 'name_and_birth_date'; familyId: string | null; familyName: string | null }[];
}
export interface OrgLeadTimes {
  organisation: Org; from: string; to: string;
  intervals: { from: string; to: string; count: number; medianDays: number | null; p90Days: number | null }[];
}
export interface CaseLeadTimes {
  caseId: string; familyId: string;
  moments: { moment: string; occurredAt: string; organisationId: string; organisationName: string }[];
  intervals: { from: string; to: string; days: number | null }[];
}
