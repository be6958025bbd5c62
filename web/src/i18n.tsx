// The app's i18n, the module every component imports: Dutch first, English second; components
// call t('key'). The shared texts are in i18n-texts-nl.ts and i18n-texts-en.ts (the words for API
// values in i18n-labels.ts), the i18next set-up in i18n-instance.ts, the React provider and hooks
// in i18n-context.tsx.
export { problemText, translate, type Lang, type PluralBase, type T } from './i18n-instance.js';
export { I18nProvider, useI18n, useLocalT } from './i18n-context.js';
