// A minimal HTTP/1.1 client on Node's own http module with a keep-alive agent: what a browser
// does to the API (one connection, reused), without a dependency.
import http from 'node:http';

export interface Response {
  status: number;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

export class HttpClient {
  readonly agent: http.Agent;
  cookie = '';
  csrf = '';

  constructor(
    readonly baseUrl: string,
    maxSockets = 1,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, body?: unknown): Promise<Response> {
    const url = new URL(path, this.baseUrl);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = { 'user-agent': 'regie-bench', accept: 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${path}`)));
      req.end(payload);
    });
  }

  get(path: string) {
    return this.request('GET', path);
  }

  async json<T = any>(path: string): Promise<T> {
    const r = await this.get(path);
    if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${r.body.toString().slice(0, 300)}`);
    return JSON.parse(r.body.toString()) as T;
  }

  /** POST /api/v1/session and keep the session cookie and CSRF token. */
  async login(username: string, password: string): Promise<void> {
    const r = await this.request('POST', '/api/v1/session', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.body.toString().slice(0, 300)}`);
    const set = ([] as string[]).concat(r.headers['set-cookie'] ?? []).find((c) => c.startsWith('regie_sid='));
    if (!set) throw new Error(`login ${username}: no session cookie`);
    this.cookie = set.split(';')[0]!;
    const body = JSON.parse(r.body.toString()) as { state: string; csrfToken: string };
    if (body.state !== 'active') throw new Error(`login ${username}: state ${body.state} (second factor needed?)`);
    this.csrf = body.csrfToken;
  }

  close() {
    this.agent.destroy();
  }
}
