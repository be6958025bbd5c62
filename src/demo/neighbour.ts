// A second, small demo region next to Walcheren: De Bevelanden, with Team Jeugd Goes. It has no
// families of its own; it is there so that a presenter can hand a Walcheren case over to a team
// in another region (a family that moves to Goes) and accept it there. Its own random stream,
// so the Walcheren data stay exactly as they were.
import type { Database } from '../platform/db/db.js';
import { Rng } from './random.js';
import type { DemoAccount } from './organisations.js';

export const NEIGHBOUR_REGION = { id: 'bevelanden', name: 'De Bevelanden' } as const;
const NEIGHBOUR_STREAM = 0x42455645;

const ORGANISATIONS = [
  { key: 'tjg', name: 'Team Jeugd Goes', type: 'municipal_team', domain: 'teamjeugdgoes.example' },
  { key: 'stk', name: 'Sociaal Team Kapelle', type: 'municipal_team', domain: 'sociaalteamkapelle.example' },
  { key: 'hag', name: 'Huisartsenpraktijk Goes-Oost', type: 'gp_practice', domain: 'huisartsgoesoost.example' },
] as const;

const ACCOUNTS = [
  {
    base: 'teamleider',
    displayName: 'Marieke Goedegebuure',
    org: 'tjg',
    roles: ['professional', 'coordinator', 'team_lead'],
    email: 'm.goedegebuure',
  },
  { base: 'regisseur', displayName: 'Pieter Hoogerland', org: 'tjg', roles: ['professional', 'coordinator'], email: 'p.hoogerland' },
  { base: 'medewerker', displayName: 'Lotte Wisse', org: 'tjg', roles: ['professional'], email: 'l.wisse' },
  { base: 'kapelle', displayName: 'Bram Koster', org: 'stk', roles: ['professional', 'coordinator', 'team_lead'], email: 'b.koster' },
] as const;

export interface NeighbourRegion {
  regionId: string;
  regionName: string;
  accounts: DemoAccount[];
}

/** The same organisations, professionals and ids from the same seed. */
export function buildNeighbour(seed: number) {
  const rng = new Rng(seed, NEIGHBOUR_STREAM);
  const orgIds = Object.fromEntries(ORGANISATIONS.map((o) => [o.key, rng.uuid()])) as Record<(typeof ORGANISATIONS)[number]['key'], string>;
  const users = ACCOUNTS.map((a) => {
    const org = ORGANISATIONS.find((o) => o.key === a.org)!;
    return {
      id: rng.uuid(),
      organisationId: orgIds[a.org],
      organisation: org.name,
      username: `${a.base}.${NEIGHBOUR_REGION.id}`,
      displayName: a.displayName,
      email: `${a.email}@${org.domain}`,
      roles: [...a.roles],
    };
  });
  return { orgIds, users };
}

/** Seeds the neighbouring region once (nothing when it exists); returns its demo accounts either way. */
export async function seedNeighbourRegion(db: Database, seed: number, passwordHash: () => Promise<string>): Promise<NeighbourRegion> {
  const { orgIds, users } = buildNeighbour(seed);
  const accounts: DemoAccount[] = users.map((u) => ({
    username: u.username,
    displayName: u.displayName,
    organisation: u.organisation,
    roles: u.roles,
  }));
  const result = { regionId: NEIGHBOUR_REGION.id, regionName: NEIGHBOUR_REGION.name, accounts };
  if ((await db.query('SELECT 1 FROM regions WHERE id = $1', [NEIGHBOUR_REGION.id])).length) return result;
  const hash = await passwordHash();
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO regions (id, name) VALUES ($1, $2)', [NEIGHBOUR_REGION.id, NEIGHBOUR_REGION.name]);
    for (const o of ORGANISATIONS)
      await tx.query('INSERT INTO organisations (region_id, id, name, type, safety_task) VALUES ($1, $2, $3, $4, false)', [
        NEIGHBOUR_REGION.id,
        orgIds[o.key],
        o.name,
        o.type,
      ]);
    for (const u of users)
      await tx.query(
        `INSERT INTO users (region_id, id, organisation_id, username, display_name, email, password_hash, totp_required, roles)
         VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8)`,
        [NEIGHBOUR_REGION.id, u.id, u.organisationId, u.username, u.displayName, u.email, hash, u.roles],
      );
  });
  return result;
}
