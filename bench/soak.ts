// Soak: the real process (`regie start`, a child, PostgreSQL, background jobs on) under an
// open-loop mix for minutes: 60% family pages, 25% "Mijn gezinnen", 15% writes (a signal, each
// with its own Idempotency-Key). Reports per minute the requests, errors by status and
// p50/p95/p99 (latency from when a request was due: queueing shows), the server's memory every
// 30 s (its own /metrics), and writes acknowledged (201) against signals stored afterwards.
// Not part of the tests; see bench/README.md.
//
//   npx tsx bench/soak.ts                          # 10 minutes at 100 requests/s
//   npx tsx bench/soak.ts --minutes 1 --rate 50    # a smoke run
//   npx tsx bench/soak.ts --rate 200               # twice the capacity: must shed with 503, not collapse
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { oneRow } from '../src/platform/db/rows.js';
import { preparePostgres } from './database.js';
import { loggedIn, myFamilyIds, userOf } from './server.js';
import { rng, summarise } from './stats.js';
import { openLoop } from './open-loop.js';
import { say } from './options.js';
import { freePort } from '../test/support/net.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const minutes = arg('minutes', 10);
const rate = arg('rate', 100);
const families = arg('families', 1000);
const url = process.env.BENCH_SOAK_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench_soak';

type Kind = 'family' | 'mine' | 'write';
interface Sample {
  minute: number;
  kind: Kind;
  status: string;
  ms: number;
}

