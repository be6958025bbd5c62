// Talks to /api/v1: the CSRF token on every write, problem+json turned into ApiError. Every call
// names a route of the server ("/api/v1/families/:familyId") and is typed from that route's zod
// contract (api-routes.gen.ts, generated from the server's route table): its path parameters,
// query, body and answer. A changed answer shape on the server fails the web app's typecheck.
import type { z } from 'zod';
import type { ProblemBody } from '@contract/shared/problem.js';
import type { ApiRoutes } from './api-routes.gen.js';

export type Problem = ProblemBody;
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type RouteKey = keyof ApiRoutes;
/** The paths of the routes with this method. */
export type PathOf<M extends Method> = RouteKey extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;
type Def<M extends Method, P extends string> = ApiRoutes[`${M} ${P}` & RouteKey];
type Output<S> = [S] extends [never] ? undefined : S extends z.ZodType ? z.output<S> : undefined;
/** The answer of a route, as its contract describes it (undefined for 204 No Content). */
export type ApiResponse<M extends Method, P extends string> = Output<Def<M, P>['response']>;
/**
 * The body a route takes: the contract's fields (no others) and nesting, each value of its type; a
 * value list (enum) as a string, and any field may be left out, as a form holds them: the server
 * checks the values and names a missing or wrong field in its problem, in the user's language.
 */
export type ApiBody<M extends Method, P extends string> = Def<M, P>['body'] extends z.ZodType ? Widen<z.input<Def<M, P>['body']>> : never;
type Widen<T> = T extends string
  ? string
  : T extends number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Widen<U>[]
      : T extends object
        ? { [K in keyof T]?: Widen<T[K]> }
        : T;
type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer R}`
  ? N | ParamNames<`/${R}`>
  : P extends `${string}:${infer N}`
    ? N
    : never;
type QueryValue = string | number | boolean | null | undefined;
/** A route's query: the contract's keys; values as the screen holds them (strings from the address bar). */
export type ApiQuery<M extends Method, P extends string> = Def<M, P>['query'] extends z.ZodType
  ? { [K in keyof z.input<Def<M, P>['query']>]?: QueryValue }
  : never;
type ParamsPart<P extends string> = [ParamNames<P>] extends [never] ? { params?: undefined } : { params: Record<ParamNames<P>, string> };
type QueryPart<M extends Method, P extends string> = [ApiQuery<M, P>] extends [never]
  ? { query?: undefined }
  : { query?: ApiQuery<M, P> | URLSearchParams };
type BodyPart<M extends Method, P extends string> = [ApiBody<M, P>] extends [never] ? { body?: undefined } : { body: ApiBody<M, P> };
/** What a call gives besides the path: the path parameters, the query and the body, as the route needs them. */
export type ApiOptions<M extends Method, P extends string> = ParamsPart<P> & QueryPart<M, P> & BodyPart<M, P>;
type OptionsArg<M extends Method, P extends string> = [ParamNames<P>] extends [never]
  ? [ApiBody<M, P>] extends [never]
    ? [options?: ApiOptions<M, P>]
    : [options: ApiOptions<M, P>]
  : [options: ApiOptions<M, P>];

/** The URL of a route: path parameters filled in (encoded), the query without empty values. */
export function apiUrl(
  path: string,
  options: { params?: Record<string, string>; query?: Record<string, QueryValue> | URLSearchParams } = {},
): string {
  const url = path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = options.params?.[name];
    if (v === undefined) throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(v);
  });
  const q = options.query instanceof URLSearchParams ? new URLSearchParams(options.query) : new URLSearchParams();
  if (options.query && !(options.query instanceof URLSearchParams))
    for (const [k, v] of Object.entries(options.query)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${url}?${qs}` : url;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}
/** What the browser answers itself when Regie cannot be reached, in the shape of the server's problems. */
const noConnection = (): Problem => ({
  type: 'about:blank',
  code: 'no_connection',
  status: 0,
  title: 'Geen verbinding',
  detail: 'Regie is niet bereikbaar. Uw invoer is bewaard; probeer het zo opnieuw.',
  titleEn: 'No connection',
  detailEn: 'Regie cannot be reached. Your input is kept; try again shortly.',
});

let csrfToken = '';
export function setCsrf(token: string) {
  csrfToken = token;
}
/** The current session's CSRF token ('' when logged out); drafts are bound to the session through it. */
export function currentCsrf() {
  return csrfToken;
}

export const sessionEvents = new EventTarget();
let lastActivity = Date.now();
export function lastApiActivity() {
  return lastActivity;
}

