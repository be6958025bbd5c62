// The organisations and professionals of the demo region. The named accounts are the ones a
// presenter logs in with; the generated professionals fill the case teams around them.
import { Rng } from './random.js';
import { fullSurname, givenNames, pickSurname } from './names.js';

export type OrgKey =
  | 'stm'
  | 'gem'
  | 'vt'
  | 'abdij'
  | 'dauw'
  | 'wingerd'
  | 'woongoed'
  | 'emergis'
  | 'intervence'
  | 'reclassering'
  | 'politie'
  | 'raad'
  | 'wss'
  | 'jot'
  | 'jgz';

export type OrgType =
  | 'municipal_team'
  | 'veilig_thuis'
  | 'gp_practice'
  | 'school'
  | 'housing_corporation'
  | 'mental_health'
  | 'youth_care'
  | 'probation'
  | 'police'
  | 'child_protection_board'
  | 'certified_institution'
  | 'safety_house'
  | 'youth_protection_team'
  | 'youth_health_care';

export interface OrgDef {
  key: OrgKey;
  name: string;
  type: OrgType;
  code: string;
  domain: string;
}

export const ORGANISATIONS: readonly OrgDef[] = [
  { key: 'stm', name: 'Sociaal Team Middelburg', type: 'municipal_team', code: 'stm', domain: 'sociaalteam-middelburg.example' },
  { key: 'gem', name: 'Gemeente Middelburg', type: 'municipal_team', code: 'gem', domain: 'middelburg.example' },
  { key: 'vt', name: 'Veilig Thuis Zeeland', type: 'veilig_thuis', code: 'vtz', domain: 'veiligthuiszeeland.example' },
  { key: 'abdij', name: 'Huisartsenpraktijk De Abdij', type: 'gp_practice', code: 'abdij', domain: 'huisartsdeabdij.example' },
  { key: 'dauw', name: 'Huisartsenpraktijk Dauwendaele', type: 'gp_practice', code: 'dauw', domain: 'huisartsdauwendaele.example' },
  { key: 'wingerd', name: 'CBS De Wingerd', type: 'school', code: 'wingerd', domain: 'dewingerd.example' },
  { key: 'woongoed', name: 'Woongoed Middelburg', type: 'housing_corporation', code: 'woongoed', domain: 'woongoed.example' },
  { key: 'emergis', name: 'Emergis GGZ', type: 'mental_health', code: 'emergis', domain: 'emergis.example' },
  { key: 'intervence', name: 'Intervence Jeugdhulp', type: 'youth_care', code: 'intervence', domain: 'intervence.example' },
  { key: 'reclassering', name: 'Reclassering Nederland Zeeland', type: 'probation', code: 'rn', domain: 'reclassering.example' },
  { key: 'politie', name: 'Politie Zeeland-West-Brabant, basisteam Walcheren', type: 'police', code: 'politie', domain: 'politie.example' },
  {
    key: 'raad',
    name: 'Raad voor de Kinderbescherming Zeeland',
    type: 'child_protection_board',
    code: 'rvdk',
    domain: 'kinderbescherming.example',
  },
  { key: 'wss', name: 'William Schrikker Stichting Jeugdbescherming', type: 'certified_institution', code: 'wss', domain: 'wss.example' },
  // The partners the integral picture's blind spots ask for (issue 14); drawn from their own stream (LATE_ORGS).
  {
    key: 'jot',
    name: 'Jeugdbeschermingstafel Zeeland',
    type: 'youth_protection_team',
    code: 'jot',
    domain: 'jeugdbeschermingstafel.example',
  },
  { key: 'jgz', name: 'GGD Zeeland Jeugdgezondheidszorg', type: 'youth_health_care', code: 'jgz', domain: 'ggdzeeland.example' },
];

/** Organisations added after the demo's first data: their ids and professionals come from a stream of their own, so nobody else's change. */
const LATE_ORGS: ReadonlySet<OrgKey> = new Set(['jot', 'jgz']);

/**
 * The organisations of a region other than the demo region: the same kinds of partner, named
 * after that region, so that a second demo region never carries Walcheren's names.
 */
