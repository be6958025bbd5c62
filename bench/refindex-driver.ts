// (e) The API side of the reference-index benchmark, run as a forked child so that the 16 clients
// do not share an event loop with the server: each client is one logged-in professional on its
// own keep-alive connection, sending its registrations one after the other; all clients start
// together. Results go back to the parent over IPC.
import { performance } from 'node:perf_hooks';
import { HttpClient } from './http-client.js';

export interface DriverJob {
  baseUrl: string;
  clients: { cookie: string; csrf: string; bodies: unknown[] }[];
}
export interface DriverResult {
  seconds: number;
  latencies: number[];
  statuses: Record<string, number>;
  errorSamples: string[];
  /** Registrations answered 201, and the sum of their newMatches (a match joined by a third organisation counts again). */
  registered: number;
  newMatches: number;
}

async function run(job: DriverJob): Promise<DriverResult> {
  const clients = job.clients.map((c) => {
    const h = new HttpClient(job.baseUrl, 1);
    h.cookie = c.cookie;
    h.csrf = c.csrf;
    return h;
  });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const errorSamples: string[] = [];
  let registered = 0,
    newMatches = 0;
  const started = performance.now();
  await Promise.all(
    job.clients.map(async (c, i) => {
      for (const body of c.bodies) {
        const t0 = performance.now();
        let status = 'error';
        try {
          const r = await clients[i]!.request('POST', '/api/v1/refindex/registrations', body);
          status = String(r.status);
          if (r.status === 201) {
            registered++;
            newMatches += (JSON.parse(r.body.toString()) as { newMatches: unknown[] }).newMatches.length;
            latencies.push(performance.now() - t0);
          } else if (errorSamples.length < 5) errorSamples.push(`${r.status} ${r.body.toString().slice(0, 300)}`);
        } catch (e) {
          if (errorSamples.length < 5) errorSamples.push(String(e));
        }
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const c of clients) c.close();
  return { seconds, latencies, statuses, errorSamples, registered, newMatches };
}

process.once('message', (job: DriverJob) => {
  run(job).then(
    (r) => process.send!(r, () => process.exit(0)),
    (e) => {
      process.send!({ error: String(e) }, () => process.exit(1));
    },
  );
});
