// The access rules in words, for the administrator and the privacy officer: generated from the
// PERMISSIONS table in src/platform/access/policy.ts, so the screen cannot drift from what the
// guard enforces. A permission added to the table without a label here does not compile.
import { ROLES, type Role } from '../../platform/access/actor.js';
import { BREAK_GLASS_MINUTES, PERMISSIONS, type Permission } from '../../platform/access/policy.js';

interface Label {
  nl: string;
  en: string;
}

export const ROLE_LABELS: Record<Role, { label: Label; description: Label }> = {
  professional: {
    label: { nl: 'Professional', en: 'Professional' },
    description: { nl: 'Werkt met gezinnen als lid van hun casusteam.', en: 'Works with families as a member of their case team.' },
  },
  coordinator: {
    label: { nl: 'Regisseur', en: 'Coordinator' },
    description: { nl: 'Gekwalificeerd om de regie te voeren over een gezinsdossier.', en: 'Qualified to coordinate a family case.' },
  },
  team_lead: {
    label: { nl: 'Teamleider', en: 'Team lead' },
    description: {
      nl: 'Ziet de gezinnen waar de eigen organisatie bij betrokken is en wordt ingeschakeld bij escalaties.',
      en: 'Sees the families the own organisation works with and is called in on escalations.',
    },
  },
  behavioural_scientist: {
    label: { nl: 'Gedragswetenschapper', en: 'Behavioural scientist' },
    description: {
      nl: 'Denkt als casusteamlid mee over veiligheid en passende hulp.',
      en: 'Advises on safety and fitting help as a case-team member.',
    },
  },
  privacy_officer: {
    label: { nl: 'Privacy officer', en: 'Privacy officer' },
    description: {
      nl: 'Controleert het auditlog en beoordeelt noodtoegang; ziet geen dossiers.',
      en: 'Checks the audit log and reviews emergency access; sees no cases.',
    },
  },
  functional_admin: {
    label: { nl: 'Functioneel beheerder', en: 'Functional administrator' },
    description: {
      nl: 'Beheert regio-instellingen, organisaties en accounts; ziet geen dossiers.',
      en: 'Manages region settings, organisations and accounts; sees no cases.',
    },
  },
  inspector: {
    label: { nl: 'Inspecteur', en: 'Inspector' },
    description: { nl: 'Alleen-lezen toegang voor toezicht, beperkt in tijd.', en: 'Read-only access for inspection, limited in time.' },
  },
};

const GROUPS: Record<string, Label> = {
  family: { nl: 'Gezinnen', en: 'Families' },
  case: { nl: 'Dossiers', en: 'Cases' },
  'case-team': { nl: 'Dossiers', en: 'Cases' },
  coordinator: { nl: 'Dossiers', en: 'Cases' },
  user: { nl: 'Organisaties en professionals', en: 'Organisations and professionals' },
  'break-glass': { nl: 'Noodtoegang', en: 'Emergency access' },
  audit: { nl: 'Auditlog', en: 'Audit log' },
  person: { nl: 'Auditlog', en: 'Audit log' },
  signal: { nl: 'Meldingen', en: 'Signals' },
  refindex: { nl: 'Verwijsindex', en: 'Reference index' },
  handover: { nl: 'Overdrachten', en: 'Handovers' },
  assessment: { nl: 'Integraal beeld', en: 'Integral picture' },
  'blind-spot': { nl: 'Integraal beeld', en: 'Integral picture' },
  plan: { nl: 'Plan', en: 'Plan' },
  leadtime: { nl: 'Doorlooptijden', en: 'Lead times' },
  notification: { nl: 'Berichten', en: 'Messages' },
  session: { nl: 'Eigen account', en: 'Own account' },
  admin: { nl: 'Beheer', en: 'Administration' },
  'access-rules': { nl: 'Beheer', en: 'Administration' },
};

