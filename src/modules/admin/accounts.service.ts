// Use cases for accounts of professionals, by the functional administrator: create one (with a
// one-time password and an authenticator app to link at the first login, like `regie user add`),
// change name, e-mail and roles, deactivate (its sessions end at once) and reactivate, reset the
// password or the authenticator. Every change names the version it was based on, and is written
// to the audit log in the same transaction.
//
// Separation of duties: nobody changes their own roles; the privacy officer (who reviews
// break-the-glass and reads the audit log) is no care professional too; and a role that opens
// break-the-glass or the audit log is only proposed by one administrator and applied when a
// second one approves (four eyes), after which the region's privacy officers are notified.
import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import { ROLES, type Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, DomainError, Invalid } from '../../platform/http/errors.js';
import { decodeCursor, page } from '../../platform/http/cursor.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import {
  accountById,
  accounts,
  activeUsersWithRole,
  decideRoleProposal,
  endSessionsOf,
  insertRoleProposal,
  openCasesCoordinatedBy,
  organisationById,
  pendingRoleProposal,
  resetAuthenticatorOf,
  resetPasswordOf,
  setAccountActive,
  updateAccount,
} from './admin.repo.js';
import { insertAccount } from './directory.js';
import { StaleAdminVersion } from './admin.service.js';
import { notify } from '../notifications/notify.js';
import type { AccountListQuery, CreateAccountBody, UpdateAccountBody } from './admin.contract.js';

const accountNotFound = () =>
  new DomainError(
    404,
    'not_found',
    { nl: 'Niet gevonden', en: 'Not found' },
    { nl: 'Dit account bestaat niet in uw regio.', en: 'This account does not exist in your region.' },
  );
const stale = () => new StaleAdminVersion('dit account', 'this account');
/** Roles in the one order of ROLES, so that lists and the audit trail compare and read alike. */
const ordered = (roles: readonly string[]) => ROLES.filter((r) => roles.includes(r));

/** 16 characters from 96 random bits: well over the 12 that passwordProblem() asks of people. */
export function initialPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Whether e-mail notifications are on (an SMTP server is configured): then an account needs an address to be reached. */
export interface MailPolicy {
  emailRequired: boolean;
}

export async function listAccounts(
  db: Database,
  actor: Actor,
  q: z.infer<typeof AccountListQuery>,
  mail: MailPolicy = { emailRequired: false },
) {
  const limit = q.limit ?? 25;
  const after = decodeCursor(q.cursor);
  return asActor(db, actor, async (tx) => {
    const { rows, sortValues } = await accounts(tx, actor.regionId, {
      q: q.q,
      organisationId: q.organisationId,
      status: q.status,
      reachable: q.reachable === undefined ? undefined : q.reachable === 'true',
      after,
      limit,
    });
    return { ...page(rows, sortValues, limit), emailRequired: mail.emailRequired };
  });
}

/** With e-mail notifications on, an account without an address would silently get none. */
function requireEmail(email: string | null | undefined, mail: MailPolicy) {
  if (mail.emailRequired && !email)
    throw new Invalid('email_required', 'email', {
      nl: 'Vul het e-mailadres in: Regie stuurt berichten ook per e-mail, en zonder adres krijgt deze professional die niet.',
      en: 'Enter the e-mail address: Regie also sends notifications by e-mail, and without an address this professional gets none.',
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
    if (e.code === '23505' && e.constraint === 'users_username_key')
      throw new Conflict(
        'username_taken',
        {
          nl: 'Deze gebruikersnaam is al in gebruik. Kies een andere.',
          en: 'This username is taken. Choose another one.',
        },
        'username',
      );
    throw e;
  });
}

const CARE_ROLES: readonly string[] = ['professional', 'coordinator', 'team_lead', 'behavioural_scientist'];

