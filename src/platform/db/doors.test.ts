// Modules reach the database only through the doors in src/platform/db: asActor (a user),
// asPublic (the public form) and asSystem with a named door (work without an actor). This test
// reads the source and fails the build on any other path — `db.query(`, `db.transaction(` or
// `db.exec(` outside src/platform/db. It also lists every asSystem caller, door by door, so a new one is reviewed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYSTEM_DOORS } from './system-tx.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const SCANNED = ['src/modules', 'src/platform', 'src/server.ts'];

function sources(path: string): string[] {
  const abs = join(root, path);
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return path.endsWith('.ts') ? [path] : [];
  }
  return entries.flatMap((e) => {
    const p = `${path}/${e.name}`;
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !/\.test\.ts$|int-support\.ts$/.test(e.name) ? [p] : [];
  });
}
const all = SCANNED.flatMap(sources).sort();
const files = all.filter((f) => !f.startsWith('src/platform/db/'));
const text = (f: string) => readFileSync(join(root, f), 'utf8');

describe('the database doors', () => {
  // A call on the connection itself runs as the connection's own role: on a server that logs in as
  // regie_server (NOINHERIT, docs/deploy/roles.sql) it is refused (ADR 0002). None is left.
  it('are the only way from a module to the database', () => {
    const found: Record<string, number> = {};
    for (const f of files) {
      const n = (text(f).match(/\b(db|pool|client|database)\.(query|transaction|exec)\s*[<(]/g) ?? []).length;
      if (n) found[f] = n;
    }
    expect(found).toEqual({});
  });

  it('lists every asSystem caller by door, and every door has one', () => {
    const callers: Record<string, string[]> = {};
    for (const f of all)
      for (const m of text(f).matchAll(/\basSystem\(\s*\w+\s*,\s*'([a-z-]+)'/g)) {
        const list = (callers[m[1]!] ??= []);
        if (!list.includes(f)) list.push(f);
      }
    expect(callers).toEqual({
      'audit-checkpoints': ['src/platform/audit/checkpoints.ts'],
      'audit-verify': ['src/platform/audit/audit.ts', 'src/platform/audit/checkpoints.ts'],
      authentication: ['src/platform/auth/door.ts'],
      'council-overdue': ['src/modules/safety/council-overdue.sweep.ts'],
      'handover-deadlines': ['src/modules/handovers/handovers.service.ts'],
      idempotency: ['src/platform/http/idempotency.ts'],
      installation: ['src/modules/regions/regions.service.ts'],
      jobs: ['src/platform/jobs/boss-db.ts', 'src/platform/jobs/runner.ts'],
      'mail-outbox': ['src/modules/notifications/mail-outbox.repo.ts'],
      migrations: ['src/platform/db/job-schema.ts', 'src/platform/db/migrate.ts'],
      partitions: ['src/platform/db/partitions.ts'],
      'public-form': ['src/modules/signals/public.service.ts'],
      'refindex-sweeps': ['src/modules/refindex/refindex.sweeps.ts'],
      'triage-overdue': ['src/modules/signals/overdue.sweep.ts'],
    });
    expect(Object.keys(callers).sort()).toEqual([...SYSTEM_DOORS].sort());
  });
});
