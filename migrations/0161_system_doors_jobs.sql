-- Two background jobs move behind their named system door (src/platform/db/system-tx.ts): they
-- run as regie_system, which holds only the grants below, and row-level security lets each door
-- see only the rows its job works on (tables with FORCE ROW LEVEL SECURITY get a policy for
-- regie_system that names the door).

-- Which door this transaction came through (NULL outside one); set by asSystem with the role.
CREATE FUNCTION regie.system_door() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('regie.system', true), '') $$;
REVOKE EXECUTE ON FUNCTION regie.system_door() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.system_door() TO regie_system;

-- The application's policies on the tables a door reads are for regie_app (every actor and the
-- public form run as regie_app; the owner bypasses them), so regie_system is judged by its
-- door's policies alone — not by the actor's, which it could not evaluate (nor should).
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies
            WHERE schemaname = 'public' AND tablename IN ('signals', 'users') AND roles = '{public}'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I TO regie_app', p.policyname, p.tablename);
  END LOOP;
END $$;

-- idempotency: the hourly clean-up deletes keys older than a day (idempotency_keys has no RLS).
GRANT SELECT (created_at), DELETE ON idempotency_keys TO regie_system;

-- triage-overdue: open signals past their deadline, marked once their team leads were told.
GRANT SELECT (region_id, id, reference, receiving_organisation_id, status, overdue_notified_at, triage_due_on),
      UPDATE (overdue_notified_at) ON signals TO regie_system;
CREATE POLICY signals_system_triage_overdue ON signals TO regie_system USING (regie.system_door() = 'triage-overdue');
-- regie.team_leads runs as its invoker (0131): the active team leads of one organisation.
GRANT SELECT (region_id, id, organisation_id, active, roles) ON users TO regie_system;
CREATE POLICY users_system_team_leads ON users FOR SELECT TO regie_system USING (regie.system_door() = 'triage-overdue');
GRANT EXECUTE ON FUNCTION regie.team_leads(text, uuid),
  regie.notify(text, uuid, uuid, text, text, text, text, text, uuid) TO regie_system;
