// Test data factories: every test makes its own region, organisations, professionals and families.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../src/platform/db/db.js';
import type { Actor, Role } from '../../src/platform/access/actor.js';
import { addUser } from '../../src/cli/user-add.js';
import { completeBsn } from '../../src/modules/persons/bsn.js';
import { totpKeyLoaded, useTotpKey } from '../../src/platform/auth/totp-secrets.js';

// TOTP secrets are stored encrypted; a test process has its own key (the server's start-up loads
// one from TOTP_KEY or the data folder).
if (!totpKeyLoaded()) useTotpKey(randomBytes(32));

export const PASSWORD = 'test-wachtwoord-123';
let bsnCounter = 10_000_000 + Math.floor(Math.random() * 80_000_000);

export function nextBsn(): string {
  for (;;) {
    const b = completeBsn(String(bsnCounter++).padStart(8, '1'));
    if (b) return b;
  }
}

export async function createRegion(db: Database, id = `r${randomUUID().slice(0, 8)}`) {
  await db.query(`INSERT INTO regions (id, name) VALUES ($1, $2)`, [id, `Regio ${id}`]);
  return id;
}

export async function createOrganisation(db: Database, regionId: string, type = 'municipal_team', name?: string) {
  const id = randomUUID();
  const safety = ['veilig_thuis', 'police', 'child_protection_board', 'certified_institution'].includes(type);
  await db.query(`INSERT INTO organisations (region_id, id, name, type, safety_task) VALUES ($1, $2, $3, $4, $5)`, [
    regionId,
    id,
    name ?? `${type} ${id.slice(0, 4)}`,
    type,
    safety,
  ]);
  return id;
}

export interface TestUser {
  actor: Actor;
  username: string;
}

export async function createUser(
  db: Database,
  regionId: string,
  organisationId: string,
  roles: Role[] = ['professional', 'coordinator'],
  opts: { totpRequired?: boolean; totpSecret?: string; withPassword?: boolean; passwordChangeRequired?: boolean } = {},
): Promise<TestUser> {
  const username = `u_${randomUUID().slice(0, 12)}`;
  const id = await addUser(db, {
    regionId,
    organisationId,
    username,
    displayName: `Prof ${username.slice(2, 8)}`,
    roles,
    password: opts.withPassword === false ? undefined : PASSWORD,
    totpRequired: opts.totpRequired ?? false,
    totpSecret: opts.totpSecret,
    passwordChangeRequired: opts.passwordChangeRequired,
  });
  const org = await db.query<{ type: string; safety_task: boolean }>(
    `SELECT type, safety_task FROM organisations WHERE region_id = $1 AND id = $2`,
    [regionId, organisationId],
  );
  const [orgRow] = org;
  if (!orgRow) throw new Error(`factory: organisation ${organisationId} not found in region ${regionId}`);
  return {
    username,
    actor: {
      regionId,
      userId: id,
      organisationId,
      organisationType: orgRow.type,
      safetyTask: orgRow.safety_task,
      roles,
      displayName: username,
      ip: '127.0.0.1',
      userAgent: 'vitest',
    },
  };
}

/** A user of `createPeople`: the organisation (by its name in the spec), the roles, and createUser's options. */
export type UserSpec<O extends string> = readonly [org: O, roles: readonly Role[], opts?: Parameters<typeof createUser>[4]];

/**
 * The organisations and users of one region, each under the name the test gives it: organisations
 * as [type, name?], users as [organisation, roles, options?]. Made in the order given.
 */
export async function createPeople<O extends string, U extends string>(
  db: Database,
  regionId: string,
  orgs: Record<O, readonly [type: string, name?: string]>,
  users: Record<U, UserSpec<NoInfer<O>>>,
): Promise<{ org: Record<O, string>; user: Record<U, TestUser> }> {
  const org = {} as Record<O, string>;
  for (const [key, [type, name]] of Object.entries(orgs) as [O, readonly [string, string?]][])
    org[key] = await createOrganisation(db, regionId, type, name);
  const user = {} as Record<U, TestUser>;
  for (const [key, [o, roles, opts]] of Object.entries(users) as [U, UserSpec<O>][])
    user[key] = await createUser(db, regionId, org[o], [...roles], opts);
  return { org, user };
}

export function familyBody(
  coordinatorUserId: string,
  o: { familyName?: string; children?: number; withBsn?: boolean; legalBasis?: 'consent' | 'statutory_task' | 'safety' } = {},
) {
  const familyName = o.familyName ?? 'Jansen';
  const members = [
    {
      givenNames: 'Anna',
      familyName,
      birthDate: '1988-04-12',
      relation: 'parent' as const,
      ...(o.withBsn === false ? {} : { bsn: nextBsn() }),
    },
    ...Array.from({ length: o.children ?? 2 }, (_, i) => ({
      givenNames: `Kind${i + 1}`,
      familyName,
      birthDate: `201${i + 2}-06-0${i + 1}`,
      relation: 'child' as const,
      ...(o.withBsn === false ? {} : { bsn: nextBsn() }),
    })),
  ];
  return {
    members,
    network: [{ name: 'Oma Jansen', relation: 'grandparent' as const }],
    case: { coordinatorUserId, legalBasis: o.legalBasis ?? 'consent' },
  };
}
