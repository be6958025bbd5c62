// The real Regie server, in this process, on a free loopback port; and the actors it serves.
import { createServer } from '../src/server.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/platform/db/db.js';
import type { Role } from '../src/platform/access/actor.js';
import { HttpClient } from './http-client.js';
import type { RawActor } from './raw-sql.js';
import { REGION } from './database.js';

export const PASSWORD = 'Welkom-Regie-2026';
export const USER_AGENT = 'regie-bench';

export interface Running { baseUrl: string; close(): Promise<void> }

export async function startServer(db: Database): Promise<Running> {
  const config = { ...loadConfig({ LOGIN_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' }), demoFamilies: 0 };
  const app = await createServer(config, db, false);
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

/** The actor the server builds from the session, as the raw baseline needs it. */
export async function actorOf(db: Database, username: string): Promise<RawActor> {
  const [u] = await db.query<Record<string, any>>(
    `SELECT u.region_id, u.id, u.organisation_id, u.roles, u.display_name, o.type, o.safety_task
       FROM users u JOIN organisations o ON o.region_id = u.region_id AND o.id = u.organisation_id
      WHERE u.region_id = $1 AND u.username = $2`, [REGION, username]);
  if (!u) throw new Error(`no user ${username} in region ${REGION}`);
  return { regionId: u.region_id, userId: u.id, organisationId: u.organisation_id, organisationType: u.type, safetyTask: u.safety_task,
    roles: u.roles as Role[], displayName: u.display_name, ip: '127.0.0.1', userAgent: USER_AGENT };
}

/** Ids of the families "Mijn gezinnen" lists for this client (first 100). */
export async function myFamilyIds(c: HttpClient): Promise<string[]> {
  const list = await c.json<{ items: { id: string }[] }>('/api/v1/families?limit=100');
  if (!list.items.length) throw new Error('the actor has no families');
  return list.items.map((f) => f.id);
}
