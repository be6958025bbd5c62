// (b) Runs the open-loop load generator in a forked child against the server of this process.
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { LoadJob, LoadResult } from './load-generator.js';
import type { ClosedLoopJob, ClosedLoopResult } from './closed-loop.js';
import { USER_AGENT } from './server.js';
import { summarise, type Summary } from './stats.js';
import { say } from './options.js';

export interface LoadSummary {
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  latency: Summary;
  serviceTime: Summary;
  maxInFlight: number;
  connections: number;
  lateStarts: number;
  achievedRate: number;
  /** 1-minute load average just before the load started. */
  loadAverageBefore: number;
}

export function runLoad(job: LoadJob): Promise<LoadSummary> {
  const file = fileURLToPath(new URL('./load-generator.ts', import.meta.url));
  say(
    `(b) forking the load generator: ${job.rate} req/s for ${job.seconds} s (+${job.warmupSeconds} s warm-up, not counted) ` +
      `over ${job.familyIds.length} families`,
  );
  // The child inherits tsx's loader flags from process.execArgv.
  const loadAverageBefore = Math.round(os.loadavg()[0]! * 100) / 100;
  const child = fork(file, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const progress = setInterval(() => say('(b) load running…'), 15_000);
    child.once('message', (m: LoadResult | { error: string }) => {
      clearInterval(progress);
      if ('error' in m) return reject(new Error(`load generator: ${m.error}`));
      resolve({
        rate: job.rate,
        seconds: job.seconds,
        sent: m.sent,
        ok: m.latencies.length,
        errors: m.errors,
        statuses: m.statuses,
        latency: summarise(m.latencies),
        serviceTime: summarise(m.serviceTimes),
        maxInFlight: m.maxInFlight,
        connections: m.connections,
        lateStarts: m.lateStarts,
        achievedRate: m.sent / m.elapsedSeconds,
        loadAverageBefore,
      });
    });
    child.once('exit', (code) => {
      clearInterval(progress);
      if (code) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(job);
  });
}

/** (g) Closed-loop clients (bench/closed-loop.ts) in a forked child against the server of this process. */
export function forkClosedLoop(job: Omit<ClosedLoopJob, 'userAgent'>): Promise<ClosedLoopResult> {
  const child = fork(fileURLToPath(new URL('./closed-loop.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: ClosedLoopResult | { error: string }) =>
      'error' in m ? reject(new Error(`closed-loop clients: ${m.error}`)) : resolve(m),
    );
    child.once('exit', (code) => code && reject(new Error(`closed-loop clients exited with ${code}`)));
    child.send({ ...job, userAgent: USER_AGENT } satisfies ClosedLoopJob);
  });
}
