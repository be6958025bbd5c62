-- Creating a region (`regie region add`, or an installation administrator in the web app,
-- ADR 0010) writes into a region that is not the actor's, and granting the installation-wide task
-- (`regie installation-admin add|remove`) into any region. Both move behind the named door
-- `installation` (src/modules/regions/regions.service.ts) instead of the server connection's own
-- role: exactly the rows a new region starts with, and nothing it could read or change later.
GRANT SELECT (id, name, created_at), INSERT (id, name) ON regions TO regie_system;

-- The application's policies on organisations were for every role; they are regie_app's (as
-- 0161 did for the tables the other doors read), so the door is judged by its own policy alone.
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies
            WHERE schemaname = 'public' AND tablename IN ('organisations', 'installation_admins') AND roles = '{public}'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I TO regie_app', p.policyname, p.tablename);
  END LOOP;
END $$;

GRANT INSERT (region_id, id, name, type, safety_task, version) ON organisations TO regie_system;
CREATE POLICY organisations_system_installation ON organisations FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'installation');

-- The first functional administrator (one-time password, authenticator required), and the lookup
-- of an account by username for the installation-wide task.
GRANT INSERT (region_id, id, organisation_id, username, display_name, email, password_hash, password_change_required, totp_required, roles, active, version)
  ON users TO regie_system;
GRANT SELECT (region_id, id, username, display_name, active) ON users TO regie_system;
CREATE POLICY users_system_installation_insert ON users FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'installation' AND roles = ARRAY['functional_admin'] AND password_change_required AND totp_required);
CREATE POLICY users_system_installation_read ON users FOR SELECT TO regie_system USING (regie.system_door() = 'installation');

GRANT INSERT (region_id, front_door_organisation_id) ON signal_settings TO regie_system;
CREATE POLICY signal_settings_system_installation ON signal_settings FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'installation');

GRANT SELECT, INSERT, DELETE ON installation_admins TO regie_system;
CREATE POLICY installation_admins_system ON installation_admins TO regie_system
  USING (regie.system_door() = 'installation') WITH CHECK (regie.system_door() = 'installation');

-- The new region's chain starts with its creation; the command line has no account.
CREATE POLICY audit_log_system_installation ON audit_log FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'installation' AND on_behalf_of = 'installation');
