// Background work with pg-boss on the application's own database (PGlite or PostgreSQL).
// Every sweep (src/jobs.ts, plus the e-mail sender) is a pg-boss queue with one worker per node.
//
// Why not pg-boss's cron `schedule`: it has minute resolution, and the e-mail sender runs every
// few seconds. Instead every node enqueues each sweep on a timer with `sendThrottled`: pg-boss
// keeps one job per time slot of `everySeconds` (a unique index on the slot), so however many
// nodes tick, a slot runs once. The queue policy 'stately' allows one running and one waiting
// job, so a slow sweep never runs twice at the same time nor piles up. Jobs live in the database,
// so a job enqueued before a restart is picked up after it.
import PgBoss from 'pg-boss';
import type { Database } from '../db/db.js';
import type { Sweep } from './sweep.js';
import { bossDb } from './boss-db.js';
import { asSystem } from '../db/system-tx.js';

export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunnerOptions {
  db: Database;
  sweeps: Sweep[];
  log?: JobLog;
  /**
   * How often an idle worker looks for jobs that another node enqueued. Jobs this node enqueues
   * wake its worker at once, so this only matters with several nodes.
   */
  pollingIntervalSeconds?: number;
  /** How long a stop waits for sweeps that are running (they are idempotent: a cut-off run repeats). */
  stopTimeoutMs?: number;
}

export interface JobRunner {
  readonly boss: PgBoss;
  /** Stops timers and workers, waits for running sweeps, leaves the database open. */
  stop(): Promise<void>;
}

/**
 * A running sweep may take this long before pg-boss gives up on it and lets the next slot run.
 * Short on purpose: when a node dies mid-sweep its job stays 'active', and with policy 'stately'
 * it blocks that queue until it expires. Expiry (25 s) plus the maintenance interval that
 * detects it (10 s) plus one slot keeps the gap after a crash under a minute. Sweeps are short
 * (the mail sender stops taking new messages after 20 s); one that runs longer may meet the next
 * slot's run, which idempotent sweeps allow.
 */
export const SWEEP_EXPIRE_SECONDS = 25;
export const MAINTENANCE_INTERVAL_SECONDS = 10;
const QUEUE_NAME = /^[A-Za-z0-9_.-]+$/;
const silent: JobLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const errInfo = (err: unknown) => ({ err: { message: (err as Error)?.message ?? String(err), code: (err as { code?: string })?.code } });

/**
 * Creates a queue unless it exists. Two nodes starting at once may deadlock inside pg-boss's
 * create_queue (each holds a lock the other's partition DDL needs); PostgreSQL then aborts one,
 * which finds the queue made by the other when it looks again.
 */
