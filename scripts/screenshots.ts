// The README's screenshots, taken as a user sees Regie: starts `regie start` with the demo region
// on a throw-away database (PGlite in a temporary folder, or the PostgreSQL server of
// SCREENSHOT_DATABASE_URL), logs in as the demo coordinator in Debian's Chromium and saves
//   docs/screenshots/gezinspagina.png      the family page at desktop width (1280 px)
//   docs/screenshots/mijn-gezinnen-telefoon.png   "Mijn gezinnen" at phone width (320 px)
//   docs/screenshots/mijn-gezinnen.png, triage.png at desktop width
//   docs/screenshots/plan.png              an agreed plan (the first demo family that has one)
// With --all also gezinspagina-telefoon.png and gezin-registreren.png (to look at, not in the README).
// Usage: npx tsx scripts/screenshots.ts [--out dir] [--all]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort } from '../test/support/net.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? process.argv[outIndex + 1]! : join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'regie-shots-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'error',
  DEMO_FAMILIES: '40',
};
if (process.env.SCREENSHOT_DATABASE_URL)
  Object.assign(env, { DATABASE_URL: process.env.SCREENSHOT_DATABASE_URL, TOTP_KEY: randomBytes(32).toString('base64') });
else delete env.DATABASE_URL;
const server = spawn(process.execPath, [join(root, 'bin/regie.mjs'), 'start'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 600) throw new Error('regie did not become ready');
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/`);
  await page.getByLabel('Gebruikersnaam').fill('regisseur');
  await page.getByLabel('Wachtwoord').fill('Welkom-Regie-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: join(out, 'mijn-gezinnen.png') });
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: join(out, 'mijn-gezinnen-telefoon.png') });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(out, 'gezinspagina.png'), fullPage: true });
  // The plan of a family whose plan was agreed (the demo region has plans in every state).
  const agreedCase = await page.evaluate(async () => {
    const list = (await (await fetch('/api/v1/families?limit=100')).json()) as { items: Array<{ id: string }> };
    for (const f of list.items) {
      const s = (await (await fetch(`/api/v1/families/${f.id}/plan-summary`)).json()) as { caseId: string | null; agreed: unknown };
      if (s.agreed && s.caseId) return s.caseId;
    }
    return null;
  });
  if (agreedCase) {
    await page.goto(`${base}/plannen/${agreedCase}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(out, 'plan.png'), fullPage: true });
  }
  if (process.argv.includes('--all')) {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: join(out, 'gezinspagina-telefoon.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/gezinnen/nieuw`);
    await page.getByRole('heading', { name: 'Gezin registreren', level: 1 }).waitFor();
    await page.screenshot({ path: join(out, 'gezin-registreren.png') });
  }
  await page.goto(`${base}/triage`);
  await page.getByRole('heading', { name: 'Triage' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(out, 'triage.png') });
  await browser.close();
  console.log(`screenshots in ${out}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
