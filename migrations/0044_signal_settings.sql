-- Per region: how many working days triage may take per urgency, and which organisation is the
-- front door that receives concerns from the public form. Without a row the defaults apply
-- (acute: the same working day, high: 5, normal: 10 working days) and the public form is closed.
CREATE TABLE signal_settings (
  region_id text PRIMARY KEY REFERENCES regions(id),
  acute_working_days integer NOT NULL DEFAULT 0 CHECK (acute_working_days BETWEEN 0 AND 30),
  high_working_days integer NOT NULL DEFAULT 5 CHECK (high_working_days BETWEEN 0 AND 60),
  normal_working_days integer NOT NULL DEFAULT 10 CHECK (normal_working_days BETWEEN 0 AND 90),
  front_door_organisation_id uuid,
  FOREIGN KEY (region_id, front_door_organisation_id) REFERENCES organisations(region_id, id),
  CHECK (acute_working_days <= high_working_days AND high_working_days <= normal_working_days)
);
COMMENT ON TABLE signal_settings IS 'Triage norms in working days per urgency, and the front-door organisation for public concerns, per region.';

GRANT SELECT ON signal_settings TO regie_app;
ALTER TABLE signal_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY signal_settings_region ON signal_settings FOR SELECT USING (region_id = regie.actor_region());
