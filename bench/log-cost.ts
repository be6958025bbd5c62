// What request logging costs the server's CPU (issue 12: < 3 % under load). Not part of
// `npm run bench`. The family page is served through Fastify's inject (no HTTP client in this
// process) by two servers on the same bench database: one without a logger, one with Regie's
// (one line per request, written asynchronously; here to /dev/null). This process's CPU time
// per request (PostgreSQL's is another process) is compared; blocks alternate between the two.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/regie_bench npx tsx bench/log-cost.ts [requests per variant]
import { openPostgres } from '../src/platform/db/db.js';
import { createServer } from '../src/server.js';
import { loadConfig } from '../src/config.js';
import { asyncDestination, loggerOptions } from '../src/platform/http/app.js';
import { PASSWORD } from './server.js';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/regie_bench';
const total = Number(process.argv[2] ?? 1000);
const db = await openPostgres(url, 4);
const config = { ...loadConfig({ LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'info', JOBS: 'off' }), demoFamilies: 0 };
const quiet = await createServer(config, db, false);
const logged = await createServer(config, db, { ...loggerOptions(config), stream: asyncDestination('/dev/null') });
const login = await quiet.inject({
  method: 'POST',
  url: '/api/v1/session',
  payload: { username: 'regisseur', password: PASSWORD },
  headers: { 'user-agent': 'regie-bench' },
});
const cookie = String([login.headers['set-cookie']].flat().find((c) => String(c).startsWith('regie_sid='))).split(';')[0];
const ids = (
  login.statusCode === 200
    ? (await quiet.inject({ method: 'GET', url: '/api/v1/families?limit=50', headers: { cookie } })).json().items
    : []
).map((f: { id: string }) => f.id);
if (!ids.length) throw new Error(`login ${login.statusCode}: no families`);
const cpu = { quiet: 0, logged: 0 };
const block = 50;
let n = 0;
for (let i = 0; i < (2 * total) / block; i++) {
  const [name, app] = i % 2 ? (['logged', logged] as const) : (['quiet', quiet] as const);
  const c0 = process.cpuUsage();
  for (let j = 0; j < block; j++) {
    const r = await app.inject({ method: 'GET', url: `/api/v1/families/${ids[n++ % ids.length]}`, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(`family page ${r.statusCode}`);
  }
  const d = process.cpuUsage(c0);
  if (i >= 2) cpu[name] += d.user + d.system; // the first block of each: warm-up
}
const per = (us: number) => us / (total - block) / 1000;
const share = (cpu.logged - cpu.quiet) / cpu.logged;
console.log(`| family page via inject, ${total - block} requests each | server CPU per request |\n|---|---:|`);
console.log(
  `| without a logger | ${per(cpu.quiet).toFixed(3)} ms |\n| with Regie's request log (one async line) | ${per(cpu.logged).toFixed(3)} ms |`,
);
console.log(`\nLogging's share of the server's CPU: ${(share * 100).toFixed(1)} %`);
await quiet.close();
await logged.close();
await db.close();
