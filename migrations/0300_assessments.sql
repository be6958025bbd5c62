-- The integral picture (issue 14 "One plan"): dated sets of scores per person of a family, per life
-- domain (src/shared/contract/domains.ts), 1–5, with a rationale, who scored it and whose view it is.
-- A set is written once, whole (one transaction), and never changed: a new picture is a new set.
CREATE TABLE assessments (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  assessed_on date NOT NULL,
  created_by uuid NOT NULL,
  created_by_organisation_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, created_by) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, created_by_organisation_id) REFERENCES organisations(region_id, id)
);
COMMENT ON TABLE assessments IS 'A dated set of scores of the integral picture of a case (Zelfredzaamheid-Matrix); repeated over time, never changed.';
COMMENT ON COLUMN assessments.family_id IS 'The family assessed; the set is personal data of its members.';
CREATE INDEX assessments_case ON assessments (region_id, case_id, assessed_on DESC, created_at DESC);

CREATE TABLE assessment_scores (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  person_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('finances', 'daytime_activity', 'housing', 'domestic_relations', 'mental_health', 'physical_health',
    'addiction', 'basic_adl', 'instrumental_adl', 'social_network', 'participation', 'justice', 'development', 'parenting', 'education', 'safety')),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 1000),
  view text NOT NULL CHECK (view IN ('professional', 'family')),
  scored_by uuid NOT NULL,
  scored_by_organisation_id uuid NOT NULL,
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, assessment_id, person_id, domain, view),
  FOREIGN KEY (region_id, assessment_id) REFERENCES assessments(region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, scored_by) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, scored_by_organisation_id) REFERENCES organisations(region_id, id)
);
COMMENT ON TABLE assessment_scores IS 'One score (1–5) of one person on one life domain in an assessment, with its rationale, scorer and view (professional or family).';
COMMENT ON COLUMN assessment_scores.person_id IS 'The person scored; the score is their personal data (a child''s scores are the child''s).';
COMMENT ON COLUMN assessment_scores.score IS 'Self-sufficiency score 1 (acute problems) to 5 (fully self-sufficient); personal data.';
COMMENT ON COLUMN assessment_scores.rationale IS 'Why this score (free text; personal data).';
CREATE INDEX assessment_scores_set ON assessment_scores (region_id, assessment_id);
CREATE INDEX assessment_scores_case ON assessment_scores (region_id, case_id, person_id, domain);

GRANT SELECT, INSERT ON assessments, assessment_scores TO regie_app;
ALTER TABLE assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessments FORCE ROW LEVEL SECURITY;
ALTER TABLE assessment_scores ENABLE ROW LEVEL SECURITY;
ALTER TABLE assessment_scores FORCE ROW LEVEL SECURITY;
-- Read and written like every table hanging off a family (0073, 0280): a per-row probe of the
-- actor's access; a family seen only through break the glass is read-only (0120).
CREATE POLICY assessments_read ON assessments FOR SELECT TO regie_app
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = assessments.region_id AND a.family_id = assessments.family_id OFFSET 0));
CREATE POLICY assessments_insert ON assessments FOR INSERT TO regie_app
  WITH CHECK (region_id = regie.actor_region() AND created_by = regie.actor_user()
    AND EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = assessments.region_id AND a.family_id = assessments.family_id));
CREATE POLICY assessments_no_break_glass_insert ON assessments AS RESTRICTIVE FOR INSERT TO regie_app
  WITH CHECK (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = assessments.region_id AND g.family_id = assessments.family_id));
CREATE POLICY assessment_scores_read ON assessment_scores FOR SELECT TO regie_app
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = assessment_scores.region_id AND a.family_id = assessment_scores.family_id OFFSET 0));
CREATE POLICY assessment_scores_insert ON assessment_scores FOR INSERT TO regie_app
  WITH CHECK (region_id = regie.actor_region() AND scored_by = regie.actor_user()
    AND EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = assessment_scores.region_id AND a.family_id = assessment_scores.family_id));
CREATE POLICY assessment_scores_no_break_glass_insert ON assessment_scores AS RESTRICTIVE FOR INSERT TO regie_app
  WITH CHECK (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = assessment_scores.region_id AND g.family_id = assessment_scores.family_id));
