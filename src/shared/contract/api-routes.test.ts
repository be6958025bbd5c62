// web/src/api-routes.gen.ts is the server's route table as the web app's API client sees it
// (scripts/api-routes.ts). This test renders it again from the routes as registered and fails
// when the committed file is stale: a new route, or a route whose schema changed to another
// contract schema, must regenerate it (`npm run api:routes`), so that the web app is typed from
// what the server really answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiRoutesPath, apiRoutesSource } from '../../../scripts/api-routes.js';

describe("the web app's route table", () => {
  it("is generated from the server's routes and their contract schemas (npm run api:routes)", async () => {
    const fresh = await apiRoutesSource();
    expect(readFileSync(apiRoutesPath, 'utf8'), 'web/src/api-routes.gen.ts is stale: run npm run api:routes').toBe(fresh);
  }, 60_000);

  it('types every route the web app calls from an exported contract schema', async () => {
    const fresh = await apiRoutesSource();
    for (const route of [
      "'GET /api/v1/families/:familyId': { query: never; body: never; response: typeof families.FamilyPage }",
      "'GET /api/v1/signals': { query: typeof signals.SignalListQuery; body: never; response: typeof signals.SignalList }",
      "'GET /api/v1/session': { query: never; body: never; response: typeof session.SessionInfo }",
    ])
      expect(fresh).toContain(route);
    // Only redirects and file downloads, which the web app reaches by a link, are left out.
    const untyped = fresh.split('// Not callable through the typed client:')[1] ?? '';
    expect(
      untyped
        .trim()
        .split('\n')
        .map((l) => l.replace(/^\/\/\s+/, '').split(' (')[0])
        .sort(),
    ).toEqual(['GET /api/v1/oidc/callback', 'GET /api/v1/signals/:signalId/attachments/:attachmentId']);
  }, 60_000);
});
