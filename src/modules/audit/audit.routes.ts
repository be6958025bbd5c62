import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Privacy');
  const accessLog = 'person:access-log' as const;

  r.get(
    '/api/v1/audit-events',
    {
      summary: 'Het toegangslogboek (NEN 7513) doorzoeken: wie, wanneer, welke persoon, op welke grondslag',
      permission: 'audit:read',
      query: AuditEventQuery,
      ok: AuditEventList,
    },
    (req) => listAuditEvents(app.db, req.actor, req.query),
  );
  r.post(
    '/api/v1/audit-verifications',
    {
      summary: 'De hashketen van het toegangslogboek controleren op wijzigingen en gaten, en tegen het laatste ondertekende controlepunt',
      permission: 'audit:verify',
      ok: Verification,
    },
    (req) => verifyAuditChain(app.db, req.actor, checkpointSettings(app.config)),
  );
  r.get(
    '/api/v1/persons/:personId/access-log',
    {
      summary: 'Wie heeft de gegevens van deze persoon ingezien of gewijzigd',
      permission: accessLog,
      params: PersonParams,
      query: AccessLogQuery,
      ok: AccessLog,
    },
    (req) => personAccessLog(app.db, req.actor, req.params.personId, req.query),
  );
  r.get(
    '/api/v1/persons',
    { summary: 'Een persoon zoeken op BSN (privacyfunctionaris)', permission: accessLog, query: PersonLookupQuery, ok: PersonLookup },
    (req) => findPersonForPrivacyOfficer(app.db, req.actor, req.query.bsn),
  );
}
