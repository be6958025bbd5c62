// Folders of the installation, the same whether the server runs from its TypeScript sources
// (src/platform/paths.ts, under vitest or tsx) or from the build (dist/server/platform/paths.js).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
/** True when this code runs from `npm run build`'s output in dist/server/. */
export const runsFromBuild = /[\\/]dist[\\/]server[\\/]platform[\\/]?$/.test(here);
/** The project's root folder: package.json, migrations/, web/, dist/. */
export const rootDir = fileURLToPath(new URL(runsFromBuild ? '../../../' : '../../', import.meta.url));
export const migrationsDir = join(rootDir, 'migrations');
export const webDist = join(rootDir, 'dist', 'web');
