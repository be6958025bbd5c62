#!/usr/bin/env node
// `npx regie …` / `npm start` — runs the compiled server in dist/server/ (`npm run build`), and
// builds it first when it is missing or older than its sources (scripts/build.mjs). It runs the
// TypeScript sources through tsx instead with REGIE_FROM_SOURCE=1 (the tests set it, so that they
// run the sources they test), or when no build can be made (no TypeScript compiler after
// `npm ci --omit=dev`, or the sources do not compile).
import { pathToFileURL } from 'node:url';
import { ensureServerBuild, serverEntry } from '../scripts/build.mjs';

let built = false;
if (process.env.REGIE_FROM_SOURCE !== '1') {
  try {
    built = ensureServerBuild();
  } catch (e) {
    console.error(`regie: ${e.message}\nregie: de bronnen worden via tsx uitgevoerd / running the sources through tsx`);
  }
}
if (built) {
  await import(pathToFileURL(serverEntry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
