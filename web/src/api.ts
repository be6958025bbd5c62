// Talks to /api/v1: the CSRF token on every write, problem+json turned into ApiError.
export interface Problem {
  status: number; title: string; detail: string; titleEn?: string; detailEn?: string; code?: string; field?: string;
  errors?: { field: string; detail: string; detailEn: string }[]; [k: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) { super(problem.detail); }
}

let csrfToken = '';
export function setCsrf(token: string) { csrfToken = token; }
/** The current session's CSRF token ('' when logged out); drafts are bound to the session through it. */
export function currentCsrf() { return csrfToken; }

export const sessionEvents = new EventTarget();
let lastActivity = Date.now();
export function lastApiActivity() { return lastActivity; }

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
  return p.finally(() => { inFlight--; busyEvents.dispatchEvent(new Event('change')); });
}

export function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return track(request<T>(method, url, body));
}

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
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
      if (attempt < 1) { await sleep(1_000); continue; }
      throw new ApiError({ status: 0, title: 'Geen verbinding', detail: 'Regie is niet bereikbaar. Uw invoer is bewaard; probeer het zo opnieuw.',
        titleEn: 'No connection', detailEn: 'Regie cannot be reached. Your input is kept; try again shortly.' });
    }
    const busy = res.status === 503 || (res.status === 409 && res.headers.get('retry-after') !== null);
    if (busy && attempt < 2) { await sleep(retryAfterMs(res)); continue; }
    break;
  }
  if (action && res.status < 500 && !(res.status === 409 && res.headers.get('retry-after') !== null)) openActions.delete(action);
  lastActivity = Date.now();
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    if (res.status === 401 && url !== '/api/v1/session' && data.code !== 'wrong_credentials') sessionEvents.dispatchEvent(new Event('expired'));
    throw new ApiError({ status: res.status, title: data.title ?? res.statusText, detail: data.detail ?? '', ...data });
  }
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);

/**
 * A form with files (multipart/form-data), for the public concern form: no session, so no CSRF
 * token or Idempotency-Key; the browser sets the boundary. Refusals become ApiError like above.
 */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin', body: form });
  } catch {
    throw new ApiError({ status: 0, title: 'Geen verbinding', detail: 'Regie is niet bereikbaar. Uw invoer is bewaard; probeer het zo opnieuw.',
      titleEn: 'No connection', detailEn: 'Regie cannot be reached. Your input is kept; try again shortly.' });
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ status: res.status, title: data.title ?? res.statusText, detail: data.detail ?? '', ...data });
  return data as T;
}
