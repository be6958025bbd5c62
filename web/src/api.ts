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

export const sessionEvents = new EventTarget();
let lastActivity = Date.now();
export function lastApiActivity() { return lastActivity; }

export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ status: 0, title: 'Geen verbinding', detail: 'Regie is niet bereikbaar. Uw invoer is bewaard; probeer het zo opnieuw.',
      titleEn: 'No connection', detailEn: 'Regie cannot be reached. Your input is kept; try again shortly.' });
  }
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
