// A streaming replica (a PostgreSQL hot standby) for the reads that hold no personal data: counts
// and figures such as an organisation's lead times, and later the dashboards. DESIGN.md audits
// every read of personal data in its own transaction, which a standby cannot write, so lists,
// searches and family pages stay on the primary (docs/adr/0016-read-replicas-and-the-audit-rule.md).
//
// The replica is used only while it is fresh: its lag — how long ago the last transaction it has
// replayed committed, while WAL it has received is still waiting to be replayed — is read from the
// standby itself at most every `checkEveryMs`, and a read goes to the replica only when that lag
// plus the age of the reading is within `maxLagMs`. A replica that is not a standby, not
// streaming from its primary, or does not answer within a second serves nothing until it is
// fresh again: the read goes to the primary, which is always right, only busier.
import type { Database } from './db.js';

export interface ReplicaOptions {
  /** The staleness a read may have (default 5 s: a lead-time figure or a count a few seconds old). */
  maxLagMs: number;
  /** How often the lag is read from the standby (default 1 s). */
  checkEveryMs?: number;
  /** Told when the replica starts or stops serving, and why. */
  onChange?: (serving: boolean, why: string) => void;
  /** The clock (tests). */
  now?: () => number;
}

export interface ReplicaState {
  serving: boolean;
  /** The lag when last read, ms (null: unknown — not a standby, not streaming, no answer). */
  lagMs: number | null;
  why: string;
  checkedAt: number;
}

/**
 * What the standby says about itself. `receiving`: a WAL receiver runs (connected to the primary;
 * without it the standby cannot know how far behind it is — its details are for pg_read_all_stats,
 * which the application's roles do not get, but its pid is shown to all). Lag 0 when everything
 * received is replayed; else the time since the last replayed commit.
 */
export const LAG_SQL = `SELECT pg_is_in_recovery() AS standby,
       EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE pid IS NOT NULL) AS receiving,
       CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
            ELSE greatest(0, extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000) END::float8 AS lag_ms`;

export class ReplicaRouter {
  private state: ReplicaState = { serving: false, lagMs: null, why: 'not read yet', checkedAt: -Infinity };
  private checking: Promise<void> | undefined;
  private readonly checkEveryMs: number;
  private readonly now: () => number;

  constructor(
    readonly replica: Database,
    private readonly opts: ReplicaOptions,
  ) {
    this.checkEveryMs = opts.checkEveryMs ?? 1_000;
    this.now = opts.now ?? Date.now;
  }

  /** The database a read without personal data goes to now: the replica when fresh, else `primary`. */
  async pick(primary: Database): Promise<Database> {
    if (this.now() - this.state.checkedAt >= this.checkEveryMs) await this.check();
    const s = this.state;
    const fresh = s.serving && s.lagMs !== null && s.lagMs + (this.now() - s.checkedAt) <= this.opts.maxLagMs;
    return fresh ? this.replica : primary;
  }

  current(): ReplicaState {
    return { ...this.state };
  }

  /** Reads the lag now (one check at a time; callers meanwhile wait for it). */
  check(): Promise<void> {
    this.checking ??= this.read().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async read() {
    let next: Omit<ReplicaState, 'checkedAt'>;
    try {
      const [r] = await this.replica.probe<{ standby: boolean; receiving: boolean; lag_ms: number | null }>(LAG_SQL, 1_000);
      if (!r?.standby) next = { serving: false, lagMs: null, why: 'not a standby (pg_is_in_recovery() is false)' };
      else if (!r.receiving) next = { serving: false, lagMs: null, why: 'not streaming from its primary' };
      else if (r.lag_ms === null) next = { serving: false, lagMs: null, why: 'lag unknown (nothing replayed since it started)' };
      else if (r.lag_ms > this.opts.maxLagMs)
        next = { serving: false, lagMs: r.lag_ms, why: `${Math.round(r.lag_ms)} ms behind (allowed ${this.opts.maxLagMs} ms)` };
      else next = { serving: true, lagMs: r.lag_ms, why: 'fresh' };
    } catch (e) {
      next = { serving: false, lagMs: null, why: `no answer (${(e as Error).message})` };
    }
    const was = this.state.serving;
    this.state = { ...next, checkedAt: this.now() };
    if (was !== next.serving) this.opts.onChange?.(next.serving, next.why);
  }
}

const routers = new WeakMap<Database, ReplicaRouter>();

/** Lets reads without personal data of `primary` go to this replica (start-up, READ_DATABASE_URL). */
export function attachReplica(primary: Database, replica: Database, opts: ReplicaOptions): ReplicaRouter {
  const router = new ReplicaRouter(replica, opts);
  routers.set(primary, router);
  return router;
}

/**
 * Where a read that holds no personal data and writes nothing (no audit row: figures, counts)
 * runs: the primary's replica while it is fresh, else the primary. Never for a read that
 * shows a person: that one writes its audit row in its own transaction, on the primary.
 */
export async function forAggregates(primary: Database): Promise<Database> {
  const router = routers.get(primary);
  return router ? router.pick(primary) : primary;
}