export const PERMISSION_LABELS: Record<Permission, Label> = {
  'family:list': {
    nl: 'Gezinnen in een lijst zien (alleen die waar men toegang toe heeft)',
    en: 'List families (only those one has access to)',
  },
  'family:read': { nl: 'Een gezin en zijn dossier inzien', en: 'Read a family and its case' },
  'family:create': { nl: 'Een gezin registreren', en: 'Register a family' },
  'family:update': { nl: 'Gegevens van een gezin wijzigen', en: 'Change the details of a family' },
  'case:open': { nl: 'Een dossier openen', en: 'Open a case' },
  'case:update': { nl: 'De fase van een dossier wijzigen of het afsluiten', en: 'Change the phase of a case or close it' },
  'case-team:manage': { nl: 'Het casusteam samenstellen', en: 'Manage the case team' },
  'coordinator:transfer': { nl: 'De regie overdragen aan een andere regisseur', en: 'Transfer coordination to another coordinator' },
  'user:list': {
    nl: 'Organisaties en professionals van de regio opzoeken',
    en: 'Look up the organisations and professionals of the region',
  },
  'break-glass:open': {
    nl: `Noodtoegang openen: ${BREAK_GLASS_MINUTES} minuten toegang tot één gezin, met reden`,
    en: `Open emergency access: ${BREAK_GLASS_MINUTES} minutes of access to one family, with a reason`,
  },
  'break-glass:review': { nl: 'Noodtoegang achteraf beoordelen', en: 'Review emergency access afterwards' },
  'audit:read': { nl: 'Het auditlog inzien', en: 'Read the audit log' },
  'audit:verify': { nl: 'De auditketen controleren op wijzigingen', en: 'Verify the audit chain for tampering' },
  'person:access-log': { nl: 'Zien wie de gegevens van een persoon heeft ingezien', en: 'See who accessed the data of a person' },
  'signal:create': { nl: 'Een melding doen', en: 'Report a signal' },
  'signal:read': {
    nl: 'Meldingen inzien: de triagelijst van de eigen organisatie en eigen meldingen',
    en: "Read signals: the own organisation's triage list and own reports",
  },
  'signal:triage': { nl: 'Meldingen van de eigen organisatie triëren', en: "Triage the own organisation's signals" },
  'refindex:register': { nl: 'Betrokkenheid registreren in de verwijsindex', en: 'Register involvement in the reference index' },
  'refindex:read': {
    nl: 'Registraties en matches van de eigen organisatie inzien',
    en: "Read the own organisation's registrations and matches",
  },
  'handover:send': {
    nl: 'Een dossier of melding overdragen aan een andere organisatie',
    en: 'Hand a case or signal over to another organisation',
  },
  'handover:respond': {
    nl: 'Een overdracht aan de eigen organisatie aanvaarden of weigeren',
    en: 'Accept or refuse a handover to the own organisation',
  },
  'handover:read': { nl: 'Overdrachten van en naar de eigen organisatie inzien', en: 'Read handovers from and to the own organisation' },
  'assessment:read': {
    nl: 'Het integraal beeld, het verloop en de blinde vlekken van een dossier inzien',
    en: 'Read the integral picture, its course and the blind spots of a case',
  },
  'assessment:record': {
    nl: 'Een integraal beeld vastleggen (scores per persoon en levensdomein)',
    en: 'Record an integral picture (scores per person and life domain)',
  },
  'blind-spot:organisation': {
    nl: 'De blinde vlekken van alle dossiers van de eigen organisatie zien',
    en: "See the blind spots of all cases of one's organisation",
  },
  'safety:read': {
    nl: 'De veiligheid en het familienetwerkberaad van een dossier inzien',
    en: 'Read the safety and family network council of a case',
  },
  'safety:write': { nl: 'De veiligheidstaxatie en het veiligheidsplan vastleggen', en: 'Record the safety assessment and the safety plan' },
  'safety:review': {
    nl: 'Een veiligheidstaxatie beoordelen (gedragswetenschapper)',
    en: 'Review a safety assessment (behavioural scientist)',
  },
  'council:write': {
    nl: 'Het familienetwerkberaad vastleggen (regisseur van het dossier)',
    en: 'Record the family network council (coordinator of the case)',
  },
  'plan:read': {
    nl: 'Het plan van een gezin inzien, versies vergelijken en als PDF downloaden',
    en: "Read a family's plan, compare versions and download it as PDF",
  },
  'plan:write': {
    nl: 'Het plan opstellen, voorleggen en akkoord geven of weigeren',
    en: 'Draft, propose and agree to or disagree with the plan',
  },
  'plan:approve': {
    nl: 'Een plan goedkeuren voordat het wordt voorgelegd (als de regio dat vraagt)',
    en: 'Approve a plan before it is proposed (when the region asks so)',
  },
  'leadtime:read': { nl: 'Doorlooptijden in de keten inzien', en: 'Read lead times in the chain' },
  'notification:self': { nl: 'Eigen berichten lezen', en: 'Read own messages' },
  'notification:admin': { nl: 'E-mailverzending bekijken en opnieuw proberen', en: 'View e-mail delivery and retry' },
  'session:self': { nl: 'De eigen sessie gebruiken en beëindigen', en: 'Use and end the own session' },
  'admin:settings': {
    nl: 'Regio-instellingen wijzigen: triagetermijnen en de voordeur van het online meldformulier',
    en: 'Change region settings: triage norms and the front door of the public form',
  },
  'admin:organisations': { nl: 'Organisaties aanmaken en wijzigen', en: 'Create and change organisations' },
  'admin:blind-spot-rules': {
    nl: 'De regels voor blinde vlekken van de regio lezen en wijzigen',
    en: "Read and change the region's blind-spot rules",
  },
  'admin:users': {
    nl: 'Accounts aanmaken, rollen wijzigen en accounts blokkeren of vrijgeven',
    en: 'Create accounts, change roles, deactivate and reactivate accounts',
  },
  'region:create': {
    nl: 'Een regio aanmaken (alleen als beheerder van de installatie aangewezen op de opdrachtregel)',
    en: 'Create a region (only when made installation administrator on the command line)',
  },
  'access-rules:read': { nl: 'Deze toegangsregels inzien', en: 'Read these access rules' },
};

