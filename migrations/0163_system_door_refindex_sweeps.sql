-- The reference index's two sweeps (src/modules/refindex/refindex.sweeps.ts) move behind the
-- `refindex-sweeps` system door: they end registrations past their end date or of persons who
-- turned 23 (reading only the birth date), close matches left with one organisation, log each
-- removal in the audit log, and escalate overdue matches to the team leads. The application's
-- policies on these tables are for regie_app (see 0161).
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies
            WHERE schemaname = 'public' AND roles = '{public}'
              AND tablename IN ('refindex_registrations', 'refindex_matches', 'refindex_match_pairs', 'persons', 'audit_log')
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I TO regie_app', p.policyname, p.tablename);
  END LOOP;
END $$;

GRANT SELECT (region_id, id, person_id, organisation_id, legal_basis, ended_at, end_date),
      UPDATE (ended_at, ended_by, ended_reason) ON refindex_registrations TO regie_system;
CREATE POLICY refindex_registrations_system_sweeps ON refindex_registrations TO regie_system
  USING (regie.system_door() = 'refindex-sweeps');
GRANT SELECT (region_id, id, birth_date) ON persons TO regie_system;
CREATE POLICY persons_system_refindex_sweeps ON persons FOR SELECT TO regie_system
  USING (regie.system_door() = 'refindex-sweeps');
GRANT SELECT (region_id, id, closed_at, coordinator_user_id, escalated_at, due_on), UPDATE (escalated_at) ON refindex_matches TO regie_system;
CREATE POLICY refindex_matches_system_sweeps ON refindex_matches TO regie_system
  USING (regie.system_door() = 'refindex-sweeps');
GRANT SELECT (region_id, match_id, org_low, org_high) ON refindex_match_pairs TO regie_system;
CREATE POLICY refindex_match_pairs_system_sweeps ON refindex_match_pairs FOR SELECT TO regie_system
  USING (regie.system_door() = 'refindex-sweeps');
-- The removal's audit row: no user, on behalf of the job.
GRANT INSERT ON audit_log TO regie_system;
CREATE POLICY audit_log_system_refindex_removals ON audit_log FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'refindex-sweeps' AND user_id IS NULL AND on_behalf_of = 'system:refindex-removals');
ALTER POLICY users_system_team_leads ON users USING (regie.system_door() IN ('triage-overdue', 'refindex-sweeps'));
GRANT EXECUTE ON FUNCTION regie.refindex_lock(text, uuid), regie.refindex_close_stale(text, uuid, date) TO regie_system;
