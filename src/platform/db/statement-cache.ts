// A bounded set of prepared statements per connection, for statements whose text is built per
// request (`{ cache: true }`): a list's statement differs with its sort, scope, filter and number
// of search words, so preparing each text for good (`{ prepare: true }`) would let a user make every
// pooled connection keep hundreds of plans. Here a connection keeps the most recently used ones,
// up to a limit; using one more names the least recently used for the caller to deallocate.

/** Prepared statements of `{ cache: true }` kept per connection. */
export const CACHED_STATEMENTS = 32;

export class StatementCache {
  /** Statement names in order of last use, the oldest first (a Map keeps insertion order). */
  private readonly used = new Map<string, true>();

  constructor(private readonly limit = CACHED_STATEMENTS) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`StatementCache: limit must be a positive integer, not ${limit}`);
  }

  /**
   * Marks name as used now. Answers whether it was prepared already, and the statements to
   * deallocate to stay within the limit (the least recently used; never name itself).
   */
  use(name: string): { known: boolean; evict: string[] } {
    const known = this.used.delete(name);
    this.used.set(name, true);
    const evict: string[] = [];
    for (const old of this.used.keys()) {
      if (this.used.size <= this.limit) break;
      this.used.delete(old);
      evict.push(old);
    }
    return { known, evict };
  }

  /** Forgets name (its preparation failed, so there is nothing to deallocate). */
  forget(name: string) {
    this.used.delete(name);
  }

  get size() {
    return this.used.size;
  }
}
