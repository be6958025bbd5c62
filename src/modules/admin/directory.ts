// The two writes that make an organisation and an account, shared by the administration screens
// and the installation of a new region (regions.service.ts): the admin module's shared surface.
import type { Tx } from '../../platform/db/db.js';

export async function insertOrganisation(
  tx: Tx,
  regionId: string,
  id: string,
  o: { name: string; type: string; safetyTask: boolean },
): Promise<void> {
  await tx.query(`INSERT INTO organisations (region_id, id, name, type, safety_task, version) VALUES ($1, $2, $3, $4, $5, 1)`, [
    regionId,
    id,
    o.name,
    o.type,
    o.safetyTask,
  ]);
}

export interface NewAccount {
  id: string;
  organisationId: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: string[];
  passwordHash: string;
  /** false: waits for a second administrator's approval (four eyes). */
  active: boolean;
}

export async function insertAccount(tx: Tx, regionId: string, a: NewAccount): Promise<void> {
  // A new account has a one-time password and links an authenticator app at its first login.
  await tx.query(
    `INSERT INTO users (region_id, id, organisation_id, username, display_name, email, password_hash, password_change_required, totp_required, roles, active, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, true, $8, $9, 1)`,
    [regionId, a.id, a.organisationId, a.username, a.displayName, a.email, a.passwordHash, a.roles, a.active],
  );
}
