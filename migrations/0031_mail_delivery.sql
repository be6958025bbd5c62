-- E-mail delivery by a background job, and the functional admin's view of it.
-- A message being sent carries a lease (claim_token, claimed_until): a second worker skips it,
-- and when the sender dies mid-way the lease runs out and the message is tried again
-- (at-least-once; see src/modules/notifications/mail.ts).
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed'));
ALTER TABLE mail_outbox ADD COLUMN claim_token uuid, ADD COLUMN claimed_until timestamptz;
COMMENT ON COLUMN mail_outbox.status IS 'pending: waits for next_attempt_at; sending: leased by a worker until claimed_until; sent; failed: gave up after the maximum attempts (the functional admin may retry).';
COMMENT ON COLUMN mail_outbox.claim_token IS 'Which worker holds the lease; only that worker may record the outcome.';
COMMENT ON COLUMN mail_outbox.last_error IS 'Last SMTP error, with e-mail addresses removed (no personal data).';

DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_leased ON mail_outbox (claimed_until) WHERE status = 'sending';
CREATE INDEX mail_outbox_admin ON mail_outbox (region_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (region_id, user_id) WHERE read_at IS NULL;

-- The functional admin of a region sees its outbox and may put a message back in the queue;
-- nobody else reads it through the application role (the sender runs as the system).
GRANT SELECT ON mail_outbox TO regie_app;
GRANT UPDATE (status, next_attempt_at) ON mail_outbox TO regie_app;
CREATE POLICY mail_outbox_admin_read ON mail_outbox FOR SELECT
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'));
CREATE POLICY mail_outbox_admin_retry ON mail_outbox FOR UPDATE
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin') AND status IN ('pending', 'failed'))
  WITH CHECK (region_id = regie.actor_region() AND status = 'pending');

-- A professional marks their own notifications read; the text of a notification never changes.
REVOKE UPDATE ON notifications FROM regie_app;
GRANT UPDATE (read_at) ON notifications TO regie_app;
