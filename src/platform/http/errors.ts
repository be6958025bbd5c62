// Typed domain errors. One place (problem.ts) turns them into RFC 9457 problem+json.
export interface Message {
  nl: string;
  en: string;
}

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
    super(
      404,
      'not_found',
      { nl: 'Niet gevonden', en: 'Not found' },
      {
        nl: `${cap(dutchObject(objectType))} bestaat niet of u heeft er geen toegang toe.`,
        en: `This ${objectType} does not exist or you have no access to it.`,
      },
      undefined,
      id ? { objectType } : {},
    );
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
    super(
      409,
      'stale_version',
      { nl: 'Intussen gewijzigd', en: 'Changed in the meantime' },
      {
        nl: `Iemand anders heeft ${dutchObject(objectType)} intussen gewijzigd. Laad de pagina opnieuw; uw invoer blijft bewaard.`,
        en: `Someone else changed this ${objectType} in the meantime. Reload; your input is kept.`,
      },
      'version',
    );
  }
}

export class Forbidden extends DomainError {
  constructor(
    detail: Message = { nl: 'U heeft geen recht op deze handeling.', en: 'You are not allowed to do this.' },
    code = 'forbidden',
  ) {
    super(403, code, { nl: 'Geen toegang', en: 'Forbidden' }, detail);
  }
}

export class Unauthorized extends DomainError {
  constructor(
    detail: Message = { nl: 'U bent niet (meer) ingelogd.', en: 'You are not (or no longer) logged in.' },
    code = 'unauthenticated',
  ) {
    super(401, code, { nl: 'Niet ingelogd', en: 'Not authenticated' }, detail);
  }
}

export class TooMany extends DomainError {
  constructor(detail: Message) {
    super(429, 'too_many', { nl: 'Te veel pogingen', en: 'Too many attempts' }, detail);
  }
}

/**
 * The database cannot serve right now (connection lost or refused, pool full, statement or
 * request took too long): 503 with Retry-After. The request did not complete; with the same
 * Idempotency-Key a retry is safe.
 */
export class Unavailable extends DomainError {
  constructor(
    readonly reason: 'database' | 'busy' | 'timeout' | 'shutting_down',
    readonly retryAfterSeconds = 5,
    options?: { cause?: unknown },
  ) {
    super(
      503,
      'unavailable',
      { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' },
      reason === 'database'
        ? {
            nl: 'Regie kan de database even niet bereiken. Probeer het over een paar seconden opnieuw.',
            en: 'Regie cannot reach its database right now. Try again in a few seconds.',
          }
        : {
            nl: 'Regie is even te druk of het duurde te lang. Probeer het over een paar seconden opnieuw.',
            en: 'Regie is too busy or this took too long. Try again in a few seconds.',
          },
      undefined,
      { reason, retryAfter: retryAfterSeconds },
    );
    // The driver's message (no personal data in connection errors) stays readable in the logs.
    if (options?.cause) {
      this.cause = options.cause;
      this.message += ` (${(options.cause as Error).message ?? String(options.cause)})`;
    }
  }
}

// Dutch needs the right demonstrative: "dit gezin" (het-woord) but "deze persoon" (de-woord).
const OBJECTS: Record<string, string> = {
  family: 'dit gezin',
  person: 'deze persoon',
  case: 'dit dossier',
  membership: 'dit teamlidmaatschap',
  user: 'dit account',
  'break-glass': 'deze noodtoegang',
  'network-member': 'dit netwerklid',
  handover: 'deze overdracht',
  signal: 'deze melding',
  'person-merge': 'deze samenvoeging',
  notification: 'dit bericht',
  registration: 'deze registratie',
  match: 'deze match',
  'blind-spot-rule': 'deze regel voor blinde vlekken',
  'plan-version': 'deze planversie',
  'plan-goal': 'dit doel',
  'plan-action': 'deze actie',
};
function dutchObject(t: string) {
  return OBJECTS[t] ?? `dit ${t}`;
}

function cap(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
