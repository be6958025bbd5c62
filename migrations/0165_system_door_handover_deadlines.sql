-- The handover deadline sweep (expireOverdueHandovers, src/modules/handovers/handovers.service.ts)
-- moves behind the `handover-deadlines` system door: it expires overdue pending handovers in every
-- region (regie.expire_overdue_handovers, which no actor may call) and tells the team leads of
-- both organisations and the sender.
GRANT EXECUTE ON FUNCTION regie.expire_overdue_handovers(date) TO regie_system;
ALTER POLICY users_system_team_leads ON users
  USING (regie.system_door() IN ('triage-overdue', 'refindex-sweeps', 'handover-deadlines'));
