-- One plan per case, in versions (issue "One plan"): a draft is edited, proposed to its parties,
-- and agreed (or not). Everything a version says is frozen from its proposal on and an agreed
-- version can only become superseded: the triggers below refuse any other write, whoever sends it.
CREATE TABLE plan_versions (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'proposed', 'agreed', 'not_agreed', 'superseded')),
  plan_date date NOT NULL,
  based_on uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  approved_at timestamptz,
  proposed_by uuid,
  proposed_at timestamptz,
  decided_at timestamptz,
  superseded_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, case_id, number),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, based_on) REFERENCES plan_versions(region_id, id),
  CHECK (status = 'draft' OR (proposed_at IS NOT NULL AND proposed_by IS NOT NULL)),
  CHECK (status NOT IN ('agreed', 'not_agreed') OR decided_at IS NOT NULL)
);
CREATE UNIQUE INDEX plan_versions_one_draft ON plan_versions (region_id, case_id) WHERE status = 'draft';
CREATE UNIQUE INDEX plan_versions_one_proposed ON plan_versions (region_id, case_id) WHERE status = 'proposed';
CREATE UNIQUE INDEX plan_versions_one_agreed ON plan_versions (region_id, case_id) WHERE status = 'agreed';
CREATE INDEX plan_versions_family ON plan_versions (region_id, family_id, number DESC);
COMMENT ON TABLE plan_versions IS 'The versions of the one plan of a case (gezinsplan): draft, proposed, agreed, not agreed, superseded. Personal data by association.';
COMMENT ON COLUMN plan_versions.plan_date IS 'The date of this version; no action of it is due before it.';

CREATE TABLE plan_goals (
  region_id text NOT NULL,
  id uuid NOT NULL,
  plan_version_id uuid NOT NULL,
  family_id uuid NOT NULL,
  lineage_id uuid NOT NULL,
  domain text NOT NULL CHECK (domain IN ('finances', 'daytime_activity', 'housing', 'domestic_relations', 'mental_health', 'physical_health',
    'addiction', 'basic_adl', 'instrumental_adl', 'social_network', 'participation', 'justice', 'development', 'parenting', 'education', 'safety')),
  person_id uuid,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  target_score integer CHECK (target_score BETWEEN 1 AND 5),
  target_date date,
  family_own boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, plan_version_id, lineage_id),
  FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id)
);
CREATE INDEX plan_goals_version ON plan_goals (region_id, plan_version_id, position);
COMMENT ON TABLE plan_goals IS 'Goals of a plan version per life domain; the family''s own goals are kept in their own words (family_own). Personal data.';
COMMENT ON COLUMN plan_goals.description IS 'The goal in words; for a family''s own goal their words, never rewritten (personal data).';
COMMENT ON COLUMN plan_goals.person_id IS 'The family member the goal is about, if one (personal data).';
COMMENT ON COLUMN plan_goals.lineage_id IS 'The same goal across versions (kept when a version is copied), for comparing versions.';

