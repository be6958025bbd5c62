// Every route of the server with the access it needs (config.permission), as one snapshot that a
// reviewer reads: adding, removing or re-permissioning a route fails here until the snapshot is
// updated on purpose. The guard is then checked against the same table by calling every route:
// anonymous, as a professional, and as an account without roles.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyRequest } from 'fastify';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createOrganisation, createRegion, createUser, nextBsn, PASSWORD, type TestUser } from '../support/factory.js';
import { testApp } from '../support/http.js';
import { buildApp, webDist, type App } from '../../src/platform/http/app.js';
import { loadConfig } from '../../src/config.js';
import { allRoutes } from '../../src/routes.js';
import { PERMISSIONS, type Permission } from '../../src/platform/access/policy.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { Forbidden } from '../../src/platform/http/errors.js';
import type { Role } from '../../src/platform/access/actor.js';

let t: TestDb;
let app: App;
let region: string;
let professional: TestUser;
let noRoles: TestUser;
/** "METHOD /url" → config.permission, for every route (HEAD only where it has no GET twin). */
let table: Record<string, string>;

const NOT_API = '(not /api: public)';

/** Reads Fastify's route tree (printRoutes without common prefixes) into METHOD + full URL pairs. */
/** A key of the route table, 'METHOD /url', in its two parts. */
function routeKey(key: string): [method: string, url: string] {
  const [method, url] = key.split(' ');
  if (!method || !url) throw new Error(`not a route key: ${key}`);
  return [method, url];
}

function parseRouteTree(tree: string): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.replace(/\s+$/, ''));
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const url = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = url;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean))
      out.push({ method, url });
  }
  return out;
}

const isWebAppFile = (url: string) =>
  !url.startsWith('/api/') &&
  !url.includes('*') &&
  existsSync(join(webDist, url)) &&
  (statSync(join(webDist, url)).isFile() || existsSync(join(webDist, url, 'index.html')));
