// Column-wise bulk inserts: one INSERT ... SELECT FROM unnest($2::uuid[], $3::text[], ...) per
// chunk instead of one statement per row. Both node-postgres and PGlite send JS arrays as
// PostgreSQL arrays, so the same statement works on both engines.
import type { Tx } from '../platform/db/db.js';

export type Column = readonly [name: string, pgType: string];

export class Columns {
  private readonly data: unknown[][];

  constructor(
    readonly table: string,
    readonly columns: readonly Column[],
  ) {
    this.data = columns.map(() => []);
  }

  get size(): number {
    return this.data[0]?.length ?? 0;
  }

  /** Values in the order of the columns. */
  add(...values: unknown[]): void {
    if (values.length !== this.columns.length)
      throw new Error(`${this.table}: expected ${this.columns.length} values, got ${values.length}`);
    this.data.forEach((col, i) => col.push(values[i]));
  }

  /** Inserts everything collected (with region_id = regionId) and empties the buffer. */
  async flush(tx: Tx, regionId: string, chunk = 20_000): Promise<number> {
    const names = this.columns.map(([n]) => n).join(', ');
    const sources = this.columns.map(([, t], i) => `$${i + 2}::${t}[]`).join(', ');
    const aliases = this.columns.map((_, i) => `c${i}`).join(', ');
    const sql = `INSERT INTO ${this.table} (region_id, ${names}) SELECT $1, ${aliases} FROM unnest(${sources}) AS u(${aliases})`;
    const total = this.size;
    for (let from = 0; from < total; from += chunk) {
      await tx.query(sql, [regionId, ...this.data.map((col) => col.slice(from, from + chunk))]);
    }
    for (const col of this.data) col.length = 0;
    return total;
  }
}
