import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import { TooMany } from '../../platform/http/errors.js';
import {
  AttachmentBody,
  AttachmentMeta,
  AttachmentParams,
  CreateSignalBody,
  FamilyProposalBody,
  FamilyProposalResult,
  FormToken,
  LowerUrgencyBody,
  LowerUrgencyResult,
  PublicConcernBody,
  PublicConcernReceipt,
  SignalCreated,
  SignalDetail,
  SignalList,
  SignalListQuery,
  SignalParams,
  SignalSettings,
  TriageBody,
  TriageResult,
} from './signals.contract.js';
import { answerFamilyProposal, createSignal, listSignals, lowerSignalUrgency, readSettings, readSignal } from './signals.service.js';
import { triageSignal } from './triage.service.js';
import { addAttachment, downloadAttachment } from './attachments.service.js';
import { contentDisposition, MAX_ATTACHMENT_BYTES } from './files.js';
import { readConcernForm } from './multipart.js';
import { formRegions, issueFormToken, submitPublicConcern } from './public.service.js';

// Rate limits of the public form, each over ten minutes. Per IP address loosely: a household, a
// school or a library shares one address, and two people there must both be able to report (with
// a mistake or two on the way). Per form token tightly: one opened form is one person's report,
// and a robot that replays a token is stopped whatever address it uses. Per region: a flood from
// many addresses slows down before the daily cap (public.service.ts) closes the form for the day.
/** Per IP address: a flood from one address is stopped without blocking anyone else. */
export const PUBLIC_CONCERN_LIMIT = { max: 20, timeWindow: '10 minutes' };
/** Per form token (a token is accepted once; this counts the tries, e.g. after a refused file). */
export const PUBLIC_CONCERN_TOKEN_LIMIT = { max: 5, timeWindow: '10 minutes' };

