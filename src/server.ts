// Starts Regie: database (PGlite or PostgreSQL), migrations, demo data on first start,
// background jobs (pg-boss), HTTP.
import { loadConfig, type Config } from './config.js';
import { openDatabase, openPostgres, type Database } from './platform/db/db.js';
import { attachReplica } from './platform/db/replica.js';
import { migrateAsOwner } from './platform/db/migrate.js';
import { analyzeSweep, warnWithoutAutovacuum } from './platform/db/analyze.js';
import { monthPartitionsSweep } from './platform/db/partitions.js';
import { loadTotpKey, sealPlaintextTotpSecrets, useTotpKey } from './platform/auth/totp-secrets.js';
import { buildApp, type App } from './platform/http/app.js';
import { allRoutes } from './routes.js';
import { startJobs, type JobRunner } from './platform/jobs/runner.js';
import { configuredSweeps, sweeps } from './jobs.js';
import { mailSettingsFrom, mailSweep } from './modules/notifications/mail.js';
import { Unavailable } from './platform/http/errors.js';
import { abandonInFlight } from './platform/http/overload.js';
import { idempotencySweep } from './platform/http/idempotency.js';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function createServer(config: Config, db: Database, logger?: boolean | object): Promise<App> {
  return buildApp({ db, config, logger, routes: allRoutes });
}

/** 0.5, 1, 2, 4 … seconds between attempts, at most 15: a database that is down is asked again, not hammered. */
export function backoffMs(attempt: number) {
  return Math.min(500 * 2 ** attempt, 15_000);
}

