import type { App } from '../../platform/http/app.js';
import {
  AccessLog,
  AccessLogQuery,
  AuditEventList,
  AuditEventQuery,
  PersonLookup,
  PersonLookupQuery,
  PersonParams,
  Verification,
} from './audit.contract.js';
import { checkpointSettings } from '../../platform/audit/checkpoints.js';
import { findPersonForPrivacyOfficer, listAuditEvents, personAccessLog, verifyAuditChain } from './audit.service.js';

export function auditRoutes(app: App) {
  const tags = ['Privacy'];
  app.get(
    '/api/v1/audit-events',
    {
      schema: {
        tags,
        summary: 'Het toegangslogboek (NEN 7513) doorzoeken: wie, wanneer, welke persoon, op welke grondslag',
        querystring: AuditEventQuery,
        response: { 200: AuditEventList },
      },
      config: { permission: 'audit:read' },
    },
    (req) => listAuditEvents(app.db, req.actor, req.query),
  );

  app.post(
    '/api/v1/audit-verifications',
    {
      schema: {
        tags,
        summary: 'De hashketen van het toegangslogboek controleren op wijzigingen en gaten, en tegen het laatste ondertekende controlepunt',
        response: { 200: Verification },
      },
      config: { permission: 'audit:verify' },
    },
    (req) => verifyAuditChain(app.db, req.actor, checkpointSettings(app.config)),
  );

  app.get(
    '/api/v1/persons/:personId/access-log',
    {
      schema: {
        tags,
        summary: 'Wie heeft de gegevens van deze persoon ingezien of gewijzigd',
        params: PersonParams,
        querystring: AccessLogQuery,
        response: { 200: AccessLog },
      },
      config: { permission: 'person:access-log' },
    },
    (req) => personAccessLog(app.db, req.actor, req.params.personId, req.query),
  );

  app.get(
    '/api/v1/persons',
    {
      schema: {
        tags,
        summary: 'Een persoon zoeken op BSN (privacyfunctionaris)',
        querystring: PersonLookupQuery,
        response: { 200: PersonLookup },
      },
      config: { permission: 'person:access-log' },
    },
    (req) => findPersonForPrivacyOfficer(app.db, req.actor, req.query.bsn),
  );
}
