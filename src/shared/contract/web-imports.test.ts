// The web app may reach into the server's code only for its API contracts and the event catalogue:
// every file the web app imports from src/ (through @contract or otherwise) is a contract file,
// part of the shared contract module, or the shared catalogue of timeline events and
// notifications (src/shared/events, without its server-side i18next instance), and those import
// nothing but zod, i18next's types and each other. So the browser bundle holds
// zod schemas, never a repository, a service or a database driver.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const web = join(root, 'web/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (type-only ones included: they are checked with the web app). */
const specifiers = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]!);

/** The file a specifier names, with the aliases of vite.config.ts and web/tsconfig.json. */
function target(from: string, spec: string): string | null {
  let p: string;
  if (spec.startsWith('@contract/shared/')) p = join(root, 'src/shared/contract', spec.slice('@contract/shared/'.length));
  else if (spec === '@contract/session.js') p = join(root, 'src/platform/auth/auth.contract.ts');
  else if (spec.startsWith('@contract/')) p = join(root, 'src/modules', spec.slice('@contract/'.length));
  else if (spec.startsWith('.')) p = resolve(dirname(from), spec);
  else return null; // a package
  return p.replace(/\.js$/, '.ts');
}

const allowed = (file: string) => {
  const rel = relative(root, file);
  return (
    /^src\/modules\/[a-z]+\/[a-z-]+\.contract\.ts$/.test(rel) ||
    /^src\/shared\/contract\/[a-z-]+\.ts$/.test(rel) ||
    rel === 'src/platform/auth/auth.contract.ts' ||
    /^src\/shared\/events\/(kinds|messages|render)\.ts$/.test(rel)
  );
};

describe('the web app and the server', () => {
  it('share only the contracts: whatever web/src reaches in src/ is a contract file, which imports only zod and contracts', () => {
    const reached = new Set<string>();
    const queue = files(web);
    const outside: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      for (const spec of specifiers(file)) {
        const t = target(file, spec);
        if (!t) {
          if (!file.startsWith(web) && spec !== 'zod' && spec !== 'i18next')
            outside.push(`${relative(root, file)} imports the package ${spec}`);
          continue;
        }
        if (t.startsWith(web) || reached.has(t)) continue;
        if (!allowed(t)) {
          outside.push(`${relative(root, file)} → ${relative(root, t)}`);
          continue;
        }
        reached.add(t);
        queue.push(t);
      }
    }
    expect(outside).toEqual([]);
    // It does reach them: the families contract at least.
    expect([...reached].map((f) => relative(root, f))).toContain('src/modules/families/families.contract.ts');
  });
});
