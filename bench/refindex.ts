// (e) Reference-index registrations per second: POST /api/v1/refindex/registrations from 16
// concurrent keep-alive clients (each a professional of some organisation) against the same
// registrations done by pgbench with 16 clients running the statements the API sends (captured,
// see refindex-script.ts), each on its own fresh copy of the same database. Both runs must end
// with exactly the matches the work plan implies, worked out beforehand from the plan and the
// households alone (as in refindex.race.int.test.ts): one per pair of organisations and subject,
// never none, never two.
// The plan and its check: refindex-plan.ts; the pgbench run: refindex-pgbench.ts.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgres, type Database } from '../src/platform/db/db.js';
import { oneRow } from '../src/platform/db/rows.js';
import { primaryRole } from '../src/platform/access/actor.js';
import { cloneDatabase, databaseName, dropDatabase, siblingUrl } from './database.js';
import { loggedIn, startServer } from './server.js';
import { buildScript, type Script } from './refindex-script.js';
import type { DriverJob, DriverResult } from './refindex-driver.js';
import {
  buildPlan,
  registrationBody,
  verify,
  type MatchCounts,
  type Person,
  type Plan,
  type RefindexRun,
  type User,
} from './refindex-plan.js';
import { runPgbench } from './refindex-pgbench.js';
import { summarise } from './stats.js';
import { say } from './options.js';

export interface RefindexResult {
  clients: number;
  perClient: number;
  registrations: number;
  pool: number;
  families: number;
  slots: { username: string; organisation: string; roles: string }[];
  organisations: number;
  persons: number;
  households: number;
  expected: MatchCounts;
  maxPairs: number;
  maxMatches: number;
  shape: Script['shape'];
  script: string;
  api: RefindexRun;
  raw: RefindexRun;
  ratio: number;
  ok: boolean;
}

/** Parameter types PostgreSQL infers for each statement (as it did for the service's unnamed statements). */
async function parameterTypes(url: string, texts: string[]): Promise<string[][]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: string[][] = [];
    for (const [i, text] of texts.entries()) {
      await c.query(`PREPARE bench_types_${i} AS ${text}`);
      const r = await c.query<{ t: string[] }>(`SELECT parameter_types::text[] AS t FROM pg_prepared_statements WHERE name = $1`, [
        `bench_types_${i}`,
      ]);
      out.push(oneRow(r.rows, `prepared statement bench_types_${i}`).t ?? []);
      await c.query(`DEALLOCATE bench_types_${i}`);
    }
    return out;
  } finally {
    await c.end();
  }
}

/** On a throwaway copy: B, C and D register first, then A's registration is captured (3 pairs over 2 matches). */
async function captureSample(o: { url: string; pool: number; plan: Plan; maxPairs: number; maxMatches: number }): Promise<Script> {
  const { a, b, c, d, x, y } = o.plan.sample;
  const db = await openPostgres(o.url, o.pool);
  const server = await startServer(db);
  try {
    const post = async (who: User, p: Person) => {
      const client = await loggedIn(server.baseUrl, who.username);
      const r = await client.request('POST', '/api/v1/refindex/registrations', registrationBody(p.bsn));
      client.close();
      if (r.status !== 201) throw new Error(`(e) sample registration by ${who.username}: ${r.status} ${r.body.toString().slice(0, 300)}`);
    };
    await post(b, x);
    await post(c, x);
    await post(d, y);
    const client = await loggedIn(server.baseUrl, a.username);
    const { result, statements } = await server.recorder.capture(() =>
      client.request('POST', '/api/v1/refindex/registrations', registrationBody(x.bsn)),
    );
    client.close();
    if (result.status !== 201) throw new Error(`(e) captured registration: ${result.status} ${result.body.toString().slice(0, 300)}`);
    const reg = JSON.parse(result.body.toString()) as { id: string; newMatches: unknown[] };
    const inTx = statements.filter((s) => s.inTx);
    const types = await parameterTypes(
      o.url,
      inTx.map((s) => s.text),
    );
    return buildScript({
      statements,
      types,
      queue: { table: 'bench_refindex_queue', sequence: 'bench_refindex_queue_n' },
      maxPairs: o.maxPairs,
      maxMatches: o.maxMatches,
      globals: {
        user_id: a.id,
        org_id: a.organisationId,
        roles: a.roles.join(','),
        user_role: primaryRole({ roles: a.roles } as never),
        bsn: x.bsn,
        person_id: x.id,
        reg_id: reg.id,
      },
    });
  } finally {
    await server.close();
    await db.close();
  }
}