CREATE TABLE plan_actions (
  region_id text NOT NULL,
  id uuid NOT NULL,
  plan_version_id uuid NOT NULL,
  family_id uuid NOT NULL,
  lineage_id uuid NOT NULL,
  goal_id uuid,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  owner_kind text NOT NULL CHECK (owner_kind IN ('organisation', 'family_member', 'network_member')),
  owner_organisation_id uuid,
  owner_user_id uuid,
  owner_person_id uuid,
  owner_network_member_id uuid,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'not_done')),
  not_done_reason text CHECK (length(not_done_reason) <= 1000),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, plan_version_id, lineage_id),
  FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, goal_id) REFERENCES plan_goals(region_id, id),
  FOREIGN KEY (region_id, owner_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, owner_user_id) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, owner_person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, owner_network_member_id) REFERENCES network_members(region_id, id),
  CHECK ((owner_kind = 'organisation') = (owner_organisation_id IS NOT NULL)),
  CHECK ((owner_kind = 'family_member') = (owner_person_id IS NOT NULL)),
  CHECK ((owner_kind = 'network_member') = (owner_network_member_id IS NOT NULL)),
  CHECK (owner_user_id IS NULL OR owner_kind = 'organisation'),
  CHECK (status <> 'not_done' OR not_done_reason IS NOT NULL)
);
CREATE INDEX plan_actions_version ON plan_actions (region_id, plan_version_id, position);
COMMENT ON TABLE plan_actions IS 'Actions of a plan version: what, who (an organisation and professional on the case team, a family member or a network member), when, and how it went. Personal data.';
COMMENT ON COLUMN plan_actions.description IS 'What is to be done (free text; may hold personal data).';
COMMENT ON COLUMN plan_actions.owner_person_id IS 'The family member who owns the action (personal data).';
COMMENT ON COLUMN plan_actions.owner_network_member_id IS 'The network member who owns the action (personal data of a third person).';
COMMENT ON COLUMN plan_actions.not_done_reason IS 'Why the action was not done (free text; may hold personal data).';

CREATE TABLE plan_parties (
  region_id text NOT NULL,
  id uuid NOT NULL,
  plan_version_id uuid NOT NULL,
  family_id uuid NOT NULL,
  person_id uuid,
  organisation_id uuid,
  requirement text NOT NULL CHECK (requirement IN ('agree', 'heard', 'agree_with_parents', 'agree_own_part')),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, plan_version_id, person_id),
  UNIQUE (region_id, plan_version_id, organisation_id),
  FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations(region_id, id),
  CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
);
COMMENT ON TABLE plan_parties IS 'The parties whose answer a proposed plan version needs, fixed at its proposal: parents and carers, children by age on the proposal date, organisations that own an action. Personal data.';
COMMENT ON COLUMN plan_parties.person_id IS 'The family member who is a party (personal data).';

CREATE TABLE plan_answers (
  region_id text NOT NULL,
  id uuid NOT NULL,
  plan_version_id uuid NOT NULL,
  party_id uuid NOT NULL,
  family_id uuid NOT NULL,
  answer text NOT NULL CHECK (answer IN ('agreed', 'disagreed', 'heard')),
  reason text CHECK (length(reason) <= 2000),
  view text CHECK (length(view) <= 2000),
  via text CHECK (via IN ('conversation', 'phone', 'in_writing', 'video', 'own_account')),
  answered_on date NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, party_id),
  FOREIGN KEY (region_id, plan_version_id) REFERENCES plan_versions(region_id, id),
  FOREIGN KEY (region_id, party_id) REFERENCES plan_parties(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  CHECK (answer <> 'disagreed' OR reason IS NOT NULL),
  CHECK (answer <> 'heard' OR view IS NOT NULL)
);
CREATE INDEX plan_answers_version ON plan_answers (region_id, plan_version_id);
COMMENT ON TABLE plan_answers IS 'Each party''s answer to a proposed version: agreed, disagreed (with reason) or heard (a young child''s view); family answers are recorded by the coordinator with how and when. Append-only. Personal data.';
COMMENT ON COLUMN plan_answers.reason IS 'Why the party disagreed (free text; personal data).';
COMMENT ON COLUMN plan_answers.view IS 'The child''s view as heard (free text; personal data).';

CREATE TABLE plan_settings (
  region_id text NOT NULL REFERENCES regions(id),
  team_lead_approval boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id)
);
COMMENT ON TABLE plan_settings IS 'Plan rules per region: whether a team lead approves a plan version before it is proposed.';

