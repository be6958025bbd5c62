// regie region add: a new region with its first organisation and its first functional
// administrator (one-time password, printed once; an authenticator app at the first login), the
// default region settings and no demo data. regie installation-admin add|remove: who may do the
// same in the web app. The checks are the API's (regions.contract.ts).
import { parseArgs } from 'node:util';
import type { Database } from '../platform/db/db.js';
import { DomainError } from '../platform/http/errors.js';
import { CreateRegionBody } from '../modules/regions/regions.contract.js';
import { createRegion, setInstallationAdmin } from '../modules/regions/regions.service.js';

/** A zod message is "nl:<Dutch>|<English>"; the command line prints both. */
const readable = (message: string) => message.replace(/^nl:/, '').replace('|', ' / ');

export async function addRegionCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args: args[0] === 'add' ? args.slice(1) : args,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      'organisation-type': { type: 'string' },
      'admin-username': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-email': { type: 'string' },
    },
  });
  const parsed = CreateRegionBody.safeParse({
    id: values.id,
    name: values.name,
    organisation: { name: values.organisation, type: values['organisation-type'] ?? 'municipal_team' },
    admin: {
      username: values['admin-username'],
      displayName: values['admin-name'],
      ...(values['admin-email'] ? { email: values['admin-email'] } : {}),
    },
  });
  if (!parsed.success) {
    const flag: Record<string, string> = {
      'organisation.name': '--organisation',
      'organisation.type': '--organisation-type',
      'admin.username': '--admin-username',
      'admin.displayName': '--admin-name',
      'admin.email': '--admin-email',
    };
    throw new Error(
      parsed.error.issues
        .map((i) => {
          const path = i.path.join('.');
          return `${flag[path] ?? `--${path}`}: ${readable(i.message)}`;
        })
        .join('; '),
    );
  }
  const r = await createRegion(db, { kind: 'cli' }, parsed.data).catch((e: unknown) => {
    throw e instanceof DomainError ? new Error(`${e.detailText.nl} / ${e.detailText.en}`) : e;
  });
  return [
    `regio ${r.region.id} (${r.region.name}) aangemaakt, met organisatie ${r.organisation.name} en functioneel beheerder ${r.admin.username} (${r.admin.displayName}).`,
    `eenmalig wachtwoord van ${r.admin.username} (wordt niet nog eens getoond; werkt één keer): ${r.initialPassword}`,
    'bij de eerste login kiest de beheerder een eigen wachtwoord en koppelt een authenticator-app.',
  ].join('\n');
}

export async function installationAdminCommand(db: Database, args: string[]): Promise<string> {
  const { values } = parseArgs({ args: args.slice(1), options: { username: { type: 'string' } } });
  if ((args[0] !== 'add' && args[0] !== 'remove') || !values.username)
    throw new Error('usage: regie installation-admin add|remove --username U');
  const r = await setInstallationAdmin(db, values.username, args[0] === 'add');
  return args[0] === 'add'
    ? `${values.username} (${r.displayName}, regio ${r.regionId}) is beheerder van de installatie en kan in de webapp regio's aanmaken.`
    : `${values.username} is geen beheerder van de installatie meer.`;
}
