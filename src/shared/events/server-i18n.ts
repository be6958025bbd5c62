// The server's i18next: one instance, initialised synchronously from the shared messages, that
// e-mails use to render a notification in the recipient's language.
import i18next from 'i18next';
import { EVENT_I18N_OPTIONS, notificationText, timelineText, type Translate } from './render.js';
import type { Language } from './kinds.js';

const instance = i18next.createInstance();
void instance.init(EVENT_I18N_OPTIONS);

/** A t function fixed to one language. */
export function translator(lang: Language): Translate {
  const t = instance.getFixedT(lang);
  return (key, options) => String(t(key, options as never));
}

export const renderTimeline = (lang: Language, e: { kind: string; params: Record<string, unknown> }) => timelineText(translator(lang), e);
export const renderNotification = (lang: Language, n: { kind: string; params: Record<string, unknown> }) =>
  notificationText(translator(lang), lang, n);
