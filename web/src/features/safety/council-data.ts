// The family network council's forms as they hold it (every field a string), and what the API is sent of it.
import type { Safety } from './safety-data.js';

type Council = Safety['council'];

/** The council's record as a draft: an unknown field is an empty one. */
export function councilDraft(council: Council) {
  return {
    offeredOn: council.offeredOn ?? '',
    answer: council.answer ?? '',
    declinedReason: council.declinedReason ?? '',
    answeredOn: council.answeredOn ?? '',
    metOn: council.metOn ?? '',
    safetyReason: council.safetyReason ?? '',
  };
}
export type CouncilDraft = ReturnType<typeof councilDraft>;

/** The draft as the API is sent it: an empty field is null; the version only once the council was recorded. */
export function councilBody(v: CouncilDraft, version: Council['version']) {
  const orNull = (s: string) => s.trim() || null;
  return {
    offeredOn: orNull(v.offeredOn),
    answer: orNull(v.answer),
    declinedReason: orNull(v.declinedReason),
    answeredOn: orNull(v.answeredOn),
    metOn: orNull(v.metOn),
    safetyReason: orNull(v.safetyReason),
    ...(version ? { version } : {}),
  };
}

export type OutcomeAction = { what: string; networkMemberId: string; dueOn: string };
export const emptyOutcomeAction: OutcomeAction = { what: '', networkMemberId: '', dueOn: '' };

/** The recorded outcome's actions as the form edits them. */
export const outcomeActions = (outcome: Council['outcome']): OutcomeAction[] =>
  outcome.actions.map((a) => ({ what: a.what, networkMemberId: a.networkMemberId, dueOn: a.dueOn }));

/** The family's goals, one a line, without the empty lines. */
export const outcomeGoals = (text: string) =>
  text
    .split('\n')
    .map((g) => g.trim())
    .filter(Boolean);