/**
 * One Idempotency-Key per user action. A write whose outcome stayed open (no connection, 5xx, the
 * same request still running) keeps its key, so sending the same action again — automatically
 * below, or by the user pressing the button again — reuses it and the server writes it once.
 * A definitive answer (success or a refusal) ends the action: the next submit is a new one.
 */
const openActions = new Map<string, string>();
function newKey() {
  // crypto.getRandomValues also works outside a secure context (randomUUID does not).
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Retry-After in ms, at most 3 s: a user waits, a longer outage is better shown than hidden. */
const retryAfterMs = (res: Response) => Math.min(3_000, Math.max(250, Number(res.headers.get('retry-after') ?? 1) * 1_000));

/** Requests under way, so that the layout can tell assistive technology that the page is busy. */
let inFlight = 0;
export const busyEvents = new EventTarget();
export const requestsInFlight = () => inFlight;
function track<T>(p: Promise<T>): Promise<T> {
  inFlight++;
  busyEvents.dispatchEvent(new Event('change'));
  return p.finally(() => {
    inFlight--;
    busyEvents.dispatchEvent(new Event('change'));
  });
}

/** Calls a route: `api('PUT', '/api/v1/persons/:personId', { params: { personId }, body })`. */
export function api<M extends Method, P extends PathOf<M>>(method: M, path: P, ...[options]: OptionsArg<M, P>): Promise<ApiResponse<M, P>> {
  const o = (options ?? {}) as { params?: Record<string, string>; query?: Record<string, QueryValue> | URLSearchParams; body?: unknown };
  const body = o.body === undefined && method === 'POST' ? {} : o.body;
  return track(request(method, apiUrl(path, o), body)) as Promise<ApiResponse<M, P>>;
}

async function request(method: Method, url: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  // Login and logout keep no answers (and a password is not kept in memory as a key).
  const action = method !== 'GET' && !url.startsWith('/api/v1/session') ? `${method} ${url} ${payload ?? ''}` : undefined;
  if (action) {
    if (!openActions.has(action)) openActions.set(action, newKey());
    headers['idempotency-key'] = openActions.get(action)!;
  }
  let res: Response | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      res = await fetch(url, { method, headers, credentials: 'same-origin', body: payload });
    } catch {
      if (attempt < 1) {
        await sleep(1_000);
        continue;
      }
      throw new ApiError(noConnection());
    }
    const busy = res.status === 503 || (res.status === 409 && res.headers.get('retry-after') !== null);
    if (busy && attempt < 2) {
      await sleep(retryAfterMs(res));
      continue;
    }
    break;
  }
  if (action && res.status < 500 && !(res.status === 409 && res.headers.get('retry-after') !== null)) openActions.delete(action);
  lastActivity = Date.now();
  if (res.status === 204) return undefined;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    if (res.status === 401 && url !== '/api/v1/session' && data.code !== 'wrong_credentials')
      sessionEvents.dispatchEvent(new Event('expired'));
    throw new ApiError({ status: res.status, title: data.title ?? res.statusText, detail: data.detail ?? '', ...data });
  }
  return data;
}

/**
 * A GET in the background (a poll): not the user's activity (no busy state, no idle-timer reset, no
 * retry, no session-expired event). Answers like `get`; a refusal is an ApiError.
 */
export async function peek<P extends PathOf<'GET'>>(path: P, ...[options]: OptionsArg<'GET', P>): Promise<ApiResponse<'GET', P>> {
  const res = await fetch(apiUrl(path, options ?? {}), { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ status: res.status, title: data.title ?? res.statusText, detail: data.detail ?? '', ...data });
  return data;
}

export const get = <P extends PathOf<'GET'>>(path: P, ...options: OptionsArg<'GET', P>) => api('GET', path, ...options);
export const post = <P extends PathOf<'POST'>>(path: P, ...options: OptionsArg<'POST', P>) => api('POST', path, ...options);
export const put = <P extends PathOf<'PUT'>>(path: P, ...options: OptionsArg<'PUT', P>) => api('PUT', path, ...options);
export const patch = <P extends PathOf<'PATCH'>>(path: P, ...options: OptionsArg<'PATCH', P>) => api('PATCH', path, ...options);

/**
 * A form with files (multipart/form-data), for the public concern form: no session, so no CSRF
 * token or Idempotency-Key; the browser sets the boundary. Refusals become ApiError like above.
 */
export async function postForm<P extends PathOf<'POST'>>(url: P, form: FormData): Promise<ApiResponse<'POST', P>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError(noConnection());
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ status: res.status, title: data.title ?? res.statusText, detail: data.detail ?? '', ...data });
  return data;
}
