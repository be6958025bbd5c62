// Adds the NLGov REST API Design Rules conventions to the generated OpenAPI document:
// API-Version header on every success, problem+json on every error, 400 where input is read.
import { z } from 'zod';
import { Problem } from './problem.js';

export const API_VERSION = '1.0.0';

type Doc = {
  paths?: Record<string, Record<string, { parameters?: unknown[]; requestBody?: unknown; responses?: Record<string, any> }>>;
  components?: Record<string, any>;
};

const ERRORS: Record<string, string> = {
  '400': 'Ongeldige invoer (problem+json met het veld)',
  '401': 'Niet ingelogd',
  '403': 'Geen recht op deze handeling',
  '404': 'Niet gevonden (of geen toegang)',
  '409': 'Conflict, bijvoorbeeld een verouderde versie',
  '429': 'Te veel aanvragen',
  '500': 'Interne fout',
};

export function nlgovConventions<T extends Doc>(doc: T): T {
  const problemSchema = z.toJSONSchema(Problem, { target: 'openapi-3.0', unrepresentable: 'any' }) as Record<string, unknown>;
  delete problemSchema.$schema;
  doc.components = doc.components ?? {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), Problem: problemSchema };
  doc.components.headers = {
    ...(doc.components.headers ?? {}),
    'API-Version': { description: 'Volledige versie van de API (semver)', schema: { type: 'string', example: API_VERSION } },
  };
  for (const [, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      op.responses = op.responses ?? {};
      for (const [code, resp] of Object.entries(op.responses)) {
        if (/^[23]/.test(code)) resp.headers = { ...(resp.headers ?? {}), 'API-Version': { $ref: '#/components/headers/API-Version' } };
      }
      const codes = ['401', '403', '404', '409', '429', '500'];
      if (method !== 'get' || (op.parameters ?? []).length || op.requestBody) codes.unshift('400');
      for (const code of codes) {
        op.responses[code] = {
          description: ERRORS[code],
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
  return doc;
}
