// One GET /api/v1/families/:id on a keep-alive agent, as the load clients of (b) and (g) send it:
// resolves with the status ('200', …) or what went wrong ('timeout', 'socket-error',
// 'response-error'); never rejects. The body is read and dropped.
import http from 'node:http';

export interface PageRequest {
  base: URL;
  cookie: string;
  userAgent: string;
  familyId: string;
}

export function getFamilyPage(agent: http.Agent, r: PageRequest, onRequest?: (req: http.ClientRequest) => void): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: r.base.hostname,
        port: r.base.port,
        path: `/api/v1/families/${r.familyId}`,
        method: 'GET',
        agent,
        headers: { cookie: r.cookie, 'user-agent': r.userAgent, accept: 'application/json' },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(String(res.statusCode)));
        res.on('error', () => resolve('response-error'));
      },
    );
    onRequest?.(req);
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve(e.message === 'timeout' ? 'timeout' : 'socket-error'));
    req.end();
  });
}
