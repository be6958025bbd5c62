// The real Regie server, in this process, on a free loopback port. Its database handle is
// wrapped by a Recorder so that the raw-SQL baseline can replay exactly what a request sent.
import { createServer } from '../src/server.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/platform/db/db.js';
import { asyncDestination, loggerOptions, type App } from '../src/platform/http/app.js';
import { HttpClient } from './http-client.js';
import { Recorder } from './capture.js';
import { REGION } from './database.js';

export const PASSWORD = 'Welkom-Regie-2026';
export const USER_AGENT = 'regie-bench';

export interface Running {
  baseUrl: string;
  recorder: Recorder;
  close(): Promise<void>;
}

/** createServer only: HTTP and routes, no background jobs (they are started by `start`). */
export async function startServer(db: Database): Promise<Running> {
  const config = {
    ...loadConfig({ LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', JOBS: 'off' }),
    demoFamilies: 0,
  };
  const recorder = new Recorder();
  const app = await createServer(config, recorder.wrap(db), false);
  return { ...(await onLoopback(app)), recorder };
}

/** The real server as production runs it (request log at info, written asynchronously — here to
 * /dev/null —, no statement recorder), on a free loopback port: what closed-loop clients measure. */
export async function startApiServer(db: Database): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const config = { ...loadConfig({ LOGIN_RATE_LIMIT: '100000', HOST: '127.0.0.1', PORT: '0', JOBS: 'off' }), demoFamilies: 0 };
  return onLoopback(await createServer(config, db, { ...loggerOptions(config), stream: asyncDestination('/dev/null') }));
}

async function onLoopback(app: App): Promise<{ baseUrl: string; close(): Promise<void> }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no server address');
  return { baseUrl: `http://127.0.0.1:${addr.port}`, close: () => app.close() };
}

export async function loggedIn(baseUrl: string, username: string, maxSockets = 1): Promise<HttpClient> {
  const c = new HttpClient(baseUrl, maxSockets);
  await c.login(username, PASSWORD);
  return c;
}

export async function userOf(db: Database, username: string): Promise<{ userId: string; organisationId: string }> {
  const [u] = await db.query<{ id: string; organisation_id: string }>(
    `SELECT id, organisation_id FROM users WHERE region_id = $1 AND username = $2`,
    [REGION, username],
  );
  if (!u) throw new Error(`no user ${username} in region ${REGION}`);
  return { userId: u.id, organisationId: u.organisation_id };
}

/** Ids of the families "Mijn gezinnen" lists for this client (first 100). */
export async function myFamilyIds(c: HttpClient): Promise<string[]> {
  const list = await c.json<{ items: { id: string }[] }>('/api/v1/families?limit=100');
  if (!list.items.length) throw new Error('the actor has no families');
  return list.items.map((f) => f.id);
}
