// Every refusal is an audit row (NEN 7513, ASVS V4): a 404 for a record outside the actor's
// access, a 403 (the guard's permission check included), a 409 probe, a 400 that tells whether
// something exists (a duplicate BSN, an unknown person). A refusal usually happens inside a use
// case's transaction, which then rolls back and takes its audit rows with it; so the denied row
// is written here, after the rollback, in its own short transaction — from the error hook that
// every /api request passes (registered in src/platform/http/app.ts).
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/db.js';
import { asActor } from '../db/actor-tx.js';
import type { Actor } from '../access/actor.js';
import { DomainError } from '../http/errors.js';
import { loadSession, SESSION_COOKIE } from '../auth/sessions.js';
import { recordAccess, type AuditAction, type AuditEntry } from './audit.js';

type Detail = Partial<Omit<AuditEntry, 'outcome'>>;
const details = new WeakMap<object, Detail | 'audited'>();

/** Marks a refusal whose denied row the use case has written itself (committed), so it is not written twice. */
export function refusalAudited<E extends object>(err: E): E {
  details.set(err, 'audited');
  return err;
}

/** Adds what the use case knows to a refusal's audit row (the object, the person, a break-the-glass grant). */
export function refusalDetail<E extends object>(err: E, detail: Detail): E {
  details.set(err, detail);
  return err;
}

/** Writes one denied row in its own transaction: for a refusal whose use case's transaction rolled back. */
export async function recordRefusal(db: Database, actor: Actor, entry: Omit<AuditEntry, 'outcome'>) {
  await asActor(db, actor, (tx) => recordAccess(tx, actor, { ...entry, outcome: 'denied' }));
}

// A 400 is a refusal only when it answers a probe; plain input errors are not access attempts.
const PROBE_CODES = new Set([
  'duplicate_bsn',
  'duplicate_bsn_in_request',
  'unknown_person',
  'unknown_family',
  'unknown_user',
  'already_member',
]);

export function isRefusal(err: unknown): err is DomainError {
  return (
    err instanceof DomainError &&
    (err.status === 403 || err.status === 404 || err.status === 409 || (err.status === 400 && PROBE_CODES.has(err.code)))
  );
}

const ACTIONS: Record<string, AuditAction> = {
  GET: 'read',
  HEAD: 'read',
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The refused object: the id the request named for the error's object type (`familyId` for a family), else its first path id. */
function refusedObject(req: FastifyRequest, err: DomainError): { objectType: string; objectId?: string } {
  const params = (req.params ?? {}) as Record<string, unknown>;
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  // The error's object type, else the one the first path id names ("caseId" → "case"), else the route.
  const firstKey = Object.keys(params).find((k) => k.endsWith('Id'));
  const objectType =
    typeof err.extra.objectType === 'string'
      ? err.extra.objectType
      : firstKey
        ? firstKey.slice(0, -2).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
        : (req.routeOptions.url ?? 'request');
  const key = `${camel(objectType)}Id`;
  const named = [params[key], body[key], ...Object.values(params)].find((v): v is string => typeof v === 'string');
  return { objectType, objectId: named?.slice(0, 100) };
}

/**
 * An attempt to break the glass is audited even when its input is refused (an empty reason, a
 * missing code): input is validated before the guard runs, so the professional is found from the
 * session here. Only a second-factor session counts, as for every other refusal.
 */
async function recordInvalidBreakGlass(db: Database, req: FastifyRequest) {
  const auth = await loadSession(db, req.cookies[SESSION_COOKIE]);
  if (!auth?.session.secondFactorDone) return;
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
  const actor: Actor = { ...auth.actor, ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) };
  await recordRefusal(db, actor, {
    action: 'read',
    objectType: 'break-glass',
    objectId: typeof body.familyId === 'string' ? body.familyId.slice(0, 100) : undefined,
    legalBasis: 'safety',
    breakGlass: true,
    reason: typeof body.reason === 'string' && body.reason.trim() ? body.reason.slice(0, 1000) : 'invalid_request',
  });
}

/** The onError hook: the denied audit row of every refusal of a logged-in professional. */
export function auditRefusals(db: Database) {
  return async function recordRefusalOf(req: FastifyRequest, _reply: unknown, err: unknown) {
    if ((err as { validation?: unknown }).validation && req.method === 'POST' && req.routeOptions.url === '/api/v1/break-glass') {
      try {
        await recordInvalidBreakGlass(db, req);
      } catch (e) {
        req.log.error({ err: { message: (e as Error).message, code: (e as { code?: string }).code } }, 'denied audit row not written');
      }
      return;
    }
    if (!isRefusal(err)) return;
    const detail = details.get(err);
    if (detail === 'audited') return;
    // The guard sets req.actor after the second factor; a CSRF refusal comes before it.
    const actor: Actor | null =
      req.actor ?? (req.auth ? { ...req.auth.actor, ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300) } : null);
    if (!actor) return;
    try {
      await recordRefusal(db, actor, { action: ACTIONS[req.method] ?? 'read', ...refusedObject(req, err), reason: err.code, ...detail });
    } catch (e) {
      // The refusal is still answered; the failed audit write is logged without the request's data.
      req.log.error({ err: { message: (e as Error).message, code: (e as { code?: string }).code } }, 'denied audit row not written');
    }
  };
}