/** What a permission cannot say: access to individual records (mayReadFamily, mayBreakGlass, row-level security). */
const RECORD_RULES: Label[] = [
  {
    nl: 'Een gezin is alleen te zien voor wie in het casusteam zit, voor een teamleider van een organisatie in dat casusteam, en voor wie noodtoegang heeft geopend. Alle anderen krijgen "niet gevonden".',
    en: 'A family is seen only by case-team members, a team lead of an organisation on that case team, or whoever opened emergency access. Everyone else gets "not found".',
  },
  {
    nl: `Noodtoegang kan alleen wie werkt bij een organisatie met een veiligheidstaak, of teamleider is; ze geldt ${BREAK_GLASS_MINUTES} minuten en de privacy officer beoordeelt haar.`,
    en: `Only professionals of an organisation with a safety task, or team leads, can open emergency access; it lasts ${BREAK_GLASS_MINUTES} minutes and the privacy officer reviews it.`,
  },
  {
    nl: 'Alleen een professional met de rol regisseur kan regisseur van een dossier zijn.',
    en: 'Only a professional with the coordinator role can coordinate a case.',
  },
  {
    nl: 'Iedereen ziet alleen gegevens van de eigen regio. De database controleert dit nog een keer (row-level security).',
    en: 'Everyone sees data of their own region only. The database checks this a second time (row-level security).',
  },
  {
    nl: 'Elke inzage en wijziging van persoonsgegevens wordt vastgelegd in het auditlog.',
    en: 'Every read and change of personal data is recorded in the audit log.',
  },
  {
    nl: 'Niemand wijzigt de eigen rollen. De privacy officer is niet ook professional, regisseur, teamleider of gedragswetenschapper. Een rol die noodtoegang of het auditlog opent, wordt pas toegekend als een tweede functioneel beheerder het voorstel goedkeurt; de privacy officer krijgt daarvan bericht.',
    en: 'Nobody changes their own roles. The privacy officer is not also a professional, coordinator, team lead or behavioural scientist. A role that opens emergency access or the audit log is only given once a second functional administrator approves the proposal; the privacy officer is notified.',
  },
];

export function accessRules() {
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).map((p) => ({
    permission: p,
    group: GROUPS[p.split(':')[0] ?? ''] ?? { nl: 'Overig', en: 'Other' },
    label: PERMISSION_LABELS[p],
    roles: [...PERMISSIONS[p]] as string[],
  }));
  const roles = ROLES.map((role) => ({
    role,
    label: ROLE_LABELS[role].label,
    description: ROLE_LABELS[role].description,
    permissions: permissions.filter((p) => p.roles.includes(role)).map((p) => p.permission),
  }));
  return { roles, permissions, recordRules: RECORD_RULES };
}
