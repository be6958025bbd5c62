// Use cases for accounts of professionals, by the functional administrator: create one (with a
// one-time password and an authenticator app to link at the first login, like `regie user add`),
// change name, e-mail and roles, deactivate (its sessions end at once) and reactivate. Every change
// names the version it was based on, and is written to the audit log in the same transaction.
import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { ROLES, type Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, DomainError, Invalid } from '../../platform/http/errors.js';
import { page } from '../../platform/http/cursor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { accountById, accounts, endSessionsOf, insertAccount, openCasesCoordinatedBy, organisationById, setAccountActive, updateAccount } from './admin.repo.js';
import { checkedCursor, StaleAdminVersion } from './admin.service.js';
import type { AccountListQuery, CreateAccountBody, UpdateAccountBody } from './admin.contract.js';

const accountNotFound = () => new DomainError(404, 'not_found', { nl: 'Niet gevonden', en: 'Not found' },
  { nl: 'Dit account bestaat niet in uw regio.', en: 'This account does not exist in your region.' });
const stale = () => new StaleAdminVersion('dit account', 'this account');
/** Roles in the one order of ROLES, so that lists and the audit trail compare and read alike. */
const ordered = (roles: readonly string[]) => ROLES.filter((r) => roles.includes(r));

/** 16 characters from 96 random bits: well over the 12 that passwordProblem() asks of people. */
export function initialPassword(): string {
  return randomBytes(12).toString('base64url');
}

export async function listAccounts(db: Database, actor: Actor, q: z.infer<typeof AccountListQuery>) {
  const limit = q.limit ?? 25;
  const after = checkedCursor(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await accounts(tx, actor.regionId, { q: q.q, organisationId: q.organisationId, status: q.status, after, limit });
    return page(rows, sortValues, limit);
  });
}

export async function readAccount(db: Database, actor: Actor, userId: string) {
  return asActor(db, actor, async (tx) => {
    const a = await accountById(tx, actor.regionId, userId);
    if (!a) throw accountNotFound();
    return a;
  });
}

/** The username is unique across all regions (it is what one logs in with). */
function onUsernameTaken<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: { code?: string; constraint?: string }) => {
    if (e.code === '23505' && e.constraint === 'users_username_key') throw new Conflict('username_taken', {
      nl: 'Deze gebruikersnaam is al in gebruik. Kies een andere.', en: 'This username is taken. Choose another one.' }, 'username');
    throw e;
  });
}

export async function createAccount(db: Database, actor: Actor, body: z.infer<typeof CreateAccountBody>) {
  const password = initialPassword();
  // Hashing takes a noticeable moment; done before the transaction, so nobody waits for it.
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const account = await asActor(db, actor, (tx) => onUsernameTaken((async () => {
    if (!(await organisationById(tx, actor.regionId, body.organisationId))) throw new Invalid('unknown_organisation', 'organisationId', {
      nl: 'Deze organisatie bestaat niet in uw regio.', en: 'This organisation does not exist in your region.' });
    await insertAccount(tx, actor.regionId, { id, organisationId: body.organisationId, username: body.username, displayName: body.displayName,
      email: body.email ?? null, roles: ordered(body.roles), passwordHash });
    await recordAccess(tx, actor, { action: 'create', objectType: 'account', objectId: id, reason: `roles: ${ordered(body.roles).join(',')}` });
    return (await accountById(tx, actor.regionId, id))!;
  })()));
  return { account, initialPassword: password };
}

/** An administrator cannot lock themselves (and so possibly the whole region) out. */
function guardOwnAccount(actor: Actor, userId: string, what: 'deactivate' | 'roles') {
  if (actor.userId !== userId) return;
  if (what === 'deactivate') throw new Conflict('own_account', {
    nl: 'U kunt uw eigen account niet blokkeren. Vraag een andere functioneel beheerder.', en: 'You cannot deactivate your own account. Ask another functional administrator.' });
  throw new Conflict('own_admin_role', {
    nl: 'U kunt uw eigen rol functioneel beheerder niet intrekken. Vraag een andere functioneel beheerder.',
    en: 'You cannot remove your own functional administrator role. Ask another functional administrator.' }, 'roles');
}

