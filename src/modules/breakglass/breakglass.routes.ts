import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
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
  const r = routesOf(app, 'Noodtoegang');
  const privacy = routesOf(app, 'Privacy');
  const review = 'break-glass:review' as const;

  r.post(
    '/api/v1/break-glass',
    {
      summary: 'Noodtoegang: een gezin 60 minuten openen bij acuut gevaar (reden en authenticatiecode verplicht)',
      permission: 'break-glass:open',
      body: OpenBreakGlassBody,
      created: BreakGlassOpened,
      location: (opened) => `/api/v1/families/${opened.familyId}`,
      // A six-digit code must not be guessable by trying: the same limit as the login.
      config: { rateLimit: { max: app.config.loginRateLimit, timeWindow: '1 minute' } },
    },
    (req) => openBreakGlass(app.db, req.actor, req.body),
  );
  r.get(
    '/api/v1/break-glass',
    { summary: 'Mijn noodtoegang: eigen gebruik, actieve eerst', permission: 'break-glass:open', ok: OwnGrantList },
    (req) => listOwnGrants(app.db, req.actor),
  );
  privacy.get(
    '/api/v1/break-glass-reviews',
    { summary: 'Noodtoegang beoordelen: lijst voor de privacyfunctionaris', permission: review, query: ReviewListQuery, ok: ReviewList },
    (req) => listForReview(app.db, req.actor, req.query),
  );
  privacy.post(
    '/api/v1/break-glass-reviews/:breakGlassId',
    {
      summary: 'Een noodtoegang beoordelen als terecht of onterecht',
      permission: review,
      params: ReviewParams,
      body: ReviewBody,
      ok: ReviewItem,
    },
    (req) => reviewBreakGlass(app.db, req.actor, req.params.breakGlassId, req.body),
  );
}
