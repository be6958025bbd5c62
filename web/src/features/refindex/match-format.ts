// How a match names what it is about and how its parties are reached.
import type { PersonLabel } from './texts.js';

/** The persons of a match by BSN (a dash for one without); a dash for none. */
export const who = (persons: Pick<PersonLabel, 'bsn'>[]) => persons.map((p) => (p.bsn ? `BSN ${p.bsn}` : '—')).join(', ') || '—';

/** A phone number as a `tel:` link: its digits and a leading plus only. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;
