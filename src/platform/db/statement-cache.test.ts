import { describe, expect, it } from 'vitest';
import { StatementCache } from './statement-cache.js';

describe('StatementCache', () => {
  it('keeps up to its limit and names the least recently used for eviction', () => {
    const c = new StatementCache(3);
    expect(c.use('a')).toEqual({ known: false, evict: [] });
    expect(c.use('b')).toEqual({ known: false, evict: [] });
    expect(c.use('c')).toEqual({ known: false, evict: [] });
    // a is used again: b is now the oldest
    expect(c.use('a')).toEqual({ known: true, evict: [] });
    expect(c.use('d')).toEqual({ known: false, evict: ['b'] });
    expect(c.size).toBe(3);
    expect(c.use('b')).toEqual({ known: false, evict: ['c'] });
    expect(c.use('a')).toEqual({ known: true, evict: [] });
  });

  it('never evicts the statement being used, even with a limit of one', () => {
    const c = new StatementCache(1);
    expect(c.use('a').evict).toEqual([]);
    expect(c.use('b')).toEqual({ known: false, evict: ['a'] });
    expect(c.use('b')).toEqual({ known: true, evict: [] });
  });

  it('forgets a statement whose preparation failed', () => {
    const c = new StatementCache(2);
    c.use('a');
    c.forget('a');
    expect(c.size).toBe(0);
    expect(c.use('a').known).toBe(false);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new StatementCache(0)).toThrow(/positive integer/);
    expect(() => new StatementCache(1.5)).toThrow(/positive integer/);
  });
});
