-- How the actions of an agreed plan go (issue 14): done, not done (with why) or open again. The
-- agreed version stays as it was agreed (0320's guards); its progress is recorded beside it, one
-- append-only row per change, the latest being the action's stand. A new draft starts from that
-- stand (plans.repo.ts insertDraft). Only for an action of the agreed version of its plan.
CREATE TABLE plan_action_progress (
  region_id text NOT NULL,
  id uuid NOT NULL,
  action_id uuid NOT NULL,
  plan_version_id uuid NOT NULL,
  family_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'done', 'not_done')),
  not_done_reason text CHECK (length(not_done_reason) BETWEEN 1 AND 1000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  seq bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, action_id) REFERENCES plan_actions(region_id, id),
  FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, recorded_by) REFERENCES users(region_id, id),
  CHECK ((status = 'not_done') = (not_done_reason IS NOT NULL))
);
CREATE INDEX plan_action_progress_action ON plan_action_progress (region_id, action_id, seq DESC);
COMMENT ON TABLE plan_action_progress IS
  'The progress of an action of an agreed plan version: one append-only row per change (status, and why not done); the latest is its stand. Personal data.';
COMMENT ON COLUMN plan_action_progress.not_done_reason IS 'Why the action was not done (free text; may hold personal data).';

CREATE FUNCTION regie.plan_progress_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM plan_actions a JOIN plan_versions v ON v.region_id = a.region_id AND v.id = a.plan_version_id
                  WHERE a.region_id = NEW.region_id AND a.id = NEW.action_id AND v.id = NEW.plan_version_id
                    AND v.family_id = NEW.family_id AND v.status = 'agreed') THEN
    RAISE EXCEPTION 'progress is recorded on an action of the agreed plan version only' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_action_progress_guard BEFORE INSERT ON plan_action_progress FOR EACH ROW EXECUTE FUNCTION regie.plan_progress_guard();
CREATE TRIGGER plan_action_progress_append_only BEFORE UPDATE OR DELETE ON plan_action_progress
  FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();

GRANT SELECT, INSERT ON plan_action_progress TO regie_app;
ALTER TABLE plan_action_progress ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_action_progress FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_action_progress_read ON plan_action_progress FOR SELECT TO regie_app
  USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
CREATE POLICY plan_action_progress_insert ON plan_action_progress FOR INSERT TO regie_app
  WITH CHECK (region_id = regie.actor_region()
    AND (region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a)
    AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = plan_action_progress.region_id
                                                                AND g.family_id = plan_action_progress.family_id));
