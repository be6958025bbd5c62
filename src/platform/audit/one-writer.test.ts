// One writer of audit rows (issue 11): in TypeScript only src/platform/audit/audit.ts inserts into
// audit_log (recordAccess, recordUnattended, insertAuditSelect); everything else calls it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );

describe('audit rows', () => {
  it('are inserted by src/platform/audit/audit.ts alone', () => {
    const writers = files('src').filter((f) => /INSERT\s+INTO\s+audit_log\b/i.test(readFileSync(f, 'utf8')));
    expect(writers).toEqual([join('src', 'platform', 'audit', 'audit.ts')]);
  });
});
