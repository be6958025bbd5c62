// Shapes of the families API (mirrors src/modules/families/families.contract.ts).
import type { TimelineItem } from '../events/Timeline.js';
export interface ListItem {
  id: string; name: string; members: { personId: string; name: string; relation: string; age: number | null }[];
  caseId: string | null; caseStatus: string | null; openedAt: string | null; coordinatorName: string | null; isCoordinator: boolean; lastActivityAt: string | null;
}
export interface Member {
  personId: string; relation: string; bsn: string | null; givenNames: string; familyNamePrefix: string | null; familyName: string; fullName: string;
  birthDate: string | null; age: number | null; gender: string | null; street: string | null; houseNumber: string | null; postcode: string | null; city: string | null; phone: string | null;
  version: number;
}
export interface TeamMember { id: string; userId: string; userName: string; organisationName: string; organisationType: string; role: 'coordinator' | 'member'; legalBasis: string; startedOn: string; notStarted: boolean; endedAt: string | null; endedReason: string | null; version: number; handoverId: string | null }
export interface CaseSummary { id: string; status: string; openedAt: string; closedAt: string | null; closedReason: string | null; version: number; coordinator: { userId: string; name: string; organisationName: string } | null }
export interface FamilyPageData {
  id: string; name: string; version: number; createdAt: string; members: Member[];
  network: { id: string; name: string; relation: string; phone: string | null; note: string | null }[];
  currentCase: (CaseSummary & { team: TeamMember[] }) | null; pastCases: CaseSummary[];
  timeline: TimelineItem[]; timelineCursor: string | null;
  access: { legalBasis: string | null; breakGlass: boolean; breakGlassExpiresAt: string | null; isCoordinator: boolean };
}
export interface Professional { id: string; displayName: string; roles: string[]; organisationName: string; organisationType: string }
