import { describe, expect, it } from 'vitest';
import type { Database } from './db.js';
import { attachReplica, forAggregates, LAG_SQL, ReplicaRouter } from './replica.js';

type Answer = { standby: boolean; receiving: boolean; lag_ms: number } | Error;

/** A stand-in database whose probe answers what the test says the standby would. */
function standby(answers: Answer[]) {
  const asked: string[] = [];
  const db = {
    probe: async (text: string) => {
      asked.push(text);
      const a = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (a instanceof Error) throw a;
      return [a];
    },
    close: async () => undefined,
  } as unknown as Database;
  return { db, asked };
}
const primary = { kind: 'postgres' } as unknown as Database;

describe('the replica router', () => {
  it('sends a read to a streaming standby within the allowed lag, and to the primary when it is further behind', async () => {
    let t = 0;
    const { db, asked } = standby([
      { standby: true, receiving: true, lag_ms: 0 },
      { standby: true, receiving: true, lag_ms: 6_000 },
      { standby: true, receiving: true, lag_ms: 4_000 },
    ]);
    const changes: string[] = [];
    const r = new ReplicaRouter(db, {
      maxLagMs: 5_000,
      checkEveryMs: 1_000,
      now: () => t,
      onChange: (s, why) => changes.push(`${s}: ${why}`),
    });
    expect(await r.pick(primary)).toBe(db);
    expect(asked).toEqual([LAG_SQL]);
    t = 500; // within checkEveryMs: no new reading
    expect(await r.pick(primary)).toBe(db);
    expect(asked).toHaveLength(1);
    t = 1_000;
    expect(await r.pick(primary)).toBe(primary);
    expect(r.current()).toMatchObject({ serving: false, lagMs: 6_000 });
    t = 2_000;
    expect(await r.pick(primary)).toBe(db);
    expect(changes).toEqual(['true: fresh', 'false: 6000 ms behind (allowed 5000 ms)', 'true: fresh']);
  });

  it('counts the age of its reading: a lag read as 4.5 s is too old 600 ms later', async () => {
    let t = 0;
    const { db } = standby([{ standby: true, receiving: true, lag_ms: 4_500 }]);
    const r = new ReplicaRouter(db, { maxLagMs: 5_000, checkEveryMs: 1_000, now: () => t });
    expect(await r.pick(primary)).toBe(db);
    t = 600;
    expect(await r.pick(primary)).toBe(primary);
  });

  it('serves nothing from a server that is not a standby, not streaming, or does not answer', async () => {
    for (const [answer, why] of [
      [{ standby: false, receiving: false, lag_ms: 0 }, 'not a standby (pg_is_in_recovery() is false)'],
      [{ standby: true, receiving: false, lag_ms: 0 }, 'not streaming from its primary'],
      [new Error('connect ECONNREFUSED'), 'no answer (connect ECONNREFUSED)'],
    ] as const) {
      const { db } = standby([answer]);
      const r = new ReplicaRouter(db, { maxLagMs: 5_000 });
      expect(await r.pick(primary)).toBe(primary);
      expect(r.current()).toMatchObject({ serving: false, lagMs: null, why });
    }
  });

  it('reads the lag once for callers that ask at the same time', async () => {
    const { db, asked } = standby([{ standby: true, receiving: true, lag_ms: 10 }]);
    const r = new ReplicaRouter(db, { maxLagMs: 5_000 });
    const picked = await Promise.all([r.pick(primary), r.pick(primary), r.pick(primary)]);
    expect(picked).toEqual([db, db, db]);
    expect(asked).toHaveLength(1);
  });

  it('forAggregates answers the primary itself when no replica is attached, else asks the replica', async () => {
    const alone = { kind: 'postgres' } as unknown as Database;
    expect(await forAggregates(alone)).toBe(alone);
    const withReplica = { kind: 'postgres' } as unknown as Database;
    const { db } = standby([{ standby: true, receiving: true, lag_ms: 0 }]);
    attachReplica(withReplica, db, { maxLagMs: 5_000 });
    expect(await forAggregates(withReplica)).toBe(db);
  });
});
