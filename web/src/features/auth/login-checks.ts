// The login form's own first check, and the sign-in problem the OIDC callback names in the address.
import type { FieldMessage } from '../../ui/form-errors.js';

/** The fields left empty, each with its sentence (a password is taken as typed: spaces count). */
export function missingLogin(v: { username: string; password: string }): FieldMessage[] {
  return [
    ...(v.username.trim() ? [] : [{ field: 'username', nl: 'Vul uw gebruikersnaam in.', en: 'Enter your username.' }]),
    ...(v.password ? [] : [{ field: 'password', nl: 'Vul uw wachtwoord in.', en: 'Enter your password.' }]),
  ];
}

/** The text key of the OIDC problem in `?fout=` (set by the server after a failed sign-in), if any. */
export const oidcErrorKey = (search: string) =>
  (({ 'oidc-onbekend': 'oidcUnknown', 'oidc-mislukt': 'oidcFailed', 'oidc-inactief': 'oidcInactive' }) as const)[
    new URLSearchParams(search).get('fout') ?? ''
  ];
