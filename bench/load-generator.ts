// (b) Open-loop load generator, run as a forked child process so it does not share an event
// loop with the server. Request i is due at start + i/rate whatever happened to the earlier
// ones; its latency is measured from that due time (so a stalled server cannot hide queueing
// behind a slowed-down client: no coordinated omission). Connections are keep-alive and opened
// as needed. Results go back to the parent over IPC.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { getFamilyPage } from './family-page-request.js';
import { openLoop } from './open-loop.js';

export interface LoadJob {
  baseUrl: string;
  cookie: string;
  familyIds: string[];
  rate: number;
  seconds: number;
  warmupSeconds: number;
  userAgent: string;
}
export interface LoadResult {
  latencies: number[];
  serviceTimes: number[];
  errors: number;
  statuses: Record<string, number>;
  sent: number;
  maxInFlight: number;
  connections: number;
  lateStarts: number;
  elapsedSeconds: number;
}

function run(job: LoadJob): Promise<LoadResult> {
  const url = new URL(job.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let connections = 0;
  const interval = 1000 / job.rate;
  const warm = Math.round(job.rate * job.warmupSeconds);
  const total = warm + Math.round(job.rate * job.seconds);
  const latencies: number[] = [],
    serviceTimes: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0,
    done = 0,
    inFlight = 0,
    maxInFlight = 0,
    lateStarts = 0;
  const start = performance.now() + 50;

  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy();
      resolve({
        latencies,
        serviceTimes,
        errors,
        statuses,
        sent: total - warm,
        maxInFlight,
        connections,
        lateStarts,
        elapsedSeconds: (performance.now() - start) / 1000 - job.warmupSeconds,
      });
    };
    const fire = (i: number, due: number) => {
      const measured = i >= warm;
      const sentAt = performance.now();
      if (sentAt - due > 5) lateStarts++;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const id = job.familyIds[i % job.familyIds.length];
      const end = (status: string) => {
        const now = performance.now();
        inFlight--;
        if (measured) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === '200') {
            latencies.push(now - due);
            serviceTimes.push(now - sentAt);
          } else errors++;
        }
        if (++done === total) finish();
      };
      void getFamilyPage(agent, { base: url, cookie: job.cookie, userAgent: job.userAgent, familyId: id! }, (req) =>
        req.on('socket', (s) => {
          if (!(s as unknown as { __seen?: boolean }).__seen) {
            (s as unknown as { __seen?: boolean }).__seen = true;
            connections++;
          }
        }),
      ).then(end);
    };
    openLoop(total, interval, start, fire);
  });
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (r) => process.send!(r, () => process.exit(0)),
    (e) => {
      process.send!({ error: String(e) }, () => process.exit(1));
    },
  );
});
