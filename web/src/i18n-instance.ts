// The i18next instance behind every t(): the shared catalogue (i18n-texts-nl.ts, i18n-texts-en.ts)
// loaded into it, the language and t types, translate (a language's t), and problemText.
import i18next from 'i18next';
import { en } from './i18n-texts-en.js';
import { nl, type Key } from './i18n-texts-nl.js';

export type Lang = 'nl' | 'en';
export type T = (key: Key | PluralBase<Key>, vars?: Record<string, string | number>) => string;

/** A key without its plural suffix: `t('markedAll', { n })` picks `markedAll_one` or `markedAll_other`. */
export type PluralBase<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/**
 * Every interface text goes through i18next: plurals by the language's rules (Intl.PluralRules)
 * from `key_one` / `key_other`, chosen by `count` or, when not given, by `n`. Placeholders keep the
 * catalogues' `{name}` form (i18next's prefix and suffix set to one brace).
 */
export const ui = i18next.createInstance();
void ui.init({
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  resources: { nl: { app: nl }, en: { app: en } },
  ns: ['app'],
  defaultNS: 'app',
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnNull: false,
  // React escapes what it renders.
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
});
export type Vars = Record<string, string | number>;
export function fixed(lang: Lang, ns: string) {
  const t = ui.getFixedT(lang, ns);
  return (key: string, vars?: Vars) => {
    const options: Vars = { ...vars };
    if (typeof options.n === 'number' && options.count === undefined) options.count = options.n;
    return String(t(key, options as never));
  };
}
/** The app catalogue's t for one language (also used by tests). */
export function translate(lang: Lang): T {
  return fixed(lang, 'app');
}

/** Problem details in the user's language. */
export function problemText(lang: Lang, p: { detail: string; detailEn?: string }) {
  return lang === 'en' && p.detailEn ? p.detailEn : p.detail;
}
