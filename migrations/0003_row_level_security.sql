-- Row-level security: the second, independent answer to "may this actor see this row".
-- The application runs every actor's transaction as regie_app (no BYPASSRLS) and sets
-- regie.region, regie.user, regie.org and regie.roles with set_config(..., true).
CREATE FUNCTION regie.actor_region() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('regie.region', true), '') $$;
CREATE FUNCTION regie.actor_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('regie.user', true), '')::uuid $$;
CREATE FUNCTION regie.actor_org() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT nullif(current_setting('regie.org', true), '')::uuid $$;
CREATE FUNCTION regie.actor_has_role(r text) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT r = ANY (string_to_array(coalesce(current_setting('regie.roles', true), ''), ',')) $$;

-- Mirrors mayReadFamily() in src/platform/access/policy.ts; the property test compares both.
CREATE FUNCTION regie.can_see_family(r text, f uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT r = regie.actor_region() AND (
    EXISTS (SELECT 1 FROM case_team ct
             WHERE ct.region_id = r AND ct.family_id = f AND ct.ended_at IS NULL
               AND (ct.user_id = regie.actor_user()
                    OR (regie.actor_has_role('team_lead') AND ct.organisation_id = regie.actor_org())))
    OR EXISTS (SELECT 1 FROM break_glass b
                WHERE b.region_id = r AND b.family_id = f AND b.user_id = regie.actor_user()
                  AND b.expires_at > now()))
$$;

CREATE FUNCTION regie.can_see_person(r text, p uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT r = regie.actor_region() AND (
    regie.actor_has_role('privacy_officer')
    OR EXISTS (SELECT 1 FROM family_members fm WHERE fm.region_id = r AND fm.person_id = p
                 AND regie.can_see_family(r, fm.family_id)))
$$;

-- Lets the service refuse a duplicate BSN without revealing whose it is.
CREATE FUNCTION regie.person_id_by_bsn(r text, b text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT id FROM persons WHERE region_id = r AND bsn = b AND r = regie.actor_region()
$$;

GRANT USAGE ON SCHEMA regie TO regie_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regie TO regie_app;

GRANT SELECT ON regions, organisations TO regie_app;
GRANT SELECT (region_id, id, organisation_id, username, display_name, email, roles, active, totp_required)
  ON users TO regie_app;
GRANT SELECT, INSERT, UPDATE ON persons, families, cases, case_team TO regie_app;
GRANT SELECT, INSERT, DELETE ON family_members TO regie_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON network_members TO regie_app;
GRANT SELECT, INSERT ON timeline_events TO regie_app;
GRANT SELECT, INSERT, UPDATE ON break_glass TO regie_app;

ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
CREATE POLICY organisations_region ON organisations USING (region_id = regie.actor_region());

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
CREATE POLICY users_region ON users USING (region_id = regie.actor_region());

ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
ALTER TABLE persons FORCE ROW LEVEL SECURITY;
CREATE POLICY persons_read ON persons FOR SELECT USING (regie.can_see_person(region_id, id));
CREATE POLICY persons_insert ON persons FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY persons_update ON persons FOR UPDATE USING (regie.can_see_person(region_id, id));

ALTER TABLE families ENABLE ROW LEVEL SECURITY;
ALTER TABLE families FORCE ROW LEVEL SECURITY;
CREATE POLICY families_read ON families FOR SELECT USING (regie.can_see_family(region_id, id));
CREATE POLICY families_insert ON families FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY families_update ON families FOR UPDATE USING (regie.can_see_family(region_id, id));

ALTER TABLE family_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_members FORCE ROW LEVEL SECURITY;
CREATE POLICY family_members_read ON family_members FOR SELECT USING (regie.can_see_family(region_id, family_id));
CREATE POLICY family_members_insert ON family_members FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY family_members_delete ON family_members FOR DELETE USING (regie.can_see_family(region_id, family_id));

ALTER TABLE network_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_members FORCE ROW LEVEL SECURITY;
CREATE POLICY network_members_read ON network_members FOR SELECT USING (regie.can_see_family(region_id, family_id));
CREATE POLICY network_members_insert ON network_members FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY network_members_change ON network_members FOR UPDATE USING (regie.can_see_family(region_id, family_id));
CREATE POLICY network_members_delete ON network_members FOR DELETE USING (regie.can_see_family(region_id, family_id));

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
CREATE POLICY cases_read ON cases FOR SELECT USING (regie.can_see_family(region_id, family_id));
CREATE POLICY cases_insert ON cases FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY cases_update ON cases FOR UPDATE USING (regie.can_see_family(region_id, family_id));

ALTER TABLE case_team ENABLE ROW LEVEL SECURITY;
ALTER TABLE case_team FORCE ROW LEVEL SECURITY;
CREATE POLICY case_team_read ON case_team FOR SELECT USING (regie.can_see_family(region_id, family_id));
CREATE POLICY case_team_insert ON case_team FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY case_team_update ON case_team FOR UPDATE USING (regie.can_see_family(region_id, family_id));

ALTER TABLE timeline_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE timeline_events FORCE ROW LEVEL SECURITY;
CREATE POLICY timeline_read ON timeline_events FOR SELECT USING (regie.can_see_family(region_id, family_id));
CREATE POLICY timeline_insert ON timeline_events FOR INSERT WITH CHECK (region_id = regie.actor_region());

ALTER TABLE break_glass ENABLE ROW LEVEL SECURITY;
ALTER TABLE break_glass FORCE ROW LEVEL SECURITY;
CREATE POLICY break_glass_read ON break_glass FOR SELECT USING (region_id = regie.actor_region()
  AND (user_id = regie.actor_user() OR regie.actor_has_role('privacy_officer')));
CREATE POLICY break_glass_insert ON break_glass FOR INSERT WITH CHECK (region_id = regie.actor_region()
  AND user_id = regie.actor_user());
CREATE POLICY break_glass_review ON break_glass FOR UPDATE USING (region_id = regie.actor_region()
  AND regie.actor_has_role('privacy_officer'));
