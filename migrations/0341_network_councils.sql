-- The family network council (familienetwerkberaad) of a case: the coordinator offers it (date),
-- records the family's answer (accepted, or declined with a reason) and when it met, or a safety
-- reason not to wait for it; its outcome is the family's own goals (in their words) and the
-- network's actions, each owned by a member of the informal network. The region sets within how
-- many working days after the case opened it must be offered (council_settings, default 10);
-- the `council-overdue` sweep marks a case not offered in time once (council_overdue_notices)
-- and tells its coordinator and the team leads.
CREATE TABLE council_settings (
  region_id text NOT NULL REFERENCES regions(id),
  working_days integer NOT NULL DEFAULT 10 CHECK (working_days BETWEEN 1 AND 60),
  -- Cases opened before the rule existed in the region are not counted as overdue.
  applies_from timestamptz NOT NULL DEFAULT '-infinity',
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id)
);
COMMENT ON TABLE council_settings IS 'Per region: within how many working days after a case opened the family network council must be offered.';
INSERT INTO council_settings (region_id, applies_from) SELECT id, now() FROM regions;

CREATE TABLE network_councils (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  offered_on date,
  answer text CHECK (answer IN ('accepted', 'declined')),
  declined_reason text CHECK (length(declined_reason) BETWEEN 1 AND 2000),
  answered_on date,
  met_on date,
  safety_reason text CHECK (length(safety_reason) BETWEEN 1 AND 2000),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id),
  CHECK (answer IS NULL OR offered_on IS NOT NULL),
  CHECK ((answer = 'declined') = (declined_reason IS NOT NULL)),
  CHECK ((answer IS NULL) = (answered_on IS NULL)),
  CHECK (met_on IS NULL OR answer = 'accepted'),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, updated_by) REFERENCES users(region_id, id)
);
COMMENT ON TABLE network_councils IS 'The family network council of a case: offer, the family''s answer, when it met, or a safety reason. Personal data.';
COMMENT ON COLUMN network_councils.declined_reason IS 'Why the family declined (personal data).';
COMMENT ON COLUMN network_councils.safety_reason IS 'The coordinator''s safety reason to propose a plan before the council was offered (personal data).';

CREATE TABLE council_goals (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  position integer NOT NULL,
  goal text NOT NULL CHECK (length(goal) BETWEEN 1 AND 2000),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id, position),
  FOREIGN KEY (region_id, case_id) REFERENCES network_councils(region_id, case_id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id)
);
COMMENT ON TABLE council_goals IS 'The family''s own goals from the network council, in their own words (not rewritten).';
COMMENT ON COLUMN council_goals.goal IS 'The goal in the family''s words (personal data).';

CREATE TABLE council_actions (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  position integer NOT NULL,
  what text NOT NULL CHECK (length(what) BETWEEN 1 AND 2000),
  network_member_id uuid NOT NULL,
  due_on date NOT NULL,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id, position),
  FOREIGN KEY (region_id, case_id) REFERENCES network_councils(region_id, case_id) ON DELETE CASCADE,
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, network_member_id) REFERENCES network_members(region_id, id)
);
COMMENT ON TABLE council_actions IS 'The network''s actions from the network council, each owned by a member of the informal network.';
COMMENT ON COLUMN council_actions.what IS 'What the network member does (personal data).';
COMMENT ON COLUMN council_actions.network_member_id IS 'The member of the informal network who owns the action (personal data of a third person).';

CREATE TABLE council_overdue_notices (
  region_id text NOT NULL REFERENCES regions(id),
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  due_on date NOT NULL,
  notified_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, case_id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id)
);
CREATE INDEX council_overdue_notices_family ON council_overdue_notices (region_id, family_id);
COMMENT ON TABLE council_overdue_notices IS 'Cases whose network council was not offered in time, marked once by the council-overdue sweep (which notified the coordinator and team leads).';

