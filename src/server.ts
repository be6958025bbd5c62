// Starts Regie: database (PGlite or PostgreSQL), migrations, demo data on first start,
// background jobs (pg-boss), HTTP.
import { loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './platform/db/db.js';
import { migrate } from './platform/db/migrate.js';
import { prepareTotpSecrets } from './platform/auth/totp-secrets.js';
import { buildApp, type App } from './platform/http/app.js';
import { allRoutes } from './routes.js';
import { startJobs, type JobRunner } from './platform/jobs/runner.js';
import { sweeps } from './jobs.js';
import { mailSettingsFrom, mailSweep } from './modules/notifications/mail.js';

export async function createServer(config: Config, db: Database, logger?: boolean | object): Promise<App> {
  return buildApp({ db, config, logger, routes: allRoutes });
}

export async function start(config: Config = loadConfig()) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  await prepareTotpSecrets(db, config);
  const app = await createServer(config, db);
  if (applied.length) app.log.info({ migrations: applied }, 'migrations applied');
  let accounts: Array<{ username: string; displayName: string; organisation: string; roles: string[]; totpSecret?: string }> = [];
  let otherRegions: Array<{ regionName: string; accounts: typeof accounts }> = [];
  if (config.demoFamilies > 0) {
    const { seedDemoRegion } = await import('./demo/generator.js');
    const r = await seedDemoRegion(db, { families: config.demoFamilies });
    accounts = r.accounts;
    otherRegions = r.otherRegions;
  }
  // After the demo seed, so that its many writes do not queue behind the first sweeps on PGlite.
  let jobs: JobRunner | undefined;
  if (config.jobs) {
    // Without an SMTP server the sender has nothing to do: messages wait, the admin screen says why.
    const mail = config.smtp ? [mailSweep(mailSettingsFrom(config))] : [];
    if (!config.smtp) app.log.warn('geen SMTP-server ingesteld (SMTP_HOST): e-mails blijven in de wachtrij staan');
    jobs = await startJobs({ db, sweeps: [...sweeps, ...mail], log: app.log });
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close(); // stops accepting, waits for in-flight requests
    await jobs?.stop().catch((err) => app.log.error({ err: { message: (err as Error).message } }, 'background jobs did not stop cleanly'));
    await db.close(); // closes PGlite cleanly so the next start finds a consistent data folder
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  const lines = [
    '', `Regie draait op ${config.publicUrl}  (database: ${where})`, '',
  ];
  if (accounts.length) {
    lines.push('Demo-accounts (regio Walcheren), wachtwoord voor allemaal: Welkom-Regie-2026');
    for (const a of accounts) lines.push(`  ${a.username.padEnd(16)} ${a.displayName} — ${a.organisation} (${a.roles.join(', ')})${a.totpSecret ? `  TOTP-geheim: ${a.totpSecret}` : ''}`);
    for (const o of otherRegions) {
      lines.push('', `Demo-accounts (buurregio ${o.regionName}, voor een overdracht naar een andere regio), zelfde wachtwoord:`);
      for (const a of o.accounts) lines.push(`  ${a.username.padEnd(22)} ${a.displayName} — ${a.organisation} (${a.roles.join(', ')})`);
    }
    lines.push('', `Log in op ${config.publicUrl} als "regisseur" om "Mijn gezinnen" te zien.`, '');
  }
  process.stdout.write(lines.join('\n') + '\n');
  return { app, db };
}
