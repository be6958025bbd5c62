// One line beside a deadline in working days: which public holidays it skipped ("Overgeslagen:
// Koningsdag 27 april, Hemelvaartsdag 14 mei"), by the rules of the user's region (5 May counts
// only when the region says so). Nothing is shown when no holiday was skipped.
import { useApi } from '../../data.js';
import { useI18n, useLocalT } from '../../i18n.js';

const dict = {
  nl: { skipped: 'overgeslagen' },
  en: { skipped: 'skipped' },
};
const EN: Record<string, string> = {
  Nieuwjaarsdag: "New Year's Day",
  'Eerste Paasdag': 'Easter Sunday',
  'Tweede Paasdag': 'Easter Monday',
  Koningsdag: "King's Day",
  Bevrijdingsdag: 'Liberation Day',
  Hemelvaartsdag: 'Ascension Day',
  'Eerste Pinksterdag': 'Whit Sunday',
  'Tweede Pinksterdag': 'Whit Monday',
  'Eerste Kerstdag': 'Christmas Day',
  'Tweede Kerstdag': 'Boxing Day',
  'Bevrijdingsdag en Hemelvaartsdag': 'Liberation Day and Ascension Day',
};

/** The calendar date in the Netherlands of an instant or a date. */
const dutchDate = (v: string) =>
  v.length === 10 ? v : new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(v));

export function SkippedHolidays({ from, to }: { from: string; to: string }) {
  const t = useLocalT(dict);
  const { lang } = useI18n();
  const start = dutchDate(from);
  const answer = useApi('/api/v1/skipped-holidays', { query: { from: start, to } }, { enabled: to >= start });
  const items = (to >= start && !answer.error && answer.data?.items) || [];
  if (!items.length) return null;
  const day = (d: string) =>
    new Date(`${d}T12:00:00`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long' });
  return (
    <span className="regie-muted regie-skipped-holidays" data-testid="skipped-holidays">
      {' '}
      ({t('skipped')}: {items.map((h) => `${lang === 'en' ? (EN[h.name] ?? h.name) : h.name} ${day(h.date)}`).join(', ')})
    </span>
  );
}