const concreteUrl = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\*$/, 'probe');

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  const org = await createOrganisation(t.db, region, 'gp_practice');
  professional = await createUser(t.db, region, org, ['professional']);
  noRoles = await createUser(t.db, region, org, [] as Role[]);
  app = await testApp(t.server);

  // A second instance of the same server whose first "module" only watches: a root onResponse hook
  // applies to every route, so each request reports the config of the route it matched (the
  // guard runs on onRequest, before any hook a module can add, so the probe listens afterwards).
  const seen = new Map<string, string | undefined>();
  const probe = await buildApp({
    db: t.db,
    config: { ...loadConfig({}), demoFamilies: 0 },
    logger: false,
    routes: [
      (a) => {
        a.addHook('onResponse', async (req: FastifyRequest) => {
          seen.set(`${req.method} ${req.routeOptions.url}`, req.routeOptions.config.permission);
        });
      },
      ...allRoutes,
    ],
  });
  await probe.ready();
  const tree = app.printRoutes({ commonPrefix: false });
  // The probe has exactly the routes of the real server.
  expect(probe.printRoutes({ commonPrefix: false })).toBe(tree);
  const routes = parseRouteTree(tree);
  expect(routes.length).toBeGreaterThan(10);
  table = {};
  for (const { method, url } of routes) {
    if (method === 'HEAD' && routes.some((r) => r.method === 'GET' && r.url === url)) continue;
    // The built web app (dist/web, when present) gets one route per file, named by content hash.
    if (isWebAppFile(url)) continue;
    const key = `${method} ${url}`;
    await probe.inject({ method: method as 'GET', url: concreteUrl(url) });
    // Routes of plugins registered before the probe (Swagger UI under /docs) do not run its hook;
    // they are outside /api, where the guard lets everything through.
    if (!seen.has(key)) expect(url.startsWith('/api/'), `${key} is outside /api or visible to the probe`).toBe(false);
    table[key] = seen.get(key) ?? NOT_API;
  }
  await probe.close();
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('route permissions', () => {
  it('lists every route with the permission it needs', () => {
    const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
    expect(sorted).toMatchInlineSnapshot(`
      {
        "DELETE /api/v1/session": "session:partial",
        "GET /api/v1/access-rules": "access-rules:read",
        "GET /api/v1/accounts": "admin:users",
        "GET /api/v1/accounts/:userId": "admin:users",
        "GET /api/v1/admin/blind-spot-rules": "admin:blind-spot-rules",
        "GET /api/v1/admin/council-settings": "admin:settings",
        "GET /api/v1/audit-events": "audit:read",
        "GET /api/v1/blind-spots": "blind-spot:organisation",
        "GET /api/v1/break-glass": "break-glass:open",
        "GET /api/v1/break-glass-reviews": "break-glass:review",
        "GET /api/v1/cases/:caseId/assessments": "assessment:read",
        "GET /api/v1/cases/:caseId/blind-spots": "assessment:read",
        "GET /api/v1/cases/:caseId/lead-times": "leadtime:read",
        "GET /api/v1/cases/:caseId/persons/:personId/assessment-course": "assessment:read",
        "GET /api/v1/cases/:caseId/plan": "plan:read",
        "GET /api/v1/cases/:caseId/safety": "safety:read",
        "GET /api/v1/families": "family:list",
        "GET /api/v1/families/:familyId": "family:read",
        "GET /api/v1/families/:familyId/plan-summary": "plan:read",
        "GET /api/v1/families/:familyId/timeline": "family:read",
        "GET /api/v1/handover-receivers": "handover:send",
        "GET /api/v1/handovers": "handover:read",
        "GET /api/v1/handovers/:handoverId": "handover:read",
        "GET /api/v1/lead-times": "leadtime:read",
        "GET /api/v1/mail-deliveries": "notification:admin",
        "GET /api/v1/notifications": "notification:self",
        "GET /api/v1/notifications/unread-count": "notification:self",
        "GET /api/v1/oidc/callback": "public",
        "GET /api/v1/oidc/config": "public",
        "GET /api/v1/oidc/login": "public",
        "GET /api/v1/organisations": "user:list",
        "GET /api/v1/organisations/:organisationId": "user:list",
        "GET /api/v1/persons": "person:access-log",
        "GET /api/v1/persons/:personId/access-log": "person:access-log",
        "GET /api/v1/plan-settings": "admin:settings",
        "GET /api/v1/plan-versions/:versionId": "plan:read",
        "GET /api/v1/plan-versions/:versionId/pdf": "plan:read",
        "GET /api/v1/plan-versions/compare": "plan:read",
        "GET /api/v1/professionals": "user:list",
        "GET /api/v1/public/concerns/form-token": "public",
        "GET /api/v1/refindex/matches": "refindex:read",
        "GET /api/v1/refindex/matches/:matchId": "refindex:read",
        "GET /api/v1/refindex/registrations": "refindex:read",
        "GET /api/v1/region-settings": "admin:settings",
        "GET /api/v1/regions": "region:create",
        "GET /api/v1/session": "session:partial",
        "GET /api/v1/session/totp-enrolment": "session:partial",
        "GET /api/v1/session/totp-replacement": "session:self",
        "GET /api/v1/signal-settings": "signal:create",
        "GET /api/v1/signals": "signal:read",
        "GET /api/v1/signals/:signalId": "signal:read",
        "GET /api/v1/signals/:signalId/attachments/:attachmentId": "signal:read",
        "GET /api/v1/skipped-holidays": "signal:read",
        "GET /docs": "(not /api: public)",
        "GET /docs/": "(not /api: public)",
        "GET /docs/*": "(not /api: public)",
        "GET /docs/json": "(not /api: public)",
        "GET /docs/static/index.html": "(not /api: public)",
        "GET /docs/static/swagger-initializer.js": "(not /api: public)",
        "GET /docs/yaml": "(not /api: public)",
        "GET /healthz": "public",
        "GET /metrics": "public",
        "GET /openapi.json": "public",
        "GET /readyz": "public",
        "PATCH /api/v1/cases/:caseId": "case:update",
        "PATCH /api/v1/cases/:caseId/team-members/:membershipId": "case-team:manage",
        "PATCH /api/v1/plan-versions/:versionId": "plan:write",
        "POST /api/v1/accounts": "admin:users",
        "POST /api/v1/accounts/:userId/authenticator-reset": "admin:users",
        "POST /api/v1/accounts/:userId/deactivate": "admin:users",
        "POST /api/v1/accounts/:userId/password-reset": "admin:users",
        "POST /api/v1/accounts/:userId/reactivate": "admin:users",
        "POST /api/v1/accounts/:userId/role-change-approval": "admin:users",
        "POST /api/v1/accounts/:userId/role-change-rejection": "admin:users",
        "POST /api/v1/audit-verifications": "audit:verify",
        "POST /api/v1/break-glass": "break-glass:open",
        "POST /api/v1/break-glass-reviews/:breakGlassId": "break-glass:review",
        "POST /api/v1/cases/:caseId/assessments": "assessment:record",
        "POST /api/v1/cases/:caseId/coordinator-transfers": "coordinator:transfer",
        "POST /api/v1/cases/:caseId/moments": "case:update",
        "POST /api/v1/cases/:caseId/plan/drafts": "plan:write",
        "POST /api/v1/cases/:caseId/safety/plan": "safety:write",
        "POST /api/v1/cases/:caseId/safety/plan/:agreementId/remove": "safety:write",
        "POST /api/v1/cases/:caseId/safety/reviews": "safety:review",
        "POST /api/v1/cases/:caseId/team-members": "case-team:manage",
        "POST /api/v1/cases/:caseId/team-members/:membershipId/end": "case-team:manage",
        "POST /api/v1/families": "family:create",
        "POST /api/v1/families/:familyId/cases": "case:open",
        "POST /api/v1/families/:familyId/members": "family:update",
        "POST /api/v1/families/:familyId/network-members": "family:update",
        "POST /api/v1/handovers": "handover:send",
        "POST /api/v1/handovers/:handoverId/accept": "handover:respond",
        "POST /api/v1/handovers/:handoverId/refuse": "handover:respond",
        "POST /api/v1/mail-deliveries/:mailDeliveryId/retry": "notification:admin",
        "POST /api/v1/notifications/:notificationId/read": "notification:self",
        "POST /api/v1/notifications/read-all": "notification:self",
        "POST /api/v1/organisations": "admin:organisations",
        "POST /api/v1/person-match-confirmations": "family:create",
        "POST /api/v1/person-match-rejections": "family:create",
        "POST /api/v1/person-merges": "family:update",
        "POST /api/v1/person-merges/:mergeId/undo": "family:update",
        "POST /api/v1/persons/possible-matches": "family:create",
        "POST /api/v1/plan-actions/:actionId/progress": "plan:write",
        "POST /api/v1/plan-versions/:versionId/actions": "plan:write",
        "POST /api/v1/plan-versions/:versionId/actions/:actionId/remove": "plan:write",
        "POST /api/v1/plan-versions/:versionId/actions/with-team-member": "case-team:manage",
        "POST /api/v1/plan-versions/:versionId/answers": "plan:write",
        "POST /api/v1/plan-versions/:versionId/approve": "plan:approve",
        "POST /api/v1/plan-versions/:versionId/council-outcome": "plan:write",
        "POST /api/v1/plan-versions/:versionId/goals": "plan:write",
        "POST /api/v1/plan-versions/:versionId/goals/:goalId/remove": "plan:write",
        "POST /api/v1/plan-versions/:versionId/propose": "plan:write",
        "POST /api/v1/public/concerns": "public",
        "POST /api/v1/refindex/matches/:matchId/coordinator": "refindex:register",
        "POST /api/v1/refindex/registrations": "refindex:register",
        "POST /api/v1/refindex/registrations/:registrationId/end": "refindex:register",
        "POST /api/v1/regions": "region:create",
        "POST /api/v1/session": "public",
        "POST /api/v1/session/second-factor": "session:partial",
        "POST /api/v1/session/totp-enrolment": "session:partial",
        "POST /api/v1/session/totp-replacement": "session:self",
        "POST /api/v1/signals": "signal:create",
        "POST /api/v1/signals/:signalId/attachments": "signal:create",
        "POST /api/v1/signals/:signalId/family-proposals": "signal:triage",
        "POST /api/v1/signals/:signalId/triage": "signal:triage",
        "POST /api/v1/signals/:signalId/urgency": "signal:triage",
        "PUT /api/v1/accounts/:userId": "admin:users",
        "PUT /api/v1/admin/blind-spot-rules/:rule": "admin:blind-spot-rules",
        "PUT /api/v1/admin/council-settings": "admin:settings",
        "PUT /api/v1/cases/:caseId/council": "council:write",
        "PUT /api/v1/cases/:caseId/council/outcome": "council:write",
        "PUT /api/v1/cases/:caseId/safety/assessment": "safety:write",
        "PUT /api/v1/cases/:caseId/safety/plan/:agreementId": "safety:write",
        "PUT /api/v1/notifications/language": "notification:self",
        "PUT /api/v1/organisations/:organisationId": "admin:organisations",
        "PUT /api/v1/persons/:personId": "family:update",
        "PUT /api/v1/plan-settings": "admin:settings",
        "PUT /api/v1/plan-versions/:versionId/actions/:actionId": "plan:write",
        "PUT /api/v1/plan-versions/:versionId/goals/:goalId": "plan:write",
        "PUT /api/v1/region-settings": "admin:settings",
        "PUT /api/v1/session/password": "session:self",
      }
    `);
  });

  it('names, for every /api route, a permission that the policy knows (or public / session:partial)', () => {
    for (const [key, permission] of Object.entries(table)) {
      if (!routeKey(key)[1].startsWith('/api/')) continue;
      expect(['public', 'session:partial', ...Object.keys(PERMISSIONS)], key).toContain(permission);
    }
  });

  it('documents every /api route in the OpenAPI document with a summary and a request/response schema', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, { summary?: string; responses?: Record<string, unknown> }>> };
    for (const key of Object.keys(table)) {
      const [method, url] = routeKey(key);
      if (!url.startsWith('/api/')) continue;
      const op = doc.paths[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(op, `${key} in /openapi.json`).toBeDefined();
      expect(op!.summary, key).toBeTruthy();
      expect(
        Object.keys(op!.responses ?? {}).some((c) => /^[23]/.test(c)),
        key,
      ).toBe(true);
    }
  });
});

