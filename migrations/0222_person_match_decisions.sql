-- A professional's answer to "possibly the same person": confirmed (the described person IS this
-- record) or rejected (it is not). A rejected pair is not proposed again, in the whole region.
-- The described person is kept only as a one-way key (subject_key: a SHA-256 of the normalised
-- name, birth date and BSN, or "person:<id>" for an existing record), never as a name.
CREATE TABLE person_match_decisions (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  subject_key text NOT NULL CHECK (length(subject_key) BETWEEN 8 AND 100),
  person_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
  reason text CHECK (length(reason) <= 500),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, subject_key, person_id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id)
);
COMMENT ON TABLE person_match_decisions IS 'Confirmed and rejected "possibly the same person" proposals; a rejected pair is not proposed again.';
COMMENT ON COLUMN person_match_decisions.subject_key IS 'Pseudonymous key of the described person (hash of normalised name, birth date, BSN) or person:<id>; personal data.';
COMMENT ON COLUMN person_match_decisions.person_id IS 'The existing record proposed as possibly the same person; personal data.';
COMMENT ON COLUMN person_match_decisions.reason IS 'Why the professional decided so (free text; may hold personal data).';

GRANT SELECT, INSERT, UPDATE (decision, reason, decided_by, decided_at, version) ON person_match_decisions TO regie_app;
ALTER TABLE person_match_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_match_decisions FORCE ROW LEVEL SECURITY;
-- Only decisions about persons the actor may see: the proposals shown are those persons.
CREATE POLICY person_match_decisions_read ON person_match_decisions FOR SELECT TO regie_app
  USING (region_id = regie.actor_region() AND regie.can_see_person(region_id, person_id));
CREATE POLICY person_match_decisions_insert ON person_match_decisions FOR INSERT TO regie_app
  WITH CHECK (region_id = regie.actor_region() AND regie.can_see_person(region_id, person_id) AND decided_by = regie.actor_user());
CREATE POLICY person_match_decisions_update ON person_match_decisions FOR UPDATE TO regie_app
  USING (region_id = regie.actor_region() AND regie.can_see_person(region_id, person_id))
  WITH CHECK (region_id = regie.actor_region() AND decided_by = regie.actor_user());
