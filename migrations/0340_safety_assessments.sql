-- Safety (veiligheid) of a case: the safety assessment (the dangers in plain words, what goes
-- well, the safety goals, a 0–10 scaling by each party and the decision), the behavioural
-- scientist's reviews of it, and the safety plan's concrete agreements. One assessment per case,
-- changed in versions (the version column detects concurrent edits); a review names the version
-- it read. Everything here is personal data of the family: readable through access to the family,
-- writable only through a care relation (never under break the glass).
CREATE TABLE safety_assessments (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  dangers text NOT NULL CHECK (length(dangers) BETWEEN 1 AND 4000),
  going_well text NOT NULL CHECK (length(going_well) <= 4000),
  safety_goals text NOT NULL CHECK (length(safety_goals) <= 4000),
  scalings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(scalings) = 'array'),
  decision text NOT NULL CHECK (decision IN ('safe', 'conditionally_safe', 'unsafe')),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, recorded_by) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, updated_by) REFERENCES users(region_id, id)
);
COMMENT ON TABLE safety_assessments IS 'The safety assessment of a case (one per case, in versions): dangers, what goes well, goals, scaling per party, decision. Personal data.';
COMMENT ON COLUMN safety_assessments.dangers IS 'The dangers in plain words (personal data, special category possible).';
COMMENT ON COLUMN safety_assessments.going_well IS 'What goes well (personal data).';
COMMENT ON COLUMN safety_assessments.safety_goals IS 'The safety goals (personal data).';
COMMENT ON COLUMN safety_assessments.scalings IS 'Scaling 0–10 per party: [{partyKind: person|organisation, personId?, organisationId?, score, note?}] (personal data).';
COMMENT ON COLUMN safety_assessments.decision IS 'safe, conditionally_safe or unsafe (personal data).';

CREATE TABLE safety_reviews (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  family_id uuid NOT NULL,
  assessment_version integer NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('agree', 'comment')),
  comment text CHECK (length(comment) <= 4000),
  reviewed_by uuid NOT NULL,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  CHECK (verdict = 'agree' OR comment IS NOT NULL),
  FOREIGN KEY (region_id, assessment_id) REFERENCES safety_assessments(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, reviewed_by) REFERENCES users(region_id, id)
);
CREATE INDEX safety_reviews_assessment ON safety_reviews (region_id, assessment_id, reviewed_at);
COMMENT ON TABLE safety_reviews IS 'A behavioural scientist''s review of a safety assessment version (agree or comment); append-only.';
COMMENT ON COLUMN safety_reviews.comment IS 'The reviewer''s comment (personal data).';

CREATE TABLE safety_plan_agreements (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  what text NOT NULL CHECK (length(what) BETWEEN 1 AND 2000),
  owner_kind text NOT NULL CHECK (owner_kind IN ('organisation', 'family_member', 'network_member')),
  owner_organisation_id uuid,
  owner_person_id uuid,
  owner_network_member_id uuid,
  due_on date,
  check_how text NOT NULL CHECK (length(check_how) BETWEEN 1 AND 2000),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  CHECK ((owner_kind = 'organisation') = (owner_organisation_id IS NOT NULL)
     AND (owner_kind = 'family_member') = (owner_person_id IS NOT NULL)
     AND (owner_kind = 'network_member') = (owner_network_member_id IS NOT NULL)),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, owner_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, owner_person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, owner_network_member_id) REFERENCES network_members(region_id, id),
  FOREIGN KEY (region_id, created_by) REFERENCES users(region_id, id)
);
CREATE INDEX safety_plan_agreements_case ON safety_plan_agreements (region_id, case_id, created_at);
COMMENT ON TABLE safety_plan_agreements IS 'The safety plan of a case: concrete agreements (who does what, when, how it is checked). Personal data.';
COMMENT ON COLUMN safety_plan_agreements.what IS 'What is agreed (personal data).';
COMMENT ON COLUMN safety_plan_agreements.owner_person_id IS 'The family member who does it (personal data).';
COMMENT ON COLUMN safety_plan_agreements.owner_network_member_id IS 'The member of the informal network who does it (personal data of a third person).';
COMMENT ON COLUMN safety_plan_agreements.check_how IS 'How it is checked (personal data).';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['safety_assessments', 'safety_reviews', 'safety_plan_agreements'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %1$s_read ON %1$I FOR SELECT TO regie_app
      USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id))$p$, t);
    EXECUTE format($p$CREATE POLICY %1$s_insert ON %1$I FOR INSERT TO regie_app
      WITH CHECK (region_id = regie.actor_region()
        AND EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id)
        AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %1$I.region_id AND g.family_id = %1$I.family_id))$p$, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['safety_assessments', 'safety_plan_agreements'] LOOP
    EXECUTE format($p$CREATE POLICY %1$s_update ON %1$I FOR UPDATE TO regie_app
      USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id)
        AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %1$I.region_id AND g.family_id = %1$I.family_id))
      WITH CHECK (region_id = regie.actor_region())$p$, t);
  END LOOP;
END $$;
CREATE POLICY safety_plan_agreements_delete ON safety_plan_agreements FOR DELETE TO regie_app
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = safety_plan_agreements.region_id AND a.family_id = safety_plan_agreements.family_id)
    AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = safety_plan_agreements.region_id AND g.family_id = safety_plan_agreements.family_id));

GRANT SELECT, INSERT, UPDATE (dangers, going_well, safety_goals, scalings, decision, updated_by, updated_at, version) ON safety_assessments TO regie_app;
GRANT SELECT, INSERT ON safety_reviews TO regie_app;
GRANT SELECT, INSERT, UPDATE (what, owner_kind, owner_organisation_id, owner_person_id, owner_network_member_id, due_on, check_how, version), DELETE
  ON safety_plan_agreements TO regie_app;
