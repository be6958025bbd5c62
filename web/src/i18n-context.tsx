// The language in React: I18nProvider (the user's language, kept in this browser), useI18n (lang,
// t, label and the language switch) and useLocalT (a feature's own catalogue).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { fixed, translate, ui, type Lang, type PluralBase, type T, type Vars } from './i18n-instance.js';
import { LABELS } from './i18n-labels.js';

interface I18n {
  lang: Lang;
  t: T;
  label: (v: string | null | undefined) => string;
  /** The user's own choice (the language button). */
  setLang: (l: Lang) => void;
  /** The account's language after a login: taken unless the user chose one on this visit (then that choice goes to the account). */
  adopt: (l: Lang) => void;
  /** Whether the language is the user's own choice on this visit (the language button), not the default or the account's. */
  chosen: boolean;
}
const Ctx = createContext<I18n | null>(null);

const CHOSEN = 'regie.langChosen';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('regie.lang') === 'en' ? 'en' : 'nl'));
  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('regie.lang', lang);
  }, [lang]);
  // A choice made in this browser tab (kept over a reload) wins over the account's language.
  const [chosen, setChosen] = useState(() => !!sessionStorage.getItem(CHOSEN));
  const setLang = useCallback((l: Lang) => {
    sessionStorage.setItem(CHOSEN, l);
    setChosen(true);
    setLangState(l);
  }, []);
  const adopt = useCallback((l: Lang) => {
    if (!sessionStorage.getItem(CHOSEN)) setLangState(l);
  }, []);
  const value: I18n = { lang, t: translate(lang), label: (v) => (v ? (LABELS[lang][v] ?? v) : ''), setLang, adopt, chosen };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

/**
 * A feature's own Dutch/English catalogue, so features add texts without editing the shared catalogue
 * (i18n-texts-nl.ts, i18n-texts-en.ts).
 * Usage, with the catalogue a module-level constant: const t = useLocalT(TEXTS); t('markedAll', { n: 3 }).
 */
const bundles = new WeakMap<object, string>();
let localCount = 0;
export function useLocalT<K extends string>(dict: { nl: Record<K, string>; en: Record<K, string> }) {
  const { lang } = useI18n();
  let ns = bundles.get(dict);
  if (!ns) {
    ns = `local${++localCount}`;
    ui.addResourceBundle('nl', ns, dict.nl);
    ui.addResourceBundle('en', ns, dict.en);
    bundles.set(dict, ns);
  }
  return fixed(lang, ns) as (key: K | PluralBase<K>, vars?: Vars) => string;
}
