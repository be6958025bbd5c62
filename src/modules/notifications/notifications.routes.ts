import type { App } from '../../platform/http/app.js';
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
  const tags = ['Berichten'];
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Mijn berichten, nieuwste eerst (eventueel alleen ongelezen), gepagineerd',
        querystring: NotificationListQuery,
        response: { 200: NotificationList },
      },
      config: { permission: 'notification:self' },
    },
    (req) => listInbox(app.db, req.actor, req.query),
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: { tags, summary: 'Aantal ongelezen berichten (voor de kop van het scherm)', response: { 200: UnreadCount } },
      config: { permission: 'notification:self', touchSession: false },
    },
    (req) => unreadCount(app.db, req.actor),
  );

  app.post(
    '/api/v1/notifications/:notificationId/read',
    {
      schema: { tags, summary: 'Een bericht als gelezen markeren', params: NotificationParams, response: { 200: Notification } },
      config: { permission: 'notification:self' },
    },
    (req) => markNotificationRead(app.db, req.actor, req.params.notificationId),
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: { tags, summary: 'Alle berichten als gelezen markeren', response: { 200: MarkedCount } },
      config: { permission: 'notification:self' },
    },
    (req) => markAllNotificationsRead(app.db, req.actor),
  );

  app.put(
    '/api/v1/notifications/language',
    {
      schema: {
        tags,
        summary: 'De taal van mijn e-mails (nl of en); de app stuurt hem mee als ik van taal wissel',
        body: MailLanguage,
        response: { 200: MailLanguage },
      },
      config: { permission: 'notification:self' },
    },
    (req) => setMailLanguage(app.db, req.actor, req.body.language),
  );

  app.get(
    '/api/v1/mail-deliveries',
    {
      schema: {
        tags,
        summary: 'E-mailverzending: wachtende, verzonden en mislukte e-mails van de regio (functioneel beheer)',
        querystring: MailDeliveryQuery,
        response: { 200: MailDeliveryList },
      },
      config: { permission: 'notification:admin' },
    },
    (req) => listMailDeliveries(app.db, req.actor, req.query, !!app.config.smtp),
  );

  app.post(
    '/api/v1/mail-deliveries/:mailDeliveryId/retry',
    {
      schema: {
        tags,
        summary: 'Een mislukte e-mail opnieuw laten versturen (functioneel beheer)',
        params: MailDeliveryParams,
        response: { 200: MailDelivery },
      },
      config: { permission: 'notification:admin' },
    },
    (req) => retryMailDelivery(app.db, req.actor, req.params.mailDeliveryId),
  );
}
