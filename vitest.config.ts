import { defineConfig } from 'vitest/config';
import { contractAlias } from './vite.config.js';

// Tests that start bin/regie.mjs run the TypeScript sources they test, never an older dist/server build.
process.env.REGIE_FROM_SOURCE = '1';

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: contractAlias },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'src/**/*.access.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'int',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.int.test.ts', 'src/**/*.access.test.ts', 'test/int/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          maxWorkers: 2,
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
          // A browser waits for a server that may share two cores with a whole CI run: a screen's
          // answer is polled for up to 10 s (vitest's default is 1 s), like the 15 s of a locator.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
