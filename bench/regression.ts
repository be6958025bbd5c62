// Compares this run's metrics with the last committed results file of the same profile
// (bench/results/*.md, the JSON block at the end); a metric more than 20% worse is flagged.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const THRESHOLD = 0.2;

/** Metric name → which direction is better. Everything else measured is informational. */
export const DIRECTION: Record<string, 'lower' | 'higher'> = {
  'a.apiMedianMs': 'lower',
  'a.rawMedianMs': 'lower',
  'a.ratio': 'lower',
  'a.pglite.apiMedianMs': 'lower',
  'a.pglite.postgresApiMedianMs': 'lower',
  'a.pglite.ratio': 'lower',
  'b.p50Ms': 'lower',
  'b.p95Ms': 'lower',
  'b.p99Ms': 'lower',
  'c.mine.p50Ms': 'lower',
  'c.mine.p95Ms': 'lower',
  'c.mine.p99Ms': 'lower',
  'c.organisation.p50Ms': 'lower',
  'c.organisation.p95Ms': 'lower',
  'c.organisation.p99Ms': 'lower',
  'd.rowsPerSecond': 'higher',
  'e.apiPerSecond': 'higher',
  'e.rawPerSecond': 'higher',
  'e.ratio': 'lower',
  'e.matchesAsExpected': 'higher',
  'f.apiP50Ms': 'lower',
  'f.apiP95Ms': 'lower',
  'f.apiP99Ms': 'lower',
  'f.rawP95Ms': 'lower',
  'f.ratio': 'lower',
};

export interface Embedded {
  profile: string;
  date: string;
  metrics: Record<string, number>;
}

export function extractJson(markdown: string): Embedded | null {
  const start = markdown.lastIndexOf('```json\n');
  if (start < 0) return null;
  const end = markdown.indexOf('\n```', start + 8);
  try {
    return JSON.parse(markdown.slice(start + 8, end)) as Embedded;
  } catch {
    return null;
  }
}

function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

export interface Previous {
  label: string;
  committed: boolean;
  data: Embedded;
}

/**
 * The most recent earlier result of the same profile: committed files first (the committed
 * version of the file about to be overwritten counts too), else an uncommitted one.
 */
export function findPrevious(resultsDir: string, outFile: string, profile: string, repoRoot: string): Previous | null {
  const tracked = new Set((git(['ls-files', '--', relative(repoRoot, resultsDir)], repoRoot) ?? '').split('\n').filter(Boolean));
  const candidates: Previous[] = [];
  for (const name of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
    if (!name.endsWith('.md') || name === 'README.md') continue;
    const path = join(resultsDir, name);
    const rel = relative(repoRoot, path);
    if (path === outFile) {
      const head = tracked.has(rel) ? git(['show', `HEAD:${rel}`], repoRoot) : null;
      const data = head ? extractJson(head) : null;
      if (data) candidates.push({ label: `${rel} (committed version)`, committed: true, data });
      continue;
    }
    const data = extractJson(readFileSync(path, 'utf8'));
    if (data) candidates.push({ label: rel, committed: tracked.has(rel), data });
  }
  const same = candidates.filter((c) => c.data.profile === profile).sort((a, b) => a.data.date.localeCompare(b.data.date));
  const committed = same.filter((c) => c.committed);
  return committed.at(-1) ?? same.at(-1) ?? null;
}

export interface Change {
  metric: string;
  before: number;
  now: number;
  change: number;
  worse: boolean;
}

export function compare(prev: Record<string, number>, now: Record<string, number>): Change[] {
  const out: Change[] = [];
  for (const [metric, dir] of Object.entries(DIRECTION)) {
    const before = prev[metric],
      cur = now[metric];
    if (before === undefined || cur === undefined || !Number.isFinite(before) || !Number.isFinite(cur) || before === 0) continue;
    const change = (cur - before) / before;
    out.push({ metric, before, now: cur, change, worse: dir === 'lower' ? change > THRESHOLD : change < -THRESHOLD });
  }
  return out;
}
