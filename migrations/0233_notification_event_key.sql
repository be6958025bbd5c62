-- One event → one notice per person. Every notification names the event it tells of (the
-- dedupe key, e.g. handover-refused:<id> or refindex-registration:<id>); the unique index of
-- 0030 on (region, user, key) then refuses a second notice to the same person about the same
-- event, whichever code path writes it. Notifications from before this rule each count as
-- their own event.
UPDATE notifications SET dedupe_key = 'notification:' || id WHERE dedupe_key IS NULL;
ALTER TABLE notifications ALTER COLUMN dedupe_key SET NOT NULL;
ALTER TABLE notifications ADD CONSTRAINT notifications_event_named CHECK (length(dedupe_key) > 0);
COMMENT ON COLUMN notifications.dedupe_key IS 'The event this notice tells of; one notice per person per event (unique with region and user).';
