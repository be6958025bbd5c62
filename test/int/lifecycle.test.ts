// The real command line: `regie start` on a PGlite data folder, SIGTERM while a request is in
// flight, a second start on the same folder, and the CLI's migrate / user add / audit verify.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/db.js';

const dataDir = mkdtempSync(join(tmpdir(), 'regie-life-'));
const bin = join(process.cwd(), 'bin/regie.mjs');
const env = { ...process.env, DATA_DIR: dataDir, DEMO_FAMILIES: '6', HOST: '127.0.0.1', DATABASE_URL: '', LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function startServer(port: number, logLevel = env.LOG_LEVEL): Promise<{ proc: ChildProcess; output: () => string }> {
  const proc = spawn(process.execPath, [bin, 'start'], {
    env: { ...env, PORT: String(port), LOG_LEVEL: logLevel },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 150_000;
    const poll = async () => {
      if (proc.exitCode !== null) return reject(new Error(`server exited: ${out}`));
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return resolve({ proc, output: () => out });
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        return reject(new Error(`not ready: ${out}`));
      }
      setTimeout(() => void poll(), 300);
    };
    void poll();
  });
}

async function loginCookie(port: number) {
  const r = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'regisseur', password: 'Welkom-Regie-2026' }),
  });
  expect(r.status).toBe(200);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

const regie = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });

describe.skipIf(onPostgres)('regie start on the embedded database', () => {
  it('prints the demo accounts, finishes a request in flight on SIGTERM, exits cleanly and starts again on the same data', async () => {
    const port = 39000 + Math.floor(Math.random() * 2000);
    const first = await startServer(port, 'debug'); // logs each incoming request (debug level): see below
    expect(first.output()).toContain('regisseur');
    expect(first.output()).toContain('Welkom-Regie-2026');
    expect(first.output()).toContain('beheer2'); // the second administrator, for the four-eyes role approval
    const cookie = await loginCookie(port);
    const list = await (await fetch(`http://127.0.0.1:${port}/api/v1/families?limit=100`, { headers: { cookie } })).json();
    expect(list.items.length).toBeGreaterThan(0);
    const familyId = list.items[0].id;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/families/${familyId}`, { headers: { cookie } });
    // SIGTERM once the server has begun the request: until it has read it, the request sits on an
    // idle kept-alive connection, which a closing server closes (Node 24 handles the signal first).
    const began = /"route":"\/api\/v1\/families\/:familyId"\},"msg":"incoming request"/;
    for (const deadline = Date.now() + 10_000; !began.test(first.output()) && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 2));
    expect(first.output()).toMatch(began);
    first.proc.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    const code = await new Promise<number | null>((resolve) => first.proc.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);

    const second = await startServer(port);
    const cookie2 = await loginCookie(port);
    const again = await (await fetch(`http://127.0.0.1:${port}/api/v1/families?limit=100`, { headers: { cookie: cookie2 } })).json();
    expect(again.items.map((f: { id: string }) => f.id)).toEqual(list.items.map((f: { id: string }) => f.id)); // reused, not re-seeded
    second.proc.kill('SIGTERM');
    await new Promise((resolve) => second.proc.on('exit', resolve));
  });

  it('the CLI migrates, adds a user who must enrol TOTP, and verifies the audit chain', () => {
    expect(regie('migrate').stdout).toMatch(/migrations: (up to date|0001)/);
    const add = regie(
      'user',
      'add',
      '--username',
      'jdevries',
      '--name',
      'Jan de Vries',
      '--organisation',
      'Sociaal Team Middelburg',
      '--roles',
      'professional,coordinator',
    );
    expect(add.status).toBe(0);
    expect(add.stdout).toContain('tijdelijk wachtwoord');
    const bad = regie('user', 'add', '--username', 'x', '--name', 'X', '--organisation', 'Sociaal Team Middelburg', '--roles', 'king');
    expect(bad.status).not.toBe(0);
    const region = [
      'region',
      'add',
      '--id',
      'noord',
      '--name',
      'Noord',
      '--organisation',
      'Sociaal Team Noord',
      '--admin-username',
      'beheer.noord',
      '--admin-name',
      'Nora Noord',
    ];
    const created = regie(...region);
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/eenmalig wachtwoord van beheer\.noord .*: [A-Za-z0-9_-]{16}/);
    const again = regie(...region);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const verify = regie('audit', 'verify');
    expect(verify.status).toBe(0);
    expect(verify.stdout).toContain('keten intact');
  });
});
