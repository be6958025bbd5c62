import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

/**
 * The web app imports the server's API contracts (zod schemas only) through @contract; the same
 * three paths are in web/tsconfig.json. A unit test (web/src/contract-imports.test.ts) checks that
 * nothing but contract files and zod is reachable this way.
 */
export const contractAlias = [
  { find: /^@contract\/shared\/(.*)$/, replacement: `${src('shared/contract')}/$1` },
  { find: /^@contract\/session\.js$/, replacement: src('platform/auth/auth.contract.ts') },
  { find: /^@contract\/(.*)$/, replacement: `${src('modules')}/$1` },
];

export default defineConfig({
  root: 'web',
  base: '/',
  resolve: { alias: contractAlias },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // TanStack Query marks its files "use client" (for React Server Components); a single-page app has no server components.
    rollupOptions: {
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
