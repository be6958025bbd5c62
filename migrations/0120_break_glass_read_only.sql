-- Break the glass opens a family for reading only. The policy (mayWriteFamily in
-- src/platform/access/policy.ts) refuses every write under a grant; these policies refuse it
-- again inside PostgreSQL, so a service that forgets the check still cannot write.
--
-- The grant enters the permissive policies through regie.my_family_access (0071–0073): the same
-- view answers reads and writes. Rather than split every policy, each write gets a RESTRICTIVE
-- policy (ANDed with the permissive ones): "not a family that the actor sees only through a
-- grant". A family the actor does not see at all stays the permissive policies' question (a new
-- family being registered, for one).

-- The families the acting professional sees through a live grant and through nothing else.
CREATE VIEW regie.my_break_glass_only AS
  SELECT b.region_id, b.family_id FROM public.break_glass b
   WHERE b.region_id = regie.actor_region() AND b.user_id = regie.actor_user() AND b.expires_at > now()
     AND NOT EXISTS (SELECT 1 FROM public.case_team ct
                      WHERE ct.region_id = b.region_id AND ct.family_id = b.family_id AND ct.ended_at IS NULL
                        AND (ct.user_id = regie.actor_user()
                             OR (regie.actor_has_role('team_lead') AND ct.organisation_id = regie.actor_org())));
COMMENT ON VIEW regie.my_break_glass_only IS
  'Families the actor sees only through a break-the-glass grant (read-only); the restrictive write policies refuse them.';
GRANT SELECT ON regie.my_break_glass_only TO regie_app;

CREATE POLICY families_no_break_glass_write ON families AS RESTRICTIVE FOR UPDATE
  USING (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = families.region_id AND g.family_id = families.id));

CREATE POLICY family_members_no_break_glass_insert ON family_members AS RESTRICTIVE FOR INSERT
  WITH CHECK (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = family_members.region_id AND g.family_id = family_members.family_id));
CREATE POLICY family_members_no_break_glass_delete ON family_members AS RESTRICTIVE FOR DELETE
  USING (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = family_members.region_id AND g.family_id = family_members.family_id));

CREATE POLICY network_members_no_break_glass_insert ON network_members AS RESTRICTIVE FOR INSERT
  WITH CHECK (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = network_members.region_id AND g.family_id = network_members.family_id));
CREATE POLICY network_members_no_break_glass_update ON network_members AS RESTRICTIVE FOR UPDATE
  USING (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = network_members.region_id AND g.family_id = network_members.family_id));
CREATE POLICY network_members_no_break_glass_delete ON network_members AS RESTRICTIVE FOR DELETE
  USING (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = network_members.region_id AND g.family_id = network_members.family_id));

CREATE POLICY cases_no_break_glass_insert ON cases AS RESTRICTIVE FOR INSERT
  WITH CHECK (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = cases.region_id AND g.family_id = cases.family_id));
CREATE POLICY cases_no_break_glass_update ON cases AS RESTRICTIVE FOR UPDATE
  USING (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = cases.region_id AND g.family_id = cases.family_id));

CREATE POLICY case_team_no_break_glass_insert ON case_team AS RESTRICTIVE FOR INSERT
  WITH CHECK (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = case_team.region_id AND g.family_id = case_team.family_id));
CREATE POLICY case_team_no_break_glass_update ON case_team AS RESTRICTIVE FOR UPDATE
  USING (NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = case_team.region_id AND g.family_id = case_team.family_id));

-- The one event a grant holder writes on the family's timeline is that they broke the glass.
CREATE POLICY timeline_no_break_glass_insert ON timeline_events AS RESTRICTIVE FOR INSERT
  WITH CHECK (type = 'break_glass_opened'
    OR NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = timeline_events.region_id AND g.family_id = timeline_events.family_id));

-- A person can be changed only through a household the actor has a care relation with (or by
-- the privacy officer): one seen only through grants is read-only.
CREATE POLICY persons_no_break_glass_update ON persons AS RESTRICTIVE FOR UPDATE
  USING ((region_id = regie.actor_region() AND regie.actor_has_role('privacy_officer'))
    OR NOT EXISTS (SELECT 1 FROM family_members fm JOIN regie.my_break_glass_only g ON g.region_id = fm.region_id AND g.family_id = fm.family_id
                    WHERE fm.region_id = persons.region_id AND fm.person_id = persons.id)
    OR EXISTS (SELECT 1 FROM family_members fm
                WHERE fm.region_id = persons.region_id AND fm.person_id = persons.id
                  AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = fm.region_id AND g.family_id = fm.family_id)));
