// The real process (`regie start` as a child) on PostgreSQL: started while the database refuses
// connections it waits with back-off (/healthz 200, /readyz 503) and serves once it is there;
// 20 s of refused connections answer 503 and never end it; SIGTERM ends it within 10 s; and a
// process killed in the middle of sending an e-mail never leads to that e-mail being sent twice,
// while the mail job it left behind runs again on another node within a minute.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, testDatabaseUrl, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { asActor } from '../../src/platform/db/actor-tx.js';
import { notify } from '../../src/modules/notifications/notify.js';
import { UNCERTAIN_NOTE, mailSweep } from '../../src/modules/notifications/mail.js';
import { startJobs } from '../../src/platform/jobs/runner.js';
import { startSmtpServer, type TestSmtpServer } from '../../src/modules/notifications/smtp-test-server.js';
import { freePort } from '../support/net.js';
import { oneRow } from '../../src/platform/db/rows.js';

const bin = join(process.cwd(), 'bin/regie.mjs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let t: TestDb;
let dbUrl: URL;
let admin: pg.Client;
let region: string;
let team: string;
let teacher: TestUser;
const children: ChildProcess[] = [];

function startRegie(env: Record<string, string>) {
  const proc = spawn(process.execPath, [bin, 'start'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      DEMO_FAMILIES: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: '/nonexistent',
      TOTP_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, exited, output: () => out };
}

const get = async (port: number, path: string, headers: Record<string, string> = {}) => {
  try {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers, signal: AbortSignal.timeout(5_000) });
    const text = await r.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: r.status, body, headers: r.headers };
  } catch {
    return { status: 0, body: null, headers: new Headers() };
  }
};

