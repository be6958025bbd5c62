// The one place that turns errors into RFC 9457 problem+json with a Dutch and English message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './errors.js';
import { fieldErrors as validationErrors, fieldPath as fieldOf, type Issue } from './validation-text.js';

import { Problem, type ProblemBody } from '../../shared/contract/problem.js';
/** The problem+json schema lives in the shared contract module (the web app reads it too). */
export { Problem, type ProblemBody };

function problem(
  status: number,
  code: string,
  title: { nl: string; en: string },
  detail: { nl: string; en: string },
  field?: string,
  extra: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: `https://regie.nl/problems/${code}`,
    title: title.nl,
    status,
    detail: detail.nl,
    code,
    titleEn: title.en,
    detailEn: detail.en,
    ...(field ? { field } : {}),
    ...extra,
  };
}

const INVALID = { nl: 'Ongeldige invoer', en: 'Invalid input' };

export function toProblem(err: unknown, req: FastifyRequest): ProblemBody {
  if (err instanceof DomainError) return problem(err.status, err.code, err.titleText, err.detailText, err.field, err.extra);
  type Check = { keyword?: string; instancePath?: string; message?: string; params?: Issue };
  const e = err as Omit<FastifyError, 'validation'> & { validation?: Check[]; validationContext?: string };
  if (e.validation) {
    const found = e.validation.map((v) => {
      const path = (v.instancePath ?? '')
        .split('/')
        .filter(Boolean)
        .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
      const keys = v.keyword === 'unrecognized_keys' ? (v.params?.keys ?? []) : [];
      const field = [e.validationContext === 'body' ? '' : e.validationContext, fieldOf(path), keys[0]].filter(Boolean).join('.');
      return { field: field || (e.validationContext ?? 'body'), issue: { ...v.params, code: v.keyword, message: v.message } };
    });
    // One plain sentence per field, naming it in words (validation-text.ts).
    const errors = validationErrors(found);
    const first = errors[0] ?? { field: 'body', detail: 'De invoer klopt niet.', detailEn: 'The input is not valid.' };
    return problem(400, 'validation', INVALID, { nl: first.detail, en: first.detailEn }, first.field, { errors });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(
        400,
        'malformed_json',
        INVALID,
        { nl: 'De aanvraag bevat geen geldige JSON.', en: 'The request body is not valid JSON.' },
        'body',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(
        413,
        'too_large',
        { nl: 'Te groot', en: 'Too large' },
        { nl: 'De aanvraag is te groot.', en: 'The request body is too large.' },
        'body',
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(
        415,
        'media_type',
        INVALID,
        { nl: 'Stuur de gegevens als application/json.', en: 'Send the body as application/json.' },
        'body',
      );
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'content_length', INVALID, { nl: 'Onjuiste lengte van de aanvraag.', en: 'Invalid content length.' }, 'body');
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return problem(
        400,
        'bad_url',
        INVALID,
        { nl: 'Het adres bevat tekens die niet zijn toegestaan.', en: 'The address holds characters that are not allowed.' },
        'url',
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(
        414,
        'uri_too_long',
        { nl: 'Te lang', en: 'Too long' },
        { nl: 'Een deel van het adres is te lang.', en: 'A part of the address is too long.' },
        'url',
      );
  }
  if (e.statusCode === 429)
    return problem(
      429,
      'rate_limited',
      { nl: 'Te veel pogingen', en: 'Too many requests' },
      { nl: 'Te veel aanvragen; probeer het over een minuut opnieuw.', en: 'Too many requests; try again in a minute.' },
    );
  const pgCode = (err as { code?: string }).code;
  if (pgCode === '40001' || pgCode === '40P01')
    return problem(
      409,
      'retry',
      { nl: 'Conflict', en: 'Conflict' },
      { nl: 'Gelijktijdige wijziging; probeer het opnieuw.', en: 'Concurrent change; please retry.' },
    );
  // The database's coordinator rule (migrations/0130) refused a change the service's own check let
  // through, e.g. a deactivation that raced a transfer to the same professional.
  if (pgCode === '23514' && /^case_(exactly_one_coordinator|coordinator_)/.test((err as { constraint?: string }).constraint ?? ''))
    return problem(
      409,
      'coordinator_rule',
      { nl: 'Conflict', en: 'Conflict' },
      {
        nl: 'Een open dossier heeft altijd één actieve, gekwalificeerde regisseur; draag de regie eerst over.',
        en: 'An open case always has one active, qualified coordinator; hand the coordination over first.',
      },
    );
  // Not the framework's message: it can quote the request.
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return problem(e.statusCode, 'bad_request', INVALID, {
      nl: 'De aanvraag kon niet worden verwerkt.',
      en: 'The request could not be processed.',
    });
  void req;
  return problem(
    500,
    'internal',
    { nl: 'Interne fout', en: 'Internal error' },
    {
      nl: 'Er ging iets mis aan onze kant. Uw invoer is niet opgeslagen; probeer het opnieuw.',
      en: 'Something went wrong on our side. Nothing was saved; please try again.',
    },
  );
}

export function notFoundProblem(): ProblemBody {
  return problem(
    404,
    'not_found',
    { nl: 'Niet gevonden', en: 'Not found' },
    { nl: 'Deze pagina of dit adres bestaat niet.', en: 'This address does not exist.' },
  );
}

export function methodNotAllowedProblem(allowed: string[]): ProblemBody {
  return problem(
    405,
    'method_not_allowed',
    { nl: 'Methode niet toegestaan', en: 'Method not allowed' },
    { nl: `Dit adres kent alleen ${allowed.join(', ')}.`, en: `This address allows only ${allowed.join(', ')}.` },
  );
}

/** For requests that Node's HTTP parser refuses before Fastify sees them (no route, no reply object). */
export function problemForClientError(code: string | undefined): ProblemBody {
  if (code === 'HPE_HEADER_OVERFLOW')
    return problem(
      431,
      'headers_too_large',
      { nl: 'Te groot', en: 'Too large' },
      { nl: 'Het adres of de kopregels van de aanvraag zijn te lang.', en: 'The address or the request headers are too long.' },
    );
  if (code === 'HPE_URI_TOO_LONG')
    return problem(414, 'uri_too_long', { nl: 'Te lang', en: 'Too long' }, { nl: 'Het adres is te lang.', en: 'The address is too long.' });
  return problem(400, 'bad_request', INVALID, { nl: 'De aanvraag kon niet worden gelezen.', en: 'The request could not be read.' });
}

export function sendProblem(reply: FastifyReply, body: ProblemBody) {
  if (body.status === 503 || body.retryAfter) reply.header('Retry-After', String(body.retryAfter ?? 5));
  return reply.code(body.status).type('application/problem+json').send(body);
}

/**
 * What an error log line may hold: the kind of failure, never the text. A database error's
 * message and the stack's first line can quote the input (a name, a BSN); the code, the
 * constraint and the frames say what failed without it. Use it wherever an error is logged.
 */
export function errorForLog(err: unknown, depth = 0): Record<string, unknown> {
  const e = err as {
    name?: string;
    code?: string;
    constraint?: string;
    table?: string;
    column?: string;
    routine?: string;
    stack?: string;
    extra?: { reason?: string };
    cause?: unknown;
  };
  return {
    name: e.name,
    code: e.code,
    reason: e.extra?.reason,
    constraint: e.constraint,
    table: e.table,
    column: e.column,
    routine: e.routine,
    stack: e.stack
      ?.split('\n')
      .filter((l) => /^\s+at /.test(l))
      .join('\n'),
    // The driver's error under a domain error (e.g. a refused connection under 503): its code, not its text.
    ...(e.cause && depth < 2 ? { cause: errorForLog(e.cause, depth + 1) } : {}),
  };
}
