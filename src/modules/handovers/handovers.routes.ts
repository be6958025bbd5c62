import type { App } from '../../platform/http/app.js';
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
  const tags = ['Overdrachten'];
  // A triage decision "hand over" creates the handover in the triage's own transaction.
  onHandoverDecision(handoverFromTriage);
  onHandoverTarget(triageHandoverTarget);
  app.post(
    '/api/v1/handovers',
    {
      schema: {
        tags,
        summary: 'Een dossier of melding overdragen aan een andere organisatie, met informatiepakket',
        body: SendHandoverBody,
        response: { 201: HandoverState },
      },
      config: { permission: 'handover:send' },
    },
    async (req, reply) => {
      const r = await sendHandover(app.db, req.actor, req.body);
      return reply.code(201).header('Location', `/api/v1/handovers/${r.id}`).send(r);
    },
  );

  app.get(
    '/api/v1/handovers',
    {
      schema: {
        tags,
        summary: 'Overdrachten van en aan mijn organisatie, met termijn en resterende werkdagen',
        querystring: HandoverListQuery,
        response: { 200: HandoverList },
      },
      config: { permission: 'handover:read' },
    },
    (req) => listHandovers(app.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/handovers/:handoverId',
    {
      schema: { tags, summary: 'Een overdracht met het informatiepakket', params: HandoverParams, response: { 200: HandoverDetail } },
      config: { permission: 'handover:read' },
    },
    (req) => readHandover(app.db, req.actor, req.params.handoverId),
  );

  app.post(
    '/api/v1/handovers/:handoverId/accept',
    {
      schema: {
        tags,
        summary: 'Een overdracht aanvaarden en de regisseur aanwijzen (met versie)',
        params: HandoverParams,
        body: AcceptHandoverBody,
        response: { 200: HandoverState },
      },
      config: { permission: 'handover:respond' },
    },
    (req) => acceptHandover(app.db, req.actor, req.params.handoverId, req.body),
  );

  app.post(
    '/api/v1/handovers/:handoverId/refuse',
    {
      schema: {
        tags,
        summary: 'Een overdracht weigeren met reden (met versie)',
        params: HandoverParams,
        body: RefuseHandoverBody,
        response: { 200: HandoverState },
      },
      config: { permission: 'handover:respond' },
    },
    (req) => refuseHandover(app.db, req.actor, req.params.handoverId, req.body),
  );

  app.get(
    '/api/v1/handover-receivers',
    {
      schema: {
        tags,
        summary: 'Organisaties die dit soort overdracht mogen ontvangen',
        querystring: ReceiversQuery,
        response: { 200: ReceiverList },
      },
      config: { permission: 'handover:send' },
    },
    (req) => handoverReceivers(app.db, req.actor, req.query.subjectType),
  );
}
