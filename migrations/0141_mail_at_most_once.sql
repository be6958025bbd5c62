-- E-mail is sent at most once per outbox row (issue 9): a message whose sender died mid-send is
-- no longer resent when its lease runs out, but marked failed with an "uncertain" note for the
-- functional admin (src/modules/notifications/mail.ts).
COMMENT ON COLUMN mail_outbox.status IS 'pending: waits for next_attempt_at; sending: claimed by a worker until claimed_until; sent; failed: gave up after the maximum attempts, or uncertain (the sender stopped mid-send; see last_error) — the functional admin may retry.';
COMMENT ON COLUMN mail_outbox.claimed_until IS 'End of the sender''s lease; a row still sending after it is marked failed (uncertain), never sent again by itself.';
