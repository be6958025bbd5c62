// The job runner on the test database's engine (PGlite by default, PostgreSQL with
// TEST_DATABASE_URL): pg-boss installs its schema, runs registered sweeps once per slot however
// many nodes tick, keeps going after a failing run, and stops cleanly with the database open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import type { Sweep } from './sweep.js';
import { ensureQueue, startJobs, type JobLog } from './runner.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recordingLog() {
  const lines: Array<{ level: string; msg: string; obj: object }> = [];
  const log: JobLog = {
    info: (obj, msg) => lines.push({ level: 'info', msg, obj }),
    warn: (obj, msg) => lines.push({ level: 'warn', msg, obj }),
    error: (obj, msg) => lines.push({ level: 'error', msg, obj }),
  };
  return { log, lines };
}

describe('background job runner (pg-boss)', () => {
  it('installs pg-boss, runs a registered sweep with the database and the time, and stops cleanly', async () => {
    const runs: Date[] = [];
    const sweep: Sweep = {
      name: 'test-sweep',
      everySeconds: 1,
      run: async (db, now) => {
        expect((await db.query<{ one: number }>('SELECT 1 AS one'))[0]!.one).toBe(1);
        runs.push(now);
      },
    };
    const { log, lines } = recordingLog();
    const runner = await startJobs({ db: t.server, sweeps: [sweep], log, pollingIntervalSeconds: 0.5 });
    await expect.poll(() => runs.length, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    await runner.stop();
    await runner.stop(); // a second stop (SIGTERM after SIGINT) is harmless
    const after = runs.length;
    await sleep(2_500);
    expect(runs.length).toBe(after);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['achtergrondtaken gestart', 'achtergrondtaken gestopt']));
    // The database is still open and usable: the server closes it after the runner.
    expect(await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test-sweep' AND state = 'completed'`)).toEqual([
      { n: expect.any(Number) },
    ]);
    const queues = await t.db.query<{ name: string; policy: string }>(`SELECT name, policy FROM pgboss.queue WHERE name = 'test-sweep'`);
    expect(queues).toEqual([{ name: 'test-sweep', policy: 'stately' }]);
  });

  it('runs a sweep once per slot and never twice at the same time, with two nodes ticking', async () => {
    let active = 0;
    let overlap = false;
    let runs = 0;
    const sweep = (): Sweep => ({
      name: 'two-nodes',
      everySeconds: 2,
      run: async () => {
        active++;
        if (active > 1) overlap = true;
        runs++;
        await sleep(300);
        active--;
      },
    });
    const started = Date.now();
    // Two runners on the same database are two Regie nodes (on PGlite: two in one process).
    const [one, two] = await Promise.all([
      startJobs({ db: t.server, sweeps: [sweep()], pollingIntervalSeconds: 0.5 }),
      startJobs({ db: t.server, sweeps: [sweep()], pollingIntervalSeconds: 0.5 }),
    ]);
    await sleep(7_000);
    await Promise.all([one.stop(), two.stop()]);
    const slots = Math.ceil((Date.now() - started) / 2_000) + 1;
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(slots);
    expect(overlap).toBe(false);
    const perSlot = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'two-nodes' GROUP BY singleton_on HAVING count(*) > 1`,
    );
    expect(perSlot).toEqual([]);
  });

  it('logs a failing sweep and keeps running it and the others', async () => {
    let failing = 0;
    let healthy = 0;
    const { log, lines } = recordingLog();
    const runner = await startJobs({
      db: t.server,
      log,
      pollingIntervalSeconds: 0.5,
      sweeps: [
        {
          name: 'always-fails',
          everySeconds: 1,
          run: async () => {
            failing++;
            throw new Error('kapot');
          },
        },
        {
          name: 'tests.keeps-going',
          everySeconds: 1,
          run: async () => {
            healthy++;
          },
        },
      ],
    });
    try {
      await expect.poll(() => Math.min(failing, healthy), { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    } finally {
      await runner.stop();
    }
    expect(lines.some((l) => l.level === 'error' && l.msg === 'achtergrondtaak mislukt' && JSON.stringify(l.obj).includes('kapot'))).toBe(
      true,
    );
  });

  it('refuses sweep names pg-boss cannot use and duplicates, before touching the database', async () => {
    const run = async () => undefined;
    await expect(startJobs({ db: t.server, sweeps: [{ name: 'met spatie', everySeconds: 5, run }] })).rejects.toThrow(/letters, digits/);
    await expect(
      startJobs({
        db: t.server,
        sweeps: [
          { name: 'x', everySeconds: 5, run },
          { name: 'x', everySeconds: 9, run },
        ],
      }),
    ).rejects.toThrow(/twice/);
    await expect(startJobs({ db: t.server, sweeps: [{ name: 'y', everySeconds: 0, run }] })).rejects.toThrow(/once a second/);
  });

  it('picks up a job that was waiting when the previous node stopped', async () => {
    let runs = 0;
    const sweep: Sweep = {
      name: 'resumes',
      everySeconds: 3600,
      run: async () => {
        runs++;
      },
    };
    // A job from "before the restart", still waiting in pg-boss's table.
    const first = await startJobs({ db: t.server, sweeps: [] });
    // The server's role makes no DDL, also not through pg-boss: a queue comes from the owner's function (migrations/0193).
    await expect(first.boss.createQueue('resumes', { name: 'resumes', policy: 'stately' })).rejects.toMatchObject({ code: '42501' });
    await ensureQueue(first.boss, t.server, { name: 'resumes', policy: 'stately' });
    await first.boss.send('resumes', {}, { singletonKey: 'left-over' });
    await first.stop();
    const second = await startJobs({ db: t.server, sweeps: [sweep], pollingIntervalSeconds: 0.5 });
    try {
      await expect
        .poll(
          async () =>
            (
              await t.db.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'resumes' AND singleton_key = 'left-over' AND state = 'completed'`,
              )
            )[0]!.n,
          { timeout: 20_000, interval: 200 },
        )
        .toBe(1);
    } finally {
      await second.stop();
    }
    expect(runs).toBeGreaterThanOrEqual(1);
  });

  it('runs a sweep again within a minute after the node running it died (its job left active)', async () => {
    const name = 'orphaned';
    const a = await startJobs({
      db: t.server,
      sweeps: [{ name, everySeconds: 20, run: async () => undefined }],
      pollingIntervalSeconds: 0.5,
    });
    await expect
      .poll(
        async () =>
          (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [name]))[0]!
            .n,
        { timeout: 20_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    await a.stop();
    // A node that died mid-run leaves its job 'active': nobody will complete it.
    await t.db.query(
      `UPDATE pgboss.job SET state = 'active', started_on = now(), completed_on = NULL
                       WHERE id = (SELECT id FROM pgboss.job WHERE name = $1 ORDER BY created_on DESC LIMIT 1)`,
      [name],
    );
    const died = Date.now();
    let ranAfter = 0;
    const b = await startJobs({
      db: t.server,
      sweeps: [
        {
          name,
          everySeconds: 20,
          run: async () => {
            ranAfter ||= Date.now() - died;
          },
        },
      ],
      pollingIntervalSeconds: 0.5,
    });
    try {
      await expect.poll(() => ranAfter, { timeout: 60_000, interval: 500 }).toBeGreaterThan(0);
    } finally {
      await b.stop();
    }
    expect(ranAfter).toBeGreaterThan(20_000); // it waited for the dead job to expire…
    expect(ranAfter).toBeLessThan(60_000); // …which takes less than a minute
  }, 90_000);
});
