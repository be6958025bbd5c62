// regie user add: a real account gets a one-time password (replaced at the first login) and
// must enrol a TOTP second factor at that login.
import { parseArgs } from 'node:util';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../platform/db/db.js';
import { hashPassword, passwordProblem } from '../platform/auth/passwords.js';
import { ROLES } from '../platform/access/actor.js';
import { sealTotpSecret } from '../platform/auth/totp-secrets.js';

export async function addUserCommand(db: Database, args: string[]) {
  const { values } = parseArgs({
    args: args[0] === 'add' ? args.slice(1) : args,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      roles: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      region: { type: 'string' },
    },
  });
  if (!values.username || !values.name || !values.organisation) throw new Error('--username, --name and --organisation are required');
  const roles = (values.roles ?? 'professional').split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}; choose from ${ROLES.join(', ')}`);
  const orgs = await db.query<{ region_id: string; id: string; name: string }>(
    `SELECT region_id, id, name FROM organisations WHERE (lower(name) = lower($1) OR id::text = $1) AND ($2::text IS NULL OR region_id = $2)`,
    [values.organisation, values.region ?? null],
  );
  const [org] = orgs;
  if (!org || orgs.length !== 1)
    throw new Error(orgs.length ? 'organisation name is ambiguous; add --region' : `organisation not found: ${values.organisation}`);
  const password = values.password ?? randomBytes(12).toString('base64url');
  // The same policy as a user's own new password: so never the public demo password either.
  const problem = passwordProblem(password, values.username);
  if (problem) throw new Error(problem.en);
  await addUser(db, {
    regionId: org.region_id,
    organisationId: org.id,
    username: values.username,
    displayName: values.name,
    email: values.email,
    roles,
    password,
    totpRequired: true,
    passwordChangeRequired: true,
  });
  console.log(
    `account ${values.username} aangemaakt bij ${org.name}; ${values.password ? '' : `tijdelijk wachtwoord (werkt één keer): ${password}; `}kies bij de eerste login een eigen wachtwoord en koppel een authenticator-app.`,
  );
}

export async function addUser(
  db: Database,
  u: {
    regionId: string;
    organisationId: string;
    username: string;
    displayName: string;
    email?: string;
    roles: string[];
    password?: string;
    totpRequired: boolean;
    totpSecret?: string;
    oidcIssuer?: string;
    oidcSubject?: string;
    /** The password is a one-time password: it works once and must then be replaced. */
    passwordChangeRequired?: boolean;
  },
) {
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (region_id, id, organisation_id, username, display_name, email, password_hash, totp_secret, totp_required, roles, oidc_issuer, oidc_subject,
                        password_change_required)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      u.regionId,
      id,
      u.organisationId,
      u.username,
      u.displayName,
      u.email ?? null,
      u.password ? await hashPassword(u.password) : null,
      u.totpSecret ? sealTotpSecret(u.totpSecret, u.regionId, id) : null,
      u.totpRequired,
      u.roles,
      u.oidcIssuer ?? null,
      u.oidcSubject ?? null,
      u.passwordChangeRequired ?? false,
    ],
  );
  return id;
}
