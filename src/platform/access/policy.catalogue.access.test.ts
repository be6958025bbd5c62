// The access property test (policy.access.test.ts) checks the tables in FAMILY_SCOPED: this test
// reads the database's catalogue and fails on a table that holds a family's data but is not listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { FAMILY_SCOPED, SCOPED_TABLES } from './policy.tables.int-support.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

describe("the property covers every table that holds a family's data", () => {
  it('every table with a family_id, case_id or person_id, or a foreign key to families, cases or persons, is in FAMILY_SCOPED', async () => {
    const rows = await t.db.query<{ name: string }>(`
      SELECT c.relname AS name FROM pg_class c
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         AND (c.relname IN ('families', 'cases', 'persons')
           OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname IN ('family_id', 'case_id', 'person_id') AND NOT a.attisdropped)
           OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'f'
                        AND k.confrelid IN ('public.families'::regclass, 'public.cases'::regclass, 'public.persons'::regclass)))`);
    const catalogue = rows.map((r) => r.name).sort();
    expect(
      catalogue.filter((name) => !(name in FAMILY_SCOPED)),
      "tables that hold a family's data but the property test does not check: add each to FAMILY_SCOPED and its rows to the world",
    ).toEqual([]);
    expect(SCOPED_TABLES, "FAMILY_SCOPED names a table that no longer holds a family's data").toEqual(catalogue);
  });
});
