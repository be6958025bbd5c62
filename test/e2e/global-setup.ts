// Builds the web app once before the browser journeys.
import { ensureWebBuild } from '../../src/cli/web-build.js';

export default async function setup() {
  await ensureWebBuild();
}
