import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsDir, rootDir, runsFromBuild, webDist } from './paths.js';

describe('paths of the installation', () => {
  it('finds the project root, the migrations and the web build folder from the sources', () => {
    expect(runsFromBuild).toBe(false);
    expect(existsSync(join(rootDir, 'package.json'))).toBe(true);
    expect(readdirSync(migrationsDir).filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(0);
    expect(webDist).toBe(join(rootDir, 'dist', 'web'));
  });
});
