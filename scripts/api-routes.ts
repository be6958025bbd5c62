// Writes web/src/api-routes.gen.ts: every /api route of the server with the zod schemas of its
// query, body and answer, as type references into the contract files (src/modules/*/*.contract.ts,
// src/platform/auth/auth.contract.ts, src/shared/contract), which the web app reaches through the
// @contract path alias. The web app's API client (web/src/api.ts) is typed from this table, so a
// changed answer shape fails `npm run typecheck`; the table itself is never written by hand.
//
//   npm run api:routes            (re)writes web/src/api-routes.gen.ts
//
// src/shared/contract/api-routes.test.ts renders the table again and fails when the committed file
// is stale. A route whose query, body or answer schema is not exported by a contract file is
// listed at the end as not callable through the typed client (move the schema into the contract).
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { App } from '../src/platform/http/app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const apiRoutesPath = join(root, 'web/src/api-routes.gen.ts');

/** A contract file, the name it gets in the generated file, and its specifier under the alias. */
interface ContractFile {
  file: string;
  alias: string;
  specifier: string;
}

function contractFiles(): ContractFile[] {
  const out: ContractFile[] = [];
  for (const domain of readdirSync(join(root, 'src/modules')).sort()) {
    for (const f of readdirSync(join(root, 'src/modules', domain)).sort())
      if (f.endsWith('.contract.ts'))
        out.push({
          file: join(root, 'src/modules', domain, f),
          alias: f.replace('.contract.ts', '').replace(/\W/g, '_'),
          specifier: `@contract/${domain}/${f.replace(/\.ts$/, '.js')}`,
        });
  }
  out.push({ file: join(root, 'src/platform/auth/auth.contract.ts'), alias: 'session', specifier: '@contract/session.js' });
  for (const f of readdirSync(join(root, 'src/shared/contract')).sort())
    if (f.endsWith('.ts') && !f.endsWith('.test.ts'))
      out.push({
        file: join(root, 'src/shared/contract', f),
        alias: `shared_${f.replace('.ts', '')}`,
        specifier: `@contract/shared/${f.replace(/\.ts$/, '.js')}`,
      });
  return out;
}

interface Recorded {
  method: string;
  url: string;
  schema: { querystring?: unknown; body?: unknown; response?: Record<string, unknown> };
}

/** Registers every route on a stand-in for the Fastify app that only records method, URL and schema. */
async function recordRoutes(): Promise<Recorded[]> {
  const { allRoutes } = await import('../src/routes.js');
  const recorded: Recorded[] = [];
  const noop = () => undefined;
  const config = new Proxy({}, { get: () => undefined });
  const fake: Record<string, unknown> = {
    config,
    db: {},
    createRateLimit: () => async () => ({ isAllowed: true }),
    register: (fn: (app: unknown) => unknown) => {
      void fn(fakeApp);
      return Promise.resolve();
    },
    withTypeProvider: () => fakeApp,
  };
  for (const method of ['get', 'post', 'put', 'patch', 'delete'])
    fake[method] = (url: string, opts: { schema?: Recorded['schema'] }) => {
      recorded.push({ method: method.toUpperCase(), url, schema: opts?.schema ?? {} });
    };
  fake.route = (opts: { method: string; url: string; schema?: Recorded['schema'] }) => {
    recorded.push({ method: opts.method, url: opts.url, schema: opts.schema ?? {} });
  };
  const fakeApp = new Proxy(fake, { get: (t, p) => (p in t ? t[p as string] : noop) }) as unknown as App;
  for (const register of allRoutes) register(fakeApp);
  return recorded;
}

/** The generated file's text. */
export async function apiRoutesSource(): Promise<string> {
  const files = contractFiles();
  const names = new Map<unknown, string>();
  const used = new Set<ContractFile>();
  const owner = new Map<string, ContractFile>();
  for (const f of files) {
    const mod = (await import(pathToFileURL(f.file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod).sort(([a], [b]) => a.localeCompare(b)))
      if (value && typeof value === 'object' && '_zod' in value && !names.has(value)) {
        names.set(value, `${f.alias}.${name}`);
        owner.set(`${f.alias}.${name}`, f);
      }
  }
  const ref = (schema: unknown): string | undefined => {
    if (schema === undefined) return 'never';
    const n = names.get(schema);
    if (n) {
      used.add(owner.get(n)!);
      return `typeof ${n}`;
    }
    const def = (schema as { _zod?: { def?: { type?: string } } })?._zod?.def;
    if (def?.type === 'null') return 'null';
    return undefined;
  };
  const lines: string[] = [];
  const untyped: string[] = [];
  const routes = (await recordRoutes())
    .filter((r) => r.url.startsWith('/api/'))
    .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));
  for (const r of routes) {
    const key = `${r.method} ${r.url}`;
    const okCode = Object.keys(r.schema.response ?? {}).find((c) => /^2\d\d$/.test(c));
    const parts = {
      query: ref(r.schema.querystring),
      body: ref(r.schema.body),
      response: okCode ? ref(r.schema.response![okCode]) : 'null',
    };
    const missing = Object.entries(parts)
      .filter(([, v]) => v === undefined)
      .map(([k]) => k);
    if (missing.length) {
      untyped.push(`//   ${key} (${missing.join(', ')} not exported by a contract file)`);
      continue;
    }
    lines.push(`  '${key}': { query: ${parts.query}; body: ${parts.body}; response: ${parts.response} };`);
  }
  const imports = files.filter((f) => used.has(f)).map((f) => `import type * as ${f.alias} from '${f.specifier}';`);
  return [
    "// Generated by scripts/api-routes.ts from the server's route table (npm run api:routes); do not edit.",
    '// Every /api route: its query, body and answer as the zod schemas of the contract files.',
    ...imports,
    '',
    '/** "METHOD /path" → the zod schemas of its query, body and (first 2xx) answer; never: none, null: no content. */',
    'export interface ApiRoutes {',
    ...lines,
    '}',
    ...(untyped.length ? ['', '// Not callable through the typed client:', ...untyped] : []),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(apiRoutesPath, await apiRoutesSource());
  console.log(`wrote ${apiRoutesPath}`);
  process.exit(0);
}
