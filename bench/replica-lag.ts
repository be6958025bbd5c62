// A probe (not part of npm run bench): how far a streaming replica on this machine falls behind
// under write load, against the 5 s Regie allows before reads go back to the primary
// (REPLICA_MAX_LAG_MS, src/platform/db/replica.ts). Needs the pair of scripts/replica-pair.sh.
// pgbench's TPC-B-like writes (5 statements, 3 updates and an insert per transaction, each
// COMMIT flushed) run on the primary at 1 and at 8 clients; every 50 ms the replica is asked
// its lag the way Regie asks it (LAG_SQL), and whether it would serve.
//   bash scripts/replica-pair.sh up
//   npx tsx bench/replica-lag.ts [seconds=20] [--out bench/results/<date>-replica-lag.md]
import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { LAG_SQL } from '../src/platform/db/replica.js';
import { percentile } from './stats.js';

const seconds = Number(process.argv[2] ?? 20);
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : undefined;
const primaryUrl = process.env.TEST_REPLICA_PRIMARY_URL ?? 'postgres://postgres@127.0.0.1:5434/postgres';
const replicaUrl = process.env.TEST_REPLICA_URL ?? 'postgres://postgres@127.0.0.1:5435/postgres';
const PGBENCH = process.env.BENCH_PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const MAX_LAG_MS = 5_000;
const say = (m: string) => process.stderr.write(`[replica-lag] ${m}\n`);
const args = (u: URL) => ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];

const p = new URL(primaryUrl);
say('pgbench -i -s 10 on the primary');
execFileSync(PGBENCH, [...args(p), '-i', '-s', '10', '-q', p.pathname.slice(1)], { stdio: 'ignore' });
const replica = new pg.Client({ connectionString: replicaUrl });
await replica.connect();
// The replica has the tables before load starts.
for (let i = 0; i < 200; i++) {
  const r = await replica.query(LAG_SQL);
  if (r.rows[0].lag_ms === 0) break;
  await new Promise((res) => setTimeout(res, 100));
}

const rows: string[] = [];
const json: Record<string, unknown>[] = [];
for (const clients of [1, 8]) {
  const load = loadavg()[0]!;
  const bench = spawn(PGBENCH, [...args(p), '-n', '-c', String(clients), '-j', '1', '-T', String(seconds), p.pathname.slice(1)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let text = '';
  bench.stdout.on('data', (d: Buffer) => (text += d.toString()));
  const done = new Promise<void>((res) => bench.on('exit', () => res()));
  const lags: number[] = [];
  let notServing = 0;
  let running = true;
  void done.then(() => (running = false));
  await new Promise((res) => setTimeout(res, 1_000)); // past pgbench's connecting
  while (running) {
    const r = (await replica.query(LAG_SQL)).rows[0] as { standby: boolean; receiving: boolean; lag_ms: number | null };
    if (running) {
      lags.push(r.lag_ms ?? Infinity);
      if (!r.standby || !r.receiving || r.lag_ms === null || r.lag_ms > MAX_LAG_MS) notServing++;
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  await done;
  const tps = Number(/tps = ([\d.]+)/.exec(text)?.[1]);
  lags.sort((a, b) => a - b);
  const [p50, p95, max] = [percentile(lags, 50), percentile(lags, 95), lags.at(-1)!];
  say(`${clients} clients: ${tps.toFixed(0)} writes/s, lag p50 ${p50.toFixed(1)} ms p95 ${p95.toFixed(1)} ms max ${max.toFixed(1)} ms`);
  rows.push(
    `| ${clients} | ${tps.toFixed(0)} | ${lags.length} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} | ${notServing} | ${load.toFixed(2)} |`,
  );
  json.push({ clients, tps, samples: lags.length, p50, p95, max, notServing });
}
await replica.end();

const L = [
  `# A streaming replica's lag under write load — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `\`npx tsx bench/replica-lag.ts ${seconds}\` on the pair of \`scripts/replica-pair.sh\` (a primary and a hot standby made with \`pg_basebackup -R -X stream\`, both on this machine's ${cpus().length} cores, fsync on). pgbench's TPC-B-like transactions (scale 10) on the primary for ${seconds} s; every 50 ms the replica answers Regie's lag query (\`LAG_SQL\` in \`src/platform/db/replica.ts\`: 0 when everything received is replayed, else the time since the last replayed commit). Regie allows ${MAX_LAG_MS} ms.`,
  '',
  '| pgbench clients | writes/s (transactions) | lag samples | lag p50 ms | lag p95 ms | lag max ms | samples the replica would not serve | 1-min load |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
  '```json',
  JSON.stringify(json),
  '```',
  '',
];
process.stdout.write(L.join('\n'));
if (out) writeFileSync(out, L.join('\n'));
