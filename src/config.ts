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
  /** Outgoing mail server; without it e-mails wait in the outbox. */
  smtp?: { host: string; port: number; secure: boolean; user?: string; pass?: string };
  mailFrom: string;
  /** Background jobs (pg-boss): on unless JOBS=off, e.g. for a node that only serves requests. */
  jobs: boolean;
  /** Key of the TOTP secrets at rest (32 bytes, base64 or hex); without it the embedded default keeps one in DATA_DIR. */
  totpKey?: string;
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
    smtp: env.SMTP_HOST ? {
      host: env.SMTP_HOST, port: Number(env.SMTP_PORT ?? (env.SMTP_SECURE === 'true' ? 465 : 587)), secure: env.SMTP_SECURE === 'true',
      user: env.SMTP_USER || undefined, pass: env.SMTP_PASS || undefined,
    } : undefined,
    mailFrom: env.MAIL_FROM ?? `Regie <noreply@${URL.canParse(publicUrl) ? new URL(publicUrl).hostname : 'localhost'}>`,
    jobs: env.JOBS !== 'off',
    totpKey: env.TOTP_KEY || undefined,
    oidc: env.OIDC_ISSUER ? {
      issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID ?? 'regie', clientSecret: env.OIDC_CLIENT_SECRET ?? '',
      redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/api/v1/oidc/callback`,
    } : undefined,
  };
}
