// Functional administration (Beheer): region settings, organisations, accounts, and the access
// rules in words. Writes need an 'admin:*' permission (functional_admin only, policy.ts); the
// organisation list is the region's pick list for everyone with 'user:list'.
import type { App } from '../../platform/http/app.js';
import {
  AccessRules,
  Account,
  AccountCreated,
  AccountDeactivated,
  AccountList,
  AccountListQuery,
  AccountParams,
  AuthenticatorReset,
  CreateAccountBody,
  Organisation,
  OrganisationInput,
  OrganisationList,
  OrganisationListQuery,
  OrganisationParams,
  OrganisationUpdate,
  PasswordReset,
  RegionSettings,
  RegionSettingsBody,
  RoleChangeDecisionBody,
  UpdateAccountBody,
  VersionBody,
} from './admin.contract.js';
import {
  changeOrganisation,
  createOrganisation,
  listOrganisations,
  readOrganisation,
  readRegionSettings,
  saveRegionSettings,
} from './admin.service.js';
import {
  approveRoleChange,
  changeAccount,
  createAccount,
  deactivateAccount,
  listAccounts,
  reactivateAccount,
  readAccount,
  rejectRoleChange,
  resetAuthenticator,
  resetPassword,
} from './accounts.service.js';
import { accessRules } from './access-rules.js';

