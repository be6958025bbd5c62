-- Regie's database roles, created once per PostgreSQL cluster by a superuser (roles are
-- cluster-wide; creating a role with BYPASSRLS needs a superuser). Safe to run again.
--
--   psql -U postgres -d postgres -f docs/deploy/roles.sql
--   psql -U postgres -d postgres -c "ALTER ROLE regie_owner PASSWORD '…'" -c "ALTER ROLE regie_server PASSWORD '…'"
--   psql -U postgres -d postgres -c "CREATE DATABASE regie OWNER regie_owner"
--
-- regie_owner   LOGIN, owns the database and every table; runs the migrations
--               (MIGRATION_DATABASE_URL, or `regie migrate`). BYPASSRLS so that the
--               SECURITY DEFINER functions it owns see across families; never the server's login.
-- regie_server  LOGIN NOSUPERUSER NOBYPASSRLS: what DATABASE_URL uses. It owns nothing and holds
--               no grant of its own: inside a transaction it becomes regie_app (asActor, asPublic)
--               or regie_system (asSystem, a named door), which hold the grants.
-- regie_app     NOLOGIN: every actor's transaction and the public form; row-level security.
-- regie_system  NOLOGIN: the named system doors (src/platform/db/system-tx.ts), only the grants
--               and policies each door needs (migrations 0132, 0160 …).
-- regie_authn   NOLOGIN: the `authentication` door alone — login, sessions, second factor,
--               passwords (migrations/0190); the only role that reads password hashes.
-- The migrations create regie_app and regie_system themselves when missing (PGlite, or an
-- installation that migrates as a superuser); the DO blocks tolerate a concurrent run.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT * FROM (VALUES
      ('regie_app',    'NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'),
      ('regie_system', 'NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'),
      ('regie_authn',  'NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE'),
      ('regie_owner',  'LOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE'),
      ('regie_server', 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE')) AS v(name, attrs)
  LOOP
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name) THEN
        EXECUTE format('CREATE ROLE %I %s', r.name, r.attrs);
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- created by a concurrent run
    END;
    EXECUTE format('ALTER ROLE %I %s', r.name, r.attrs);
  END LOOP;
END $$;

-- The server switches to regie_app / regie_system per transaction (SET LOCAL role): it must be a
-- member. NOINHERIT: outside a door or an actor's transaction it can use none of their grants.
-- The owner is a member too, so that migrations (and the tests' fixtures) can act as either.
DO $$ BEGIN
  GRANT regie_app, regie_system, regie_authn TO regie_owner;
  GRANT regie_app, regie_system, regie_authn TO regie_server;
EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL;
END $$;
ALTER ROLE regie_server NOINHERIT;