export function signalsRoutes(app: App) {
  const tags = ['Meldingen'];
  const r = routesOf(app, 'Meldingen');
  const triage = 'signal:triage' as const;

  r.post(
    '/api/v1/signals',
    {
      summary: 'Een melding doen over een persoon of gezin (komt in de triagelijst van de ontvangende organisatie)',
      permission: 'signal:create',
      body: CreateSignalBody,
      created: SignalCreated,
      location: (signal) => `/api/v1/signals/${signal.id}`,
    },
    (req) => createSignal(app.db, req.actor, req.body),
  );
  r.get(
    '/api/v1/signals',
    {
      summary: 'De triagelijst van mijn organisatie (op termijn), of mijn eigen meldingen (scope=reported)',
      permission: 'signal:read',
      query: SignalListQuery,
      ok: SignalList,
    },
    (req) => listSignals(app.db, req.actor, req.query),
  );
  r.get(
    '/api/v1/signal-settings',
    { summary: 'Termijnen voor triage in werkdagen per urgentie, voor mijn regio', permission: 'signal:create', ok: SignalSettings },
    (req) => readSettings(app.db, req.actor),
  );
  r.get(
    '/api/v1/signals/:signalId',
    { summary: 'Een melding met triagebesluit en bijlagen', permission: 'signal:read', params: SignalParams, ok: SignalDetail },
    (req) => readSignal(app.db, req.actor, req.params.signalId),
  );
  r.post(
    '/api/v1/signals/:signalId/triage',
    {
      summary: 'Triagebesluit: veiligheidsinschatting en vervolg (alleen de ontvangende organisatie; met versie)',
      permission: triage,
      params: SignalParams,
      body: TriageBody,
      ok: TriageResult,
    },
    (req) => triageSignal(app.db, req.actor, req.params.signalId, req.body),
  );
  r.post(
    '/api/v1/signals/:signalId/family-proposals',
    {
      summary:
        'Mogelijk hetzelfde gezin: een voorstel (open melding of open dossier op hetzelfde adres) bevestigen of afwijzen (alleen de ontvangende organisatie; met versie)',
      permission: triage,
      params: SignalParams,
      body: FamilyProposalBody,
      ok: FamilyProposalResult,
    },
    (req) => answerFamilyProposal(app.db, req.actor, req.params.signalId, req.body),
  );
  r.post(
    '/api/v1/signals/:signalId/urgency',
    {
      summary: 'De urgentie verlagen, met reden (alleen de ontvangende organisatie, vóór de triage; met versie)',
      permission: triage,
      params: SignalParams,
      body: LowerUrgencyBody,
      ok: LowerUrgencyResult,
    },
    (req) => lowerSignalUrgency(app.db, req.actor, req.params.signalId, req.body),
  );

  app.post(
    '/api/v1/signals/:signalId/attachments',
    {
      // Up to 10 MB per file, sent as base64 in JSON (about 13.4 MB); larger bodies get 413 before parsing.
      bodyLimit: Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary: 'Een bijlage toevoegen (pdf, png, jpeg of tekst; maximaal 10 MB; base64; metadata wordt verwijderd)',
        params: SignalParams,
        body: AttachmentBody,
        response: { 201: AttachmentMeta },
      },
      config: { permission: 'signal:create' },
    },
    async (req, reply) => reply.code(201).send(await addAttachment(app.db, req.actor, req.params.signalId, req.body)),
  );

  app.get(
    '/api/v1/signals/:signalId/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Een bijlage downloaden (wordt vastgelegd in het auditlog)',
        params: AttachmentParams,
        response: { 200: z.any().meta({ description: 'De inhoud van het bestand (pdf, png, jpeg of tekst)' }) },
      },
      config: { permission: 'signal:read' },
    },
    async (req, reply) => {
      const f = await downloadAttachment(app.db, req.actor, req.params.signalId, req.params.attachmentId);
      // Always a download, never shown inline: a file from outside must not run in Regie's origin
      // (nosniff is sent on every answer, app.ts); and no other site may embed it.
      return reply
        .type(f.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : f.mediaType)
        .header('Content-Disposition', contentDisposition(f.filename))
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('Cross-Origin-Resource-Policy', 'same-origin')
        .send(f.content);
    },
  );

  // ---- public: no account ----------------------------------------------------------------------
  const publicTags = ['Zorg melden'];
  const tooMany = () =>
    new TooMany({
      nl: 'Er zijn vanaf uw internetverbinding veel meldingen verstuurd. Probeer het over 10 minuten opnieuw; wat u schreef blijft staan. Is het dringend? Bel Veilig Thuis: 0800-2000.',
      en: 'Many reports were sent from your internet connection. Try again in 10 minutes; what you wrote stays. Is it urgent? Call Veilig Thuis: 0800-2000.',
    });

  routesOf(app, 'Zorg melden').get(
    '/api/v1/public/concerns/form-token',
    {
      summary: "Het formulier openen: een token (minimale invultijd) en de regio's die online meldingen ontvangen",
      permission: 'public',
      ok: FormToken,
      config: { rateLimit: { max: 60, timeWindow: '10 minutes', errorResponseBuilder: tooMany } },
    },
    async () => ({ token: await issueFormToken(app.db), regions: await formRegions(app.db) }),
  );

  const perToken = app.createRateLimit({
    ...PUBLIC_CONCERN_TOKEN_LIMIT,
    keyGenerator: (req) => `token:${(req.body as { formToken: string }).formToken}`,
  });
  const perRegion = app.createRateLimit({
    max: app.config.publicConcernRegionLimit,
    timeWindow: '10 minutes',
    keyGenerator: (req) => `region:${(req.body as { regionId: string }).regionId}`,
  });
  /** After validation (the token and region are known), before any file is decoded or cleaned. */
  const publicLimits = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = await perToken(req);
    if (!token.isAllowed && token.isExceeded) {
      reply.header('Retry-After', token.ttlInSeconds);
      throw new TooMany({
        nl: 'Dit formulier is te vaak verstuurd. Laad de pagina opnieuw; wat u schreef blijft staan. Is het dringend? Bel Veilig Thuis: 0800-2000.',
        en: 'This form was sent too often. Reload the page; what you wrote stays. Is it urgent? Call Veilig Thuis: 0800-2000.',
      });
    }
    const region = await perRegion(req);
    if (!region.isAllowed && region.isExceeded) {
      reply.header('Retry-After', region.ttlInSeconds);
      throw new TooMany({
        nl:
          'Er komen op dit moment erg veel meldingen binnen. Probeer het over 10 minuten opnieuw; wat u schreef blijft staan. ' +
          'Is er acuut gevaar? Bel 112. Zorgen over huiselijk geweld of kindermishandeling? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).',
        en:
          'Very many concerns are arriving right now. Try again in 10 minutes; what you wrote stays. ' +
          'Acute danger? Call 112. Worried about domestic violence or child abuse? Call Veilig Thuis: 0800-2000 (free, day and night).',
      });
    }
  };

  // Its own scope, so that only this route reads multipart/form-data (JSON keeps the 16 KB limit
  // of routes without an account; multipart.ts has the limit for files).
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser('multipart/form-data', (req: FastifyRequest, payload: AsyncIterable<Buffer>) =>
      readConcernForm(req, payload),
    );
    scope.post(
      '/api/v1/public/concerns',
      {
        schema: {
          tags: publicTags,
          summary:
            'Zonder account een zorg melden, met foto\'s of pdf\'s als multipart/form-data (deel "concern" met deze JSON en ' +
            'maximaal 3 delen "attachments" van elk maximaal 10 MB); geeft alleen een referentienummer terug',
          body: PublicConcernBody,
          response: { 201: PublicConcernReceipt },
        },
        config: { permission: 'public', rateLimit: { ...PUBLIC_CONCERN_LIMIT, errorResponseBuilder: tooMany } },
        preHandler: publicLimits,
      },
      async (req, reply) =>
        reply.code(201).send(await submitPublicConcern(app.db, req.body, { dailyCap: app.config.publicConcernDailyCap })),
    );
  });
}
