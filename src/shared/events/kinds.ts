// What a timeline event and a notification are, as data: a kind and its parameters. Nothing
// here is a sentence; the sentences are in messages.ts (Dutch and English) and are made at the
// edge — the web app in the reader's language, an e-mail in the recipient's. Shared by the
// server (the one writer of each) and the web app, so neither can write or read a kind the
// other does not know. No imports: this file is compiled for Node and for the browser.

/** An organisation as a sentence names it; `region` only when it is in another region. */
export interface OrgRef {
  name: string;
  region?: string;
}

/** Every kind of timeline event with the parameters its sentence needs. */
export interface TimelineParams {
  family_registered: { name: string; count: number };
  family_registered_after_triage: { name: string; count: number; reference: string };
  family_registered_after_handover: { name: string; from: OrgRef };
  member_added: { givenNames: string };
  network_member_added: { relation: string };
  case_opened: Record<string, never>;
  case_opened_after_triage: { reference: string };
  case_opened_after_handover: { from: OrgRef };
  case_opened_after_signal_handover: Record<string, never>;
  coordinator_assigned: { coordinator: string };
  case_status_changed: { fromPhase: string; toPhase: string };
  case_closed: { fromPhase: string; reason: string };
  team_member_added: { name: string; startsOn?: string };
  team_member_added_after_triage: { name: string; reference: string };
  team_member_basis_changed: { name: string; fromBasis: string; toBasis: string };
  team_member_ended: { name: string; reason: string };
  coordinator_transferred: { name: string; reason?: string };
  break_glass_opened: { minutes: number; until: string };
  person_updated: { givenNames: string };
  person_merged: { givenNames: string };
  person_merge_undone: Record<string, never>;
  signal_received: { reference: string };
  signal_received_linked: { reference: string };
  signal_linked: { reference: string };
  signal_linked_by_address: { reference: string };
  signal_linked_same_family: { reference: string; via: string };
  signal_triaged: { reference: string; decision: string };
  handover_sent: { to: OrgRef; dueOn: string };
  handover_accepted: { by: OrgRef; coordinator: string };
  handover_accepted_from: { from: OrgRef; coordinator: string };
  /** Accepted in another region; the sender's access ends or continues. */
  handover_accepted_elsewhere: { by: OrgRef; senderAccess: 'ends' | 'continues' };
  handover_refused: { by: OrgRef; reason: string };
  /** A set of the integral picture: how many scores for how many persons (never the scores themselves). */
  assessment_recorded: { count: number; persons: number };
  plan_draft_started: { number: number };
  /** The network council's plan copied into a draft: how many goals and actions were added. */
  plan_council_copied: { number: number; goals: number; actions: number };
  plan_approved: { number: number; name: string };
  plan_version_proposed: { number: number };
  plan_answer_recorded: { number: number; party: string };
  plan_agreed: { number: number };
  plan_disagreed: { number: number; party: string; reason: string };
  plan_action_done: { action: string };
  plan_action_not_done: { action: string; reason: string };
  plan_action_reopened: { action: string };
  /** Day-to-day work written as free text (the demo's notes): the text is content, not a sentence of Regie's. */
  note: { text: string };
  /** An event from before events were structured, whose sentence matched no known kind. */
  legacy_text: { text: string };
  safety_assessment_recorded: { safetyDecision: string };
  safety_assessment_changed: { safetyDecision: string };
  safety_assessment_reviewed: { reviewer: string; verdict: string };
  safety_plan_agreement_added: Record<string, never>;
  safety_plan_agreement_changed: Record<string, never>;
  safety_plan_agreement_removed: Record<string, never>;
  council_offered: { offeredOn: string };
  council_answered: { answer: string };
  council_met: { metOn: string };
  council_safety_reason: Record<string, never>;
  council_outcome_recorded: { goals: number; actions: number };
}
export type TimelineKind = keyof TimelineParams;
export type TimelineEventOf<K extends TimelineKind> = { kind: K; params: TimelineParams[K] };
/** One structured event: the kind with exactly its parameters. */
export type StructuredTimelineEvent = { [K in TimelineKind]: TimelineEventOf<K> }[TimelineKind];

