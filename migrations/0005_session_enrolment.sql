-- A TOTP secret offered during enrolment is kept on the session until the user confirms a code.
ALTER TABLE sessions ADD COLUMN pending_totp_secret text;
COMMENT ON COLUMN sessions.pending_totp_secret IS 'TOTP secret being enrolled; moved to users.totp_secret after confirmation.';
