// "Mijn gezinnen": its own words, the filters it offers, and what a row says of a family.
import type { ApiResponse } from '../../api.js';
import { daysSince } from '../../ui/time.js';

export type FamilyRowData = ApiResponse<'GET', '/api/v1/families'>['items'][number];

export const TEXTS = {
  nl: {
    filter: 'Toon',
    councilOverdue: 'FNB te laat',
    councilOverdueLong: 'Familienetwerkberaad niet op tijd aangeboden',
    noAgreedPlan: 'Geen akkoord op plan',
    noAgreedPlanLong: 'Na zes weken nog geen akkoord op het plan',
    actionsOverdue_one: '1 actie te laat',
    actionsOverdue_other: '{n} acties te laat',
    actionsOverdueLong: 'Acties van het plan te laat',
  },
  en: {
    filter: 'Show',
    councilOverdue: 'FNC overdue',
    councilOverdueLong: 'Family network council not offered in time',
    noAgreedPlan: 'No agreed plan',
    noAgreedPlanLong: 'No agreed plan after six weeks',
    actionsOverdue_one: '1 action overdue',
    actionsOverdue_other: '{n} actions overdue',
    actionsOverdueLong: 'Plan actions overdue',
  },
};

const FILTERS = ['council_overdue', 'no_agreed_plan', 'actions_overdue'] as const;
export type Filter = '' | (typeof FILTERS)[number];
/** The filter named in the address or the select; anything else is no filter. */
export const asFilter = (v: string | null): Filter => FILTERS.find((f) => f === v) ?? '';

/** The members as one line: "Anna (8), Piet". */
export const membersLine = (members: Array<Pick<FamilyRowData['members'][number], 'name' | 'age'>>) =>
  members.map((m) => `${m.name}${m.age !== null ? ` (${m.age})` : ''}`).join(', ');

/** A case without activity for more than six weeks is too quiet. */
export const quietTooLong = (lastActivityAt: string | null, now = Date.now()) => (daysSince(lastActivityAt, now) ?? 0) > 42;
