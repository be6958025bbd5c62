// docs/schema.md is the database as the migrations leave it (scripts/schema-doc.ts). This test
// renders the document again from this test's freshly migrated database and fails when the
// committed file differs: a migration that changes a table, policy, function or grant must
// regenerate it (`npm run schema:doc`). It runs on both engines; the document leaves out what
// differs between them (the owner's name, the deparser's line breaks), except the views' bodies:
// PostgreSQL before 16 prints their columns qualified (`b.region_id`), PGlite (17) does not, so on
// a PostgreSQL server those are compared without the bodies.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../support/db.js';
import { schemaDocPath, schemaDocument } from '../../scripts/schema-doc.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

/** The document with the views' SQL bodies left out (the only part the engines print differently). */
function withoutViewBodies(doc: string): string {
  const start = doc.indexOf('\n## Views\n');
  const end = doc.indexOf('\n## Sequences\n');
  if (start < 0 || end < 0) return doc;
  return doc.slice(0, start) + doc.slice(start, end).replace(/```sql\n[\s\S]*?\n```/g, '```sql\n(body)\n```') + doc.slice(end);
}

/** The first differing line, so that the failure says what changed. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) return `line ${i + 1}:\n  docs/schema.md: ${a[i] ?? '(end of file)'}\n  database:       ${b[i] ?? '(end of file)'}`;
  return 'no difference';
}

describe('docs/schema.md', () => {
  it('describes the database as the migrations leave it (run `npm run schema:doc` when this fails)', async () => {
    let fresh = await schemaDocument(t.db);
    let committed = '';
    try {
      committed = readFileSync(schemaDocPath, 'utf8');
    } catch {
      /* missing: reported below */
    }
    if (onPostgres) {
      fresh = withoutViewBodies(fresh);
      committed = withoutViewBodies(committed);
    }
    if (committed !== fresh)
      expect.fail(
        `docs/schema.md is stale: run \`npm run schema:doc\` and commit the result.\nFirst difference, ${firstDifference(committed, fresh)}`,
      );
  });

  it('lists every table, policy and regie function of the database', async () => {
    const doc = readFileSync(schemaDocPath, 'utf8');
    const tables = await t.db.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition`,
    );
    const policies = await t.db.query<{ name: string }>(`SELECT policyname AS name FROM pg_policies WHERE schemaname = 'public'`);
    const functions = await t.db.query<{ name: string }>(
      `SELECT oid::regprocedure::text AS name FROM pg_proc WHERE pronamespace = 'regie'::regnamespace`,
    );
    expect(tables.length).toBeGreaterThan(30);
    for (const { name } of tables) expect(doc, name).toContain(`\n### ${name}\n`);
    for (const { name } of policies) expect(doc, name).toContain(`- \`${name}\`: `);
    for (const { name } of functions) expect(doc, name).toContain(`\n### ${name.replace(/\(.*$/, '(')}`);
    expect(doc).toContain('Schema `pgboss` exists');
  });
});