export function organisationsFor(regionId: string, regionName: string, defaultRegionId: string): readonly OrgDef[] {
  if (regionId === defaultRegionId) return ORGANISATIONS;
  const named: Record<OrgKey, string> = {
    stm: `Sociaal Team ${regionName}`,
    gem: `Gemeente ${regionName}`,
    vt: `Veilig Thuis ${regionName}`,
    abdij: `Huisartsenpraktijk ${regionName}-Noord`,
    dauw: `Huisartsenpraktijk ${regionName}-Zuid`,
    wingerd: `Basisschool ${regionName}`,
    woongoed: `Woningcorporatie ${regionName}`,
    emergis: `GGZ ${regionName}`,
    intervence: `Jeugdhulp ${regionName}`,
    reclassering: `Reclassering ${regionName}`,
    politie: `Politie, basisteam ${regionName}`,
    raad: `Raad voor de Kinderbescherming ${regionName}`,
    wss: `Jeugdbescherming ${regionName}`,
    jot: `Jeugdbeschermingstafel ${regionName}`,
    jgz: `Jeugdgezondheidszorg ${regionName}`,
  };
  return ORGANISATIONS.map((o) => ({ ...o, name: named[o.key], domain: `${o.code}.${regionId}.example` }));
}

/** Organisations with a safety task may break the glass. */
export const SAFETY_TYPES: ReadonlySet<OrgType> = new Set(['veilig_thuis', 'police', 'child_protection_board', 'certified_institution']);

export interface DemoAccount {
  username: string;
  displayName: string;
  organisation: string;
  roles: string[];
  totpSecret?: string;
}

export type NamedKey =
  | 'regisseur'
  | 'regisseur2'
  | 'teamleider'
  | 'veiligthuis'
  | 'huisarts'
  | 'leerkracht'
  | 'privacy'
  | 'beheer'
  | 'beheer2'
  | 'buitenstaander';

/** Fixed base32 secret, so a presenter can show the second factor before breaking the glass. */
export const VEILIG_THUIS_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const NAMED: readonly { key: NamedKey; displayName: string; org: OrgKey; roles: string[]; email: string }[] = [
  { key: 'regisseur', displayName: 'Sanne Verhulst', org: 'stm', roles: ['professional', 'coordinator'], email: 's.verhulst' },
  { key: 'regisseur2', displayName: 'Mark Dieleman', org: 'stm', roles: ['professional', 'coordinator'], email: 'm.dieleman' },
  {
    key: 'teamleider',
    displayName: 'Ingrid de Klerk',
    org: 'stm',
    roles: ['professional', 'coordinator', 'team_lead'],
    email: 'i.deklerk',
  },
  { key: 'veiligthuis', displayName: 'Esther Kodde', org: 'vt', roles: ['professional'], email: 'e.kodde' },
  { key: 'huisarts', displayName: 'Michiel Wisse', org: 'abdij', roles: ['professional'], email: 'm.wisse' },
  { key: 'leerkracht', displayName: 'Femke Joosse', org: 'wingerd', roles: ['professional'], email: 'f.joosse' },
  { key: 'privacy', displayName: 'Karin Louwerse', org: 'gem', roles: ['privacy_officer'], email: 'k.louwerse' },
  { key: 'beheer', displayName: 'Jeroen Sinke', org: 'gem', roles: ['functional_admin'], email: 'j.sinke' },
  // A second administrator, so that the four-eyes approval of a role change can be shown.
  { key: 'beheer2', displayName: 'Anouk Minderhoud', org: 'gem', roles: ['functional_admin'], email: 'a.minderhoud' },
  { key: 'buitenstaander', displayName: 'Bas Melse', org: 'woongoed', roles: ['professional'], email: 'b.melse' },
];

/** Usernames are unique across regions; a second demo region gets suffixed ones. */
export function demoUsername(base: string, regionId: string, defaultRegionId: string): string {
  return regionId === defaultRegionId ? base : `${base}.${regionId}`;
}

export interface StaffUser {
  id: string;
  orgKey: OrgKey;
  organisationId: string;
  username: string;
  displayName: string;
  email: string;
  roles: string[];
  totpSecret: string | null;
}

export interface Staff {
  /** The region's organisations (names differ per region; keys and types do not). */
  organisations: readonly OrgDef[];
  orgIds: Record<OrgKey, string>;
  orgNames: Record<OrgKey, string>;
  users: StaffUser[];
  named: Record<NamedKey, StaffUser>;
  /** Generated professionals per organisation; named accounts are never drawn at random. */
  pool: Record<OrgKey, StaffUser[]>;
  /** Generated coordinator-qualified professionals of the Sociaal Team and of youth care. */
  coordinators: { municipal: StaffUser[]; youth: StaffUser[] };
  accounts: DemoAccount[];
}

export const STAFF_STREAM = 0x5747;

