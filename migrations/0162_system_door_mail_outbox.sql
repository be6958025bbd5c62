-- The e-mail sender (src/modules/notifications/mail.ts) moves behind the `mail-outbox` system
-- door: it leases, sends and marks messages of every region's outbox, and reads the titles of
-- their notifications — nothing else. The application's policies on both tables are for
-- regie_app (see 0161), so regie_system is judged by the door's policies alone.
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies
            WHERE schemaname = 'public' AND tablename IN ('mail_outbox', 'notifications') AND roles = '{public}'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I TO regie_app', p.policyname, p.tablename);
  END LOOP;
END $$;

GRANT SELECT (region_id, id, notification_id, to_address, subject, link, status, attempts, next_attempt_at, claim_token, claimed_until),
      UPDATE (status, attempts, claim_token, claimed_until, sent_at, last_error, next_attempt_at) ON mail_outbox TO regie_system;
CREATE POLICY mail_outbox_system_sender ON mail_outbox TO regie_system USING (regie.system_door() = 'mail-outbox');
GRANT SELECT (region_id, id, title_nl, title_en) ON notifications TO regie_system;
CREATE POLICY notifications_system_mail_titles ON notifications FOR SELECT TO regie_system USING (regie.system_door() = 'mail-outbox');