/** Each kind's event type: the coarse category that indicators, row-level security and filters use. */
export const TIMELINE_TYPE_OF = {
  family_registered: 'family_registered',
  family_registered_after_triage: 'family_registered',
  family_registered_after_handover: 'family_registered',
  member_added: 'member_added',
  network_member_added: 'network_member_added',
  case_opened: 'case_opened',
  case_opened_after_triage: 'case_opened',
  case_opened_after_handover: 'case_opened',
  case_opened_after_signal_handover: 'case_opened',
  coordinator_assigned: 'coordinator_assigned',
  case_status_changed: 'case_status_changed',
  case_closed: 'case_status_changed',
  team_member_added: 'team_member_added',
  team_member_added_after_triage: 'team_member_added',
  team_member_basis_changed: 'team_member_basis_changed',
  team_member_ended: 'team_member_ended',
  coordinator_transferred: 'coordinator_transferred',
  break_glass_opened: 'break_glass_opened',
  person_updated: 'person_updated',
  person_merged: 'person_updated',
  person_merge_undone: 'person_updated',
  signal_received: 'signal_linked',
  signal_received_linked: 'signal_linked',
  signal_linked: 'signal_linked',
  signal_linked_by_address: 'signal_linked',
  signal_linked_same_family: 'signal_linked',
  signal_triaged: 'signal_triaged',
  handover_sent: 'handover_sent',
  handover_accepted: 'handover_accepted',
  handover_accepted_from: 'handover_accepted',
  handover_accepted_elsewhere: 'handover_accepted',
  handover_refused: 'handover_refused',
  assessment_recorded: 'assessment_recorded',
  note: 'note_added',
  legacy_text: 'note_added',
  safety_assessment_recorded: 'safety_assessment',
  safety_assessment_changed: 'safety_assessment',
  safety_assessment_reviewed: 'safety_assessment',
  safety_plan_agreement_added: 'safety_plan',
  safety_plan_agreement_changed: 'safety_plan',
  safety_plan_agreement_removed: 'safety_plan',
  council_offered: 'network_council',
  council_answered: 'network_council',
  council_met: 'network_council',
  council_safety_reason: 'network_council',
  council_outcome_recorded: 'network_council',
  plan_draft_started: 'plan_changed',
  plan_council_copied: 'plan_changed',
  plan_approved: 'plan_changed',
  plan_version_proposed: 'plan_proposed',
  plan_answer_recorded: 'plan_answered',
  plan_agreed: 'plan_agreed',
  plan_disagreed: 'plan_disagreed',
  plan_action_done: 'plan_changed',
  plan_action_not_done: 'plan_changed',
  plan_action_reopened: 'plan_changed',
} as const satisfies Record<TimelineKind, string>;
export type TimelineType = (typeof TIMELINE_TYPE_OF)[TimelineKind];
export const TIMELINE_KINDS = Object.keys(TIMELINE_TYPE_OF) as TimelineKind[];

/** Every kind of notification with the parameters its title needs (none holds citizen data). */
export interface NotificationParams {
  handover_received: { from: OrgRef };
  handover_accepted: { by: OrgRef };
  handover_refused: { by: OrgRef };
  handover_expired: Record<string, never>;
  handover_nominated: Record<string, never>;
  refindex_match: Record<string, never>;
  refindex_coordinator: Record<string, never>;
  refindex_escalation: { workingDays: number };
  signal_acute: { reference: string };
  signal_linked: { reference: string };
  case_coordinator_assigned: { reference: string };
  signal_safety: { reference: string };
  triage_overdue: { reference: string };
  public_form_cap: { cap: number };
  role_change_proposed: Record<string, never>;
  role_change_approved: Record<string, never>;
  authenticator_reset: Record<string, never>;
  council_overdue: { workingDays: number };
  plan_proposed: { number: number };
  plan_agreed: { number: number };
  plan_disagreed: { number: number };
}
export type NotificationKind = keyof NotificationParams;
export type StructuredNotification = { [K in NotificationKind]: { kind: K; params: NotificationParams[K] } }[NotificationKind];

/** A notification from before notifications were structured: its two titles, kept as they were. */
export interface LegacyTitle {
  legacyTitle: { nl: string; en: string };
}

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