/**
 * Builds organisations and professionals; team sizes grow with the number of families. A region
 * other than the demo region gets its own organisation names, and no account of it has the demo's
 * published authenticator secret.
 */
export function buildStaff(seed: number, regionId: string, defaultRegionId: string, families: number, regionName = regionId): Staff {
  const rng = new Rng(seed, STAFF_STREAM);
  const late = new Rng(seed, STAFF_STREAM + 1);
  const organisations = organisationsFor(regionId, regionName, defaultRegionId);
  const isDemo = regionId === defaultRegionId;
  const orgIds = {} as Record<OrgKey, string>;
  const orgNames = {} as Record<OrgKey, string>;
  for (const o of organisations) {
    orgIds[o.key] = (LATE_ORGS.has(o.key) ? late : rng).uuid();
    orgNames[o.key] = o.name;
  }
  const def = (k: OrgKey) => organisations.find((o) => o.key === k)!;

  const users: StaffUser[] = [];
  const named = {} as Record<NamedKey, StaffUser>;
  for (const n of NAMED) {
    const u: StaffUser = {
      id: rng.uuid(),
      orgKey: n.org,
      organisationId: orgIds[n.org],
      username: demoUsername(n.key, regionId, defaultRegionId),
      displayName: n.displayName,
      email: `${n.email}@${def(n.org).domain}`,
      roles: n.roles,
      totpSecret: n.key === 'veiligthuis' && isDemo ? VEILIG_THUIS_TOTP_SECRET : null,
    };
    named[n.key] = u;
    users.push(u);
  }

  // Roughly 30 open cases per coordinator and a realistic spread over the partners.
  const count: Record<OrgKey, number> = {
    stm: Math.max(4, Math.ceil(families / 35)),
    gem: 0,
    vt: Math.max(3, Math.ceil(families / 150)),
    abdij: Math.max(2, Math.ceil(families / 250)),
    dauw: Math.max(2, Math.ceil(families / 250)),
    wingerd: Math.max(2, Math.ceil(families / 250)),
    woongoed: Math.max(2, Math.ceil(families / 200)),
    emergis: Math.max(3, Math.ceil(families / 150)),
    intervence: Math.max(4, Math.ceil(families / 80)),
    reclassering: Math.max(2, Math.ceil(families / 300)),
    politie: Math.max(2, Math.ceil(families / 300)),
    raad: Math.max(2, Math.ceil(families / 300)),
    wss: Math.max(2, Math.ceil(families / 300)),
    jot: Math.max(2, Math.ceil(families / 300)),
    jgz: Math.max(2, Math.ceil(families / 250)),
  };
  const pool = {} as Record<OrgKey, StaffUser[]>;
  const base = rng;
  const coordinators = { municipal: [] as StaffUser[], youth: [] as StaffUser[] };
  const taken = new Set(NAMED.map((n) => n.displayName));
  for (const o of organisations) {
    pool[o.key] = [];
    const rng = LATE_ORGS.has(o.key) ? late : base;
    for (let i = 1; i <= count[o.key]; i++) {
      let displayName: string;
      do displayName = `${givenNames(rng, rng.chance(0.6) ? 'female' : 'male', 'adult').split(' ')[0]} ${fullSurname(pickSurname(rng))}`;
      while (taken.has(displayName) && taken.size < 5000);
      taken.add(displayName);
      let roles = ['professional'];
      if (o.key === 'stm') roles = i === 2 ? ['professional', 'behavioural_scientist'] : ['professional', 'coordinator'];
      if (o.key === 'intervence' && i % 2 === 1) roles = ['professional', 'coordinator'];
      const username = demoUsername(`${o.code}-${String(i).padStart(3, '0')}`, regionId, defaultRegionId);
      const u: StaffUser = {
        id: rng.uuid(),
        orgKey: o.key,
        organisationId: orgIds[o.key],
        username,
        displayName,
        email: `${username}@${o.domain}`,
        roles,
        totpSecret: null,
      };
      users.push(u);
      pool[o.key].push(u);
      if (roles.includes('coordinator')) (o.key === 'stm' ? coordinators.municipal : coordinators.youth).push(u);
    }
  }

  const accounts: DemoAccount[] = NAMED.map((n) => ({
    username: named[n.key].username,
    displayName: n.displayName,
    organisation: def(n.org).name,
    roles: [...n.roles],
    ...(named[n.key].totpSecret ? { totpSecret: named[n.key].totpSecret! } : {}),
  }));
  return { organisations, orgIds, orgNames, users, named, pool, coordinators, accounts };
}