/** The privacy officer checks the care professionals' access; they are not one of them. */
function guardRoleCombination(roles: readonly string[]) {
  if (roles.includes('privacy_officer') && roles.some((r) => CARE_ROLES.includes(r)))
    throw new Invalid('incompatible_roles', 'roles', {
      nl: 'De rol privacy officer gaat niet samen met een rol als professional, regisseur, teamleider of gedragswetenschapper.',
      en: 'The privacy officer role cannot be combined with professional, coordinator, team lead or behavioural scientist.',
    });
}

/**
 * The roles of a change that open break-the-glass (team lead anywhere, or any care role at an
 * organisation with a safety task: policy.ts mayBreakGlass with 'break-glass:open') or the audit
 * log (privacy officer). `before` is what the account can use now: nothing while inactive.
 */
export function rolesNeedingApproval(before: readonly string[], after: readonly string[], safetyTask: boolean): string[] {
  return after.filter(
    (r) => !before.includes(r) && (r === 'team_lead' || r === 'privacy_officer' || (safetyTask && CARE_ROLES.includes(r))),
  );
}

const whoseRegion = (actor: Actor) => ({ regionId: actor.regionId });
/** `event` names the event (a proposal, a reset): each one reaches each person once. */
async function notifyRole(
  tx: Tx,
  actor: Actor,
  role: string,
  kind: 'role_change_proposed' | 'role_change_approved' | 'authenticator_reset',
  link: string,
  event: string,
) {
  const ids = (await activeUsersWithRole(tx, actor.regionId, role)).filter((id) => id !== actor.userId);
  await notify(tx, { ...whoseRegion(actor), userIds: ids, kind, params: {}, link, dedupeKey: `${kind}:${event}` });
}

/** The change waits for a second administrator; the others are told there is one to decide. */
async function propose(
  tx: Tx,
  actor: Actor,
  account: { id: string; roles: string[]; active: boolean },
  roles: string[],
  activates: boolean,
  why: string[],
) {
  const proposalId = randomUUID();
  if (
    !(await insertRoleProposal(tx, actor.regionId, {
      id: proposalId,
      userId: account.id,
      roles,
      fromRoles: account.roles,
      fromActive: account.active,
      activates,
      proposedBy: actor.userId,
    }))
  )
    throw new Conflict(
      'role_change_pending',
      {
        nl: 'Voor dit account wacht al een rolwijziging op goedkeuring. Laat die eerst goedkeuren of afwijzen.',
        en: 'A role change of this account is already waiting for approval. Have it approved or rejected first.',
      },
      'roles',
    );
  await recordAccess(tx, actor, {
    action: 'update',
    objectType: 'account',
    objectId: account.id,
    reason: `roles proposed: ${account.roles.join(',')} → ${roles.join(',')}${activates ? ' (activates the account)' : ''}; needs a second administrator for ${why.join(',')}`,
  });
  await notifyRole(tx, actor, 'functional_admin', 'role_change_proposed', '/beheer/accounts', proposalId);
}

export async function createAccount(
  db: Database,
  actor: Actor,
  body: z.infer<typeof CreateAccountBody>,
  mail: MailPolicy = { emailRequired: false },
) {
  const roles = ordered(body.roles);
  guardRoleCombination(roles);
  requireEmail(body.email, mail);
  const password = initialPassword();
  // Hashing takes a noticeable moment; done before the transaction, so nobody waits for it.
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  const account = await asActor(db, actor, (tx) =>
    onUsernameTaken(
      (async () => {
        const org = await organisationById(tx, actor.regionId, body.organisationId);
        if (!org)
          throw new Invalid('unknown_organisation', 'organisationId', {
            nl: 'Deze organisatie bestaat niet in uw regio.',
            en: 'This organisation does not exist in your region.',
          });
        // With a role that opens break-the-glass or the audit log, the account starts inactive and a
        // second administrator's approval activates it.
        const sensitive = rolesNeedingApproval([], roles, org.safetyTask);
        await insertAccount(tx, actor.regionId, {
          id,
          organisationId: body.organisationId,
          username: body.username,
          displayName: body.displayName,
          email: body.email ?? null,
          roles,
          passwordHash,
          active: sensitive.length === 0,
        });
        await recordAccess(tx, actor, { action: 'create', objectType: 'account', objectId: id, reason: `roles: ${roles.join(',')}` });
        if (sensitive.length) await propose(tx, actor, { id, roles, active: false }, roles, true, sensitive);
        return (await accountById(tx, actor.regionId, id))!;
      })(),
    ),
  );
  return { account, initialPassword: password };
}

