// Builds the web app once before the browser journeys.
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { ensurePgliteSnapshot, onPostgres } from '../support/db.js';

export default async function setup() {
  await ensureWebBuild();
  if (!onPostgres) await ensurePgliteSnapshot();
}
