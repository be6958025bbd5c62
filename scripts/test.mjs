#!/usr/bin/env node
// npm test — the whole suite:
//   1. unit and integration tests on the embedded database (PGlite);
//   2. the integration tests again on PostgreSQL when DATABASE_URL is set (each test file makes
//      and drops its own throw-away database on that server);
//   3. the browser journeys in Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH), on
//      PostgreSQL when DATABASE_URL is set (the server as regie_server), otherwise on PGlite.
// Ends with one summary line over all runs ("Regie tests: …", or "Regie tests (LABEL): …" with
// REGIE_TEST_LABEL set, as .ci/run does for its second run under Node 24).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'regie-test-'));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extra = process.argv.slice(2);
// REGIE_PGLITE_INT="a b": on the embedded database only these integration test files (with every
// unit test); .ci/run's second Node version runs the embedded-only files there and the rest on PostgreSQL.
const pgliteInt = (process.env.REGIE_PGLITE_INT ?? '').split(/\s+/).filter(Boolean);
const runs = pgliteInt.length
  ? [
      { name: 'unit', projects: ['unit'], env: { TEST_DATABASE_URL: '' } },
      { name: `int (PGlite: ${pgliteInt.length} files)`, projects: ['int'], env: { TEST_DATABASE_URL: '' }, files: pgliteInt },
    ]
  : [{ name: 'unit+int (PGlite)', projects: ['unit', 'int'], env: { TEST_DATABASE_URL: '' } }];
if (process.env.DATABASE_URL)
  runs.push({ name: 'int (PostgreSQL)', projects: ['int'], env: { TEST_DATABASE_URL: process.env.DATABASE_URL } });
// With DATABASE_URL the journeys run on PostgreSQL, the server logging in as regie_server as in
// production (test/support/db.ts); without it on PGlite.
if (existsSync(chromium) && process.env.SKIP_E2E !== '1')
  runs.push({
    name: `e2e (Chromium, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
    projects: ['e2e'],
    env: { TEST_DATABASE_URL: process.env.DATABASE_URL ?? '' },
  });
else if (process.env.SKIP_E2E === '1') console.log('\nbrowser tests skipped (SKIP_E2E=1)');
else console.log(`\n!! Browser tests skipped: no Chromium at ${chromium} (apt-get install -y chromium)\n`);

console.log(`node ${process.version}`);
const summary = [];
let failed = false;
for (const [i, run] of runs.entries()) {
  console.log(`\n=== ${run.name} ===`);
  const started = Date.now();
  const file = join(out, `run-${i}.json`);
  const args = [
    'vitest',
    'run',
    ...run.projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
    ...(run.files ?? []),
    ...extra,
  ];
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...run.env } });
  let passed = 0,
    fail = 0,
    skipped = 0;
  try {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    passed = j.numPassedTests;
    fail = j.numFailedTests + (j.numFailedTestSuites ?? 0) * 0;
    skipped = j.numPendingTests + j.numTodoTests;
    if (j.numFailedTestSuites && !j.numFailedTests) fail = j.numFailedTestSuites;
  } catch {
    fail = fail || 1;
  }
  if (r.status !== 0) {
    failed = true;
    fail = Math.max(fail, 1);
  }
  summary.push({ name: run.name, passed, fail, skipped, seconds: Math.round((Date.now() - started) / 1000) });
}
const total = summary.reduce((a, s) => ({ passed: a.passed + s.passed, fail: a.fail + s.fail, skipped: a.skipped + s.skipped }), {
  passed: 0,
  fail: 0,
  skipped: 0,
});
const label = process.env.REGIE_TEST_LABEL ? ` (${process.env.REGIE_TEST_LABEL})` : '';
console.log(
  `\nRegie tests${label}: ${total.passed} passed, ${total.fail} failed, ${total.skipped} skipped — ${summary.map((s) => `${s.name}: ${s.passed} passed${s.fail ? `, ${s.fail} failed` : ''} (${s.seconds} s)`).join('; ')}`,
);
process.exit(failed ? 1 : 0);
