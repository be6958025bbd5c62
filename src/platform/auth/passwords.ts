import argon2 from 'argon2';

// OWASP-recommended argon2id parameters (m=19 MiB, t=2, p=1).
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verified against when the username is unknown, so timing does not reveal which usernames exist.
let dummy: Promise<string> | undefined;

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummy ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummy, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

/** Minimum rules for new passwords: long enough beats complicated (NCSC guidance). */
export function passwordProblem(password: string): { nl: string; en: string } | null {
  if (password.length < 12) return { nl: 'Kies een wachtwoord van minstens 12 tekens.', en: 'Choose a password of at least 12 characters.' };
  return null;
}
