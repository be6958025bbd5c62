import { describe, expect, it } from 'vitest';
import { translate } from '../i18n.js';
import { ago } from './time.js';

const now = Date.parse('2026-12-04T12:00:00Z');
const before = (ms: number) => new Date(now - ms).toISOString();
const MIN = 60_000,
  HOUR = 60 * MIN,
  DAY = 24 * HOUR;

describe('how old something is, with real plurals', () => {
  it('says it in Dutch', () => {
    const t = translate('nl');
    expect(ago(t, before(20_000), now)).toBe('zojuist');
    expect(ago(t, before(MIN), now)).toBe('1 minuut geleden');
    expect(ago(t, before(5 * MIN), now)).toBe('5 minuten geleden');
    expect(ago(t, before(3 * HOUR), now)).toBe('3 uur geleden');
    expect(ago(t, before(2 * DAY), now)).toBe('2 dagen geleden');
    expect(ago(t, before(75 * DAY), now)).toBe('2 maanden geleden');
  });
  it('says it in English', () => {
    const t = translate('en');
    expect(ago(t, before(MIN), now)).toBe('1 minute ago');
    expect(ago(t, before(HOUR), now)).toBe('1 hour ago');
    expect(ago(t, before(2 * HOUR), now)).toBe('2 hours ago');
    expect(ago(t, before(40 * DAY), now)).toBe('40 days ago');
    expect(ago(t, before(800 * DAY), now)).toBe('2 years ago');
  });
  it('chooses the plural form by n', () => {
    const t = translate('nl');
    expect(t('sessionWarning', { n: 1 })).toContain('over 1 minuut');
    expect(t('sessionWarning', { n: 2 })).toContain('over 2 minuten');
  });
});
