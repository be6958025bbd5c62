// The integration tests' one shared preparation: on the embedded database, one migrated copy that
// every test file starts its own database from (test/support/db.ts). On PostgreSQL each file makes
// and migrates its own database (under a second: nothing to share).
import { ensurePgliteSnapshot, onPostgres } from './db.js';

export default async function setup() {
  if (!onPostgres) await ensurePgliteSnapshot();
  return () => undefined;
}