async function until(what: string, fn: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn()) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for: ${what}`);
}

async function httpLogin(port: number, username: string) {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(r.status).toBe(200);
  return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, csrf: (await r.json()).csrfToken as string };
}

/** A TCP forwarder on loopback to the PostgreSQL server that can refuse connections and cut the open ones. */
function dbForwarder(listenPort: number, target: URL) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  return {
    async open() {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((r) => server!.listen(listenPort, '127.0.0.1', () => r()));
    },
    async refuse() {
      for (const s of sockets) s.destroy();
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
      server = undefined;
    },
  };
}

describe.skipIf(!onPostgres)('the real process through crashes and outages (PostgreSQL)', () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    // Regie logs in as in production (the server's login role); the test plays the database administrator.
    dbUrl = new URL(testDatabaseUrl(t.name, 'regie_server'));
    admin = new pg.Client({ connectionString: testDatabaseUrl(t.name) });
    await admin.connect();
    region = await createRegion(t.db);
    team = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Zuid');
    teacher = await createUser(t.db, region, await createOrganisation(t.db, region, 'school', 'OBS De Klimop'), ['professional']);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await admin?.end();
    await t?.drop();
  });

  const signal = (whatSeen: string) =>
    JSON.stringify({
      receivingOrganisationId: team,
      source: 'school',
      whatSeen,
      safetyAtStake: false,
      urgency: 'normal',
      subjectDescription: 'Gezin bij de haven',
    });

  it('started without a database it waits and then serves; 20 s of refused connections answer 503 and it serves again after', async () => {
    const proxyPort = await freePort();
    const port = await freePort();
    const proxied = new URL(dbUrl);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxyPort);
    const forwarder = dbForwarder(proxyPort, dbUrl);
    const regie = startRegie({ PORT: String(port), DATABASE_URL: proxied.toString(), JOBS: 'off' });
    // Listening at once, not ready: nothing answers on the database's address yet.
    await until('/healthz answers', async () => (await get(port, '/healthz')).status === 200, 60_000);
    for (let i = 0; i < 6; i++) {
      expect((await get(port, '/readyz')).status).toBe(503);
      expect(regie.proc.exitCode).toBeNull();
      await sleep(1_000);
    }
    await forwarder.open();
    await until('/readyz says ready once the database is there', async () => (await get(port, '/readyz')).status === 200, 20_000);
    const { cookie } = await httpLogin(port, teacher.username);
    expect((await get(port, '/api/v1/signals?scope=reported', { cookie })).status).toBe(200);

    // 20 seconds in which every connection to the database is refused, the open ones cut.
    await forwarder.refuse();
    const outageEnds = Date.now() + 20_000;
    while (Date.now() < outageEnds) {
      const r = await get(port, '/api/v1/signals?scope=reported', { cookie });
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body).toMatchObject({ code: 'unavailable', reason: 'database' });
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await get(port, '/readyz')).status).toBe(503);
      expect((await get(port, '/healthz')).status).toBe(200);
      expect(regie.proc.exitCode).toBeNull();
      await sleep(2_000);
    }
    await forwarder.open();
    await until('serves again', async () => (await get(port, '/api/v1/signals?scope=reported', { cookie })).status === 200, 10_000);
    expect((await get(port, '/readyz')).status).toBe(200);
    regie.proc.kill('SIGTERM');
    expect(await regie.exited).toBe(0);
    await forwarder.refuse();
  }, 150_000);

  it('SIGTERM: finishes a request in flight, refuses new work, cuts off one that runs past the deadline, and exits within 10 s', async () => {
    const port = await freePort();
    const regie = startRegie({ PORT: String(port), DATABASE_URL: dbUrl.toString(), SHUTDOWN_TIMEOUT_MS: '4000' });
    await until('ready', async () => (await get(port, '/readyz')).status === 200, 60_000);
    const { cookie, csrf } = await httpLogin(port, teacher.username);
    const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf };
    // One write waits 1 s for a lock (finishes during shutdown), another waits 20 s (past the deadline).
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE signals IN SHARE MODE');
    const finishing = `Afgemaakt bij afsluiten ${randomUUID()}`;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/signals`, { method: 'POST', headers, body: signal(finishing) }).then(
      (r) => r.status,
      () => 0,
    );
    const admin2 = new pg.Client({ connectionString: testDatabaseUrl(t.name) });
    await admin2.connect();
    await admin2.query('BEGIN');
    await admin2.query('LOCK TABLE notifications IN ACCESS EXCLUSIVE MODE');
    const stuck = fetch(`http://127.0.0.1:${port}/api/v1/notifications/read-all`, { method: 'POST', headers, body: '{}' }).then(
      (r) => r.status,
      () => 0,
    );
    await sleep(500);
    const signalled = Date.now();
    regie.proc.kill('SIGTERM');
    setTimeout(() => void admin.query('COMMIT'), 1_000);
    await sleep(300);
    expect((await get(port, '/healthz')).status).not.toBe(200); // no new work once stopping
    const code = await regie.exited;
    const took = Date.now() - signalled;
    await admin2.query('COMMIT');
    await admin2.end();
    expect(await inFlight).toBe(201);
    expect(await stuck).not.toBe(200);
    expect(took).toBeLessThan(10_000);
    expect(code).toBe(0);
    expect(
      Number(oneRow(await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM signals WHERE what_seen = $1`, [finishing])).n),
    ).toBe(1);
  }, 120_000);

  describe('an e-mail sender killed mid-send', () => {
    let smtp: TestSmtpServer;
    beforeAll(async () => {
      smtp = await startSmtpServer();
    });
    afterAll(async () => {
      await smtp?.close();
    });

    async function outboxMail(email: string) {
      const u = await createUser(t.db, region, team);
      await t.db.query(`UPDATE users SET email = $1 WHERE id = $2`, [email, u.actor.userId]);
      await asActor(t.db, teacher.actor, (tx) =>
        notify(tx, {
          regionId: region,
          userIds: [u.actor.userId],
          kind: 'handover_received',
          params: { from: { name: 'Wijkteam' } },
          link: '/overdrachten',
          dedupeKey: `test:${email}`,
        }),
      );
      return oneRow(await t.db.query<{ id: string }>(`SELECT id FROM mail_outbox WHERE to_address = $1`, [email]), 'outbox mail').id;
    }
    const outbox = async (id: string) =>
      oneRow(
        await t.db.query<Record<string, any>>(`SELECT status, attempts, last_error FROM mail_outbox WHERE id = $1`, [id]),
        'outbox mail',
      );

    it('never sends that e-mail twice, and the mail job runs again on another node within a minute', async () => {
      const first = await outboxMail(`eerste-${randomUUID().slice(0, 8)}@example.nl`);
      smtp.holdAckMs = 60_000; // the server has the message; its "250 OK" never reaches the sender
      const port = await freePort();
      const regie = startRegie({
        PORT: String(port),
        DATABASE_URL: dbUrl.toString(),
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
      });
      await until('the message reached the SMTP server', async () => smtp.received.some((m) => m.raw.includes(`<${first}@regie>`)), 90_000);
      regie.proc.kill('SIGKILL');
      await regie.exited;
      const died = Date.now();
      smtp.holdAckMs = 0;
      expect(await outbox(first)).toMatchObject({ status: 'sending', attempts: 1 });
      await t.db.query(`UPDATE mail_outbox SET claimed_until = now() - interval '1 second' WHERE id = $1`, [first]); // its lease runs out
      const second = await outboxMail(`tweede-${randomUUID().slice(0, 8)}@example.nl`);

      // Another node takes over. The dead node's mail job is still 'active' in pg-boss.
      const node = await startJobs({
        db: t.server, // the same login role as the killed server process (regie_server)
        sweeps: [
          mailSweep({
            smtp: { host: '127.0.0.1', port: smtp.port, secure: false },
            from: 'Regie <noreply@regie.test>',
            publicUrl: 'https://regie.test',
            timeoutMs: 5_000,
          }),
        ],
      });
      try {
        await until('the next e-mail is sent', async () => (await outbox(second)).status === 'sent', 60_000);
        expect(Date.now() - died).toBeLessThan(60_000);
      } finally {
        await node.stop();
      }
      expect(smtp.received.filter((m) => m.raw.includes(`<${first}@regie>`))).toHaveLength(1);
      expect(smtp.received.filter((m) => m.raw.includes(`<${second}@regie>`))).toHaveLength(1);
      expect(await outbox(first)).toMatchObject({ status: 'failed', attempts: 1, last_error: UNCERTAIN_NOTE });
    }, 180_000);
  });
});