export async function ensureQueue(boss: PgBoss, db: Database, queue: PgBoss.Queue) {
  for (let attempt = 1; ; attempt++) {
    const existing = (await boss.getQueue(queue.name)) as { expireInSeconds?: number } | null;
    if (existing) {
      // Queues made by an older version kept a 15-minute expiry: bring them in line.
      if (existing.expireInSeconds !== queue.expireInSeconds) await boss.updateQueue(queue.name, { ...queue });
      return;
    }
    try {
      // Creating a queue is DDL: the owner's function does it for the jobs door (migrations/0193).
      await asSystem(db, 'jobs', (tx) => tx.query(`SELECT regie.ensure_job_queue($1, $2)`, [queue.name, JSON.stringify(queue)]));
      return;
    } catch (err) {
      if (attempt >= 5 || !['40P01', '40001', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
      await delay(50 * attempt + Math.random() * 100);
    }
  }
}

export async function startJobs(o: JobRunnerOptions): Promise<JobRunner> {
  const log = o.log ?? silent;
  const names = new Set<string>();
  for (const s of o.sweeps) {
    if (!QUEUE_NAME.test(s.name)) throw new Error(`sweep name "${s.name}" may only contain letters, digits, '.', '-' and '_'`);
    if (names.has(s.name)) throw new Error(`sweep "${s.name}" is registered twice`);
    if (!(s.everySeconds >= 1)) throw new Error(`sweep "${s.name}" must run at most once a second`);
    names.add(s.name);
  }

  const adapter = bossDb(o.db);
  const boss = new PgBoss({
    // Its schema is the owner's, installed with the migrations (src/platform/db/job-schema.ts).
    db: adapter,
    schema: 'pgboss',
    migrate: false,
    // Maintenance (expire, archive, delete old jobs) on every node; pg-boss lets one do it at a time.
    supervise: true,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    // No cron: see the comment at the top. Also spares PGlite the timekeeper's clock polling.
    schedule: false,
    // Sweeps leave a job per slot behind: keep the history short (it is in the logs as well).
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 2,
  });
  // Without a listener an 'error' event would crash the process; pg-boss recovers by itself.
  boss.on('error', (err) => log.error(errInfo(err), 'achtergrondtaken: fout in pg-boss'));
  await boss.start();

  let stopping = false;
  const timers: NodeJS.Timeout[] = [];
  const pending = new Set<Promise<unknown>>();
  let running = 0;
  const track = <T>(p: Promise<T>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };

  try {
    for (const sweep of o.sweeps) {
      await ensureQueue(boss, o.db, { name: sweep.name, policy: 'stately', retryLimit: 0, expireInSeconds: SWEEP_EXPIRE_SECONDS });
      const pollingIntervalSeconds = Math.max(0.5, o.pollingIntervalSeconds ?? Math.min(sweep.everySeconds, 10));
      const workerId = await boss.work(sweep.name, { pollingIntervalSeconds, batchSize: 1 }, async () => {
        // A job fetched while stopping is left undone: the database may be closing, and the next
        // slot (on this node after a restart, or on another node) does the work.
        if (stopping) return;
        running++;
        const started = Date.now();
        try {
          await sweep.run(o.db, new Date());
        } catch (err) {
          log.error({ sweep: sweep.name, ...errInfo(err) }, 'achtergrondtaak mislukt');
          throw err; // recorded by pg-boss as a failed job; the next slot tries again
        } finally {
          running--;
        }
        const ms = Date.now() - started;
        if (ms > 5_000) log.warn({ sweep: sweep.name, ms }, 'achtergrondtaak duurde lang');
      });
      const enqueue = () =>
        track(
          boss
            .sendThrottled(sweep.name, {}, {}, Math.round(sweep.everySeconds))
            .then((id) => {
              if (id && !stopping) boss.notifyWorker(workerId);
            })
            .catch((err) => {
              if (!stopping) log.warn({ sweep: sweep.name, ...errInfo(err) }, 'achtergrondtaak niet ingepland');
            }),
        );
      void enqueue();
      // Twice per slot, so that timer drift never skips one; a slot that has its job answers null.
      timers.push(
        setInterval(() => {
          if (!stopping) void enqueue();
        }, sweep.everySeconds * 500),
      );
    }
  } catch (err) {
    // A half-started runner must not keep polling a database the caller is about to close.
    stopping = true;
    for (const t of timers) clearInterval(t);
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    throw err;
  }
  log.info({ sweeps: o.sweeps.map((s) => s.name), engine: o.db.kind }, 'achtergrondtaken gestart');

  let stopped: Promise<void> | undefined;
  return {
    boss,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        for (const t of timers) clearInterval(t);
        await Promise.allSettled([...pending]);
        const timeout = o.stopTimeoutMs ?? 10_000;
        await boss.stop({ graceful: true, timeout, close: false });
        // pg-boss stops its loops without waiting for a poll that is under way, and records a
        // finished job without awaiting it: let those statements land before the database closes.
        const deadline = Date.now() + timeout;
        do await delay(50);
        while ((adapter.inFlight() > 0 || running > 0) && Date.now() < deadline);
        log.info({}, 'achtergrondtaken gestopt');
      })();
      return stopped;
    },
  };
}