async function runApi(url: string, plan: Plan, pool: number): Promise<RefindexRun> {
  const db = await openPostgres(url, pool);
  const server = await startServer(db);
  try {
    say(`(e) API: logging in ${plan.slots.length} professionals of ${new Set(plan.slots.map((s) => s.organisationId)).size} organisations`);
    const clients = await Promise.all(plan.slots.map((s) => loggedIn(server.baseUrl, s.username)));
    // Warm-up without writing: opens the server's pool connections and the clients' sockets.
    for (let i = 0; i < 3; i++) await Promise.all(clients.map((c) => c.json('/api/v1/refindex/registrations?limit=1')));
    const job: DriverJob = {
      baseUrl: server.baseUrl,
      clients: clients.map((c, i) => ({
        cookie: c.cookie,
        csrf: c.csrf,
        bodies: plan.items[i]!.map((it) => registrationBody(it.person.bsn)),
      })),
    };
    for (const c of clients) c.close();
    const total = plan.items.reduce((n, l) => n + l.length, 0);
    say(`(e) API: ${total} registrations from ${clients.length} concurrent clients (server pool ${pool})`);
    const r = await drive(job);
    const v = await verify(url, plan);
    const errors = total - r.registered;
    const problems = [...(errors ? [`${errors} registrations failed: ${r.errorSamples.join(' | ')}`] : []), ...v.problems];
    return {
      engine: 'api',
      registrations: r.registered,
      seconds: r.seconds,
      perSecond: r.registered / r.seconds,
      errors,
      statuses: r.statuses,
      errorSamples: r.errorSamples,
      ...v,
      problems,
      ok: problems.length === 0,
      latency: summarise(r.latencies),
      pgbench: null,
    };
  } finally {
    await server.close();
    await db.close();
  }
}

function drive(job: DriverJob): Promise<DriverResult> {
  const child = fork(fileURLToPath(new URL('./refindex-driver.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: DriverResult | { error: string }) =>
      'error' in m ? reject(new Error(`(e) driver: ${m.error}`)) : resolve(m),
    );
    child.once('exit', (code) => {
      if (code) reject(new Error(`(e) driver exited with ${code}`));
    });
    child.send(job);
  });
}

export async function measureRefindex(o: {
  templateUrl: string;
  templateDb: Database;
  families: number;
  clients: number;
  perClient: number;
  pool: number;
  keepCopies: boolean;
}): Promise<RefindexResult> {
  const plan = await buildPlan(o.templateDb, o.clients, o.perClient);
  const e = plan.expected;
  say(
    `(e) plan: ${e.registrations} registrations of ${plan.persons} persons in ${plan.households} households by ${new Set(plan.slots.map((s) => s.organisationId)).size} organisations; ` +
      `expected ${e.clientMatches} client matches (${e.clientPairs} pairs), ${e.familyMatches} family matches (${e.familyPairs} pairs); ≤ ${plan.maxPairs} pairs per registration`,
  );
  await o.templateDb.close(); // CREATE DATABASE … TEMPLATE needs the template to itself
  const base = databaseName(o.templateUrl);
  const url = (suffix: string) => siblingUrl(o.templateUrl, `${base}_${suffix}`);
  const done = async (u: string) => {
    if (!o.keepCopies) await dropDatabase(u);
  };

  say('(e) capturing one registration (3 pairs over 2 matches) on a throwaway copy');
  await cloneDatabase(o.templateUrl, url('capture'));
  const script = await captureSample({ url: url('capture'), pool: o.pool, plan, maxPairs: plan.maxPairs, maxMatches: plan.maxMatches });
  await done(url('capture'));
  say(
    `(e) pgbench script: ${script.shape.once} statements once, ${script.shape.perPair} per pair, ${script.shape.perMatch} per new match (+ BEGIN, COMMIT, the queue lookup)` +
      script.shape.batches
        .map(
          (b) =>
            `; statement ${b.statement} writes ${b.rowsOnce} row(s) + ${b.rowsPerMatch} per new match from arrays (one variant per number of new matches)`,
        )
        .join(''),
  );

  await cloneDatabase(o.templateUrl, url('api'));
  const api = await runApi(url('api'), plan, o.pool);
  say(
    `(e) API: ${api.perSecond.toFixed(1)} registrations/s (${api.registrations} in ${api.seconds.toFixed(1)} s), matches ${api.ok ? 'as expected' : `WRONG: ${api.problems.join('; ')}`}`,
  );
  await done(url('api'));

  await cloneDatabase(o.templateUrl, url('raw'));
  const raw = await runPgbench(url('raw'), plan, script, o.clients, o.perClient);
  say(
    `(e) pgbench: ${raw.perSecond.toFixed(1)} registrations/s (${raw.pgbench?.processed}), matches ${raw.ok ? 'as expected' : `WRONG: ${raw.problems.join('; ')}`}`,
  );
  await done(url('raw'));

  return {
    clients: o.clients,
    perClient: o.perClient,
    registrations: e.registrations,
    pool: o.pool,
    families: o.families,
    slots: plan.slots.map((s) => ({ username: s.username, organisation: s.organisation, roles: s.roles.join(',') })),
    organisations: new Set(plan.slots.map((s) => s.organisationId)).size,
    persons: plan.persons,
    households: plan.households,
    expected: e,
    maxPairs: plan.maxPairs,
    maxMatches: plan.maxMatches,
    shape: script.shape,
    script: script.text,
    api,
    raw,
    ratio: raw.perSecond / api.perSecond,
    ok: api.ok && raw.ok,
  };
}
