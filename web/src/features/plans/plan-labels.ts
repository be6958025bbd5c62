// The words a plan version shows for a life domain and for an action's owner.
import { DOMAIN_LABELS } from '@contract/shared/domains.js';
import type { Version } from './VersionContent.js';

/** A life domain in the reader's language; an unknown one as it is. */
export const domainLabel = (lang: 'nl' | 'en', x: string): string => DOMAIN_LABELS[lang][x as keyof (typeof DOMAIN_LABELS)['nl']] ?? x;

/** An action's owner: the organisation with its professional, or the family or network member. */
export function ownerName(o: Version['actions'][number]['owner']) {
  if (o.kind === 'organisation') return [o.organisationName, o.userName].filter(Boolean).join(' — ');
  return (o.kind === 'family_member' ? o.personName : o.networkMemberName) ?? '—';
}
