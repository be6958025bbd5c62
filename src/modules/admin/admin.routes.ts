// Functional administration (Beheer): region settings, organisations, accounts, and the access
// rules in words. Writes need an 'admin:*' permission (functional_admin only, policy.ts); the
// organisation list is the region's pick list for everyone with 'user:list'.
import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Beheer');
  const organisations = routesOf(app, 'Organisaties');
  const settings = 'admin:settings' as const;
  const users = 'admin:users' as const;
  // E-mail notifications are on when an SMTP server is configured: then every account needs an address.
  const mail = () => ({ emailRequired: !!app.config.smtp });

  r.get(
    '/api/v1/region-settings',
    {
      summary: 'Regio-instellingen: triagetermijnen per urgentie en de voordeur van het online meldformulier (met versie)',
      permission: settings,
      ok: RegionSettings,
    },
    (req) => readRegionSettings(app.db, req.actor),
  );
  r.put(
    '/api/v1/region-settings',
    {
      summary: 'Regio-instellingen opslaan (geldt voor nieuwe meldingen; lopende termijnen blijven); met de gelezen versie',
      permission: settings,
      body: RegionSettingsBody,
      ok: RegionSettings,
    },
    (req) => saveRegionSettings(app.db, req.actor, req.body),
  );
  organisations.get(
    '/api/v1/organisations',
    {
      summary: 'Organisaties in de regio, op naam (zoeken met q; per pagina, standaard 500)',
      permission: 'user:list',
      query: OrganisationListQuery,
      ok: OrganisationList,
    },
    (req) => listOrganisations(app.db, req.actor, req.query),
  );
  organisations.get(
    '/api/v1/organisations/:organisationId',
    { summary: 'Eén organisatie in de regio (met versie)', permission: 'user:list', params: OrganisationParams, ok: Organisation },
    (req) => readOrganisation(app.db, req.actor, req.params.organisationId),
  );
  r.post(
    '/api/v1/organisations',
    {
      summary: 'Een organisatie toevoegen aan de regio',
      permission: 'admin:organisations',
      body: OrganisationInput,
      created: Organisation,
      location: (o) => `/api/v1/organisations/${o.id}`,
    },
    (req) => createOrganisation(app.db, req.actor, req.body),
  );
  r.put(
    '/api/v1/organisations/:organisationId',
    {
      summary: 'Naam, soort en veiligheidstaak van een organisatie wijzigen (met versie)',
      permission: 'admin:organisations',
      params: OrganisationParams,
      body: OrganisationUpdate,
      ok: Organisation,
    },
    (req) => changeOrganisation(app.db, req.actor, req.params.organisationId, req.body),
  );
  r.get(
    '/api/v1/accounts',
    {
      summary: 'Accounts van professionals in de regio, actief en geblokkeerd, op naam (zoeken, per organisatie, per pagina)',
      permission: users,
      query: AccountListQuery,
      ok: AccountList,
    },
    (req) => listAccounts(app.db, req.actor, req.query, mail()),
  );
  r.post(
    '/api/v1/accounts',
    {
      summary: 'Een account aanmaken; geeft eenmalig een tijdelijk wachtwoord, bij de eerste login wordt een authenticator-app gekoppeld',
      permission: users,
      body: CreateAccountBody,
      created: AccountCreated,
      location: (c) => `/api/v1/accounts/${c.account.id}`,
    },
    (req) => createAccount(app.db, req.actor, req.body, mail()),
  );
  r.get('/api/v1/accounts/:userId', { summary: 'Eén account (met versie)', permission: users, params: AccountParams, ok: Account }, (req) =>
    readAccount(app.db, req.actor, req.params.userId),
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
      config: { permission: users },
    },
    async (req, reply) => {
      const changed = await changeAccount(app.db, req.actor, req.params.userId, req.body, mail());
      return reply.code(changed.pending ? 202 : 200).send(changed.account);
    },
  );

  r.post(
    '/api/v1/accounts/:userId/role-change-approval',
    {
      summary: 'Een voorgestelde rolwijziging goedkeuren (vier ogen: niet door wie hem voorstelde); de privacy officers krijgen bericht',
      permission: users,
      params: AccountParams,
      body: RoleChangeDecisionBody,
      ok: Account,
    },
    (req) => approveRoleChange(app.db, req.actor, req.params.userId, req.body.proposalId),
  );
  r.post(
    '/api/v1/accounts/:userId/role-change-rejection',
    {
      summary: 'Een voorgestelde rolwijziging afwijzen of intrekken',
      permission: users,
      params: AccountParams,
      body: RoleChangeDecisionBody,
      ok: Account,
    },
    (req) => rejectRoleChange(app.db, req.actor, req.params.userId, req.body.proposalId),
  );
  r.post(
    '/api/v1/accounts/:userId/authenticator-reset',
    {
      summary:
        'De authenticator-app van een account resetten: sessies eindigen direct, bij de volgende login wordt een nieuwe gekoppeld; de privacy officers krijgen bericht (met versie)',
      permission: users,
      params: AccountParams,
      body: VersionBody,
      ok: AuthenticatorReset,
    },
    (req) => resetAuthenticator(app.db, req.actor, req.params.userId, req.body.version),
  );
  r.post(
    '/api/v1/accounts/:userId/password-reset',
    {
      summary:
        'Een nieuw eenmalig wachtwoord voor een account: sessies eindigen direct, bij de volgende login kiest de gebruiker een eigen wachtwoord (met versie)',
      permission: users,
      params: AccountParams,
      body: VersionBody,
      ok: PasswordReset,
    },
    (req) => resetPassword(app.db, req.actor, req.params.userId, req.body.version),
  );
  r.post(
    '/api/v1/accounts/:userId/deactivate',
    {
      summary: 'Een account blokkeren: inloggen kan niet meer en lopende sessies eindigen direct (met versie)',
      permission: users,
      params: AccountParams,
      body: VersionBody,
      ok: AccountDeactivated,
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
      config: { permission: users },
    },
    async (req, reply) => {
      const changed = await reactivateAccount(app.db, req.actor, req.params.userId, req.body.version);
      return reply.code(changed.pending ? 202 : 200).send(changed.account);
    },
  );

  r.get(
    '/api/v1/access-rules',
    {
      summary: 'De toegangsregels in woorden: per rol wat die mag (uit de rechtentabel van de toegangspolicy)',
      permission: 'access-rules:read',
      ok: AccessRules,
    },
    () => accessRules(),
  );
}
