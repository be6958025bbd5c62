// Login through a municipality's OpenID Connect identity provider (authorization code flow with
// PKCE, state and nonce). The login in progress is kept in the database, keyed by the hash of an
// opaque cookie, so the callback may land on any API node and is bound to the browser that started
// it (a callback without that cookie cannot log anyone in: no login CSRF).
import { createHash, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Database } from '../db/db.js';
import { authQuery, door } from './door.js';
import { oneRow } from '../db/rows.js';
import { createSession } from './sessions.js';
import { recordSecurityEvent } from '../audit/audit.js';
import type { Role } from '../access/actor.js';

export const OIDC_COOKIE = 'regie_oidc';
export const OIDC_LOGIN_MINUTES = 10;
export const OIDC_SCOPE = 'openid email profile';
/** Provider metadata is fetched again after this long, so a changed endpoint is picked up. */
const DISCOVERY_TTL_MS = 24 * 3_600_000;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Why the callback did not produce a session; the web app shows a Dutch message per code. */
export type OidcFailure = 'oidc-mislukt' | 'oidc-onbekend' | 'oidc-inactief';

export type OidcOutcome =
  | { ok: true; cookie: string; csrfToken: string; regionId: string; userId: string; linked: boolean }
  | { ok: false; failure: OidcFailure; reason: string };

const digest = (v: string) => createHash('sha256').update(v).digest('hex');

/** One identity provider: its discovered configuration is cached per API node. */
export class OidcProvider {
  private discovered: { at: number; config: Promise<oidc.Configuration> } | null = null;

  constructor(
    readonly settings: OidcSettings,
    private readonly allowInsecure = allowInsecureIssuer(settings.issuer),
  ) {}