/**
 * An open case always has one qualified coordinator (migrations/0002): its coordinator keeps the
 * role and the account until a team lead or the coordinator hands the coordination over.
 */
async function guardCoordination(tx: Tx, actor: Actor, account: { id: string; displayName: string }, what: 'deactivate' | 'roles') {
  const n = await openCasesCoordinatedBy(tx, actor.regionId, account.id);
  if (!n) return;
  const action = what === 'deactivate' ? { nl: 'geblokkeerd worden', en: 'be deactivated' } : { nl: 'de rol regisseur niet verliezen', en: 'lose the coordinator role' };
  throw new Conflict('coordinates_open_cases', {
    nl: `${account.displayName} is regisseur van ${n} open dossier${n === 1 ? '' : 's'} en kan pas ${action.nl} als de regie is overgedragen. Vraag de teamleider om dat te doen.`,
    en: `${account.displayName} coordinates ${n} open case${n === 1 ? '' : 's'} and can only ${action.en} once the coordination has been handed over. Ask the team lead to do that.` },
  what === 'roles' ? 'roles' : undefined, { openCases: n });
}

async function current(tx: Tx, actor: Actor, userId: string, version: number) {
  const a = await accountById(tx, actor.regionId, userId);
  if (!a) throw accountNotFound();
  if (a.version !== version) throw stale();
  return a;
}

export async function changeAccount(db: Database, actor: Actor, userId: string, body: z.infer<typeof UpdateAccountBody>) {
  if (!body.roles.includes('functional_admin')) guardOwnAccount(actor, userId, 'roles');
  return asActor(db, actor, async (tx) => {
    const before = await current(tx, actor, userId, body.version);
    const roles = ordered(body.roles);
    if (before.roles.includes('coordinator') && !roles.includes('coordinator')) await guardCoordination(tx, actor, before, 'roles');
    if (!(await updateAccount(tx, actor.regionId, userId, { displayName: body.displayName, email: body.email, roles }, body.version))) throw stale();
    const changes: string[] = [];
    if (ordered(before.roles).join(',') !== roles.join(',')) changes.push(`roles: ${before.roles.join(',')} → ${roles.join(',')}`);
    if (before.displayName !== body.displayName) changes.push('display name changed');
    if (before.email !== body.email) changes.push('e-mail changed');
    await recordAccess(tx, actor, { action: 'update', objectType: 'account', objectId: userId, reason: changes.join('; ') || 'saved without changes' });
    return (await accountById(tx, actor.regionId, userId))!;
  });
}

export async function deactivateAccount(db: Database, actor: Actor, userId: string, version: number) {
  guardOwnAccount(actor, userId, 'deactivate');
  return asActor(db, actor, async (tx) => {
    const before = await current(tx, actor, userId, version);
    if (!before.active) throw new Conflict('already_inactive', { nl: 'Dit account is al geblokkeerd.', en: 'This account is inactive already.' });
    await guardCoordination(tx, actor, before, 'deactivate');
    if (!(await setAccountActive(tx, actor.regionId, userId, false, version))) throw stale();
    const sessionsEnded = await endSessionsOf(tx, actor.regionId, userId);
    await recordAccess(tx, actor, { action: 'update', objectType: 'account', objectId: userId, reason: `deactivated; ${sessionsEnded} session(s) ended` });
    return { ...(await accountById(tx, actor.regionId, userId))!, sessionsEnded };
  });
}

export async function reactivateAccount(db: Database, actor: Actor, userId: string, version: number) {
  return asActor(db, actor, async (tx) => {
    const before = await current(tx, actor, userId, version);
    if (before.active) throw new Conflict('already_active', { nl: 'Dit account is al actief.', en: 'This account is active already.' });
    if (!(await setAccountActive(tx, actor.regionId, userId, true, version))) throw stale();
    await recordAccess(tx, actor, { action: 'update', objectType: 'account', objectId: userId, reason: 'reactivated' });
    return (await accountById(tx, actor.regionId, userId))!;
  });
}
