-- An open case has exactly one active coordinator, who must be qualified.
-- Checked at commit (deferred) so that a handover can end the old and start the new
-- coordinator inside one transaction; the partial unique index forbids two at any moment.
CREATE FUNCTION regie.check_one_coordinator() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  c_region text; c_id uuid; st text; n integer; unqualified integer;
BEGIN
  IF TG_TABLE_NAME = 'cases' THEN
    c_region := NEW.region_id; c_id := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    c_region := OLD.region_id; c_id := OLD.case_id;
  ELSE
    c_region := NEW.region_id; c_id := NEW.case_id;
  END IF;
  SELECT status INTO st FROM cases WHERE region_id = c_region AND id = c_id;
  IF st IS NULL OR st = 'closed' THEN RETURN NULL; END IF;
  SELECT count(*), count(*) FILTER (WHERE NOT ('coordinator' = ANY (u.roles)))
    INTO n, unqualified
    FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
   WHERE ct.region_id = c_region AND ct.case_id = c_id AND ct.role = 'coordinator' AND ct.ended_at IS NULL;
  IF n <> 1 THEN
    RAISE EXCEPTION 'case % must have exactly one coordinator, has %', c_id, n
      USING ERRCODE = '23514', CONSTRAINT = 'case_exactly_one_coordinator';
  END IF;
  IF unqualified > 0 THEN
    RAISE EXCEPTION 'coordinator of case % is not qualified', c_id
      USING ERRCODE = '23514', CONSTRAINT = 'case_coordinator_qualified';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER cases_one_coordinator AFTER INSERT OR UPDATE ON cases
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION regie.check_one_coordinator();
CREATE CONSTRAINT TRIGGER case_team_one_coordinator AFTER INSERT OR UPDATE OR DELETE ON case_team
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION regie.check_one_coordinator();

-- Timeline events are append-only, for everyone.
CREATE FUNCTION regie.forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = '42501';
END $$;
CREATE TRIGGER timeline_append_only BEFORE UPDATE OR DELETE ON timeline_events
  FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();
