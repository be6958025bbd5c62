// In-app inbox, the header's unread count and the functional admin's view of e-mail delivery —
// registered in main.tsx (/berichten, /beheer/e-mail) and Layout.tsx (the header).
import './notifications.css';
export { Inbox } from './Inbox.js';
export { MailDeliveries } from './MailDeliveries.js';
export { InboxBadge } from './InboxBadge.js';
