// Every API request is bounded: it gets REQUEST_TIMEOUT_MS to be answered, and work whose answer
// nobody will read is not done. Each /api request carries a `Work` (src/platform/db/db.ts,
// through AsyncLocalStorage) that the database layer checks before it starts a statement and
// before COMMIT:
// - the client has gone (closed the connection before the answer): nothing more is started and
//   the transaction is rolled back, so a write is never stored after its client gave up;
// - the time is up: the client gets 503 problem+json with Retry-After at once, and the handler's
//   transaction is rolled back at its next statement — unless its COMMIT is already under way,
//   then the answer waits for COMMIT's outcome (a few ms), so a 503 never hides a stored write;
// - the server is stopping and its deadline passed (src/server.ts): the same as a time-out.
// And at most MAX_IN_FLIGHT API requests are in progress at once: one more answers 503 at once.
// Under twice the load Regie can serve, the excess is shed in microseconds instead of queueing
// for the pool, growing memory and making every answer late.
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { currentWork, type Work } from '../db/db.js';
import { Unavailable } from './errors.js';
import { sendProblem, toProblem } from './problem.js';

export interface OverloadSettings {
  requestTimeoutMs: number;
  maxInFlight: number;
}

const inFlight = new WeakMap<object, Set<Work>>();

/** Abandons every request in flight (server shutdown after its deadline): their transactions roll back. */
export function abandonInFlight(app: object) {
  for (const work of inFlight.get(app) ?? []) work.abandoned ??= 'shutting_down';
}

export const overloadPlugin = fp(async (app: FastifyInstance, o: OverloadSettings) => {
  const works = new Set<Work>();
  inFlight.set(app, works);

  app.addHook('onRequest', (req, reply, done) => {
    if (!req.url.startsWith('/api/')) return done();
    if (works.size >= o.maxInFlight) {
      void sendProblem(reply, { ...toProblem(new Unavailable('busy', 1), req), instance: req.url.split('?')[0] });
      return;
    }
    const work: Work = { committing: false };
    works.add(work);
    const res = reply.raw;
    let timer: NodeJS.Timeout | undefined;
    const onTimeout = () => {
      if (reply.sent || res.writableEnded) return;
      if (work.committing) {
        timer = setTimeout(onTimeout, 20);
        return;
      }
      work.abandoned ??= 'timeout';
      void sendProblem(reply, { ...toProblem(new Unavailable('timeout', 2), req), instance: req.url.split('?')[0] });
    };
    timer = setTimeout(onTimeout, o.requestTimeoutMs);
    res.once('close', () => {
      clearTimeout(timer);
      works.delete(work);
      if (!res.writableFinished) work.abandoned ??= 'client_gone';
    });
    currentWork.run(work, done);
  });

  // A request whose client has gone while it waited (for its body, behind other requests) is not
  // started: before the session is even looked up.
  app.addHook('preHandler', async (req) => {
    const work = currentWork.getStore();
    if (!work) return;
    // The socket, not the request stream: a request stream is destroyed once its body has been read.
    if (req.raw.socket?.destroyed) work.abandoned ??= 'client_gone';
    if (work.abandoned) throw new Unavailable(work.abandoned === 'shutting_down' ? 'shutting_down' : 'timeout', 2);
  });
});
