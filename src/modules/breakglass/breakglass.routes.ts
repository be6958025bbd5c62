import type { App } from '../../platform/http/app.js';
import {
  BreakGlassOpened,
  OpenBreakGlassBody,
  OwnGrantList,
  ReviewBody,
  ReviewItem,
  ReviewList,
  ReviewListQuery,
  ReviewParams,
} from './breakglass.contract.js';
import { listForReview, listOwnGrants, openBreakGlass, reviewBreakGlass } from './breakglass.service.js';

export function breakGlassRoutes(app: App) {
  app.post(
    '/api/v1/break-glass',
    {
      schema: {
        tags: ['Noodtoegang'],
        summary: 'Noodtoegang: een gezin 60 minuten openen bij acuut gevaar (reden en authenticatiecode verplicht)',
        body: OpenBreakGlassBody,
        response: { 201: BreakGlassOpened },
      },
      // A six-digit code must not be guessable by trying: the same limit as the login.
      config: { permission: 'break-glass:open', rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const r = await openBreakGlass(app.db, req.actor, req.body);
      return reply.code(201).header('Location', `/api/v1/families/${r.familyId}`).send(r);
    },
  );

  app.get(
    '/api/v1/break-glass',
    {
      schema: { tags: ['Noodtoegang'], summary: 'Mijn noodtoegang: eigen gebruik, actieve eerst', response: { 200: OwnGrantList } },
      config: { permission: 'break-glass:open' },
    },
    (req) => listOwnGrants(app.db, req.actor),
  );

  app.get(
    '/api/v1/break-glass-reviews',
    {
      schema: {
        tags: ['Privacy'],
        summary: 'Noodtoegang beoordelen: lijst voor de privacyfunctionaris',
        querystring: ReviewListQuery,
        response: { 200: ReviewList },
      },
      config: { permission: 'break-glass:review' },
    },
    (req) => listForReview(app.db, req.actor, req.query),
  );

  app.post(
    '/api/v1/break-glass-reviews/:breakGlassId',
    {
      schema: {
        tags: ['Privacy'],
        summary: 'Een noodtoegang beoordelen als terecht of onterecht',
        params: ReviewParams,
        body: ReviewBody,
        response: { 200: ReviewItem },
      },
      config: { permission: 'break-glass:review' },
    },
    (req) => reviewBreakGlass(app.db, req.actor, req.params.breakGlassId, req.body),
  );
}
