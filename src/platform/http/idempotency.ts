// Idempotency-Key on every write (POST, PUT, PATCH, DELETE under /api/v1): a client that retries
// — after a time-out, a lost connection, a double click — gets the first answer again and nothing
// is written twice. The web app sends one key per user action (web/src/api.ts).
//
// How, per logged-in user (the key is theirs only), in table idempotency_keys (migration 0140):
// 1. Before the handler, the key is claimed with one INSERT … ON CONFLICT in its own statement,
//    committed at once, 'in progress' until locked_until. Of two requests with the same key at the
//    same moment exactly one wins; the other answers 409 with Retry-After and writes nothing.
// 2. The handler's own transaction(s) mark the key "written" just before COMMIT (db.ts Work.beforeCommit),
//    so the mark and the write commit together or not at all.
// 3. After the handler, the answer (status, Location, body) is stored. A 5xx answer of a request
//    that wrote nothing (rolled back) frees the key, so the retry really runs.
// A later request with the key and the same method, path and body gets the stored answer with
// header Idempotent-Replayed: true; with another body, 422. A key whose first request died after
// writing but before its answer was stored (a crash in those few ms) answers 409: it is done, but
// Regie cannot repeat what it answered. Keys are deleted after 24 hours (the sweep below).
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { currentWork, type Database, type Tx } from '../db/db.js';
import { asSystem } from '../db/system-tx.js';
import { Conflict, DomainError, Invalid } from './errors.js';
import type { Sweep } from '../jobs/sweep.js';

/** The keys are read and written only through the `idempotency` system door (migrations 0161, 0166). */
const keys = <T>(db: Database, fn: (tx: Tx) => Promise<T>) => asSystem(db, 'idempotency', fn);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY = /^[\x21-\x7e]{1,200}$/;
/** A first request still 'in progress' after this long died with its process: its key may be taken over. */
const LOCK_SECONDS = 120;
export const KEEP_HOURS = 24;

interface Claim {
  regionId: string;
  userId: string;
  key: string;
}
const claims = new WeakMap<FastifyRequest, Claim>();

class KeyReused extends DomainError {
  constructor() {
    super(
      422,
      'idempotency_key_reused',
      { nl: 'Sleutel al gebruikt', en: 'Key already used' },
      {
        nl: 'Deze Idempotency-Key is al gebruikt voor een andere aanvraag. Gebruik een nieuwe sleutel voor een nieuwe handeling.',
        en: 'This Idempotency-Key was used for a different request. Use a new key for a new action.',
      },
      'Idempotency-Key',
    );
  }
}

const inProgress = () =>
  new Conflict(
    'idempotency_in_progress',
    {
      nl: 'Dezelfde aanvraag wordt nog verwerkt. Probeer het over een paar seconden opnieuw.',
      en: 'The same request is still being processed. Try again in a few seconds.',
    },
    'Idempotency-Key',
    { retryAfter: 1 },
  );

const outcomeUnknown = () =>
  new Conflict(
    'idempotency_outcome_unknown',
    {
      nl: 'Deze handeling is al uitgevoerd, maar het antwoord is niet bewaard. Controleer het resultaat in Regie.',
      en: 'This action was already carried out, but its answer was not kept. Check the result in Regie.',
    },
    'Idempotency-Key',
  );

function requestHash(req: FastifyRequest) {
  return createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
}

