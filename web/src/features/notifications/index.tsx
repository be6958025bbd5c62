// In-app inbox and the functional admin's view of e-mail deliveries — registered in main.tsx.
import { Heading } from '@rijkshuisstijl-community/components-react';
export function Inbox() { return <Heading level={1}>Berichten</Heading>; }
export function MailDeliveries() { return <Heading level={1}>E-mailverzending</Heading>; }
/** The unread count shown in the header; rendered by Layout.tsx when logged in. */
export function InboxBadge() { return null; }
