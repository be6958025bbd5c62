import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_LABELS, auditObjectLabel } from './audit-objects.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|sql)$/.test(n) && !/\.test\.ts$/.test(n) ? [p] : [];
  });
}

describe('audit object labels', () => {
  it('name every object type the server and the database functions write, in both languages', () => {
    const used = new Set<string>();
    for (const f of [...files(join(root, 'src')), ...files(join(root, 'migrations'))]) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/objectType: '([a-z][a-z_-]*)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((c) => !AUDIT_OBJECT_LABELS.nl[c] || !AUDIT_OBJECT_LABELS.en[c]);
    expect(missing).toEqual([]);
    expect(Object.keys(AUDIT_OBJECT_LABELS.en).sort()).toEqual(Object.keys(AUDIT_OBJECT_LABELS.nl).sort());
  });
  it('says a known code in words and shows an unknown one as it is', () => {
    expect(auditObjectLabel('family-search', 'nl')).toBe('zoeken naar gezinnen');
    expect(auditObjectLabel('family-search', 'en')).toBe('family search');
    expect(auditObjectLabel('something-new', 'nl')).toBe('something-new');
  });
});