-- Row-level security: the settings region-wide (changed by the functional administrator), the
-- rest through access to the family; writes only through a care relation.
ALTER TABLE council_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE council_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY council_settings_region ON council_settings FOR SELECT TO regie_app USING (region_id = regie.actor_region());
CREATE POLICY council_settings_admin_insert ON council_settings FOR INSERT TO regie_app
  WITH CHECK (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'));
CREATE POLICY council_settings_admin_update ON council_settings FOR UPDATE TO regie_app
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin')) WITH CHECK (region_id = regie.actor_region());
GRANT SELECT, INSERT (region_id, working_days, version), UPDATE (working_days, version) ON council_settings TO regie_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['network_councils', 'council_goals', 'council_actions', 'council_overdue_notices'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %1$s_read ON %1$I FOR SELECT TO regie_app
      USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id))$p$, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['network_councils', 'council_goals', 'council_actions'] LOOP
    EXECUTE format($p$CREATE POLICY %1$s_insert ON %1$I FOR INSERT TO regie_app
      WITH CHECK (region_id = regie.actor_region()
        AND EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id)
        AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %1$I.region_id AND g.family_id = %1$I.family_id))$p$, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['council_goals', 'council_actions'] LOOP
    EXECUTE format($p$CREATE POLICY %1$s_delete ON %1$I FOR DELETE TO regie_app
      USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id)
        AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %1$I.region_id AND g.family_id = %1$I.family_id))$p$, t);
  END LOOP;
END $$;
CREATE POLICY network_councils_update ON network_councils FOR UPDATE TO regie_app
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = network_councils.region_id AND a.family_id = network_councils.family_id)
    AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = network_councils.region_id AND g.family_id = network_councils.family_id))
  WITH CHECK (region_id = regie.actor_region());
GRANT SELECT, INSERT, UPDATE (offered_on, answer, declined_reason, answered_on, met_on, safety_reason, updated_by, updated_at, version) ON network_councils TO regie_app;
GRANT SELECT, INSERT, DELETE ON council_goals, council_actions TO regie_app;
GRANT SELECT ON council_overdue_notices TO regie_app;

-- The `council-overdue` system door (src/modules/safety/council-overdue.sweep.ts): the open cases
-- of every region whose council was not offered and that are not marked yet, opened at least
-- `working_days` calendar days before today (working days are never fewer), with their
-- coordinator and the region's rules. A definer function, so the job role needs no grants on cases
-- and case teams; only regie_system executes it. The sweep computes the due day in working days,
-- marks the case and notifies.
CREATE FUNCTION regie.council_overdue_candidates(today date, lim integer)
RETURNS TABLE (region_id text, case_id uuid, family_id uuid, opened_on date, working_days integer, liberation_day text,
               coordinator_user_id uuid, coordinator_organisation_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT c.region_id, c.id, c.family_id, (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date, coalesce(s.working_days, 10),
         coalesce(ss.liberation_day, 'lustrum'), ct.user_id, ct.organisation_id
    FROM cases c
    LEFT JOIN council_settings s ON s.region_id = c.region_id
    LEFT JOIN signal_settings ss ON ss.region_id = c.region_id
    LEFT JOIN case_team ct ON ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
   WHERE c.status <> 'closed' AND c.opened_at >= coalesce(s.applies_from, '-infinity')
     AND (c.opened_at AT TIME ZONE 'Europe/Amsterdam')::date < today - coalesce(s.working_days, 10)
     AND NOT EXISTS (SELECT 1 FROM network_councils n WHERE n.region_id = c.region_id AND n.case_id = c.id AND n.offered_on IS NOT NULL)
     AND NOT EXISTS (SELECT 1 FROM council_overdue_notices o WHERE o.region_id = c.region_id AND o.case_id = c.id)
   ORDER BY c.opened_at, c.id
   LIMIT lim
$$;
REVOKE EXECUTE ON FUNCTION regie.council_overdue_candidates(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.council_overdue_candidates(date, integer) TO regie_system;
GRANT SELECT (region_id, case_id), INSERT (region_id, case_id, family_id, due_on) ON council_overdue_notices TO regie_system;
CREATE POLICY council_overdue_notices_system ON council_overdue_notices TO regie_system
  USING (regie.system_door() = 'council-overdue') WITH CHECK (regie.system_door() = 'council-overdue');
ALTER POLICY users_system_team_leads ON users
  USING (regie.system_door() IN ('triage-overdue', 'refindex-sweeps', 'handover-deadlines', 'council-overdue'));
