import { describe, expect, it } from 'vitest';
import { accountBody, NEW_ACCOUNT, newAccountBody, toDraft } from './account-drafts.js';
import type { Account } from './texts.js';

describe('newAccountBody', () => {
  const d = { ...NEW_ACCOUNT, organisationId: 'o1', displayName: 'Anna de Wit', username: 'awit' };
  it('leaves the e-mail out when none was typed', () => {
    expect(newAccountBody({ ...d, email: '  ' })).toEqual({
      organisationId: 'o1',
      displayName: 'Anna de Wit',
      username: 'awit',
      roles: ['professional'],
    });
  });
  it('sends a typed e-mail trimmed', () => {
    expect(newAccountBody({ ...d, email: ' anna@example.nl ' }).email).toBe('anna@example.nl');
  });
});

describe('accountBody', () => {
  it('removes an emptied e-mail and sends the version the form is based on', () => {
    expect(accountBody({ displayName: 'Anna', email: ' ', roles: ['team_lead'] }, 3)).toEqual({
      displayName: 'Anna',
      email: null,
      roles: ['team_lead'],
      version: 3,
    });
    expect(accountBody({ displayName: 'Anna', email: ' a@b.nl', roles: [] }, 4).email).toBe('a@b.nl');
  });
});

describe('toDraft', () => {
  it('starts the edit form from the saved account, no e-mail as empty', () => {
    const account = { displayName: 'Anna', email: null, roles: ['professional'] } as unknown as Account;
    expect(toDraft(account)).toEqual({ displayName: 'Anna', email: '', roles: ['professional'] });
  });
});
