import { describe, expect, it } from 'vitest';
import { apiUrl, get, type ApiBody, type ApiQuery, type ApiResponse } from './api.js';

describe('apiUrl', () => {
  it('fills in the path parameters, encoded, and leaves empty query values out', () => {
    expect(apiUrl('/api/v1/families/:familyId', { params: { familyId: 'a b/c' } })).toBe('/api/v1/families/a%20b%2Fc');
    expect(apiUrl('/api/v1/cases/:caseId/team-members/:membershipId', { params: { caseId: 'c1', membershipId: 'm1' } })).toBe(
      '/api/v1/cases/c1/team-members/m1',
    );
    expect(apiUrl('/api/v1/families', { query: { q: '', sort: 'name', limit: 20, cursor: undefined, scope: null } })).toBe(
      '/api/v1/families?sort=name&limit=20',
    );
    expect(apiUrl('/api/v1/persons', { query: { bsn: '123 456' } })).toBe('/api/v1/persons?bsn=123+456');
  });
  it('refuses a path parameter without a value rather than calling a wrong URL', () => {
    expect(() => apiUrl('/api/v1/families/:familyId', {})).toThrow(':familyId');
  });
});

// Type-level checks (npm run typecheck fails when they no longer hold): the answer, query and body
// of a route are the contract's, so a field the server does not send is an error in the web app.
type FamilyPage = ApiResponse<'GET', '/api/v1/families/:familyId'>;
const page = null as unknown as FamilyPage;
export const typeChecks = [
  // @ts-expect-error a field the contract does not have
  () => page.notInTheContract,
  () => page.currentCase?.team[0]?.organisationId satisfies string | undefined,
  // @ts-expect-error a query key the route does not take
  (q: ApiQuery<'GET', '/api/v1/families'>) => q.notAQueryKey,
  // @ts-expect-error a body field the route does not take
  (): ApiBody<'POST', '/api/v1/families'> => ({ notAField: 1 }),
  // @ts-expect-error no such route
  () => get('/api/v1/no-such-route'),
  // @ts-expect-error a route with a path parameter needs its value
  () => get('/api/v1/families/:familyId'),
];
