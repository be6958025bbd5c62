#!/usr/bin/env node
// The server's build: src/ (without tests) compiled by tsc (tsconfig.build.json) to JavaScript in
// dist/server/, with the files the code reads beside itself (src/platform/auth/common-passwords.txt
// and any other non-TypeScript file in src/) copied along. Migrations, the web build (dist/web) and
// package.json stay where they are: src/platform/paths.ts finds them from both places.
//   node scripts/build.mjs          build the server (`npm run build` then builds the web app)
// bin/regie.mjs calls ensureServerBuild() so that `npm start` builds once when the build is missing
// or older than its sources. The build goes to a temporary folder first and is then renamed into
// place, so two starts at once never run a half-written build.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const serverDist = join(root, 'dist', 'server');
export const serverEntry = join(serverDist, 'cli', 'main.js');
const src = join(root, 'src');

/** Test files and test helpers stay out of the build (tsconfig.build.json excludes them as well). */
const isTestFile = (name) => /\.test\.tsx?$/.test(name) || /\.int-support\.ts$/.test(name);
const isSource = (name) => /\.tsx?$/.test(name);

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (!isTestFile(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** 'missing', 'stale' (a source or tsconfig changed after the build) or 'fresh'. */
export function serverBuildState() {
  if (!existsSync(serverEntry)) return 'missing';
  const built = statSync(serverEntry).mtimeMs;
  const sources = Math.max(newest(src), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(join(root, f)).mtimeMs));
  return sources > built ? 'stale' : 'fresh';
}

/** The TypeScript compiler, or null when it is not installed (`npm ci --omit=dev`). */
export function tscPath() {
  try {
    return createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    return null;
  }
}

function copyRuntimeFiles(from, to) {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const p = join(from, e.name);
    if (e.isDirectory()) copyRuntimeFiles(p, join(to, e.name));
    else if (!isSource(e.name)) {
      mkdirSync(to, { recursive: true });
      cpSync(p, join(to, e.name));
    }
  }
}

export function buildServer({ quiet = false, keepFresh = false } = {}) {
  const tsc = tscPath();
  if (!tsc) throw new Error('typescript is not installed (npm ci without --omit=dev), so the server cannot be built');
  const tmp = join(root, 'dist', `.server-${process.pid}-${Date.now()}`);
  rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', tmp], {
    cwd: root,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tsc failed (status ${r.status})${quiet ? `\n${r.stdout}${r.stderr}` : ''}`);
  }
  copyRuntimeFiles(src, tmp);
  // Another start built it meanwhile: keep that one, which may already be running.
  if (keepFresh && serverBuildState() === 'fresh') {
    rmSync(tmp, { recursive: true, force: true });
    return relative(root, serverDist);
  }
  const old = `${serverDist}.old-${process.pid}`;
  if (existsSync(serverDist)) renameSync(serverDist, old);
  renameSync(tmp, serverDist);
  rmSync(old, { recursive: true, force: true });
  return relative(root, serverDist);
}

/** Builds the server when its build is missing or stale; returns false when it cannot (no tsc). */
export function ensureServerBuild() {
  const state = serverBuildState();
  if (state === 'fresh') return true;
  if (!tscPath()) return state === 'stale'; // an installation without dev tools runs the build it has
  process.stdout.write(state === 'missing' ? 'Server bouwen (eenmalig)…\n' : 'Server opnieuw bouwen (bronnen gewijzigd)…\n');
  buildServer({ quiet: true, keepFresh: true });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = Date.now();
  const out = buildServer();
  console.log(`server gebouwd in ${out}/ (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