async function main() {
  const prepared = await preparePostgres(url, { families, auditRowsPerFamily: 5, fresh: false });
  const db = prepared.db;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  say(`soak: starting regie on ${baseUrl} (${prepared.sizes.families} families)`);
  const server = spawn(process.execPath, [join(root, 'bin/regie.mjs'), 'start'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_FAMILIES: '0',
      LOG_LEVEL: 'error',
      LOGIN_RATE_LIMIT: '100000',
      TOTP_KEY: process.env.TOTP_KEY ?? randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => server.on('exit', (c) => r(c)));
  for (let i = 0; ; i++) {
    const ok = await fetch(`${baseUrl}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 240) throw new Error('regie did not become ready');
    await new Promise((r) => setTimeout(r, 500));
  }
  const client = await loggedIn(baseUrl, 'regisseur');
  const familyIds = await myFamilyIds(client);
  const { organisationId } = await userOf(db, 'regisseur');
  const runId = randomUUID().slice(0, 8);
  const random = rng(9);

  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const samples: Sample[] = [];
  const memory: Array<{ second: number; rssMiB: number | null }> = [];
  let acknowledged = 0;
  const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const total = Math.round(rate * minutes * 60);
  const interval = 1000 / rate;
  const start = performance.now() + 100;

  const send = (kind: Kind, i: number): Promise<string> =>
    new Promise((resolve) => {
      const headers: Record<string, string> = { cookie: client.cookie, 'user-agent': 'regie-soak', accept: 'application/json' };
      let path = `/api/v1/families/${familyIds[i % familyIds.length]}`;
      let method = 'GET';
      let body: string | undefined;
      if (kind === 'mine') path = '/api/v1/families?limit=25';
      if (kind === 'write') {
        method = 'POST';
        path = '/api/v1/signals';
        body = JSON.stringify({
          receivingOrganisationId: organisationId,
          source: 'professional',
          whatSeen: `soak-${runId}-${i} zorgen over het gezin`,
          safetyAtStake: false,
          urgency: 'normal',
          subjectDescription: 'Gezin (soak)',
        });
        Object.assign(headers, {
          'content-type': 'application/json',
          'x-csrf-token': client.csrf,
          'idempotency-key': `soak-${runId}-${i}`,
        });
      }
      const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(String(res.statusCode)));
        res.on('error', () => resolve('response-error'));
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve(e.message === 'timeout' ? 'timeout' : 'socket-error'));
      req.end(body);
    });

  const scrapeMemory = async () => {
    const text = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.text(),
      () => '',
    );
    const m = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(text);
    memory.push({ second: Math.round((performance.now() - start) / 1000), rssMiB: m ? Math.round(Number(m[1]) / 2 ** 20) : null });
  };
  await scrapeMemory();
  const memoryTimer = setInterval(() => void scrapeMemory(), 30_000);
  const progress = setInterval(() => say(`soak: ${samples.length}/${total} answered`), 60_000);

  say(`soak: ${rate} requests/s for ${minutes} min (60% family page, 25% Mijn gezinnen, 15% writes)`);
  await new Promise<void>((done) => {
    let answered = 0;
    const fire = (i: number, due: number) => {
      const r = random();
      const kind: Kind = r < 0.6 ? 'family' : r < 0.85 ? 'mine' : 'write';
      void send(kind, i).then((status) => {
        const now = performance.now();
        if (kind === 'write' && status === '201') acknowledged++;
        samples.push({ minute: Math.floor((due - start) / 60_000), kind, status, ms: now - due });
        if (++answered === total) done();
      });
    };
    openLoop(total, interval, start, fire);
  });
  clearInterval(memoryTimer);
  clearInterval(progress);
  await scrapeMemory();

  // Recovery: once the load stops, a family page must be quick again within seconds.
  const recoveryStart = performance.now();
  let recoveredAfterMs: number | null = null;
  for (let i = 0; i < 40 && recoveredAfterMs === null; i++) {
    const t0 = performance.now();
    const status = await send('family', i);
    if (status === '200' && performance.now() - t0 < 100) recoveredAfterMs = Math.round(performance.now() - recoveryStart);
    else await new Promise((r) => setTimeout(r, 250));
  }

  const stored = oneRow(
    await db.query<{ n: string; distinct_n: string }>(
      `SELECT count(*)::text AS n, count(DISTINCT what_seen)::text AS distinct_n FROM signals WHERE what_seen LIKE $1`,
      [`soak-${runId}-%`],
    ),
    'stored signal count',
  );
  const loadAfter = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const t0 = Date.now();
  server.kill('SIGTERM');
  const code = await exited;
  const stopMs = Date.now() - t0;
  agent.destroy();
  client.close();
  await db.close();

  const lines = [
    `# Soak ${new Date().toISOString().slice(0, 16)}Z — ${rate} requests/s for ${minutes} min`,
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average before ${loadBefore.join(' / ')}, after ${loadAfter.join(' / ')}.`,
    `Database: ${url.replace(/\/\/[^@]*@/, '//')} (${prepared.sizes.families} families). Mix: 60% family page, 25% Mijn gezinnen, 15% writes (POST /api/v1/signals with Idempotency-Key). Open loop; latency from the due time.`,
    '',
    '| minute | requests | 2xx | 503 | other errors | p50 | p95 | p99 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const byMinute = new Map<number, Sample[]>();
  for (const s of samples) byMinute.set(s.minute, [...(byMinute.get(s.minute) ?? []), s]);
  for (const [minute, list] of [...byMinute].sort((a, b) => a[0] - b[0])) {
    const ok = list.filter((s) => s.status.startsWith('2'));
    const shed = list.filter((s) => s.status === '503').length;
    const lat = summarise(list.map((s) => s.ms));
    lines.push(
      `| ${minute + 1} | ${list.length} | ${ok.length} | ${shed} | ${list.length - ok.length - shed} | ${lat.p50.toFixed(1)} ms | ${lat.p95.toFixed(1)} ms | ${lat.p99.toFixed(1)} ms |`,
    );
  }
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  lines.push(
    '',
    `Statuses: ${Object.entries(statuses)
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}.`,
    '',
    '| second | server RSS |',
    '|---|---|',
    ...memory.map((m) => `| ${m.second} | ${m.rssMiB ?? '?'} MiB |`),
    '',
    `Writes acknowledged (201): ${acknowledged}; stored: ${stored.n}; distinct: ${stored.distinct_n}. Stored = acknowledged: no acknowledged write lost and none stored behind a 503; distinct = stored: none doubled.`,
    `Back to normal after the load: ${recoveredAfterMs === null ? 'not within 10 s' : `${recoveredAfterMs} ms`} (a family page under 100 ms).`,
    `SIGTERM: exited with ${code} after ${stopMs} ms.`,
  );
  const report = lines.join('\n') + '\n';
  process.stdout.write(report);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  const out = join(root, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}-soak-${rate}rps-${minutes}min.md`);
  writeFileSync(out, report);
  say(`soak: report in ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
