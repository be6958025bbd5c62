// Typed domain errors. One place (problem.ts) turns them into RFC 9457 problem+json.
export interface Message { nl: string; en: string }

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly titleText: Message,
    readonly detailText: Message,
    readonly field?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detailText.en);
  }
}

export class NotFound extends DomainError {
  constructor(objectType: string, id?: string) {
    super(404, 'not_found', { nl: 'Niet gevonden', en: 'Not found' },
      { nl: `${cap(dutchObject(objectType))} bestaat niet of u heeft er geen toegang toe.`, en: `This ${objectType} does not exist or you have no access to it.` },
      undefined, id ? { objectType } : {});
  }
}

export class Invalid extends DomainError {
  constructor(code: string, field: string, detail: Message, extra: Record<string, unknown> = {}) {
    super(400, code, { nl: 'Ongeldige invoer', en: 'Invalid input' }, detail, field, extra);
  }
}

export class Conflict extends DomainError {
  constructor(code: string, detail: Message, field?: string, extra: Record<string, unknown> = {}) {
    super(409, code, { nl: 'Conflict', en: 'Conflict' }, detail, field, extra);
  }
}

export class StaleVersion extends DomainError {
  constructor(objectType: string) {
    super(409, 'stale_version', { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
      { nl: `Iemand anders heeft ${dutchObject(objectType)} intussen gewijzigd. Laad de pagina opnieuw; uw invoer blijft bewaard.`,
        en: `Someone else changed this ${objectType} in the meantime. Reload; your input is kept.` }, 'version');
  }
}

export class Forbidden extends DomainError {
  constructor(detail: Message = { nl: 'U heeft geen recht op deze handeling.', en: 'You are not allowed to do this.' }, code = 'forbidden') {
    super(403, code, { nl: 'Geen toegang', en: 'Forbidden' }, detail);
  }
}

export class Unauthorized extends DomainError {
  constructor(detail: Message = { nl: 'U bent niet (meer) ingelogd.', en: 'You are not (or no longer) logged in.' }, code = 'unauthenticated') {
    super(401, code, { nl: 'Niet ingelogd', en: 'Not authenticated' }, detail);
  }
}

export class TooMany extends DomainError {
  constructor(detail: Message) {
    super(429, 'too_many', { nl: 'Te veel pogingen', en: 'Too many attempts' }, detail);
  }
}

// Dutch needs the right demonstrative: "dit gezin" (het-woord) but "deze persoon" (de-woord).
const OBJECTS: Record<string, string> = {
  family: 'dit gezin', person: 'deze persoon', case: 'dit dossier', membership: 'dit teamlidmaatschap', user: 'dit account',
  'break-glass': 'deze noodtoegang', 'network-member': 'dit netwerklid', handover: 'deze overdracht', signal: 'deze melding',
  'person-merge': 'deze samenvoeging', notification: 'dit bericht', registration: 'deze registratie', match: 'deze match',
};
function dutchObject(t: string) { return OBJECTS[t] ?? `dit ${t}`; }

function cap(s: string) { return s.charAt(0).toUpperCase() + s.slice(1); }