  configuration(): Promise<oidc.Configuration> {
    if (this.discovered && Date.now() - this.discovered.at < DISCOVERY_TTL_MS) return this.discovered.config;
    const s = this.settings;
    const config = oidc.discovery(
      new URL(s.issuer),
      s.clientId,
      undefined,
      oidc.ClientSecretBasic(s.clientSecret),
      this.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    // A failed discovery (provider down) is not cached: the next login tries again.
    config.catch(() => {
      if (this.discovered?.config === config) this.discovered = null;
    });
    this.discovered = { at: Date.now(), config };
    return config;
  }
}

/** Plain http to the provider only outside production (a local test or development provider). */
function allowInsecureIssuer(issuer: string): boolean {
  return issuer.startsWith('http://') && process.env.NODE_ENV !== 'production';
}

/** Starts a login: remembers state, nonce and PKCE verifier, returns the cookie and where to send the browser. */
export async function startOidcLogin(db: Database, provider: OidcProvider): Promise<{ cookie: string; url: string }> {
  const config = await provider.configuration();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const cookie = randomBytes(32).toString('base64url');
  await authQuery(db, `DELETE FROM oidc_logins WHERE expires_at < now()`);
  await authQuery(
    db,
    `INSERT INTO oidc_logins (id, state, nonce, code_verifier, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [digest(cookie), state, nonce, codeVerifier, OIDC_LOGIN_MINUTES],
  );
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: provider.settings.redirectUri,
    scope: OIDC_SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { cookie, url: url.href };
}

interface Account {
  region_id: string;
  id: string;
  active: boolean;
}

/**
 * Finishes a login at the callback: checks state (bound to this browser's cookie), exchanges the
 * code with the PKCE verifier, checks the ID token's nonce, finds the professional and starts a
 * session. `search` is the callback's query string exactly as received.
 */
export async function finishOidcLogin(
  db: Database,
  provider: OidcProvider,
  cookie: string | undefined,
  search: string,
  meta: { ip?: string; userAgent?: string },
): Promise<OidcOutcome> {
  const fail = (failure: OidcFailure, reason: string): OidcOutcome => ({ ok: false, failure, reason });
  if (!cookie) return fail('oidc-mislukt', 'no_login_cookie');
  // Deleted on first use: a state is good for one callback only.
  const pending = (
    await authQuery<{ state: string; nonce: string; code_verifier: string; live: boolean }>(
      db,
      `DELETE FROM oidc_logins WHERE id = $1 RETURNING state, nonce, code_verifier, expires_at > now() AS live`,
      [digest(cookie)],
    )
  )[0];
  if (!pending?.live) return fail('oidc-mislukt', 'no_login_in_progress');
  // The redirect URI is the configured one, never one built from request headers.
  const current = new URL(provider.settings.redirectUri);
  current.search = search;
  if (current.searchParams.get('state') !== pending.state) return fail('oidc-mislukt', 'state_mismatch');

  let config: oidc.Configuration;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    config = await provider.configuration();
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (e) {
    return fail('oidc-mislukt', (e as { code?: string; error?: string }).error ?? (e as { code?: string }).code ?? 'code_exchange_failed');
  }
  const claims = tokens.claims();
  if (!claims?.sub) return fail('oidc-mislukt', 'no_subject');
  const issuer = claims.iss;

  let account = await findBySubject(db, issuer, claims.sub);
  let linked = false;
  if (!account) {
    // Many providers put e-mail only in the userinfo response, not in the ID token.
    let email = typeof claims.email === 'string' ? claims.email : undefined;
    let emailVerified = claims.email_verified;
    if (!email && config.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub).catch(() => null);
      email = info?.email;
      emailVerified = info?.email_verified;
    }
    // An address the provider says it has not verified proves nothing about who this is.
    if (email && emailVerified !== false) {
      account = await linkByEmail(db, email, issuer, claims.sub);
      linked = !!account;
    }
  }
  if (!account) return fail('oidc-onbekend', 'unknown_subject');
  if (!account.active) return fail('oidc-inactief', 'inactive_account');

  // The municipality's identity provider performed the strong (multi-factor) authentication, as
  // agreed when the operator configured it; asking for Regie's own TOTP on top would make
  // professionals enrol a second authenticator for nothing. So this session starts complete.
  const a = account;
  const session = await door(db, async (tx) => {
    const u = oneRow(
      await tx.query<{ organisation_id: string; roles: Role[] }>(
        `SELECT organisation_id, roles FROM users WHERE region_id = $1 AND id = $2`,
        [a.region_id, a.id],
      ),
      'user',
    );
    await recordSecurityEvent(
      tx,
      { regionId: a.region_id, userId: a.id, organisationId: u.organisation_id, roles: u.roles, ...meta },
      { action: 'create', objectType: 'session', reason: `login via the identity provider${linked ? ' (account linked now)' : ''}` },
    );
    return createSession(tx, a.region_id, a.id, true, meta);
  });
  return { ok: true, ...session, regionId: account.region_id, userId: account.id, linked };
}

async function findBySubject(db: Database, issuer: string, subject: string): Promise<Account | undefined> {
  return (
    await authQuery<Account>(db, `SELECT region_id, id, active FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2`, [issuer, subject])
  )[0];
}

/**
 * First login through the provider: a functional administrator creates accounts with the
 * professional's work e-mail address but cannot know the provider's subject identifier in advance.
 * So the first time, the account is found by that address and linked to (issuer, subject); from
 * then on only the subject counts, so a later change of address at the provider cannot move the
 * login to someone else's account. Only accounts not yet linked qualify, and only when exactly one
 * matches: an ambiguous address links nothing.
 */
async function linkByEmail(db: Database, email: string, issuer: string, subject: string): Promise<Account | undefined> {
  const matches = await authQuery<Account>(
    db,
    `SELECT region_id, id, active FROM users WHERE lower(email) = lower($1) AND oidc_subject IS NULL LIMIT 2`,
    [email],
  );
  const [m] = matches;
  if (!m || matches.length !== 1) return undefined;
  const updated = await authQuery<Account>(
    db,
    `UPDATE users SET oidc_issuer = $3, oidc_subject = $4 WHERE region_id = $1 AND id = $2 AND oidc_subject IS NULL
     RETURNING region_id, id, active`,
    [m.region_id, m.id, issuer, subject],
  );
  // A simultaneous callback may have linked it a moment ago.
  return updated[0] ?? findBySubject(db, issuer, subject);
}
