// Regie says at start when the PostgreSQL server has autovacuum off (it cannot vacuum or analyze
// tables it does not own); the embedded database has none and keeps its statistics itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDb } from '../../../test/support/db.js';
import { warnWithoutAutovacuum } from './analyze.js';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('a server without autovacuum', () => {
  it('is named at start exactly when autovacuum is off (PostgreSQL), never on the embedded database', async () => {
    const warned: Array<{ fields: object; message: string }> = [];
    const off = await warnWithoutAutovacuum(t.server, (fields, message) => warned.push({ fields, message }));
    const setting = onPostgres ? (await t.superuser.query<{ autovacuum: string }>('SHOW autovacuum'))[0]!.autovacuum : null;
    expect(off).toBe(setting === 'off');
    expect(warned).toEqual(off ? [{ fields: { autovacuum: 'off' }, message: expect.stringMatching(/^autovacuum staat uit/) }] : []);
  });
});