/** An administrator cannot lock themselves (and so possibly the whole region) out, nor give themselves roles. */
function guardOwnAccount(actor: Actor, userId: string, what: 'deactivate' | 'roles' | 'reset') {
  if (actor.userId !== userId) return;
  if (what === 'deactivate')
    throw new Conflict('own_account', {
      nl: 'U kunt uw eigen account niet blokkeren. Vraag een andere functioneel beheerder.',
      en: 'You cannot deactivate your own account. Ask another functional administrator.',
    });
  if (what === 'reset')
    throw new Conflict('own_account', {
      nl: 'Uw eigen wachtwoord of authenticator-app wijzigt u onder "Mijn account".',
      en: 'Change your own password or authenticator app under "My account".',
    });
  throw new Conflict(
    'own_roles',
    {
      nl: 'U kunt uw eigen rollen niet wijzigen. Vraag een andere functioneel beheerder.',
      en: 'You cannot change your own roles. Ask another functional administrator.',
    },
    'roles',
  );
}

/**
 * An open case always has one qualified coordinator (migrations/0002): its coordinator keeps the
 * role and the account until a team lead or the coordinator hands the coordination over.
 */
async function guardCoordination(tx: Tx, actor: Actor, account: { id: string; displayName: string }, what: 'deactivate' | 'roles') {
  const n = await openCasesCoordinatedBy(tx, actor.regionId, account.id);
  if (!n) return;
  const action =
    what === 'deactivate'
      ? { nl: 'geblokkeerd worden', en: 'be deactivated' }
      : { nl: 'de rol regisseur niet verliezen', en: 'lose the coordinator role' };
  throw new Conflict(
    'coordinates_open_cases',
    {
      nl: `${account.displayName} is regisseur van ${n} open dossier${n === 1 ? '' : 's'} en kan pas ${action.nl} als de regie is overgedragen. Vraag de teamleider om dat te doen.`,
      en: `${account.displayName} coordinates ${n} open case${n === 1 ? '' : 's'} and can only ${action.en} once the coordination has been handed over. Ask the team lead to do that.`,
    },
    what === 'roles' ? 'roles' : undefined,
    { openCases: n },
  );
}

async function current(tx: Tx, actor: Actor, userId: string, version: number) {
  const a = await accountById(tx, actor.regionId, userId);
  if (!a) throw accountNotFound();
  if (a.version !== version) throw stale();
  return a;
}

/**
 * Name, e-mail and roles. A role that opens break-the-glass or the audit log is not applied but
 * proposed (`pending: true`); the name and e-mail are saved at once either way.
 */
export async function changeAccount(
  db: Database,
  actor: Actor,
  userId: string,
  body: z.infer<typeof UpdateAccountBody>,
  mail: MailPolicy = { emailRequired: false },
) {
  const roles = ordered(body.roles);
  guardRoleCombination(roles);
  requireEmail(body.email, mail);
  return asActor(db, actor, async (tx) => {
    const before = await current(tx, actor, userId, body.version);
    const rolesChange = ordered(before.roles).join(',') !== roles.join(',');
    if (rolesChange) guardOwnAccount(actor, userId, 'roles');
    if (before.roles.includes('coordinator') && !roles.includes('coordinator')) await guardCoordination(tx, actor, before, 'roles');
    const sensitive = rolesNeedingApproval(before.active ? before.roles : [], roles, before.safetyTask);
    const apply = rolesChange && !sensitive.length ? roles : before.roles;
    if (
      !(await updateAccount(tx, actor.regionId, userId, { displayName: body.displayName, email: body.email, roles: apply }, body.version))
    )
      throw stale();
    const changes: string[] = [];
    if (rolesChange && !sensitive.length) changes.push(`roles: ${before.roles.join(',')} → ${roles.join(',')}`);
    if (before.displayName !== body.displayName) changes.push('display name changed');
    if (before.email !== body.email) changes.push('e-mail changed');
    if (changes.length || !sensitive.length)
      await recordAccess(tx, actor, {
        action: 'update',
        objectType: 'account',
        objectId: userId,
        reason: changes.join('; ') || 'saved without changes',
      });
    if (sensitive.length) await propose(tx, actor, before, roles, false, sensitive);
    return { account: (await accountById(tx, actor.regionId, userId))!, pending: sensitive.length > 0 };
  });
}

