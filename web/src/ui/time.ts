import type { T } from '../i18n.js';

/** "3 dagen geleden": every list shows how old things are. */
export function ago(t: T, iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  if (iso.length === 10) {
    // A calendar date: count whole days in local time, never hours.
    const days = Math.round((new Date(new Date(now).toDateString()).getTime() - new Date(`${iso}T00:00:00`).getTime()) / 86_400_000);
    if (days <= 0) return t('agoToday');
    if (days === 1) return t('agoYesterday');
    if (days < 60) return t('agoDays', { n: days });
    return ago(t, `${iso}T00:00:00`, now);
  }
  const ms = now - new Date(iso).getTime();
  const min = Math.floor(ms / 60_000);
  if (min < 1) return t('agoJustNow');
  if (min < 60) return t('agoMinutes', { n: min });
  const hours = Math.floor(min / 60);
  if (hours < 24) return t('agoHours', { n: hours });
  const days = Math.floor(hours / 24);
  if (days === 1) return t('agoYesterday');
  if (days < 60) return t('agoDays', { n: days });
  const months = Math.floor(days / 30.44);
  if (months < 24) return t('agoMonths', { n: months });
  return t('agoYears', { n: Math.floor(days / 365.25) });
}

export function daysSince(iso: string | null | undefined, now = Date.now()) {
  return iso ? Math.floor((now - new Date(iso).getTime()) / 86_400_000) : null;
}

export function fmtDate(iso: string | null | undefined, lang: string) {
  if (!iso) return '—';
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function fmtDateTime(iso: string | null | undefined, lang: string) {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The calendar day in the Netherlands (YYYY-MM-DD), whatever the browser's time zone: Regie's periods are Dutch days. */
export function dutchIsoDay(d: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
