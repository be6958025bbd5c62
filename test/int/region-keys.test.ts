// Citus distributes every table by region_id (ADR 0001, docs/scale.md). That works only when each
// primary key, unique key and foreign key of a distributed table contains region_id (foreign keys
// must join on it), or points at a table that stays whole on every node (a reference table:
// regions). This file lists the keys that do not, each with its reason; a new one fails the test
// until it is added here on purpose and docs/scale.md says how Citus is to carry it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

/** Tables that are not distributed by region: reference tables (copied to every node) and the coordinator's own. */
const NOT_DISTRIBUTED = {
  regions: 'reference table: the tenants themselves',
  schema_migrations: 'coordinator: which migrations ran',
  oidc_logins: 'coordinator: short-lived login state, keyed by an opaque state before the region is known',
  public_form_secrets: "reference table: the installation's signing keys",
} as const;

/** Keys of distributed tables that neither start with region_id nor point at regions, and how Citus is to carry them. */
const KNOWN_EXCEPTIONS = {
  'handovers.handovers_to_user_fk':
    'the receiver in another region (ADR 0006): under Citus this key is dropped and the service checks the receiver through regie.handover_receivers_elsewhere(), as it already does for the organisation',
  'users.users_username_key':
    'usernames are unique over the installation because login comes before the region is known: under Citus a reference table username → region holds this, see docs/scale.md',
} as const;

interface KeyRow {
  tbl: string;
  conname: string;
  contype: 'p' | 'u' | 'f';
  cols: string[];
  reftable: string | null;
}

describe('keys for distribution by region', () => {
  it('every key of a distributed table starts with region_id or points at regions; the others are listed with a reason', async () => {
    const rows = await t.db.query<KeyRow>(`
      SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype::text AS contype,
             (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(att, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS cols,
             c.confrelid::regclass::text AS reftable
        FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
       WHERE n.nspname = 'public' AND c.contype IN ('p', 'u', 'f')
       ORDER BY 1, 2`);
    expect(rows.length).toBeGreaterThan(50);
    const distributed = rows.filter((r) => !(r.tbl in NOT_DISTRIBUTED));
    // every distributed table has a primary key that starts with region_id (its distribution column)
    const tables = [...new Set(distributed.map((r) => r.tbl))];
    const withoutRegionPk = tables.filter(
      (tbl) => !distributed.some((r) => r.tbl === tbl && r.contype === 'p' && r.cols[0] === 'region_id'),
    );
    expect(withoutRegionPk).toEqual([]);
    const offenders = distributed
      .filter((r) => r.cols[0] !== 'region_id' && !(r.contype === 'f' && r.reftable === 'regions' && r.cols.length === 1))
      .map((r) => `${r.tbl}.${r.conname}`);
    expect(offenders).toEqual(Object.keys(KNOWN_EXCEPTIONS).sort());
  });

  it('foreign keys between distributed tables join on region_id', async () => {
    const rows = await t.db.query<{ name: string; fk: string[]; ref: string[] }>(`
      SELECT c.conrelid::regclass::text || '.' || c.conname AS name,
             (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(att, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS fk,
             (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(att, ord)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att) AS ref
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
       WHERE n.nspname = 'public' AND c.contype = 'f' AND c.confrelid <> 'regions'::regclass
       ORDER BY 1`);
    expect(rows.length).toBeGreaterThan(20);
    const notOnRegion = rows.filter((r) => !(r.fk[0] === 'region_id' && r.ref[0] === 'region_id')).map((r) => r.name);
    expect(notOnRegion).toEqual(['handovers.handovers_to_user_fk']);
  });
});
