// The form parts' own texts (the error summary's heading, the form's own check's title, the draft
// notice) in Dutch and English, and useFormT to read them in the user's language.
import { useI18n } from '../i18n.js';

const nl = {
  summaryTitle: 'Er ging iets mis',
  draftRestored: 'Concept van {at} teruggezet.',
  draftRestoredFor: 'Concept voor {about} van {at} teruggezet.',
  discardDraft: 'Concept weggooien',
  invalidTitle: 'Ongeldige invoer',
};
const en: Record<keyof typeof nl, string> = {
  summaryTitle: 'There is a problem',
  draftRestored: 'Draft from {at} restored.',
  draftRestoredFor: 'Draft for {about} from {at} restored.',
  discardDraft: 'Discard draft',
  invalidTitle: 'Invalid input',
};
export const TEXTS = { nl, en };
export function useFormT() {
  const { lang } = useI18n();
  return (k: keyof typeof TEXTS.nl, vars: Record<string, string> = {}) =>
    Object.entries(vars).reduce((s, [key, v]) => s.replaceAll(`{${key}}`, v), TEXTS[lang === 'en' ? 'en' : 'nl'][k]);
}
