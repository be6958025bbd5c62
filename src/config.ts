// Configuration from the environment; every setting has a default that works for `npm start`.
/** Public concerns per region per Dutch day before the form refuses and the administrators are told. */
export const DEFAULT_PUBLIC_CONCERN_DAILY_CAP = 200;
/** Tries at the public form per region per ten minutes (signals.routes.ts). */
export const DEFAULT_PUBLIC_CONCERN_REGION_LIMIT = 100;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** The schema owner's connection for migrations on start (docs/deploy/roles.sql); DATABASE_URL is then the server role. */
  migrationDatabaseUrl?: string;
  /** A streaming replica of DATABASE_URL for reads without personal data (figures, counts; ADR 0016). */
  readDatabaseUrl?: string;
  /** How stale such a read may be before it goes to the primary instead, ms (REPLICA_MAX_LAG_MS, 5000). */
  replicaMaxLagMs: number;
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
  /** Addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed; none by default. */
  trustProxy: string[];
  /** Bearer token for /metrics from other hosts; without it /metrics answers only on loopback. */
  metricsToken?: string;
  /** Public concerns per region per Dutch day before the form asks citizens to phone instead. */
  publicConcernDailyCap: number;
  /** Tries at the public form per region per ten minutes, from all addresses together. */
  publicConcernRegionLimit: number;
  /** Signs the audit chain checkpoints (docs/adr/0007); without it a key file in dataDir. */
  auditCheckpointKey?: string;
  /** Append-only file of signed audit checkpoints; default <dataDir>/audit-checkpoints.jsonl. */
  auditCheckpointFile?: string;
  /** Key of the TOTP secrets at rest (32 bytes, base64 or hex); without it the embedded default keeps one in DATA_DIR. */
  totpKey?: string;
  /** Limits that keep Regie answering under load and through database faults (issue 9). */
  limits: Limits;
}

export interface Limits {
  /** PostgreSQL connections in the pool (DB_POOL_SIZE). */
  poolSize: number;
  /** How long a request waits for a free connection before it answers 503 (DB_POOL_WAIT_MS). */
  poolWaitMs: number;
  /** Longest single statement of a user's transaction (STATEMENT_TIMEOUT_MS). */
  statementTimeoutMs: number;
  /** An API request not answered by then gets 503 and its transaction is rolled back (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** On SIGTERM, requests in flight get this long to finish before the process exits (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** API requests in progress at once; one more answers 503 at once instead of queueing (MAX_IN_FLIGHT). */
  maxInFlight: number;
}

const positive = (v: string | undefined, fallback: number) => (v && Number(v) > 0 ? Number(v) : fallback);

export function loadLimits(env: NodeJS.ProcessEnv = process.env): Limits {
  return {
    poolSize: positive(env.DB_POOL_SIZE, 10),
    poolWaitMs: positive(env.DB_POOL_WAIT_MS, 2_000),
    statementTimeoutMs: positive(env.STATEMENT_TIMEOUT_MS, 5_000),
    requestTimeoutMs: positive(env.REQUEST_TIMEOUT_MS, 10_000),
    shutdownTimeoutMs: positive(env.SHUTDOWN_TIMEOUT_MS, 8_000),
    maxInFlight: positive(env.MAX_IN_FLIGHT, 100),
  };
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
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || undefined,
    readDatabaseUrl: env.READ_DATABASE_URL || undefined,
    replicaMaxLagMs: positive(env.REPLICA_MAX_LAG_MS, 5_000),
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === 'true' : publicUrl.startsWith('https://'),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    logLevel: env.LOG_LEVEL ?? 'info',
    demoFamilies: Number(env.DEMO_FAMILIES ?? 40),
    publicUrl,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: Number(env.SMTP_PORT ?? (env.SMTP_SECURE === 'true' ? 465 : 587)),
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER || undefined,
          pass: env.SMTP_PASS || undefined,
        }
      : undefined,
    mailFrom: env.MAIL_FROM ?? `Regie <noreply@${URL.canParse(publicUrl) ? new URL(publicUrl).hostname : 'localhost'}>`,
    jobs: env.JOBS !== 'off',
    totpKey: env.TOTP_KEY || undefined,
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    metricsToken: env.METRICS_TOKEN || undefined,
    publicConcernDailyCap: Number(env.PUBLIC_CONCERN_DAILY_CAP ?? DEFAULT_PUBLIC_CONCERN_DAILY_CAP),
    publicConcernRegionLimit: Number(env.PUBLIC_CONCERN_REGION_LIMIT ?? DEFAULT_PUBLIC_CONCERN_REGION_LIMIT),
    auditCheckpointKey: env.AUDIT_CHECKPOINT_KEY || undefined,
    auditCheckpointFile: env.AUDIT_CHECKPOINT_FILE || undefined,
    limits: loadLimits(env),
    oidc: env.OIDC_ISSUER
      ? {
          issuer: env.OIDC_ISSUER,
          clientId: env.OIDC_CLIENT_ID ?? 'regie',
          clientSecret: env.OIDC_CLIENT_SECRET ?? '',
          redirectUri: env.OIDC_REDIRECT_URI ?? `${publicUrl}/api/v1/oidc/callback`,
        }
      : undefined,
  };
}
