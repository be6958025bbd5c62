-- Login, sessions, the second factor, password changes and OpenID Connect logins move behind a
-- named door, `authentication` (src/platform/db/system-tx.ts), with a role of its own:
-- regie_authn. It is the only role that can read password hashes and (encrypted) TOTP secrets
-- or touch sessions, and it can do nothing else — the background jobs' role regie_system cannot
-- read a password hash, and neither can an actor (regie_app). Before this the server did this
-- work as its connection's own role, which in production must be an ordinary login role
-- (regie_server, NOINHERIT) that holds no grant of its own.
--
-- Created here when missing (PGlite; an installation that migrates as a superuser); on a
-- PostgreSQL server set up with docs/deploy/roles.sql the role and its membership exist already.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'regie_authn') THEN
    CREATE ROLE regie_authn NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

GRANT USAGE ON SCHEMA regie TO regie_authn;
GRANT EXECUTE ON FUNCTION regie.actor_region(), regie.system_door() TO regie_authn;

-- Accounts: what a login checks, and what a login, a code or a password change updates.
GRANT SELECT (region_id, id, organisation_id, username, display_name, email, password_hash, totp_secret, totp_required,
              oidc_issuer, oidc_subject, roles, active, totp_last_step, totp_failures, totp_locked_until, password_change_required)
  ON users TO regie_authn;
GRANT UPDATE (password_hash, password_change_required, totp_secret, totp_last_step, totp_failures, totp_locked_until, oidc_issuer, oidc_subject)
  ON users TO regie_authn;
-- Across regions: a username is unique in the installation and the login names no region.
CREATE POLICY users_authn_read ON users FOR SELECT TO regie_authn USING (regie.system_door() = 'authentication');
CREATE POLICY users_authn_update ON users FOR UPDATE TO regie_authn
  USING (regie.system_door() = 'authentication') WITH CHECK (regie.system_door() = 'authentication');

-- The session carries the account's organisation type and safety task.
GRANT SELECT (region_id, id, type, safety_task) ON organisations TO regie_authn;
CREATE POLICY organisations_authn_read ON organisations FOR SELECT TO regie_authn USING (regie.system_door() = 'authentication');

-- Tables of the door alone (no actor ever reads them; no row-level security needed).
GRANT SELECT, INSERT, UPDATE ON sessions TO regie_authn;
GRANT SELECT, INSERT, UPDATE, DELETE ON login_failures TO regie_authn;
GRANT SELECT, INSERT, DELETE ON oidc_logins TO regie_authn;

-- Security events (login, lockout, logout, codes, enrolment, password change) are audit rows with
-- the account as the actor; the chain trigger (SECURITY DEFINER) links them.
GRANT INSERT ON audit_log TO regie_authn;
CREATE POLICY audit_log_authn ON audit_log FOR INSERT TO regie_authn
  WITH CHECK (regie.system_door() = 'authentication' AND user_id IS NOT NULL);

-- A logged-in request with an Idempotency-Key (a password change, a new authenticator, a new
-- region) marks its key "written" inside the door's transaction, just before COMMIT
-- (src/platform/http/idempotency.ts). The door has no actor, so it takes the system's pass in
-- the function's check.
CREATE OR REPLACE FUNCTION regie.acting_as_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT regie.actor_region() IS NULL AND current_setting('role') IN ('none', 'regie_system', 'regie_authn')
$$;
GRANT EXECUTE ON FUNCTION regie.acting_as_system(), regie.actor_user() TO regie_authn;
GRANT EXECUTE ON FUNCTION regie.mark_idempotency_written(text, uuid, text) TO regie_authn;
-- The same for a request's work behind a system door (creating a region, the public form's steps).
GRANT EXECUTE ON FUNCTION regie.mark_idempotency_written(text, uuid, text) TO regie_system;
