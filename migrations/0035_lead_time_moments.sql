-- The moments of the chain, per signal, handover and case, from which lead times are computed:
-- received, triaged, handed over, accepted, first contact with the family, plan agreed.
CREATE TABLE lead_time_moments (
  region_id text NOT NULL,
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  signal_id uuid,
  handover_id uuid,
  case_id uuid,
  family_id uuid,
  moment text NOT NULL CHECK (moment IN ('received', 'triaged', 'handed_over', 'accepted', 'first_contact', 'plan_agreed')),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  recorded_by uuid,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations(region_id, id),
  CHECK (signal_id IS NOT NULL OR handover_id IS NOT NULL OR case_id IS NOT NULL)
);
-- Each moment once per subject: the first time counts.
CREATE UNIQUE INDEX lead_time_once ON lead_time_moments (region_id, moment, coalesce(signal_id, handover_id, case_id));
CREATE INDEX lead_time_org ON lead_time_moments (region_id, organisation_id, moment, occurred_at);
CREATE INDEX lead_time_case ON lead_time_moments (region_id, case_id);
COMMENT ON TABLE lead_time_moments IS 'Chain moments for lead-time figures; no content, only when and by which organisation.';

GRANT SELECT, INSERT ON lead_time_moments TO regie_app;
ALTER TABLE lead_time_moments ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_time_moments FORCE ROW LEVEL SECURITY;
-- Figures are organisation-level and hold no personal data; per-case detail is read through the case.
CREATE POLICY lead_time_read ON lead_time_moments FOR SELECT USING (region_id = regie.actor_region());
CREATE POLICY lead_time_insert ON lead_time_moments FOR INSERT WITH CHECK (region_id = regie.actor_region());
