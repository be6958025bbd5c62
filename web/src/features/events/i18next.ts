// The web app's i18next for timeline events and notifications: the shared catalogue
// (src/shared/events/messages.ts) in Dutch and English, with plurals and Intl dates per
// language. The rest of the app keeps its own t() (web/src/i18n.tsx); the language follows it.
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import {
  EVENT_I18N_OPTIONS,
  notificationText,
  timelineText,
  timelineTypeText,
  type Translate,
} from '../../../../src/shared/events/render.js';
import { EVENTS_NS } from '../../../../src/shared/events/messages.js';
import { useI18n } from '../../i18n.js';

export const eventI18n = i18next.createInstance();
void eventI18n.use(initReactI18next).init({ ...EVENT_I18N_OPTIONS, react: { useSuspense: false } });

export interface EventLike {
  kind: string;
  params: Record<string, unknown>;
}

/** Sentences of events and notifications in the language the user chose. */
export function useEventTexts() {
  const { lang } = useI18n();
  const { t } = useTranslation(EVENTS_NS, { lng: lang, i18n: eventI18n });
  const tr: Translate = (key, options) => String(t(key, options as never));
  return {
    timeline: (e: EventLike) => timelineText(tr, e),
    type: (type: string) => timelineTypeText(tr, type),
    notification: (n: EventLike) => notificationText(tr, lang, n),
  };
}