export async function start(config: Config = loadConfig()) {
  const { limits } = config;
  // A configuration error, not a database one: refuse to start at once (TOTP_KEY is required with DATABASE_URL).
  useTotpKey(loadTotpKey(config));
  let log: App['log'] | undefined;
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    pool: {
      max: limits.poolSize,
      waitMs: limits.poolWaitMs,
      statementTimeoutMs: limits.statementTimeoutMs,
      onError: (err) =>
        log?.warn(
          { err: { message: err.message, code: (err as { code?: string }).code } },
          'databaseverbinding verbroken; de volgende aanvraag krijgt een nieuwe',
        ),
    },
  });
  if (config.readDatabaseUrl && !config.databaseUrl)
    throw new Error('READ_DATABASE_URL is a replica of DATABASE_URL: the embedded database has none; set DATABASE_URL too or leave it out');
  const replica = config.readDatabaseUrl
    ? await openPostgres(config.readDatabaseUrl, {
        max: limits.poolSize,
        waitMs: limits.poolWaitMs,
        statementTimeoutMs: limits.statementTimeoutMs,
      })
    : undefined;
  if (replica)
    attachReplica(db, replica, {
      maxLagMs: config.replicaMaxLagMs,
      onChange: (serving, why) =>
        log?.[serving ? 'info' : 'warn'](
          { replica: serving ? 'serving' : 'not serving', why },
          'leesreplica: ' + (serving ? 'in gebruik' : 'niet in gebruik'),
        ),
    });
  const app = await createServer(config, db);
  log = app.log;
  // A stray rejected promise (e.g. a lost connection in work nobody awaited) is logged, never the end of the process.
  process.on('unhandledRejection', (err) =>
    app.log.error({ err: { message: (err as Error)?.message, code: (err as { code?: string })?.code } }, 'unhandled rejection'),
  );

  let closing = false;
  let jobs: JobRunner | undefined;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Within 10 s whatever happens: a supervisor's stop timeout must never have to kill us.
    setTimeout(() => process.exit(1), limits.shutdownTimeoutMs + 1_500).unref();
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // Requests still running at the deadline are abandoned (their transactions roll back) and cut off.
    const late = setTimeout(() => {
      abandonInFlight(app);
      app.server.closeAllConnections();
    }, limits.shutdownTimeoutMs);
    await Promise.all([
      app.close(), // stops accepting (503 on kept-alive connections), waits for requests in flight
      jobs?.stop().catch((err) => app.log.error({ err: { message: (err as Error).message } }, 'background jobs did not stop cleanly')),
    ]);
    clearTimeout(late);
    // Closes PGlite cleanly so the next start finds a consistent data folder.
    await Promise.race([
      Promise.all([db.close().catch(() => undefined), replica?.close().catch(() => undefined)]),
      new Promise((r) => setTimeout(r, 500)),
    ]);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // A PostgreSQL server may be down when Regie starts: listen first, so that /healthz and /readyz
  // answer (503 until the database is there, migrated and seeded). The embedded database cannot be
  // unreachable: it is migrated and seeded first, so that its first answer is a ready one.
  app.starting = true;
  const listen = () => app.listen({ port: config.port, host: config.host });
  if (config.databaseUrl) await listen();

  /** Runs a start-up step until the database lets it: waits and retries while it is unreachable. */
  const whenDatabaseServes = async <T>(step: string, fn: () => Promise<T>): Promise<T | undefined> => {
    for (let attempt = 0; !closing; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!(err instanceof Unavailable)) throw err;
        const wait = backoffMs(attempt);
        app.log.warn(
          { step, attempt: attempt + 1, retryInMs: wait, err: { message: (err.cause as Error | undefined)?.message ?? err.message } },
          'database niet bereikbaar; opnieuw proberen',
        );
        await delay(wait);
      }
    }
    return undefined;
  };
  const applied = await whenDatabaseServes('migrate', () => migrateAsOwner(db, config.migrationDatabaseUrl));
  // TOTP secrets are encrypted with a key kept outside the database (TOTP_KEY or DATA_DIR/totp.key).
  await whenDatabaseServes('totp-secrets', () => sealPlaintextTotpSecrets(db));
  if (applied?.length) app.log.info({ migrations: applied }, 'migrations applied (and statistics refreshed)');
  if (!closing) await whenDatabaseServes('autovacuum', () => warnWithoutAutovacuum(db, (f, m) => app.log.warn(f, m)));
  let accounts: Array<{ username: string; displayName: string; organisation: string; roles: string[]; totpSecret?: string }> = [];
  let otherRegions: Array<{ regionName: string; accounts: typeof accounts }> = [];
  if (config.demoFamilies > 0 && !closing) {
    const { seedDemoRegion } = await import('./demo/generator.js');
    const r = await whenDatabaseServes('seed', () => seedDemoRegion(db, { families: config.demoFamilies }));
    accounts = r?.accounts ?? [];
    otherRegions = r?.otherRegions ?? [];
  }
  if (!config.databaseUrl && !closing) await listen();
  // After the demo seed, so that its many writes do not queue behind the first sweeps on PGlite.
  if (config.jobs && !closing) {
    // Without an SMTP server the sender has nothing to do: messages wait, the admin screen says why.
    const mail = config.smtp ? [mailSweep(mailSettingsFrom(config))] : [];
    if (!config.smtp) app.log.warn('geen SMTP-server ingesteld (SMTP_HOST): e-mails blijven in de wachtrij staan');
    jobs = await whenDatabaseServes('jobs', () =>
      startJobs({
        db,
        sweeps: [...sweeps, ...configuredSweeps(config, app.log), idempotencySweep, analyzeSweep, monthPartitionsSweep, ...mail],
        log: app.log,
        // stop() may wait twice this long (pg-boss, then statements in flight): within the shutdown deadline.
        stopTimeoutMs: Math.max(1_000, limits.shutdownTimeoutMs / 2),
      }),
    );
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  const lines = ['', `Regie draait op ${config.publicUrl}  (database: ${where})`, ''];
  if (accounts.length) {
    lines.push('Demo-accounts (regio Walcheren), wachtwoord voor allemaal: Welkom-Regie-2026');
    for (const a of accounts)
      lines.push(
        `  ${a.username.padEnd(16)} ${a.displayName} — ${a.organisation} (${a.roles.join(', ')})${a.totpSecret ? `  TOTP-geheim: ${a.totpSecret}` : ''}`,
      );
    for (const o of otherRegions) {
      lines.push('', `Demo-accounts (buurregio ${o.regionName}, voor een overdracht naar een andere regio), zelfde wachtwoord:`);
      for (const a of o.accounts) lines.push(`  ${a.username.padEnd(22)} ${a.displayName} — ${a.organisation} (${a.roles.join(', ')})`);
    }
    lines.push('', `Log in op ${config.publicUrl} als "regisseur" om "Mijn gezinnen" te zien.`, '');
  }
  process.stdout.write(lines.join('\n') + '\n');
  app.starting = false;
  return { app, db };
}
