// Plain sentences for the request validator's findings: one per field, naming the field in words
// ("Vul de voornamen in.", "Kies de regisseur uit de lijst.", "De reden mag hoogstens 4000 tekens
// zijn."), never a field path or a schema word. problem.ts puts them in problem+json `errors[]`;
// the web app shows them in its error summary and at the field (web/src/ui/form-errors.ts).
import { FIELD_NOUNS, type FieldNoun } from './field-nouns.js';
import { Invalid } from './errors.js';
import { msgParts } from '../../shared/contract/primitives.js';

export interface Issue {
  code?: string;
  message?: string;
  keys?: string[];
  expected?: string;
  format?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: unknown[];
}
export interface FieldError {
  field: string;
  detail: string;
  detailEn: string;
}

const GENERIC: FieldNoun = { nl: 'dit veld', en: 'this field' };
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The field's name in words, from the last named step of its path (`members[0].givenNames` → de voornamen). */
export function nounOf(field: string): FieldNoun {
  const last =
    field
      .replace(/\[\d+\]/g, '')
      .split('.')
      .filter(Boolean)
      .pop() ?? '';
  return Object.hasOwn(FIELD_NOUNS, last) ? FIELD_NOUNS[last]! : GENERIC;
}

/** One sentence in Dutch and English for one finding about `field`. */
export function issueText(field: string, issue: Issue): { nl: string; en: string } {
  const custom = msgParts(issue.message);
  if (custom) return custom;
  const n = nounOf(field);
  const missing = issue.code === 'invalid_type' && /received (undefined|null)$/.test(issue.message ?? '');
  const enter = n.pick ? { nl: `Kies ${n.nl}.`, en: `Choose ${n.en}.` } : { nl: `Vul ${n.nl} in.`, en: `Enter ${n.en}.` };
  const wrong = { nl: `${cap(n.nl)} is niet goed ingevuld.`, en: `${cap(n.en)} is not filled in correctly.` };
  const min = Number(issue.minimum ?? 0),
    max = Number(issue.maximum ?? 0);
  switch (issue.code) {
    case 'invalid_type':
      return missing ? enter : wrong;
    case 'invalid_value':
      return { nl: `Kies ${n.nl} uit de lijst.`, en: `Choose ${n.en} from the list.` };
    case 'too_small':
      if (issue.origin === 'string')
        return min <= 1
          ? enter
          : { nl: `${cap(n.nl)} moet minstens ${min} tekens zijn.`, en: `${cap(n.en)} must be at least ${min} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1
          ? { nl: `Kies minstens één bij ${n.nl}.`, en: `Choose at least one for ${n.en}.` }
          : { nl: `Kies minstens ${min} bij ${n.nl}.`, en: `Choose at least ${min} for ${n.en}.` };
      return { nl: `${cap(n.nl)} moet minstens ${min} zijn.`, en: `${cap(n.en)} must be at least ${min}.` };
    case 'too_big':
      if (issue.origin === 'string')
        return { nl: `${cap(n.nl)} mag hoogstens ${max} tekens zijn.`, en: `${cap(n.en)} can be at most ${max} characters.` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { nl: `Kies hoogstens ${max} bij ${n.nl}.`, en: `Choose at most ${max} for ${n.en}.` };
      return { nl: `${cap(n.nl)} mag hoogstens ${max} zijn.`, en: `${cap(n.en)} can be at most ${max}.` };
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid')
        return { nl: `Kies ${n.nl} uit de lijst.`, en: `Choose ${n.en} from the list.` };
      if (issue.format === 'email')
        return { nl: `${cap(n.nl)} is geen geldig e-mailadres.`, en: `${cap(n.en)} is not a valid e-mail address.` };
      if (issue.format === 'date')
        return { nl: `${cap(n.nl)} is geen bestaande datum (dd-mm-jjjj).`, en: `${cap(n.en)} is not an existing date (dd-mm-yyyy).` };
      return wrong;
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return { nl: `Het veld ‘${keys}’ hoort hier niet bij.`, en: `The field ‘${keys}’ does not belong here.` };
    }
    default:
      return wrong;
  }
}

/**
 * The validator's findings as one sentence per field, in the order the fields come: the first
 * finding of a field is the one that counts (an empty BSN says it is missing, not also that it
 * fails the elfproef).
 */
export function fieldErrors(found: Array<{ field: string; issue: Issue }>): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const { field, issue } of found) {
    if (out.has(field)) continue;
    const t = issueText(field, issue);
    out.set(field, { field, detail: t.nl, detailEn: t.en });
  }
  return [...out.values()];
}

/** A validator's path as a request field: `['members', 0, 'bsn']` → `members[0].bsn`. */
export function fieldPath(path: unknown): string {
  if (Array.isArray(path))
    return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
  return String(path ?? '');
}

/**
 * A zod refusal of input that came from another module rather than a request body (so the route's
 * validator never saw it), as the same 400 a request body gets: one plain sentence per field.
 */
export function invalidInput(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code?: string; message?: string }>): Invalid {
  const errors = fieldErrors(issues.map((i) => ({ field: fieldPath(i.path) || 'body', issue: { ...i } })));
  const first = errors[0] ?? { field: 'body', detail: 'De invoer klopt niet.', detailEn: 'The input is not valid.' };
  return new Invalid('validation', first.field, { nl: first.detail, en: first.detailEn }, { errors });
}
