import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import {
  AcceptHandoverBody,
  HandoverDetail,
  HandoverList,
  HandoverListQuery,
  HandoverParams,
  HandoverState,
  ReceiverList,
  ReceiversQuery,
  RefuseHandoverBody,
  SendHandoverBody,
} from './handovers.contract.js';
import { handoverReceivers, listHandovers, readHandover, refuseHandover, sendHandover } from './handovers.service.js';
import { acceptHandover } from './handovers.accept.js';
import { onHandoverDecision, onHandoverTarget } from '../signals/triage.service.js';
import { handoverFromTriage, triageHandoverTarget } from './from-triage.js';

export function handoversRoutes(app: App) {
  const r = routesOf(app, 'Overdrachten');
  const read = 'handover:read' as const;
  const respond = 'handover:respond' as const;
  // A triage decision "hand over" creates the handover in the triage's own transaction.
  onHandoverDecision(handoverFromTriage);
  onHandoverTarget(triageHandoverTarget);

  r.post(
    '/api/v1/handovers',
    {
      summary: 'Een dossier of melding overdragen aan een andere organisatie, met informatiepakket',
      permission: 'handover:send',
      body: SendHandoverBody,
      created: HandoverState,
      location: (h) => `/api/v1/handovers/${h.id}`,
    },
    (req) => sendHandover(app.db, req.actor, req.body),
  );
  r.get(
    '/api/v1/handovers',
    {
      summary: 'Overdrachten van en aan mijn organisatie, met termijn en resterende werkdagen',
      permission: read,
      query: HandoverListQuery,
      ok: HandoverList,
    },
    (req) => listHandovers(app.db, req.actor, req.query),
  );
  r.get(
    '/api/v1/handovers/:handoverId',
    { summary: 'Een overdracht met het informatiepakket', permission: read, params: HandoverParams, ok: HandoverDetail },
    (req) => readHandover(app.db, req.actor, req.params.handoverId),
  );
  r.post(
    '/api/v1/handovers/:handoverId/accept',
    {
      summary: 'Een overdracht aanvaarden en de regisseur aanwijzen (met versie)',
      permission: respond,
      params: HandoverParams,
      body: AcceptHandoverBody,
      ok: HandoverState,
    },
    (req) => acceptHandover(app.db, req.actor, req.params.handoverId, req.body),
  );
  r.post(
    '/api/v1/handovers/:handoverId/refuse',
    {
      summary: 'Een overdracht weigeren met reden (met versie)',
      permission: respond,
      params: HandoverParams,
      body: RefuseHandoverBody,
      ok: HandoverState,
    },
    (req) => refuseHandover(app.db, req.actor, req.params.handoverId, req.body),
  );
  r.get(
    '/api/v1/handover-receivers',
    {
      summary: 'Organisaties die dit soort overdracht mogen ontvangen',
      permission: 'handover:send',
      query: ReceiversQuery,
      ok: ReceiverList,
    },
    (req) => handoverReceivers(app.db, req.actor, req.query.subjectType),
  );
}
