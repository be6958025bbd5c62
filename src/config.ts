// Configuration from the environment; every setting has a default that works for `npm start`.
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  secureCookies: boolean;
  loginRateLimit: number;
  logLevel: string;
  demoFamilies: number;
  oidc?: { issuer: string; clientId: string; clientSecret: string; redirectUri: string };
  publicUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '0.0.0.0';
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  return {
    port,
    host,
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl: env.DATABASE_URL || undefined,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    logLevel: env.LOG_LEVEL ?? 'info',
    demoFamilies: Number(env.DEMO_FAMILIES ?? 40),
    publicUrl,
    oidc: env.OIDC_ISSUER ? {
      issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID ?? 'regie', clientSecret: env.OIDC_CLIENT_SECRET ?? '',
      redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/api/v1/oidc/callback`,
    } : undefined,
  };
}
