// The triage form's draft and what it sends: the request body, and the decision that is confirmed
// first (opening a case, handing over). Pure, so the choices per decision are unit-tested.
import { personPayload, type PersonDraft } from '../families/MemberForms.js';
import type { RegionOrganisation } from '../../ui/RegionGroupedSelect.js';
import type { SignalDetailData } from './drafts.js';
import type { TriageDone } from './TriageConfirm.js';
import { membersFromSignal } from './triage-members.js';

type Assessment = NonNullable<SignalDetailData['triage']>['safetyAssessment'];
type Decision = 'advice' | 'open_case' | 'join_case' | 'handover' | 'close';
export interface TriageDraft {
  safetyAssessment: Assessment | '';
  safetyReasons: string;
  decision: Decision | '';
  note: string;
  closeReason: string;
  targetOrganisationId: string;
  coordinatorUserId: string;
  members?: PersonDraft[];
  targetUserId?: string;
}

export const initialTriageDraft = (signal: Pick<SignalDetailData, 'subject'>): TriageDraft => ({
  safetyAssessment: '',
  safetyReasons: '',
  decision: '',
  note: '',
  closeReason: '',
  targetOrganisationId: '',
  coordinatorUserId: '',
  members: membersFromSignal(signal),
});

/** What the draft decides about besides its own fields. */
export interface TriageContext {
  signal: Pick<SignalDetailData, 'version'>;
  /** The signal is about a family Regie does not know yet: opening a case registers it. */
  newFamily: boolean;
  members: PersonDraft[];
  /** The organisation chosen to hand over to, and whether it lies in another region. */
  target: Pick<RegionOrganisation, 'regionId' | 'name' | 'regionName'> | undefined;
  elsewhere: boolean;
}

/** The request body of `POST /api/v1/signals/:signalId/triage`: only what the chosen decision takes. */
export function triageBody(d: TriageDraft, { signal, newFamily, members, target, elsewhere }: TriageContext) {
  return {
    safetyAssessment: d.safetyAssessment || undefined,
    safetyReasons: d.safetyReasons,
    decision: d.decision || undefined,
    version: signal.version,
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
    ...(d.decision === 'close' ? { closeReason: d.closeReason.trim() || undefined } : {}),
    ...(d.decision === 'handover'
      ? {
          targetOrganisationId: d.targetOrganisationId || undefined,
          targetRegionId: target?.regionId,
          targetUserId: (!elsewhere && d.targetUserId) || undefined,
        }
      : {}),
    ...(d.decision === 'open_case' ? { coordinatorUserId: d.coordinatorUserId || undefined } : {}),
    ...(d.decision === 'open_case' && newFamily ? { newFamily: { members: members.map((m) => personPayload(m)) } } : {}),
  };
}

/**
 * The irreversible decision the draft will record once it can succeed (assessment, reasons and
 * its choice made), so it is confirmed first; null for any other decision or an unfinished draft.
 */
export function plannedTriage(
  d: TriageDraft,
  { newFamily, target, elsewhere }: Pick<TriageContext, 'newFamily' | 'target' | 'elsewhere'>,
  coordinator: { id: string; displayName: string } | undefined,
  meId: string,
): TriageDone | null {
  const basics = !!d.safetyAssessment && d.safetyReasons.trim().length >= 3;
  if (!basics) return null;
  if (d.decision === 'open_case' && coordinator)
    return { decision: 'open_case', coordinator: coordinator.displayName, coordinatorIsMe: coordinator.id === meId, newFamily };
  if (d.decision === 'handover' && target) return { decision: 'handover', org: target.name, region: elsewhere ? target.regionName : null };
  return null;
}
