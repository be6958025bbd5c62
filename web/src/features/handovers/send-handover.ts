// What the handover screen decides without a screen: which cases the user may hand over, which
// persons stay chosen when a family's page arrives, and the request body from the draft.
import type { ApiBody, ApiResponse } from '../../api.js';
import type { RegionOrganisation } from '../../ui/RegionGroupedSelect.js';

type Family = ApiResponse<'GET', '/api/v1/families'>['items'][number];

/** A case the user coordinates and may hand over. */
export interface MyCase {
  familyId: string;
  caseId: string;
  name: string;
}

/** The handover form's draft (one per case it is for). */
export interface SendDraft {
  caseId: string;
  toOrganisationId: string;
  reason: string;
  safetyAssessment: '' | 'unsafe' | 'concerns' | 'safe';
  safetyNotes: string;
  knownInformation: string;
  personIds: string[];
  legalBasis: string;
  senderAccess: '' | 'ends' | 'continues';
  toUserId?: string;
}

export const EMPTY_SEND: SendDraft = {
  caseId: '',
  toOrganisationId: '',
  toUserId: '',
  reason: '',
  safetyAssessment: '',
  safetyNotes: '',
  knownInformation: '',
  personIds: [],
  legalBasis: '',
  senderAccess: 'ends',
};

/** The open cases of the user's families that the user coordinates. */
export const coordinatedCases = (families: Family[]): MyCase[] =>
  families.flatMap((f) =>
    f.caseId && f.isCoordinator && f.caseStatus !== 'closed' ? [{ familyId: f.id, caseId: f.caseId, name: f.name }] : [],
  );

/** The chosen persons when a family's page arrives: kept if all are members, else all members. */
export const personsFor = (chosen: string[], memberIds: string[]): string[] =>
  chosen.length && chosen.every((id) => memberIds.includes(id)) ? chosen : memberIds;

/** `ids` with `id` in it (`on`) or out of it. */
export const toggled = (ids: string[], id: string, on: boolean): string[] => (on ? [...ids, id] : ids.filter((x) => x !== id));

/** The request body of POST /api/v1/handovers: empty choices left out; a receiving professional only in the own region. */
export function handoverBody(d: SendDraft, caseId: string, receiver: RegionOrganisation | undefined, elsewhere: boolean) {
  return {
    caseId: caseId || undefined,
    toOrganisationId: d.toOrganisationId,
    toRegionId: receiver?.regionId,
    toUserId: (!elsewhere && d.toUserId) || undefined,
    reason: d.reason,
    safetyAssessment: d.safetyAssessment || undefined,
    safetyNotes: d.safetyNotes || undefined,
    knownInformation: d.knownInformation,
    personIds: d.personIds,
    legalBasis: d.legalBasis || undefined,
    senderAccess: d.senderAccess || undefined,
  } satisfies ApiBody<'POST', '/api/v1/handovers'>;
}
