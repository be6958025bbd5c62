// A new region: the region, its first organisation (the municipality's team), its first
// functional administrator with a one-time password and a required authenticator app, and the
// default region settings — and no demo data. One transaction: a second attempt with the same
// region code (or a taken username) fails with a clear error and leaves nothing behind. The new
// region's audit chain starts with its creation.
//
// Who may: the command line (`regie region add`, whoever runs the installation) and, in the web
// app, an installation administrator (migrations/0170; granted only on the command line). It
// writes in a region that is not the actor's, so it runs behind the named door `installation`
// (migrations/0192: the rows a new region starts with, nothing more), after the
// installation-administrator check.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { asSystem } from '../../platform/db/system-tx.js';
import { Conflict, Forbidden } from '../../platform/http/errors.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { initialPassword } from '../admin/accounts.service.js';
import { insertAccount, insertOrganisation } from '../admin/directory.js';
import { mayReceive } from '../handovers/handover-rules.js';
import type { CreateRegionBody, RegionCreated } from './regions.contract.js';

/** Who creates the region: an installation administrator in the web app, or the command line. */
export type RegionCreator = { kind: 'web'; actor: Actor } | { kind: 'cli' };

const SAFETY_TYPES: readonly string[] = ['veilig_thuis', 'police', 'child_protection_board', 'certified_institution'];

export async function isInstallationAdmin(tx: Tx, actor: Pick<Actor, 'regionId' | 'userId'>): Promise<boolean> {
  return (
    (
      await tx.query(
        `SELECT 1 FROM installation_admins i JOIN users u ON u.region_id = i.region_id AND u.id = i.user_id
      WHERE i.region_id = $1 AND i.user_id = $2 AND u.active`,
        [actor.regionId, actor.userId],
      )
    ).length > 0
  );
}

/** The audit log's actor for the command line: no account, no organisation; the tool is named as the user agent. */
function commandLine(regionId: string, tool: string): Actor {
  return {
    regionId,
    userId: null as unknown as string,
    organisationId: null as unknown as string,
    organisationType: '',
    safetyTask: false,
    roles: ['functional_admin'],
    displayName: '',
    userAgent: tool,
  };
}

const notInstallationAdmin = () =>
  new Forbidden(
    {
      nl: 'Alleen een beheerder van de installatie kan een regio aanmaken. Dat recht wordt op de opdrachtregel gegeven (regie installation-admin add).',
      en: 'Only an administrator of the installation can create a region. That right is given on the command line (regie installation-admin add).',
    },
    'not_installation_admin',
  );

function onTaken<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: { code?: string; constraint?: string }) => {
    if (e.code === '23505' && e.constraint === 'regions_pkey')
      throw new Conflict(
        'region_exists',
        {
          nl: 'Er bestaat al een regio met deze code. Er is niets aangemaakt.',
          en: 'A region with this code already exists. Nothing was created.',
        },
        'id',
      );
    if (e.code === '23505' && e.constraint === 'users_username_key')
      throw new Conflict(
        'username_taken',
        {
          nl: 'Deze gebruikersnaam is al in gebruik (in deze of een andere regio). Er is niets aangemaakt.',
          en: 'This username is taken (in this or another region). Nothing was created.',
        },
        'admin.username',
      );
    throw e;
  });
}

