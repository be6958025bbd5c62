// TOTP secrets at rest: AES-256-GCM with a key that is never in the database. A copy of the
// database (a backup, a replica, a superuser) then yields no second factors. The key comes from
// TOTP_KEY (32 bytes, base64 or hex); the embedded default without it makes a key file in the
// data folder on first start (mode 0600). A server on DATABASE_URL without TOTP_KEY does not
// start: several nodes must share one key, and a key made up on one node would lock everyone out.
//
// Each ciphertext is bound to its region and user (additional authenticated data), so whoever
// can write the users table cannot copy their own known secret onto someone else's account.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/db.js';
import { authQuery } from './door.js';

const PREFIX = 'v1:';
let key: Buffer | undefined;

export const TOTP_KEY_FILE = 'totp.key';

function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const k = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (k.length !== 32) throw new Error(`${where}: expected a 32-byte key (base64 or 64 hex digits), e.g. from \`openssl rand -base64 32\``);
  return k;
}

/** The key from configuration, or the embedded default's key file (made on first start). */
export function loadTotpKey(c: { totpKey?: string; databaseUrl?: string; dataDir: string }): Buffer {
  if (c.totpKey) return parseKey(c.totpKey, 'TOTP_KEY');
  if (c.databaseUrl)
    throw new Error('TOTP_KEY is required with DATABASE_URL: the key that encrypts the TOTP secrets is kept outside the database');
  const file = join(c.dataDir, TOTP_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(c.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  // Readable by others (e.g. copied without its mode): tighten, the key is as secret as the secrets.
  if (statSync(file).mode & 0o077) chmodSync(file, 0o600);
  return parseKey(readFileSync(file, 'utf8'), file);
}

export function useTotpKey(k: Buffer) {
  if (k.length !== 32) throw new Error('TOTP key must be 32 bytes');
  key = k;
}

export const totpKeyLoaded = () => key !== undefined;

function currentKey(): Buffer {
  if (!key) throw new Error('TOTP key not loaded (call useTotpKey at start-up)');
  return key;
}

const aad = (regionId: string, userId: string) => Buffer.from(`regie-totp|${regionId}|${userId}`, 'utf8');

export function sealTotpSecret(secret: string, regionId: string, userId: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', currentKey(), iv);
  c.setAAD(aad(regionId, userId));
  const body = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
  return `${PREFIX}${iv.toString('base64url')}.${body.toString('base64url')}.${c.getAuthTag().toString('base64url')}`;
}

/** The plain secret, or null for anything that is not a ciphertext of this user under this key. */
export function openTotpSecret(stored: string | null | undefined, regionId: string, userId: string): string | null {
  if (!stored?.startsWith(PREFIX)) return null;
  const [iv, body, tag] = stored.slice(PREFIX.length).split('.');
  if (iv === undefined || body === undefined || tag === undefined) return null;
  try {
    const d = createDecipheriv('aes-256-gcm', currentKey(), Buffer.from(iv, 'base64url'));
    d.setAAD(aad(regionId, userId));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/**
 * Encrypts the secrets that an older version stored in plain text (on start, and by `regie
 * migrate`): the key is not in the database, so this cannot be an SQL migration.
 */
export async function sealPlaintextTotpSecrets(db: Database): Promise<number> {
  const rows = await authQuery<{ region_id: string; id: string; totp_secret: string }>(
    db,
    `SELECT region_id, id, totp_secret FROM users WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%'`,
  );
  for (const r of rows)
    await authQuery(db, `UPDATE users SET totp_secret = $3 WHERE region_id = $1 AND id = $2 AND totp_secret = $4`, [
      r.region_id,
      r.id,
      sealTotpSecret(r.totp_secret, r.region_id, r.id),
      r.totp_secret,
    ]);
  // Enrolments in progress started before: asked again rather than kept in plain text.
  await authQuery(
    db,
    `UPDATE sessions SET pending_totp_secret = NULL WHERE pending_totp_secret IS NOT NULL AND pending_totp_secret NOT LIKE 'v1:%'`,
  );
  return rows.length;
}

/** Start-up: load the key and encrypt what is still plain. */
export async function prepareTotpSecrets(db: Database, c: { totpKey?: string; databaseUrl?: string; dataDir: string }): Promise<number> {
  useTotpKey(loadTotpKey(c));
  return sealPlaintextTotpSecrets(db);
}
