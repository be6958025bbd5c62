-- Person matching: candidates for "possibly the same person", and reversible merges.
ALTER TABLE persons ADD COLUMN merged_into uuid;
COMMENT ON COLUMN persons.merged_into IS 'Set when this record was merged into another person (reversible, see person_merges).';

CREATE TABLE person_merges (
  region_id text NOT NULL,
  id uuid NOT NULL,
  surviving_person_id uuid NOT NULL,
  merged_person_id uuid NOT NULL,
  reason text NOT NULL,
  moved_memberships jsonb NOT NULL,
  merged_by uuid NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  undone_by uuid,
  undone_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, surviving_person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, merged_person_id) REFERENCES persons(region_id, id)
);
CREATE UNIQUE INDEX person_merges_active ON person_merges (region_id, merged_person_id) WHERE undone_at IS NULL;
COMMENT ON TABLE person_merges IS 'Two records of one person joined by a professional; undo restores the memberships.';

GRANT SELECT, INSERT, UPDATE ON person_merges TO regie_app;
ALTER TABLE person_merges ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_merges FORCE ROW LEVEL SECURITY;
CREATE POLICY person_merges_read ON person_merges FOR SELECT USING (regie.can_see_person(region_id, surviving_person_id));
CREATE POLICY person_merges_insert ON person_merges FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY person_merges_undo ON person_merges FOR UPDATE USING (regie.can_see_person(region_id, surviving_person_id));

-- Candidates with the same BSN or the same birth date, whoever can see them: the service
-- shows only the visible ones and a neutral hint for the rest.
CREATE FUNCTION regie.person_candidates(r text, b text, d date)
RETURNS TABLE (id uuid, bsn text, given_names text, family_name_prefix text, family_name text, birth_date date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT p.id, p.bsn, p.given_names, p.family_name_prefix, p.family_name, p.birth_date FROM persons p
   WHERE p.region_id = r AND r = regie.actor_region() AND p.merged_into IS NULL
     AND ((b IS NOT NULL AND p.bsn = b) OR (d IS NOT NULL AND p.birth_date = d))
   LIMIT 200
$$;
GRANT EXECUTE ON FUNCTION regie.person_candidates(text, text, date) TO regie_app;
