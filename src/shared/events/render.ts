// Turns a stored kind + parameters into a sentence in one language, through i18next. Used by
// the web app (timeline, inbox) and the server (e-mails, in the recipient's language).
import type { InitOptions } from 'i18next';
import { EVENT_MESSAGES, EVENTS_NS } from './messages.js';
import type { Language, OrgRef } from './kinds.js';

/** An i18next t function fixed to one language and the `events` namespace. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The options every i18next instance that renders events starts from. */
export const EVENT_I18N_OPTIONS: InitOptions = {
  resources: EVENT_MESSAGES,
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  ns: [EVENTS_NS],
  defaultNS: EVENTS_NS,
  // React escapes what it renders and the e-mail's HTML escapes its own values.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
};

/** Parameters holding a code that is translated through a label group before it enters the sentence. */
const LABELLED: Record<string, string> = {
  fromPhase: 'phase',
  toPhase: 'phase',
  fromBasis: 'basis',
  toBasis: 'basis',
  relation: 'relation',
  decision: 'decision',
  safetyDecision: 'safety',
  verdict: 'verdict',
  answer: 'councilAnswer',
};
/** Calendar days (YYYY-MM-DD) and moments (ISO 8601): formatted by Intl in the reader's language. */
const DAYS = new Set(['startsOn', 'dueOn', 'offeredOn', 'metOn']);
const MOMENTS = new Set(['until']);
/** The parameter that chooses a plural form, per kind. */
const COUNT: Record<string, string> = {
  family_registered: 'count',
  family_registered_after_triage: 'count',
  break_glass_opened: 'minutes',
  refindex_escalation: 'workingDays',
  public_form_cap: 'cap',
  council_overdue: 'workingDays',
};

const isOrg = (v: unknown): v is OrgRef => typeof v === 'object' && v !== null && typeof (v as OrgRef).name === 'string';

function values(t: Translate, kind: string, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (isOrg(v)) out[k] = v.region ? t('org.inRegion', { name: v.name, region: v.region }) : v.name;
    else if (LABELLED[k] && typeof v === 'string') out[k] = t(`label.${LABELLED[k]}.${v}`, { defaultValue: v });
    else if (DAYS.has(k) && typeof v === 'string') out[k] = new Date(`${v.slice(0, 10)}T00:00:00Z`);
    else if (MOMENTS.has(k) && typeof v === 'string') out[k] = new Date(v);
    else out[k] = v;
  }
  const countKey = COUNT[kind];
  if (countKey && typeof params[countKey] === 'number') out.count = params[countKey];
  return out;
}

/** The message key of a timeline event: some kinds have a variant chosen by a parameter. */
function timelineKey(kind: string, params: Record<string, unknown>): string {
  if (kind === 'team_member_added' && params.startsOn) return 'team_member_added_from';
  if (kind === 'coordinator_transferred' && params.reason) return 'coordinator_transferred_reason';
  if (kind === 'handover_accepted_elsewhere') return `handover_accepted_elsewhere_${params.senderAccess === 'ends' ? 'ends' : 'continues'}`;
  return kind;
}

/** A timeline event's sentence; an unknown kind (from a newer server) shows its name rather than nothing. */
export function timelineText(t: Translate, e: { kind: string; params: Record<string, unknown> }): string {
  const params = e.params ?? {};
  return t(`timeline.${timelineKey(e.kind, params)}`, { ...values(t, e.kind, params), defaultValue: e.kind });
}

/** Kinds whose sentence is a professional's own free text: shown after their category ("Notitie: …"). */
export const FREE_TEXT_KINDS: ReadonlySet<string> = new Set(['note', 'legacy_text']);

/** An event's category in words ("Notitie", "Huisbezoek"); an unknown one shows its code. */
export function timelineTypeText(t: Translate, type: string): string {
  return t(`label.type.${type}`, { defaultValue: type });
}

/** A notification's title; a notification from before structured kinds keeps its stored titles. */
export function notificationText(t: Translate, lang: Language, n: { kind: string; params: Record<string, unknown> }): string {
  const legacy = (n.params as { legacyTitle?: { nl?: string; en?: string } } | null)?.legacyTitle;
  if (legacy) return (lang === 'en' ? legacy.en : legacy.nl) ?? legacy.nl ?? n.kind;
  return t(`notification.${n.kind}`, { ...values(t, n.kind, n.params ?? {}), defaultValue: n.kind });
}
