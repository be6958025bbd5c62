-- Faster row-level security with the same answer. The policies used to call a SECURITY
-- DEFINER function once per row, so a team lead's list of thousands of families paid for
-- thousands of calls. Now the actor's own access comes from a view (which reads case_team and
-- break_glass with its owner's rights, so no policy recursion), and the policies ask
-- "(region, family) IN (that view)": an uncorrelated subquery that PostgreSQL computes once
-- per query and probes as a hash. policy.access.test.ts checks that the answer is unchanged.
CREATE VIEW regie.my_family_access AS
  SELECT ct.region_id, ct.family_id FROM public.case_team ct
   WHERE ct.ended_at IS NULL AND ct.region_id = regie.actor_region()
     AND (ct.user_id = regie.actor_user() OR (regie.actor_has_role('team_lead') AND ct.organisation_id = regie.actor_org()))
  UNION ALL
  SELECT b.region_id, b.family_id FROM public.break_glass b
   WHERE b.region_id = regie.actor_region() AND b.user_id = regie.actor_user() AND b.expires_at > now();
COMMENT ON VIEW regie.my_family_access IS 'The families the acting professional may see (only their own rows); used by the RLS policies.';

CREATE VIEW regie.my_visible_persons AS
  SELECT fm.region_id, fm.person_id FROM public.family_members fm
   WHERE (fm.region_id, fm.family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a);
COMMENT ON VIEW regie.my_visible_persons IS 'Persons in the families the actor may see.';

-- Only the actor's own rows are in them, so reading them reveals nothing new.
GRANT SELECT ON regie.my_family_access, regie.my_visible_persons TO regie_app;

-- Kept for policies and code that ask about one family at a time.
CREATE OR REPLACE FUNCTION regie.can_see_family(r text, f uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = r AND a.family_id = f)
$$;

CREATE OR REPLACE FUNCTION regie.can_see_person(r text, p uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT (r = regie.actor_region() AND regie.actor_has_role('privacy_officer'))
      OR EXISTS (SELECT 1 FROM regie.my_visible_persons v WHERE v.region_id = r AND v.person_id = p)
$$;

ALTER POLICY persons_read ON persons USING ((region_id = regie.actor_region() AND regie.actor_has_role('privacy_officer'))
  OR (region_id, id) IN (SELECT v.region_id, v.person_id FROM regie.my_visible_persons v));
ALTER POLICY persons_update ON persons USING ((region_id = regie.actor_region() AND regie.actor_has_role('privacy_officer'))
  OR (region_id, id) IN (SELECT v.region_id, v.person_id FROM regie.my_visible_persons v));
ALTER POLICY families_read ON families USING ((region_id, id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY families_update ON families USING ((region_id, id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY family_members_read ON family_members USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY family_members_delete ON family_members USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY network_members_read ON network_members USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY network_members_change ON network_members USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY network_members_delete ON network_members USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY cases_read ON cases USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY cases_update ON cases USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY case_team_read ON case_team USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY case_team_update ON case_team USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
ALTER POLICY timeline_read ON timeline_events USING ((region_id, family_id) IN (SELECT a.region_id, a.family_id FROM regie.my_family_access a));
