-- An open case's coordinator is an ACTIVE user with the coordinator qualification, whatever path
-- changes it: a transfer or case opening (case_team, cases), deactivating the account
-- (users.active) or taking away its coordinator role (users.roles). 0002 checked only the first,
-- and only the role.
--
-- Both checks run at commit (deferred) and take the coordinator's users row FOR SHARE, so a
-- deactivation and a transfer to the same user cannot both pass on stale snapshots:
--  * the UPDATE of users holds the row lock until its commit; a transfer's check waits for it, then
--    re-reads the row (READ COMMITTED re-checks the locked row's newest version) and sees it inactive;
--  * a transfer whose check ran first holds FOR SHARE until its commit; the UPDATE waits for it, and
--    the deactivation's own check (a fresh snapshot at its commit) then sees the new coordinator.
CREATE OR REPLACE FUNCTION regie.check_one_coordinator() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  c_region text; c_id uuid; st text; n integer; unqualified integer; inactive integer;
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
  WITH coordinator AS (
    SELECT u.roles, u.active
      FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
     WHERE ct.region_id = c_region AND ct.case_id = c_id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
       FOR SHARE OF u)
  SELECT count(*), count(*) FILTER (WHERE NOT ('coordinator' = ANY (roles))), count(*) FILTER (WHERE NOT active)
    INTO n, unqualified, inactive FROM coordinator;
  IF n <> 1 THEN
    RAISE EXCEPTION 'case % must have exactly one coordinator, has %', c_id, n
      USING ERRCODE = '23514', CONSTRAINT = 'case_exactly_one_coordinator';
  END IF;
  IF unqualified > 0 THEN
    RAISE EXCEPTION 'coordinator of case % is not qualified', c_id
      USING ERRCODE = '23514', CONSTRAINT = 'case_coordinator_qualified';
  END IF;
  IF inactive > 0 THEN
    RAISE EXCEPTION 'coordinator of case % is not an active user', c_id
      USING ERRCODE = '23514', CONSTRAINT = 'case_coordinator_active';
  END IF;
  RETURN NULL;
END $$;

-- The account side: an account that coordinates an open case keeps being active and qualified.
-- Reads the row as it is at commit (several updates in one transaction count by their result).
CREATE FUNCTION regie.check_coordinator_account() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  u users%ROWTYPE; n integer;
BEGIN
  SELECT * INTO u FROM users WHERE region_id = NEW.region_id AND id = NEW.id;
  IF NOT FOUND OR (u.active AND 'coordinator' = ANY (u.roles)) THEN RETURN NULL; END IF;
  SELECT count(*) INTO n
    FROM case_team ct JOIN cases c ON c.region_id = ct.region_id AND c.id = ct.case_id
   WHERE ct.region_id = u.region_id AND ct.user_id = u.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL
     AND c.status <> 'closed';
  IF n > 0 AND NOT u.active THEN
    RAISE EXCEPTION 'account coordinates % open case(s) and cannot be deactivated', n
      USING ERRCODE = '23514', CONSTRAINT = 'case_coordinator_active';
  END IF;
  IF n > 0 THEN
    RAISE EXCEPTION 'account coordinates % open case(s) and keeps the coordinator role', n
      USING ERRCODE = '23514', CONSTRAINT = 'case_coordinator_qualified';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER users_coordinator_account AFTER UPDATE OF active, roles ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NOT NEW.active OR NOT ('coordinator' = ANY (NEW.roles)))
  EXECUTE FUNCTION regie.check_coordinator_account();

REVOKE ALL ON FUNCTION regie.check_coordinator_account() FROM PUBLIC;