interface KeyRow {
  request_hash: string;
  written_at: Date | null;
  answering: boolean | null;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

export const idempotencyPlugin = fp(async (app: FastifyInstance, o: { db: Database }) => {
  const db = o.db;

  // After the access guard: the key belongs to the logged-in user.
  app.addHook('preHandler', async (req, reply) => {
    if (!WRITES.has(req.method) || !req.url.startsWith('/api/v1/')) return;
    const header = req.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw new Invalid('idempotency_key', 'Idempotency-Key', {
        nl: 'Idempotency-Key: 1 tot 200 zichtbare tekens.',
        en: 'Idempotency-Key: 1 to 200 visible characters.',
      });
    }
    // Login and the public form have no user to keep answers for (and a login's answer holds a session).
    if (!req.actor) return;
    const claim: Claim = { regionId: req.actor.regionId, userId: req.actor.userId, key: header };
    const hash = requestHash(req);
    for (let attempt = 0; attempt < 3; attempt++) {
      const won = await keys(db, (tx) =>
        tx.query(
          `INSERT INTO idempotency_keys (region_id, user_id, key, request_hash, locked_until)
              VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))
         ON CONFLICT (region_id, user_id, key) DO UPDATE SET locked_until = EXCLUDED.locked_until, created_at = now()
              WHERE idempotency_keys.request_hash = EXCLUDED.request_hash AND idempotency_keys.response_status IS NULL
                AND idempotency_keys.written_at IS NULL AND idempotency_keys.locked_until < now()
         RETURNING key`,
          [claim.regionId, claim.userId, claim.key, hash, LOCK_SECONDS],
        ),
      );
      if (won.length) {
        claims.set(req, claim);
        const work = currentWork.getStore();
        if (work)
          work.beforeCommit = (tx) =>
            tx.query(`SELECT regie.mark_idempotency_written($1, $2, $3)`, [claim.regionId, claim.userId, claim.key]).then(() => undefined);
        return;
      }
      const [row] = await keys(db, (tx) =>
        tx.query<KeyRow>(
          `SELECT request_hash, written_at, locked_until > now() AS answering, response_status, response_headers, response_body FROM idempotency_keys
          WHERE region_id = $1 AND user_id = $2 AND key = $3`,
          [claim.regionId, claim.userId, claim.key],
        ),
      );
      if (!row) continue; // freed by a failed first request in the meantime: claim it again
      if (row.request_hash !== hash) throw new KeyReused();
      if (row.response_status !== null) {
        reply.code(row.response_status).headers({ ...(row.response_headers ?? {}), 'Idempotent-Replayed': 'true' });
        return reply.send(row.response_body ?? '');
      }
      // Written, and the first request is still sending its answer: in progress. Written, and its
      // claim ran out without an answer: nobody knows what the client saw.
      throw row.written_at && !row.answering ? outcomeUnknown() : inProgress();
    }
    throw inProgress();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const claim = claims.get(req);
    if (!claim) return payload;
    claims.delete(req);
    const where = [claim.regionId, claim.userId, claim.key];
    // Outside the request's Work: these statements must run also when its client has gone.
    await currentWork
      .exit(async () => {
        if (reply.statusCode >= 500) {
          await keys(db, (tx) =>
            tx.query(`DELETE FROM idempotency_keys WHERE region_id = $1 AND user_id = $2 AND key = $3 AND written_at IS NULL`, where),
          );
          return;
        }
        const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
        const headers: Record<string, string> = {};
        for (const h of ['content-type', 'location']) {
          const v = reply.getHeader(h);
          if (v !== undefined) headers[h] = String(v);
        }
        await keys(db, (tx) =>
          tx.query(
            `UPDATE idempotency_keys SET response_status = $4, response_headers = $5, response_body = $6, locked_until = NULL
          WHERE region_id = $1 AND user_id = $2 AND key = $3`,
            [...where, reply.statusCode, JSON.stringify(headers), body],
          ),
        );
      })
      .catch((err) => req.log.warn({ err: { message: (err as Error).message } }, 'idempotency: answer not stored'));
    return payload;
  });
});

/** Deletes keys older than 24 hours (a retry comes within minutes; a day covers a lost laptop lid). */
export const idempotencySweep: Sweep = {
  name: 'idempotency-cleanup',
  everySeconds: 3600,
  run: async (db) => {
    await keys(db, (tx) => tx.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEEP_HOURS]));
  },
};
