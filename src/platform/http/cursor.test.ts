import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor.js';
import { isCalendarDate } from './primitives.js';
import { checkInput } from './input.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const id = '0b9f2c1e-3d4a-4e5f-8a6b-7c8d9e0f1a2b';

describe('page cursors are input', () => {
  it('round-trips what the server encoded', () => {
    expect(decodeCursor(encodeCursor('jansen', id))).toEqual(['jansen', id]);
    expect(decodeCursor(encodeCursor('2026-12-03T10:00:00.123456Z', id), 'timestamp')).toEqual(['2026-12-03T10:00:00.123456Z', id]);
    expect(decodeCursor(encodeCursor('2026-12-03', id), 'date')).toEqual(['2026-12-03', id]);
  });

  it.each([
    ['random base64', 'q83vASNFZ4mrze8'],
    ['36 dashes as the id', b64(['x', '-'.repeat(36)])],
    ['a NUL in the sort value', b64(['a\u0000', id])],
    ['an escaped NUL in a JSON sort value', b64([JSON.stringify(['\u0000', 'b']), id])],
    ['a lone surrogate', b64(['\uD800', id])],
    ['an impossible day', b64(['2020-02-30', id])],
    ['an impossible timestamp', b64(['2020-13-45T25:00:00Z', id])],
    ['year 0', b64(['0000-01-01', id])],
    ['numbers', b64([1, 2])],
  ])('refuses %s with 400 naming the cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ status: 400, field: 'cursor' }));
  });

  it('refuses text where a timestamp belongs', () => {
    expect(() => decodeCursor(encodeCursor('Jansen', id), 'timestamp')).toThrow(expect.objectContaining({ field: 'cursor' }));
  });
});

describe('shared input rules', () => {
  it('knows real calendar days in a sane range', () => {
    expect(['2020-02-29', '1900-01-01', '2200-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2021-02-29', '2020-02-30', '0000-01-01', '2020-13-01', '31-02-2020', '1899-12-31'].map(isCalendarDate)).toEqual(
      Array(6).fill(false),
    );
  });

  it('names the field with a NUL, a lone surrogate or too deep nesting; accepts emoji and accents', () => {
    expect(() => checkInput({ members: [{ givenNames: 'Jan\u0000' }] }, 'body')).toThrow(
      expect.objectContaining({ field: 'members[0].givenNames' }),
    );
    expect(() => checkInput({ q: 'x\uDC00' }, 'querystring')).toThrow(expect.objectContaining({ field: 'querystring.q' }));
    expect(() => checkInput(JSON.parse('['.repeat(40) + ']'.repeat(40)), 'body')).toThrow(expect.objectContaining({ code: 'too_deep' }));
    expect(() => checkInput({ name: 'Zoë 👪 Çelik' }, 'body')).not.toThrow();
  });
});
