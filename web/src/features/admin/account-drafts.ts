// The account forms' drafts and the request bodies made from them: an e-mail address is trimmed,
// and an empty one is left out (a new account) or removed (a change).
import type { ApiBody } from '../../api.js';
import type { Account } from './texts.js';

export interface NewDraft {
  organisationId: string;
  displayName: string;
  username: string;
  email: string;
  roles: string[];
}
export const NEW_ACCOUNT: NewDraft = { organisationId: '', displayName: '', username: '', email: '', roles: ['professional'] };

export interface EditDraft {
  displayName: string;
  email: string;
  roles: string[];
}
export const toDraft = (a: Account): EditDraft => ({ displayName: a.displayName, email: a.email ?? '', roles: a.roles });

/** POST /api/v1/accounts: no e-mail field when none was typed. */
export const newAccountBody = (d: NewDraft) =>
  ({
    organisationId: d.organisationId,
    displayName: d.displayName,
    username: d.username,
    roles: d.roles,
    ...(d.email.trim() ? { email: d.email.trim() } : {}),
  }) satisfies ApiBody<'POST', '/api/v1/accounts'>;

/** PUT /api/v1/accounts/:userId on `version`: an empty e-mail removes the address. */
export const accountBody = (d: EditDraft, version: number) =>
  ({ displayName: d.displayName, email: d.email.trim() || null, roles: d.roles, version }) satisfies ApiBody<
    'PUT',
    '/api/v1/accounts/:userId'
  >;
