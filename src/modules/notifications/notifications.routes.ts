import type { App } from '../../platform/http/app.js';
import { routesOf } from '../../platform/http/route.js';
import {
  MailDelivery,
  MailDeliveryList,
  MarkedCount,
  MailDeliveryParams,
  MailDeliveryQuery,
  Notification,
  NotificationList,
  NotificationListQuery,
  NotificationParams,
  UnreadCount,
  MailLanguage,
} from './notifications.contract.js';
import {
  listInbox,
  listMailDeliveries,
  markAllNotificationsRead,
  markNotificationRead,
  retryMailDelivery,
  setMailLanguage,
  unreadCount,
} from './notifications.service.js';

export function notificationsRoutes(app: App) {
  const r = routesOf(app, 'Berichten');
  const self = 'notification:self' as const;
  const admin = 'notification:admin' as const;

  r.get(
    '/api/v1/notifications',
    {
      summary: 'Mijn berichten, nieuwste eerst (eventueel alleen ongelezen), gepagineerd',
      permission: self,
      query: NotificationListQuery,
      ok: NotificationList,
    },
    (req) => listInbox(app.db, req.actor, req.query),
  );
  r.get(
    '/api/v1/notifications/unread-count',
    {
      summary: 'Aantal ongelezen berichten (voor de kop van het scherm)',
      permission: self,
      ok: UnreadCount,
      config: { touchSession: false },
    },
    (req) => unreadCount(app.db, req.actor),
  );
  r.post(
    '/api/v1/notifications/:notificationId/read',
    { summary: 'Een bericht als gelezen markeren', permission: self, params: NotificationParams, ok: Notification },
    (req) => markNotificationRead(app.db, req.actor, req.params.notificationId),
  );
  r.post('/api/v1/notifications/read-all', { summary: 'Alle berichten als gelezen markeren', permission: self, ok: MarkedCount }, (req) =>
    markAllNotificationsRead(app.db, req.actor),
  );
  r.put(
    '/api/v1/notifications/language',
    {
      summary: 'De taal van mijn e-mails (nl of en); de app stuurt hem mee als ik van taal wissel',
      permission: self,
      body: MailLanguage,
      ok: MailLanguage,
    },
    (req) => setMailLanguage(app.db, req.actor, req.body.language),
  );
  r.get(
    '/api/v1/mail-deliveries',
    {
      summary: 'E-mailverzending: wachtende, verzonden en mislukte e-mails van de regio (functioneel beheer)',
      permission: admin,
      query: MailDeliveryQuery,
      ok: MailDeliveryList,
    },
    (req) => listMailDeliveries(app.db, req.actor, req.query, !!app.config.smtp),
  );
  r.post(
    '/api/v1/mail-deliveries/:mailDeliveryId/retry',
    {
      summary: 'Een mislukte e-mail opnieuw laten versturen (functioneel beheer)',
      permission: admin,
      params: MailDeliveryParams,
      ok: MailDelivery,
    },
    (req) => retryMailDelivery(app.db, req.actor, req.params.mailDeliveryId),
  );
}
