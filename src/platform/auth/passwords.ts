import argon2 from 'argon2';
import { readFileSync } from 'node:fs';
import { MAX_PASSWORD_LENGTH } from './auth.contract.js';

// OWASP-recommended argon2id parameters (m=19 MiB, t=2, p=1).
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verified against when the username is unknown (or the account may not log in), so that the
// answer takes as long as for a known user with a wrong password: timing names no usernames.
let dummy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

export const MIN_PASSWORD_LENGTH = 12;
export { MAX_PASSWORD_LENGTH };

let common: Set<string> | undefined;
/** The list that ships with Regie (common-passwords.txt, a data file), read once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/** "Welkom2026!" → "welkom": a common word dressed up with digits and symbols is still common. */
const core = (p: string) => p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/**
 * Rules for a new password (NCSC and ASVS 2.1): long beats complicated; not the username, not
 * a common password. Any character is allowed, nothing is truncated.
 */
export function passwordProblem(password: string, username?: string): { nl: string; en: string } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return {
      nl: `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`,
      en: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return {
      nl: `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens.`,
      en: `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`,
    };
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase()))
    return { nl: 'Het wachtwoord mag uw gebruikersnaam niet bevatten.', en: 'The password must not contain your username.' };
  const list = commonPasswords();
  const c = core(lower);
  if (list.has(lower) || (c.length >= 4 && list.has(c)))
    return {
      nl: 'Dit wachtwoord is te algemeen (het staat op een lijst van veelgebruikte wachtwoorden). Kies een ander.',
      en: 'This password is too common (it is on a list of frequently used passwords). Choose another one.',
    };
  return null;
}
