import { z } from 'zod';
import type { App } from '../../platform/http/app.js';
import { TooMany } from '../../platform/http/errors.js';
import {
  AttachmentBody, AttachmentMeta, AttachmentParams, CreateSignalBody, FamilyProposalBody, FamilyProposalResult, FormToken, LowerUrgencyBody,
  LowerUrgencyResult, PublicConcernBody, PublicConcernReceipt, SignalCreated, SignalDetail, SignalList, SignalListQuery, SignalParams, SignalSettings,
  TriageBody, TriageResult,
} from './signals.contract.js';
import { answerFamilyProposal, createSignal, listSignals, lowerSignalUrgency, readSettings, readSignal } from './signals.service.js';
import { triageSignal } from './triage.service.js';
import { addAttachment, downloadAttachment } from './attachments.service.js';
import { contentDisposition, MAX_PUBLIC_ATTACHMENT_BYTES } from './files.js';
import { formRegions, issueFormToken, submitPublicConcern } from './public.service.js';

/** Per IP address: a flood from one address is stopped without blocking anyone else. */
export const PUBLIC_CONCERN_LIMIT = { max: 5, timeWindow: '10 minutes' };

export function signalsRoutes(app: App) {
  const tags = ['Meldingen'];
  app.post('/api/v1/signals', {
    schema: { tags, summary: 'Een melding doen over een persoon of gezin (komt in de triagelijst van de ontvangende organisatie)', body: CreateSignalBody,
      response: { 201: SignalCreated } },
    config: { permission: 'signal:create' },
  }, async (req, reply) => {
    const r = await createSignal(app.db, req.actor, req.body);
    return reply.code(201).header('Location', `/api/v1/signals/${r.id}`).send(r);
  });

  app.get('/api/v1/signals', {
    schema: { tags, summary: 'De triagelijst van mijn organisatie (op termijn), of mijn eigen meldingen (scope=reported)', querystring: SignalListQuery,
      response: { 200: SignalList } },
    config: { permission: 'signal:read' },
  }, (req) => listSignals(app.db, req.actor, req.query));

  app.get('/api/v1/signal-settings', {
    schema: { tags, summary: 'Termijnen voor triage in werkdagen per urgentie, voor mijn regio', response: { 200: SignalSettings } },
    config: { permission: 'signal:create' },
  }, (req) => readSettings(app.db, req.actor));

  app.get('/api/v1/signals/:signalId', {
    schema: { tags, summary: 'Een melding met triagebesluit en bijlagen', params: SignalParams, response: { 200: SignalDetail } },
    config: { permission: 'signal:read' },
  }, (req) => readSignal(app.db, req.actor, req.params.signalId));

  app.post('/api/v1/signals/:signalId/triage', {
    schema: { tags, summary: 'Triagebesluit: veiligheidsinschatting en vervolg (alleen de ontvangende organisatie; met versie)', params: SignalParams,
      body: TriageBody, response: { 200: TriageResult } },
    config: { permission: 'signal:triage' },
  }, (req) => triageSignal(app.db, req.actor, req.params.signalId, req.body));

  app.post('/api/v1/signals/:signalId/family-proposals', {
    schema: { tags, summary: 'Mogelijk hetzelfde gezin: een voorstel (open melding of open dossier op hetzelfde adres) bevestigen of afwijzen (alleen de ontvangende organisatie; met versie)',
      params: SignalParams, body: FamilyProposalBody, response: { 200: FamilyProposalResult } },
    config: { permission: 'signal:triage' },
  }, (req) => answerFamilyProposal(app.db, req.actor, req.params.signalId, req.body));

  app.post('/api/v1/signals/:signalId/urgency', {
    schema: { tags, summary: 'De urgentie verlagen, met reden (alleen de ontvangende organisatie, vóór de triage; met versie)', params: SignalParams,
      body: LowerUrgencyBody, response: { 200: LowerUrgencyResult } },
    config: { permission: 'signal:triage' },
  }, (req) => lowerSignalUrgency(app.db, req.actor, req.params.signalId, req.body));

  app.post('/api/v1/signals/:signalId/attachments', {
    // Up to 5 MB per file, sent as base64 in JSON (about 6.7 MB); larger bodies get 413 before parsing.
    bodyLimit: 7 * 1024 * 1024,
    schema: { tags, summary: 'Een bijlage toevoegen (pdf, png, jpeg of tekst; maximaal 5 MB; base64)', params: SignalParams, body: AttachmentBody,
      response: { 201: AttachmentMeta } },
    config: { permission: 'signal:create' },
  }, async (req, reply) => reply.code(201).send(await addAttachment(app.db, req.actor, req.params.signalId, req.body)));

  app.get('/api/v1/signals/:signalId/attachments/:attachmentId', {
    schema: { tags, summary: 'Een bijlage downloaden (wordt vastgelegd in het auditlog)', params: AttachmentParams,
      response: { 200: z.any().meta({ description: 'De inhoud van het bestand (pdf, png, jpeg of tekst)' }) } },
    config: { permission: 'signal:read' },
  }, async (req, reply) => {
    const f = await downloadAttachment(app.db, req.actor, req.params.signalId, req.params.attachmentId);
    // Always a download, never shown inline: a file from outside must not run in Regie's origin.
    return reply.type(f.mediaType).header('Content-Disposition', contentDisposition(f.filename))
      .header('Content-Security-Policy', "default-src 'none'; sandbox").send(f.content);
  });

  // ---- public: no account ----------------------------------------------------------------------
  const publicTags = ['Zorg melden'];
  const tooMany = () => new TooMany({ nl: 'Er zijn vanaf uw internetverbinding veel meldingen verstuurd. Probeer het over 10 minuten opnieuw; wat u schreef blijft staan. Is het dringend? Bel Veilig Thuis: 0800-2000.',
    en: 'Many reports were sent from your internet connection. Try again in 10 minutes; what you wrote stays. Is it urgent? Call Veilig Thuis: 0800-2000.' });

  app.get('/api/v1/public/concerns/form-token', {
    schema: { tags: publicTags, summary: 'Het formulier openen: een token (minimale invultijd) en de regio\'s die online meldingen ontvangen', response: { 200: FormToken } },
    config: { permission: 'public', rateLimit: { max: 60, timeWindow: '10 minutes', errorResponseBuilder: tooMany } },
  }, async () => ({ token: await issueFormToken(app.db), regions: await formRegions(app.db) }));

  app.post('/api/v1/public/concerns', {
    // Without an account: room for the largest allowed attachment (base64) and the texts, no more.
    bodyLimit: Math.ceil(MAX_PUBLIC_ATTACHMENT_BYTES * 4 / 3) + 64 * 1024,
    schema: { tags: publicTags, summary: 'Zonder account een zorg melden; geeft alleen een referentienummer terug', body: PublicConcernBody,
      response: { 201: PublicConcernReceipt } },
    config: { permission: 'public', rateLimit: { ...PUBLIC_CONCERN_LIMIT, errorResponseBuilder: tooMany } },
  }, async (req, reply) => reply.code(201).send(await submitPublicConcern(app.db, req.body, { dailyCap: app.config.publicConcernDailyCap })));
}