export function adminRoutes(app: App) {
  const tags = ['Beheer'];
  // E-mail notifications are on when an SMTP server is configured: then every account needs an address.
  const mail = () => ({ emailRequired: !!app.config.smtp });

  app.get(
    '/api/v1/region-settings',
    {
      schema: {
        tags,
        summary: 'Regio-instellingen: triagetermijnen per urgentie en de voordeur van het online meldformulier (met versie)',
        response: { 200: RegionSettings },
      },
      config: { permission: 'admin:settings' },
    },
    (req) => readRegionSettings(app.db, req.actor),
  );

  app.put(
    '/api/v1/region-settings',
    {
      schema: {
        tags,
        summary: 'Regio-instellingen opslaan (geldt voor nieuwe meldingen; lopende termijnen blijven); met de gelezen versie',
        body: RegionSettingsBody,
        response: { 200: RegionSettings },
      },
      config: { permission: 'admin:settings' },
    },
    (req) => saveRegionSettings(app.db, req.actor, req.body),
  );

  app.get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['Organisaties'],
        summary: 'Organisaties in de regio, op naam (zoeken met q; per pagina, standaard 500)',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationList },
      },
      config: { permission: 'user:list' },
    },
    (req) => listOrganisations(app.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/organisations/:organisationId',
    {
      schema: {
        tags: ['Organisaties'],
        summary: 'Eén organisatie in de regio (met versie)',
        params: OrganisationParams,
        response: { 200: Organisation },
      },
      config: { permission: 'user:list' },
    },
    (req) => readOrganisation(app.db, req.actor, req.params.organisationId),
  );

  app.post(
    '/api/v1/organisations',
    {
      schema: { tags, summary: 'Een organisatie toevoegen aan de regio', body: OrganisationInput, response: { 201: Organisation } },
      config: { permission: 'admin:organisations' },
    },
    async (req, reply) => {
      const o = await createOrganisation(app.db, req.actor, req.body);
      return reply.code(201).header('Location', `/api/v1/organisations/${o.id}`).send(o);
    },
  );

  app.put(
    '/api/v1/organisations/:organisationId',
    {
      schema: {
        tags,
        summary: 'Naam, soort en veiligheidstaak van een organisatie wijzigen (met versie)',
        params: OrganisationParams,
        body: OrganisationUpdate,
        response: { 200: Organisation },
      },
      config: { permission: 'admin:organisations' },
    },
    (req) => changeOrganisation(app.db, req.actor, req.params.organisationId, req.body),
  );

  app.get(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts van professionals in de regio, actief en geblokkeerd, op naam (zoeken, per organisatie, per pagina)',
        querystring: AccountListQuery,
        response: { 200: AccountList },
      },
      config: { permission: 'admin:users' },
    },
    (req) => listAccounts(app.db, req.actor, req.query, mail()),
  );

  app.post(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Een account aanmaken; geeft eenmalig een tijdelijk wachtwoord, bij de eerste login wordt een authenticator-app gekoppeld',
        body: CreateAccountBody,
        response: { 201: AccountCreated },
      },
      config: { permission: 'admin:users' },
    },
    async (req, reply) => {
      const r = await createAccount(app.db, req.actor, req.body, mail());
      return reply.code(201).header('Location', `/api/v1/accounts/${r.account.id}`).send(r);
    },
  );

  app.get(
    '/api/v1/accounts/:userId',
    {
      schema: { tags, summary: 'Eén account (met versie)', params: AccountParams, response: { 200: Account } },
      config: { permission: 'admin:users' },
    },
    (req) => readAccount(app.db, req.actor, req.params.userId),
  );

  app.put(
    '/api/v1/accounts/:userId',
    {
      schema: {
        tags,
        summary:
          'Naam, e-mailadres en rollen van een account wijzigen (met versie); een rol met noodtoegang of auditlog wordt een voorstel (202) dat een tweede beheerder goedkeurt',
        params: AccountParams,
        body: UpdateAccountBody,
        response: { 200: Account, 202: Account },
      },
      config: { permission: 'admin:users' },
    },
    async (req, reply) => {
      const r = await changeAccount(app.db, req.actor, req.params.userId, req.body, mail());
      return reply.code(r.pending ? 202 : 200).send(r.account);
    },
  );

  app.post(
    '/api/v1/accounts/:userId/role-change-approval',
    {
      schema: {
        tags,
        summary: 'Een voorgestelde rolwijziging goedkeuren (vier ogen: niet door wie hem voorstelde); de privacy officers krijgen bericht',
        params: AccountParams,
        body: RoleChangeDecisionBody,
        response: { 200: Account },
      },
      config: { permission: 'admin:users' },
    },
    (req) => approveRoleChange(app.db, req.actor, req.params.userId, req.body.proposalId),
  );

  app.post(
    '/api/v1/accounts/:userId/role-change-rejection',
    {
      schema: {
        tags,
        summary: 'Een voorgestelde rolwijziging afwijzen of intrekken',
        params: AccountParams,
        body: RoleChangeDecisionBody,
        response: { 200: Account },
      },
      config: { permission: 'admin:users' },
    },
    (req) => rejectRoleChange(app.db, req.actor, req.params.userId, req.body.proposalId),
  );

  app.post(
    '/api/v1/accounts/:userId/authenticator-reset',
    {
      schema: {
        tags,
        summary:
          'De authenticator-app van een account resetten: sessies eindigen direct, bij de volgende login wordt een nieuwe gekoppeld; de privacy officers krijgen bericht (met versie)',
        params: AccountParams,
        body: VersionBody,
        response: { 200: AuthenticatorReset },
      },
      config: { permission: 'admin:users' },
    },
    (req) => resetAuthenticator(app.db, req.actor, req.params.userId, req.body.version),
  );

  app.post(
    '/api/v1/accounts/:userId/password-reset',
    {
      schema: {
        tags,
        summary:
          'Een nieuw eenmalig wachtwoord voor een account: sessies eindigen direct, bij de volgende login kiest de gebruiker een eigen wachtwoord (met versie)',
        params: AccountParams,
        body: VersionBody,
        response: { 200: PasswordReset },
      },
      config: { permission: 'admin:users' },
    },
    (req) => resetPassword(app.db, req.actor, req.params.userId, req.body.version),
  );

  app.post(
    '/api/v1/accounts/:userId/deactivate',
    {
      schema: {
        tags,
        summary: 'Een account blokkeren: inloggen kan niet meer en lopende sessies eindigen direct (met versie)',
        params: AccountParams,
        body: VersionBody,
        response: { 200: AccountDeactivated },
      },
      config: { permission: 'admin:users' },
    },
    (req) => deactivateAccount(app.db, req.actor, req.params.userId, req.body.version),
  );

  app.post(
    '/api/v1/accounts/:userId/reactivate',
    {
      schema: {
        tags,
        summary:
          'Een geblokkeerd account weer vrijgeven (met versie); met een rol met noodtoegang of auditlog een voorstel (202) voor een tweede beheerder',
        params: AccountParams,
        body: VersionBody,
        response: { 200: Account, 202: Account },
      },
      config: { permission: 'admin:users' },
    },
    async (req, reply) => {
      const r = await reactivateAccount(app.db, req.actor, req.params.userId, req.body.version);
      return reply.code(r.pending ? 202 : 200).send(r.account);
    },
  );

  app.get(
    '/api/v1/access-rules',
    {
      schema: {
        tags,
        summary: 'De toegangsregels in woorden: per rol wat die mag (uit de rechtentabel van de toegangspolicy)',
        response: { 200: AccessRules },
      },
      config: { permission: 'access-rules:read' },
    },
    async () => accessRules(),
  );
}
