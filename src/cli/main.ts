// regie migrate | seed | start | user add | region add | installation-admin add|remove | audit verify | demo --families N
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../platform/db/db.js';
import { migrateAsOwner } from '../platform/db/migrate.js';
import { prepareTotpSecrets } from '../platform/auth/totp-secrets.js';

const [cmd, ...rest] = process.argv.slice(2);
const config = loadConfig();
const USAGE = `Gebruik / usage:
  regie start                         start de server (npm start)
  regie migrate                       voer databasemigraties uit
  regie seed                          demo-regio Walcheren (klein) aanmaken
  regie demo --families N [--seed S] [--region R --name "Naam"]  synthetische regio met N gezinnen
  regie region add --id R --name "Naam" --organisation "Sociaal Team X" [--organisation-type municipal_team]
                   --admin-username U --admin-name "Naam" [--admin-email E]
                                      nieuwe regio, zonder demodata, met eerste functioneel beheerder (eenmalig wachtwoord)
  regie installation-admin add|remove --username U   mag in de webapp regio's aanmaken
  regie user add --username U --name "Naam" --organisation "Organisatie" --roles professional,coordinator [--email E]
  regie audit verify [--region walcheren]
Database: DATABASE_URL=postgres://… of PGlite in DATA_DIR (standaard ./data).`;

/** Migrations applied by withDb before the command ran (over MIGRATION_DATABASE_URL when set). */
let applied: string[] = [];

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    applied = await migrateAsOwner(db, config.migrationDatabaseUrl);
    await prepareTotpSecrets(db, config);
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function main() {
  switch (cmd) {
    case 'start': {
      const { start } = await import('../server.js');
      const { ensureWebBuild } = await import('./web-build.js');
      await ensureWebBuild();
      await start(config);
      return;
    }
    case 'migrate':
      await withDb(async () => {
        console.log('migrations:', applied.join(', ') || 'up to date');
      });
      return;
    case 'seed':
    case 'demo': {
      const { values } = parseArgs({
        args: rest,
        options: {
          families: { type: 'string' },
          seed: { type: 'string' },
          region: { type: 'string' },
          name: { type: 'string' },
          'audit-rows': { type: 'string' },
        },
      });
      const { seedDemoRegion } = await import('../demo/generator.js');
      await withDb(async (db) => {
        const t = Date.now();
        const r = await seedDemoRegion(db, {
          families: Number(values.families ?? config.demoFamilies),
          seed: values.seed ? Number(values.seed) : undefined,
          regionId: values.region,
          regionName: values.name,
          auditRowsPerFamily: values['audit-rows'] ? Number(values['audit-rows']) : undefined,
        });
        console.log(
          `regio ${r.regionId}: ${r.families} gezinnen, ${r.persons} personen, ${r.timelineEvents} tijdlijngebeurtenissen, ${r.auditRows} auditregels (${((Date.now() - t) / 1000).toFixed(1)} s)`,
        );
        if (r.password) console.log(`eenmalig wachtwoord van de accounts in ${r.regionId} (werkt één keer per account): ${r.password}`);
      });
      return;
    }
    case 'user': {
      const { addUserCommand } = await import('./user-add.js');
      await withDb((db) => addUserCommand(db, rest));
      return;
    }
    case 'region': {
      if (rest[0] !== 'add') break;
      const { addRegionCommand } = await import('./region-add.js');
      console.log(await withDb((db) => addRegionCommand(db, rest)));
      return;
    }
    case 'installation-admin': {
      const { installationAdminCommand } = await import('./region-add.js');
      console.log(await withDb((db) => installationAdminCommand(db, rest)));
      return;
    }
    case 'audit': {
      if (rest[0] !== 'verify') break;
      const { values } = parseArgs({ args: rest.slice(1), options: { region: { type: 'string' } } });
      const { checkpointSettings, readCheckpoints, verifyAgainstCheckpoint } = await import('../platform/audit/checkpoints.js');
      const book = readCheckpoints(checkpointSettings(config));
      const ok = await withDb(async (db) => {
        const regions = values.region
          ? [values.region]
          : (await db.query<{ id: string }>('SELECT id FROM regions ORDER BY id')).map((r) => r.id);
        let allOk = true;
        for (const region of regions) {
          const r = await verifyAgainstCheckpoint(db, region, book);
          console.log(
            `${region}: ${r.rows} rijen in ${r.stripes} ketens gecontroleerd in ${r.seconds.toFixed(2)} s (${Math.round(r.rows / Math.max(r.seconds, 1e-6))} rijen/s): ${r.ok ? 'keten intact' : 'KETEN VERBROKEN'}`,
          );
          console.log(
            r.checkpoint
              ? `  vergeleken met ondertekende controlepunten van ${r.checkpoint.chains} ketens: ${r.checkpoint.seq} rijen, sinds ${r.checkpoint.at}`
              : '  nog geen ondertekend controlepunt',
          );
          for (const p of r.problems.slice(0, 50)) console.log(`  keten ${p.stripe}, rij ${p.seq}: ${p.problem} — ${p.detail}`);
          allOk &&= r.ok;
        }
        return allOk;
      });
      process.exitCode = ok ? 0 : 1;
      return;
    }
  }
  console.log(USAGE);
  process.exitCode = cmd ? 2 : 0;
}

await main().catch((e: Error) => {
  console.error(`regie: ${e.message}`);
  process.exitCode = 1;
});
