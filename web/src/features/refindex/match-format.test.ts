import { describe, expect, it } from 'vitest';
import { telHref, who } from './match-format.js';

describe('a match card', () => {
  it('names the persons by BSN', () => {
    expect(who([{ bsn: '123456782' }, { bsn: null }])).toBe('BSN 123456782, —');
    expect(who([])).toBe('—');
  });
  it('dials a phone number by its digits', () => {
    expect(telHref('+31 (0)30 - 123 45 67')).toBe('tel:+310301234567');
    expect(telHref('06-12345678')).toBe('tel:0612345678');
  });
});