// ---- the guard enforces the table -------------------------------------------------------------

type Schema = Record<string, any>;

/** A minimal valid value for a JSON schema from the OpenAPI document (required fields only). */
function sampleOf(schema: Schema | undefined, doc: Schema): unknown {
  let s = schema ?? {};
  while (s.$ref) s = doc.components.schemas[String(s.$ref).split('/').pop()!];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf || s.oneOf)
    return sampleOf((s.anyOf ?? s.oneOf).find((x: Schema) => x.type !== 'null' && !x.nullable) ?? (s.anyOf ?? s.oneOf)[0], doc);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x: Schema) => sampleOf(x, doc)));
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k: string) => [k, sampleOf(s.properties?.[k], doc)]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sampleOf(s.items, doc));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'string':
      if (s.format === 'uuid') return randomUUID();
      if (s.format === 'date') return '2015-06-01';
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'email') return 'iemand@example.nl';
      if (s.pattern) return fc.sample(fc.stringMatching(new RegExp(s.pattern), { maxLength: s.maxLength }), { numRuns: 1, seed: 42 })[0];
      return 'x'.repeat(Math.max(s.minLength ?? 1, 3)).slice(0, s.maxLength ?? 100);
    default:
      return undefined;
  }
}

/** Inputs that the schema cannot say (refinements such as the BSN 11-test): a request that passes validation. */
const SAMPLE_OVERRIDES: Record<string, () => { query?: Record<string, string>; payload?: unknown }> = {
  'POST /api/v1/session': () => ({ payload: { username: professional.username, password: PASSWORD } }),
  'GET /api/v1/persons': () => ({ query: { bsn: nextBsn() } }),
  'POST /api/v1/break-glass': () => ({
    payload: { familyId: randomUUID(), reason: 'Melding van acuut onveilige situatie thuis', totpCode: '123456' },
  }),
  'POST /api/v1/refindex/registrations': () => ({
    payload: { bsn: nextBsn(), birthDate: '2012-05-05', contactName: 'Contact', contactPhone: '0612345678', legalBasis: 'statutory_task' },
  }),
  'POST /api/v1/signals': () => ({
    payload: {
      receivingOrganisationId: randomUUID(),
      source: 'school',
      subjectDescription: 'Een leerling',
      whatSeen: 'Komt vaak zonder eten naar school.',
      safetyAtStake: false,
      urgency: 'normal',
    },
  }),
  'POST /api/v1/signals/:signalId/family-proposals': () => ({ payload: { otherSignalId: randomUUID(), decision: 'rejected', version: 1 } }),
  'POST /api/v1/handovers': () => ({
    payload: {
      caseId: randomUUID(),
      toOrganisationId: randomUUID(),
      reason: 'Verhuizing naar een andere gemeente',
      safetyAssessment: 'safe',
      knownInformation: 'Lopende hulp thuis.',
      personIds: [],
      legalBasis: 'statutory_task',
      senderAccess: 'ends',
    },
  }),
};

