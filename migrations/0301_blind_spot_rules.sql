-- Blind spots of the integral picture (issue 14 "One plan"): which partner kinds a family's
-- situation calls for. Region settings, read and edited by the functional administrator
-- (versioned, audited); every region starts with the defaults below, new regions too (trigger).
-- The rules themselves are evaluated in src/modules/assessments/blind-spots.ts.
CREATE TABLE blind_spot_rules (
  region_id text NOT NULL REFERENCES regions(id),
  rule text NOT NULL CHECK (rule IN ('school_age_child', 'young_child', 'child_safety_concern', 'housing_low', 'mental_health_low')),
  partner_type text NOT NULL CHECK (partner_type IN ('municipal_team','veilig_thuis','gp_practice','school','housing_corporation','mental_health',
    'youth_care','probation','police','child_protection_board','certified_institution','safety_house','youth_protection_team','youth_health_care')),
  enabled boolean NOT NULL DEFAULT true,
  -- age rules: a child aged min_age..max_age (inclusive, in whole years) calls for the partner
  min_age smallint CHECK (min_age BETWEEN 0 AND 17),
  max_age smallint CHECK (max_age BETWEEN 0 AND 17),
  -- score rules: a latest score of at most max_score calls for the partner
  max_score smallint CHECK (max_score BETWEEN 1 AND 4),
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, rule),
  CHECK (rule NOT IN ('school_age_child', 'young_child') OR (min_age IS NOT NULL AND max_age IS NOT NULL AND min_age <= max_age AND max_score IS NULL)),
  CHECK (rule IN ('school_age_child', 'young_child') OR (max_score IS NOT NULL AND min_age IS NULL AND max_age IS NULL))
);
COMMENT ON TABLE blind_spot_rules IS 'Region settings: which family situation calls for which partner kind on the case team (blind spots of the integral picture).';

GRANT SELECT, UPDATE (partner_type, enabled, min_age, max_age, max_score, version, updated_by, updated_at) ON blind_spot_rules TO regie_app;
ALTER TABLE blind_spot_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE blind_spot_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY blind_spot_rules_read ON blind_spot_rules FOR SELECT TO regie_app USING (region_id = regie.actor_region());
CREATE POLICY blind_spot_rules_update ON blind_spot_rules FOR UPDATE TO regie_app
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'))
  WITH CHECK (region_id = regie.actor_region() AND updated_by = regie.actor_user());

-- The defaults, for a region: a school-age child (4–17) → school; a young child (0–4) → youth
-- health care (JGZ); a child whose safety is scored ≤ 2 (or a case from a signal with safety
-- concerns) → youth-protection team (JOT); housing ≤ 2 → housing corporation; mental health ≤ 2 → GGZ.
CREATE FUNCTION regie.blind_spot_rules_seed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  INSERT INTO blind_spot_rules (region_id, rule, partner_type, min_age, max_age, max_score) VALUES
    (NEW.id, 'school_age_child', 'school', 4, 17, NULL),
    (NEW.id, 'young_child', 'youth_health_care', 0, 4, NULL),
    (NEW.id, 'child_safety_concern', 'youth_protection_team', NULL, NULL, 2),
    (NEW.id, 'housing_low', 'housing_corporation', NULL, NULL, 2),
    (NEW.id, 'mental_health_low', 'mental_health', NULL, NULL, 2)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION regie.blind_spot_rules_seed() IS 'Trigger: every new region starts with the default blind-spot rules (migrations/0301).';
REVOKE ALL ON FUNCTION regie.blind_spot_rules_seed() FROM PUBLIC;
CREATE TRIGGER blind_spot_rules_seed AFTER INSERT ON regions FOR EACH ROW EXECUTE FUNCTION regie.blind_spot_rules_seed();

-- The regions there are now.
ALTER TABLE blind_spot_rules NO FORCE ROW LEVEL SECURITY;
INSERT INTO blind_spot_rules (region_id, rule, partner_type, min_age, max_age, max_score)
SELECT r.id, d.rule, d.partner_type, d.min_age, d.max_age, d.max_score
  FROM regions r CROSS JOIN (VALUES ('school_age_child', 'school', 4, 17, NULL), ('young_child', 'youth_health_care', 0, 4, NULL),
    ('child_safety_concern', 'youth_protection_team', NULL, NULL, 2), ('housing_low', 'housing_corporation', NULL, NULL, 2),
    ('mental_health_low', 'mental_health', NULL, NULL, 2)) AS d(rule, partner_type, min_age, max_age, max_score)
ON CONFLICT DO NOTHING;
ALTER TABLE blind_spot_rules FORCE ROW LEVEL SECURITY;
