// `npm run build`'s server half (scripts/build.mjs): src/ compiled to dist/server/, which then runs
// without tsx and still finds the migrations, the web build folder and the common-passwords list
// that the sources read relative to themselves.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../support/db.js';
// @ts-expect-error — a plain JavaScript build script without type declarations
import { buildServer, serverBuildState, serverDist, serverEntry } from '../../scripts/build.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'regie-build-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(onPostgres)('the server build', () => {
  it('compiles src/ without its tests, carries the non-TypeScript files along and runs from dist/server', async () => {
    buildServer({ quiet: true });
    expect(serverBuildState()).toBe('fresh');
    expect(existsSync(serverEntry)).toBe(true);
    expect(existsSync(join(serverDist, 'platform/auth/common-passwords.txt'))).toBe(true);
    expect(existsSync(join(serverDist, 'platform/paths.test.js'))).toBe(false);
    expect(existsSync(join(serverDist, 'modules/refindex/refindex.int-support.js'))).toBe(false);

    const paths = await import(pathToFileURL(join(serverDist, 'platform/paths.js')).href);
    const source = await import('../../src/platform/paths.js');
    expect(paths.runsFromBuild).toBe(true);
    expect(paths.rootDir).toBe(source.rootDir);
    expect(paths.migrationsDir).toBe(source.migrationsDir);
    expect(paths.webDist).toBe(source.webDist);
    const passwords = await import(pathToFileURL(join(serverDist, 'platform/auth/passwords.js')).href);
    expect(passwords.passwordProblem('welkom12345678')?.en).toContain('too common');

    // plain node, no tsx loader: the compiled CLI applies every migration to a fresh database
    const migrate = spawnSync(process.execPath, [serverEntry, 'migrate'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(migrate.stderr).toBe('');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toMatch(/migrations: 0001_core\.sql, /);
  });
});
