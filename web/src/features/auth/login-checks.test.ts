import { describe, expect, it } from 'vitest';
import { missingLogin, oidcErrorKey } from './login-checks.js';

describe('logging in', () => {
  it('names each empty field before asking the server', () => {
    expect(missingLogin({ username: 'anna', password: 'geheim' })).toEqual([]);
    expect(missingLogin({ username: '  ', password: '' }).map((m) => m.field)).toEqual(['username', 'password']);
    // A password is taken as typed: spaces are characters of it.
    expect(missingLogin({ username: 'anna', password: ' ' })).toEqual([]);
  });
  it('reads the OIDC problem from the address, and nothing else', () => {
    expect(oidcErrorKey('?fout=oidc-mislukt')).toBe('oidcFailed');
    expect(oidcErrorKey('?fout=oidc-onbekend&x=1')).toBe('oidcUnknown');
    expect(oidcErrorKey('?fout=oidc-inactief')).toBe('oidcInactive');
    expect(oidcErrorKey('?fout=iets')).toBeUndefined();
    expect(oidcErrorKey('')).toBeUndefined();
  });
});