export async function createRegion(
  db: Database,
  by: RegionCreator,
  body: z.infer<typeof CreateRegionBody>,
): Promise<z.infer<typeof RegionCreated>> {
  // Refused before the (deliberately slow) hashing too, so that others cannot make the server hash for nothing.
  if (by.kind === 'web' && !(await asSystem(db, 'installation', (tx) => isInstallationAdmin(tx, by.actor)))) throw notInstallationAdmin();
  const password = initialPassword();
  const passwordHash = await hashPassword(password);
  const orgId = randomUUID();
  const adminId = randomUUID();
  return onTaken(
    asSystem(db, 'installation', async (tx) => {
      if (by.kind === 'web' && !(await isInstallationAdmin(tx, by.actor))) throw notInstallationAdmin();
      await tx.query('INSERT INTO regions (id, name) VALUES ($1, $2)', [body.id, body.name]);
      await insertOrganisation(tx, body.id, orgId, {
        name: body.organisation.name,
        type: body.organisation.type,
        safetyTask: SAFETY_TYPES.includes(body.organisation.type),
      });
      await insertAccount(tx, body.id, {
        id: adminId,
        organisationId: orgId,
        username: body.admin.username,
        displayName: body.admin.displayName,
        email: body.admin.email ?? null,
        roles: ['functional_admin'],
        passwordHash,
        active: true,
      });
      // Default triage norms (migrations/0044); the first organisation is the front door of the public form when it triages.
      await tx.query('INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)', [
        body.id,
        mayReceive('signal', body.organisation.type) ? orgId : null,
      ]);

      // The new region's chain starts here. The creator is named; from the command line there is no account.
      const who = by.kind === 'web' ? { ...by.actor, regionId: body.id } : commandLine(body.id, 'regie region add');
      const onBehalfOf = 'installation';
      const creator =
        by.kind === 'web'
          ? `installation administrator ${by.actor.userId} of region ${by.actor.regionId}`
          : 'the command line (regie region add)';
      await recordAccess(tx, who, {
        action: 'create',
        objectType: 'region',
        objectId: body.id,
        onBehalfOf,
        reason: `region created by ${creator}`,
      });
      await recordAccess(tx, who, {
        action: 'create',
        objectType: 'organisation',
        objectId: orgId,
        onBehalfOf,
        reason: `first organisation, type ${body.organisation.type}`,
      });
      await recordAccess(tx, who, {
        action: 'create',
        objectType: 'account',
        objectId: adminId,
        onBehalfOf,
        reason: 'first functional administrator: roles: functional_admin; one-time password, authenticator app required',
      });
      if (by.kind === 'web')
        await recordAccess(tx, by.actor, {
          action: 'create',
          objectType: 'region',
          objectId: body.id,
          onBehalfOf,
          reason: 'created a region as installation administrator',
        });
      return {
        region: { id: body.id, name: body.name },
        organisation: { id: orgId, name: body.organisation.name, type: body.organisation.type },
        admin: { id: adminId, username: body.admin.username, displayName: body.admin.displayName },
        initialPassword: password,
      };
    }),
  );
}

/** The installation's regions, for an installation administrator (the screen that creates one lists them). */
export async function listRegions(db: Database, actor: Actor) {
  return asSystem(db, 'installation', async (tx) => {
    if (!(await isInstallationAdmin(tx, actor))) throw notInstallationAdmin();
    const rows = await tx.query<{ id: string; name: string; created_at: Date | string }>(
      'SELECT id, name, created_at FROM regions ORDER BY name, id',
    );
    return { items: rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString() })) };
  });
}

/** `regie installation-admin add|remove`: the only way to give or take the installation-wide task. */
export async function setInstallationAdmin(
  db: Database,
  username: string,
  grant: boolean,
): Promise<{ regionId: string; displayName: string }> {
  return asSystem(db, 'installation', async (tx) => {
    const [u] = await tx.query<{ region_id: string; id: string; display_name: string }>(
      'SELECT region_id, id, display_name FROM users WHERE username = $1',
      [username],
    );
    if (!u) throw new Error(`account not found: ${username}`);
    if (grant)
      await tx.query('INSERT INTO installation_admins (region_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [u.region_id, u.id]);
    else await tx.query('DELETE FROM installation_admins WHERE region_id = $1 AND user_id = $2', [u.region_id, u.id]);
    await recordAccess(tx, commandLine(u.region_id, 'regie installation-admin'), {
      action: 'update',
      objectType: 'account',
      objectId: u.id,
      onBehalfOf: 'installation',
      reason: `${grant ? 'made' : 'no longer'} installation administrator (command line)`,
    });
    return { regionId: u.region_id, displayName: u.display_name };
  });
}
