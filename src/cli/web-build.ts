// `npm start` builds the web app when it is missing or older than its sources.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir as root } from '../platform/paths.js';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export async function ensureWebBuild() {
  const index = join(root, 'dist/web/index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(root, 'web'))) return;
  process.stdout.write('Webapp bouwen (eenmalig)…\n');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
