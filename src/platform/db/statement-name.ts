// A stable name per statement text, so that each connection prepares a statement once (node-postgres
// on a PostgreSQL server, pglite-prepared.ts on PGlite).
import { createHash } from 'node:crypto';

const statementNames = new Map<string, string>();
export function statementName(text: string) {
  let name = statementNames.get(text);
  if (!name) {
    name = `regie_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}