const proposalNotFound = () =>
  new DomainError(
    404,
    'not_found',
    { nl: 'Niet gevonden', en: 'Not found' },
    { nl: 'Deze rolwijziging wacht niet (meer) op goedkeuring.', en: 'This role change is not (or no longer) waiting for approval.' },
  );

/** The second administrator's approval applies the proposed roles (and activates, if so proposed). */
export async function approveRoleChange(db: Database, actor: Actor, userId: string, proposalId: string) {
  guardOwnAccount(actor, userId, 'roles');
  return asActor(db, actor, async (tx) => {
    const p = await pendingRoleProposal(tx, actor.regionId, userId, proposalId);
    if (!p) throw proposalNotFound();
    if (p.proposedBy === actor.userId)
      throw new Conflict('four_eyes', {
        nl: 'Een andere functioneel beheerder moet deze rolwijziging goedkeuren (vier ogen).',
        en: 'Another functional administrator must approve this role change (four eyes).',
      });
    const before = (await accountById(tx, actor.regionId, userId))!;
    // Changed since the proposal (roles, or blocked/unblocked): the proposal no longer says what it would do.
    if (ordered(before.roles).join(',') !== ordered(p.fromRoles).join(',') || before.active !== p.fromActive) {
      await decideRoleProposal(tx, actor.regionId, p.id, actor.userId, 'rejected');
      await recordAccess(tx, actor, {
        action: 'update',
        objectType: 'account',
        objectId: userId,
        reason: 'role change proposal expired: account changed since',
      });
      throw new Conflict('proposal_outdated', {
        nl: 'Het account is na het voorstel gewijzigd; het voorstel is vervallen. Doe zo nodig een nieuw voorstel.',
        en: 'The account changed after the proposal, which has lapsed. Make a new proposal if needed.',
      });
    }
    guardRoleCombination(p.roles);
    if (before.roles.includes('coordinator') && !p.roles.includes('coordinator')) await guardCoordination(tx, actor, before, 'roles');
    if (
      !(await updateAccount(
        tx,
        actor.regionId,
        userId,
        { displayName: before.displayName, email: before.email, roles: ordered(p.roles) },
        before.version,
      ))
    )
      throw stale();
    if (p.activates && !(await setAccountActive(tx, actor.regionId, userId, true, before.version + 1))) throw stale();
    await decideRoleProposal(tx, actor.regionId, p.id, actor.userId, 'approved');
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'account',
      objectId: userId,
      reason: `roles: ${p.fromRoles.join(',')} → ${ordered(p.roles).join(',')}${p.activates ? '; activated' : ''} (proposed by ${p.proposedBy}, approved)`,
    });
    await notifyRole(tx, actor, 'privacy_officer', 'role_change_approved', '/privacy/audit', p.id);
    return (await accountById(tx, actor.regionId, userId))!;
  });
}

/** Any administrator may reject (the proposer: withdraw) a pending role change. */
export async function rejectRoleChange(db: Database, actor: Actor, userId: string, proposalId: string) {
  guardOwnAccount(actor, userId, 'roles');
  return asActor(db, actor, async (tx) => {
    const p = await pendingRoleProposal(tx, actor.regionId, userId, proposalId);
    if (!p) throw proposalNotFound();
    await decideRoleProposal(tx, actor.regionId, p.id, actor.userId, 'rejected');
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'account',
      objectId: userId,
      reason: `role change ${p.fromRoles.join(',')} → ${p.roles.join(',')} ${p.proposedBy === actor.userId ? 'withdrawn' : 'rejected'}`,
    });
    return (await accountById(tx, actor.regionId, userId))!;
  });
}