function requestFor(key: string) {
  const [method, url] = routeKey(key);
  const doc = app.swagger() as Schema;
  const op = doc.paths?.[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
  const override = SAMPLE_OVERRIDES[key]?.() ?? {};
  const query =
    override.query ??
    Object.fromEntries(
      (op?.parameters ?? [])
        .filter((p: Schema) => p.in === 'query' && p.required)
        .map((p: Schema) => [p.name, String(sampleOf(p.schema, doc))]),
    );
  const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
  const payload = override.payload ?? (bodySchema ? sampleOf(bodySchema, doc) : undefined);
  const search = new URLSearchParams(query).toString();
  return { method: method as 'GET', url: concreteUrl(url) + (search ? `?${search}` : ''), payload: payload as object | undefined };
}

async function as(user: TestUser | null, key: string) {
  const req = requestFor(key);
  let headers: Record<string, string> = {};
  if (user) {
    const s = await createSession(t.db, region, user.actor.userId, true, {});
    headers = { cookie: `regie_sid=${s.cookie}`, 'x-csrf-token': s.csrfToken };
  }
  const r = await app.inject({ ...req, headers });
  let body: any = {};
  try {
    body = r.json();
  } catch {
    /* not JSON */
  }
  return { status: r.statusCode, code: body?.code as string | undefined, detailEn: body?.detailEn as string | undefined };
}

/** The sample request did not pass the route's schema, so the guard was never reached. */
const invalidSample = (r: { status: number; code?: string }) => r.status === 400 && ['validation', 'malformed_json'].includes(r.code ?? '');

const GUARD_DENIAL = new Forbidden().detailText.en;
const deniedByGuard = (r: { status: number; code?: string; detailEn?: string }) =>
  r.status === 403 && r.code === 'forbidden' && r.detailEn === GUARD_DENIAL;
const notLoggedIn = (r: { status: number; code?: string }) => r.status === 401 && r.code === 'unauthenticated';

describe('the guard enforces the table', () => {
  const apiRoutes = () => Object.entries(table).filter(([k]) => routeKey(k)[1].startsWith('/api/'));

  it('refuses every non-public /api route without a session (401), and lets public routes through', async () => {
    for (const [key, permission] of apiRoutes()) {
      const r = await as(null, key);
      expect(invalidSample(r), `${key}: a valid request is needed to reach the guard (add it to SAMPLE_OVERRIDES)`).toBe(false);
      if (permission === 'public') expect(notLoggedIn(r) || deniedByGuard(r), key).toBe(false);
      else expect(notLoggedIn(r), `${key} (${r.status} ${r.code})`).toBe(true);
    }
  });

  it('lets a professional use exactly the routes whose permission names the professional role', async () => {
    for (const [key, permission] of apiRoutes()) {
      const r = await as(professional, key);
      expect(invalidSample(r), `${key}: a valid request is needed to reach the guard (add it to SAMPLE_OVERRIDES)`).toBe(false);
      const allowed =
        permission === 'public' ||
        permission === 'session:partial' ||
        (PERMISSIONS[permission as Permission] as readonly string[]).includes('professional');
      expect(notLoggedIn(r), key).toBe(false);
      expect(deniedByGuard(r), `${key} (${permission}): ${r.status} ${r.code}`).toBe(!allowed);
    }
  });

  it('denies an account without roles every permission-guarded route (deny by default)', async () => {
    for (const [key, permission] of apiRoutes()) {
      const r = await as(noRoles, key);
      const guarded = permission !== 'public' && permission !== 'session:partial';
      expect(deniedByGuard(r), `${key} (${permission}): ${r.status} ${r.code}`).toBe(guarded);
    }
  });
});
