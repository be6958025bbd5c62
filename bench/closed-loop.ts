// (g) Closed-loop clients for the API side of the scaling bench, run as a forked child so they do
// not share an event loop with the server: `clients` clients, each on its own keep-alive
// connection, each sending GET /api/v1/families/:id for a random family of the list as soon as
// its previous answer is in — what pgbench -c N does to a database. After a warm-up, completed
// 200-answers per second over the measured seconds is the API's pages/s at N clients.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { getFamilyPage } from './family-page-request.js';

export interface ClosedLoopJob {
  baseUrl: string;
  cookie: string;
  familyIds: string[];
  clients: number;
  seconds: number;
  warmupSeconds: number;
  userAgent: string;
}
export interface ClosedLoopResult {
  pages: number;
  errors: number;
  statuses: Record<string, number>;
  elapsedSeconds: number;
  latencies: number[];
  /** CPU time of this client process during the run, ms. */
  cpuMs: number;
}

export async function runClosedLoop(job: ClosedLoopJob): Promise<ClosedLoopResult> {
  const url = new URL(job.baseUrl);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let pages = 0,
    errors = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const measureFrom = t0 + job.warmupSeconds * 1000;
  const end = measureFrom + job.seconds * 1000;
  const client = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (performance.now() < end) {
        const id = job.familyIds[Math.floor(Math.random() * job.familyIds.length)]!;
        const sentAt = performance.now();
        const status = await getFamilyPage(agent, { base: url, cookie: job.cookie, userAgent: job.userAgent, familyId: id });
        const now = performance.now();
        // A request counts when it ends inside the measured window, as pgbench counts transactions.
        if (now >= measureFrom && now <= end) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === '200') {
            pages++;
            latencies.push(now - sentAt);
          } else errors++;
        }
      }
    } finally {
      agent.destroy();
    }
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  const cpu = process.cpuUsage(cpu0);
  return { pages, errors, statuses, elapsedSeconds: job.seconds, latencies, cpuMs: (cpu.user + cpu.system) / 1000 };
}

if (process.send) {
  process.once('message', (job: ClosedLoopJob) => {
    runClosedLoop(job).then(
      (r) => process.send!(r, () => process.exit(0)),
      (e) => process.send!({ error: String(e) }, () => process.exit(1)),
    );
  });
}
