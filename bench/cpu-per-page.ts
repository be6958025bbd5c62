// A probe (not part of npm run bench; Linux only): where the CPU of one family page goes. The real
// server (as bench/scaling.ts runs it: request log at info, pool of 10) answers closed-loop
// clients in a forked child for some seconds; the CPU time of the server process, of the
// PostgreSQL backends of its database and of the client process is read from /proc before and
// after and divided by the pages served, and so is the whole machine's busy time (other work on the
// machine counts there too: run it quiet). The reference workload (../shared/perf-reference/)
// under pgbench gets the whole machine's figure (NO_REFERENCE=1 skips it). On a machine of C cores a workload
// of X CPU-ms per page cannot exceed C × 1000 / X pages/s, whatever its concurrency: this says
// which side a faster page must come from. Uses the databases bench/scaling.ts made.
//   npx tsx bench/cpu-per-page.ts [seconds=10] [clients=4]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { openPostgres } from '../src/platform/db/db.js';
import { loggedIn, myFamilyIds, startApiServer } from './server.js';
import { forkClosedLoop } from './load.js';
import { siblingUrl } from './database.js';

const seconds = Number(process.argv[2] ?? 10);
const clients = Number(process.argv[3] ?? 4);
const url = process.env.BENCH_SCALING_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench_scaling';
const refUrl = siblingUrl(url, process.env.BENCH_REFERENCE_DB ?? 'regie_reference_scaling');
const TICK = 1000 / 100; // ms per clock tick (USER_HZ is 100 on Linux)

/** utime + stime in ms of the processes whose command line matches. */
function cpuMs(match: (cmd: string) => boolean): number {
  let ticks = 0;
  for (const d of readdirSync('/proc')) {
    const pid = Number(d);
    if (!pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (!match(cmd)) continue;
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * TICK;
}
/** Busy CPU time of the whole machine (all cores), ms: everything but idle and iowait in /proc/stat. */
function machineBusyMs(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return (total - f[3]! - f[4]!) * TICK;
}
const backendsOf = (dbUrl: string) => {
  const name = new URL(dbUrl).pathname.slice(1);
  return (cmd: string) => cmd.startsWith('postgres: ') && cmd.includes(` ${name} `);
};

const db = await openPostgres(url, 10);
const app = await startApiServer(db);
const client = await loggedIn(app.baseUrl, 'regisseur');
const ids = await myFamilyIds(client);

const before = { server: process.cpuUsage(), pg: cpuMs(backendsOf(url)), busy: machineBusyMs() };
const result = await forkClosedLoop({ baseUrl: app.baseUrl, cookie: client.cookie, familyIds: ids, clients, seconds, warmupSeconds: 0 });
const s = process.cpuUsage(before.server);
const pgMs = cpuMs(backendsOf(url)) - before.pg;
const regieBusy = machineBusyMs() - before.busy;
client.agent.destroy();
await app.close();
await db.close();
const served = result.pages;
const per = (ms: number) => (ms / served).toFixed(2);
const serverMs = (s.user + s.system) / 1000;

// The reference under pgbench (its backends come and go with pgbench, so only the machine's
// busy time is read for it, as it is for Regie beside the per-process split).
const pgbench = process.env.BENCH_PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const refFile = '/work/shared/perf-reference/reference-family-page.sql';
const u = new URL(refUrl);
const refBusy0 = machineBusyMs();
const out = process.env.NO_REFERENCE
  ? ''
  : execFileSync(
      pgbench,
      [
        '-h',
        u.hostname,
        '-U',
        'postgres',
        '-n',
        '-M',
        'prepared',
        '-f',
        refFile,
        '-c',
        String(clients),
        '-j',
        '1',
        '-T',
        String(seconds),
        u.pathname.slice(1),
      ],
      { encoding: 'utf8', env: { ...process.env, PGOPTIONS: '-c jit=off' } },
    );
const refBusy = machineBusyMs() - refBusy0;
const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);

console.log(
  `| CPU ms per family page (${clients} clients, ${seconds} s, ${cpus().length} cores, 1-min load ${loadavg()[0]!.toFixed(2)}) | server (Node) | PostgreSQL backends | load clients | whole machine | pages/s |`,
);
console.log('|---|---:|---:|---:|---:|---:|');
console.log(
  `| Regie API | ${per(serverMs)} | ${per(pgMs)} | ${per(result.cpuMs)} | ${per(regieBusy)} | ${(served / seconds).toFixed(0)} |`,
);
if (out) console.log(`| reference (pgbench -M prepared) | — | — | — | ${(refBusy / (tps * seconds)).toFixed(2)} | ${tps.toFixed(0)} |`);