export async function deactivateAccount(db: Database, actor: Actor, userId: string, version: number) {
  guardOwnAccount(actor, userId, 'deactivate');
  return asActor(db, actor, async (tx) => {
    const before = await current(tx, actor, userId, version);
    if (!before.active)
      throw new Conflict('already_inactive', { nl: 'Dit account is al geblokkeerd.', en: 'This account is inactive already.' });
    await guardCoordination(tx, actor, before, 'deactivate');
    if (!(await setAccountActive(tx, actor.regionId, userId, false, version))) throw stale();
    const sessionsEnded = await endSessionsOf(tx, actor.regionId, userId);
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'account',
      objectId: userId,
      reason: `deactivated; ${sessionsEnded} session(s) ended`,
    });
    return { ...(await accountById(tx, actor.regionId, userId))!, sessionsEnded };
  });
}

/** Reactivating an account whose roles open break-the-glass or the audit log is a proposal too. */
export async function reactivateAccount(db: Database, actor: Actor, userId: string, version: number) {
  guardOwnAccount(actor, userId, 'roles');
  return asActor(db, actor, async (tx) => {
    const before = await current(tx, actor, userId, version);
    if (before.active) throw new Conflict('already_active', { nl: 'Dit account is al actief.', en: 'This account is active already.' });
    const sensitive = rolesNeedingApproval([], before.roles, before.safetyTask);
    if (sensitive.length) {
      await propose(tx, actor, before, before.roles, true, sensitive);
      return { account: (await accountById(tx, actor.regionId, userId))!, pending: true };
    }
    if (!(await setAccountActive(tx, actor.regionId, userId, true, version))) throw stale();
    await recordAccess(tx, actor, { action: 'update', objectType: 'account', objectId: userId, reason: 'reactivated' });
    return { account: (await accountById(tx, actor.regionId, userId))!, pending: false };
  });
}

/**
 * The administrator's reset of a lost or compromised authenticator app: the user links a new one
 * at the next login. Audited; the user's sessions end at once; the privacy officers are told.
 */
export async function resetAuthenticator(db: Database, actor: Actor, userId: string, version: number) {
  guardOwnAccount(actor, userId, 'reset');
  return asActor(db, actor, async (tx) => {
    await current(tx, actor, userId, version);
    if (!(await resetAuthenticatorOf(tx, actor.regionId, userId))) throw stale();
    const sessionsEnded = await endSessionsOf(tx, actor.regionId, userId);
    await recordAccess(tx, actor, {
      action: 'delete',
      objectType: 'authenticator',
      objectId: userId,
      reason: `authenticator reset by the administrator; ${sessionsEnded} session(s) ended`,
    });
    await notifyRole(tx, actor, 'privacy_officer', 'authenticator_reset', '/privacy/audit', randomUUID());
    return { ...(await accountById(tx, actor.regionId, userId))!, sessionsEnded };
  });
}

/** A new one-time password (shown once; works once, then the user chooses their own). */
export async function resetPassword(db: Database, actor: Actor, userId: string, version: number) {
  guardOwnAccount(actor, userId, 'reset');
  const password = initialPassword();
  const hash = await hashPassword(password);
  return asActor(db, actor, async (tx) => {
    await current(tx, actor, userId, version);
    if (!(await resetPasswordOf(tx, actor.regionId, userId, hash))) throw stale();
    const sessionsEnded = await endSessionsOf(tx, actor.regionId, userId);
    await recordAccess(tx, actor, {
      action: 'update',
      objectType: 'password',
      objectId: userId,
      reason: `password reset by the administrator (one-time password); ${sessionsEnded} session(s) ended`,
    });
    return { account: (await accountById(tx, actor.regionId, userId))!, initialPassword: password, sessionsEnded };
  });
}
