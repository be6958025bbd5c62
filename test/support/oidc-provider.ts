// A real OpenID Connect provider (panva's oidc-provider) on an ephemeral port, for tests that walk
// the whole login: authorization request, interaction, code, token, ID token, userinfo.
// Its interaction page logs in the current test account at once (no forms to fill in).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
// @ts-expect-error -- oidc-provider ships no type declarations; the few calls used are typed below.
import Provider from 'oidc-provider';

export interface TestAccount {
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

interface Interaction {
  prompt: { name: string };
  params: Record<string, unknown>;
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface OidcProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: object,
    opts?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: { new (init: { accountId: string; clientId: string }): Grant; find(id: string): Promise<Grant | undefined> };
  on(event: string, fn: (...args: unknown[]) => void): void;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account that the next login at the provider authenticates as. */
  loginAs(account: TestAccount): void;
  close(): Promise<void>;
}

export async function startOidcProvider(opts: {
  redirectUri: string;
  account: TestAccount;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestOidcProvider> {
  const clientId = opts.clientId ?? 'regie';
  const clientSecret = opts.clientSecret ?? 'regie-test-secret-0123456789abcdef';
  const accounts = new Map<string, TestAccount>();
  let current = opts.account;
  accounts.set(current.sub, current);

  // The issuer must be known before the provider exists, so the server listens first.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-signing', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, id: string) {
      const a = accounts.get(id);
      if (!a) return undefined;
      return { accountId: id, claims: async () => ({ sub: a.sub, email: a.email, email_verified: a.emailVerified ?? true, name: a.name }) };
    },
  }) as OidcProviderInstance;
  // Silences the provider's own error logging; a failing test shows what went wrong at Regie.
  provider.on('server_error', () => undefined);

  const providerHandler = provider.callback();
  // The "login page": finishes the interaction with the current account and grants the scopes.
  async function interaction(req: IncomingMessage, res: ServerResponse) {
    try {
      const details = await provider.interactionDetails(req, res);
      const accountId = current.sub;
      const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid email profile');
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
    } catch (e) {
      res.statusCode = 400;
      res.end(`interaction failed: ${(e as Error).message}`);
    }
  }
  handle = (req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/interaction/')) void interaction(req, res);
    else providerHandler(req, res);
  };

  return {
    issuer,
    clientId,
    clientSecret,
    loginAs(account) {
      accounts.set(account.sub, account);
      current = account;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