-- The database keeps what was proposed and agreed as it was.
CREATE FUNCTION regie.plan_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE o plan_versions;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN RAISE EXCEPTION 'plan version % is %: it cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation'; END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN RETURN NEW; END IF;
  o := OLD; o.status := NEW.status; o.decided_at := NEW.decided_at; o.superseded_at := NEW.superseded_at; o.version := NEW.version;
  IF NEW IS DISTINCT FROM o
     OR NOT ((OLD.status = 'proposed' AND NEW.status IN ('proposed', 'agreed', 'not_agreed', 'superseded'))
          OR (OLD.status = 'agreed' AND NEW.status IN ('agreed', 'superseded')))
     OR (OLD.status = 'agreed' AND NEW.decided_at IS DISTINCT FROM OLD.decided_at) THEN
    RAISE EXCEPTION 'plan version % is %: it cannot change', OLD.id, OLD.status USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_versions_guard BEFORE UPDATE OR DELETE ON plan_versions FOR EACH ROW EXECUTE FUNCTION regie.plan_version_guard();

-- Goals, actions and parties belong to their version: written only while it is a draft.
CREATE FUNCTION regie.plan_content_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE st text;
BEGIN
  FOR st IN SELECT v.status FROM plan_versions v
     WHERE v.region_id = coalesce(NEW.region_id, OLD.region_id)
       AND v.id IN (NEW.plan_version_id, OLD.plan_version_id) LOOP
    IF st <> 'draft' THEN
      RAISE EXCEPTION 'plan version is %: its % cannot change', st, TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END LOOP;
  RETURN coalesce(NEW, OLD);
END $$;
CREATE TRIGGER plan_goals_guard BEFORE INSERT OR UPDATE OR DELETE ON plan_goals FOR EACH ROW EXECUTE FUNCTION regie.plan_content_guard();
CREATE TRIGGER plan_actions_guard BEFORE INSERT OR UPDATE OR DELETE ON plan_actions FOR EACH ROW EXECUTE FUNCTION regie.plan_content_guard();
CREATE TRIGGER plan_parties_guard BEFORE INSERT OR UPDATE OR DELETE ON plan_parties FOR EACH ROW EXECUTE FUNCTION regie.plan_content_guard();

-- An answer is given to the proposed version only, and never changed afterwards.
CREATE FUNCTION regie.plan_answer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM plan_versions v WHERE v.region_id = NEW.region_id AND v.id = NEW.plan_version_id AND v.status = 'proposed') THEN
    RAISE EXCEPTION 'plan version % is not the proposed one', NEW.plan_version_id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER plan_answers_guard BEFORE INSERT ON plan_answers FOR EACH ROW EXECUTE FUNCTION regie.plan_answer_guard();
CREATE TRIGGER plan_answers_append_only BEFORE UPDATE OR DELETE ON plan_answers FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();

GRANT SELECT, INSERT, UPDATE ON plan_versions TO regie_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON plan_goals, plan_actions TO regie_app;
GRANT SELECT, INSERT ON plan_parties, plan_answers TO regie_app;
GRANT SELECT, INSERT (region_id, team_lead_approval, version), UPDATE (team_lead_approval, version) ON plan_settings TO regie_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['plan_versions', 'plan_goals', 'plan_actions', 'plan_parties', 'plan_answers'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO regie_app USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO regie_app WITH CHECK (region_id = regie.actor_region()
      AND (region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a)
      AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %I.region_id AND g.family_id = %I.family_id))', t || '_insert', t, t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['plan_versions', 'plan_goals', 'plan_actions'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO regie_app USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a)
      AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %I.region_id AND g.family_id = %I.family_id)) WITH CHECK (region_id = regie.actor_region())', t || '_update', t, t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['plan_goals', 'plan_actions'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO regie_app USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a)
      AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %I.region_id AND g.family_id = %I.family_id))', t || '_delete', t, t, t);
  END LOOP;
END $$;

ALTER TABLE plan_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY plan_settings_region ON plan_settings FOR SELECT TO regie_app USING (region_id = regie.actor_region());
CREATE POLICY plan_settings_admin_insert ON plan_settings FOR INSERT TO regie_app
  WITH CHECK (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'));
CREATE POLICY plan_settings_admin_update ON plan_settings FOR UPDATE TO regie_app
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin')) WITH CHECK (region_id = regie.actor_region());
