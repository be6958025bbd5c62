-- Speed of the family page and of a team lead's lists on a large region (bench/results):
--
-- 1. A family's cases had no index of their own (only the partial "one open case" index), so the
--    family page read every case of the region through the primary key's region prefix.
CREATE INDEX cases_family ON cases (region_id, family_id, opened_at DESC);

-- 2. Policies of the tables hanging off a family: "(region, family) IN (my access)" could only
--    be computed one way — build the whole set of the actor's families and probe it. For a team
--    lead that is thousands of families, built again for every table a query touches (the
--    family page touches five besides families), to check a handful of rows. As EXISTS,
--    PostgreSQL may choose per query: probe the actor's access per row through the case-team
--    indexes (a few rows: the family page, a page of a list) or build the set once (a scan over
--    many rows). The families table itself keeps the IN form: lists scan thousands of a team
--    lead's families, and one hash is the cheapest way to check those. Same answer;
--    policy.access.test.ts checks it.
ALTER POLICY family_members_read ON family_members USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = family_members.region_id AND a.family_id = family_members.family_id));
ALTER POLICY family_members_delete ON family_members USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = family_members.region_id AND a.family_id = family_members.family_id));
ALTER POLICY network_members_read ON network_members USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = network_members.region_id AND a.family_id = network_members.family_id));
ALTER POLICY network_members_change ON network_members USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = network_members.region_id AND a.family_id = network_members.family_id));
ALTER POLICY network_members_delete ON network_members USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = network_members.region_id AND a.family_id = network_members.family_id));
ALTER POLICY cases_read ON cases USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = cases.region_id AND a.family_id = cases.family_id));
ALTER POLICY cases_update ON cases USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = cases.region_id AND a.family_id = cases.family_id));
ALTER POLICY case_team_read ON case_team USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = case_team.region_id AND a.family_id = case_team.family_id));
ALTER POLICY case_team_update ON case_team USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = case_team.region_id AND a.family_id = case_team.family_id));
ALTER POLICY timeline_read ON timeline_events USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = timeline_events.region_id AND a.family_id = timeline_events.family_id));

-- 3. Persons are always read a few at a time (by id, through a family's members). The policy
--    used to build the set of every person in every family the actor may see — tens of
--    thousands for a team lead — and the planner, blind to the actor settings, sometimes built it
--    by scanning all household memberships. Now each person row asks "do I see a household
--    membership of this person?" through the (region, person) index on family_members, whose own
--    policy (above) decides which memberships the actor sees. OFFSET 0 keeps it a per-row probe
--    (it stops PostgreSQL from turning it back into the whole set).
ALTER POLICY persons_read ON persons USING ((region_id = regie.actor_region() AND regie.actor_has_role('privacy_officer'))
  OR EXISTS (SELECT 1 FROM family_members fm WHERE fm.region_id = persons.region_id AND fm.person_id = persons.id OFFSET 0));
ALTER POLICY persons_update ON persons USING ((region_id = regie.actor_region() AND regie.actor_has_role('privacy_officer'))
  OR EXISTS (SELECT 1 FROM family_members fm WHERE fm.region_id = persons.region_id AND fm.person_id = persons.id OFFSET 0));
