-- The actor's own access, as three branches instead of one OR: "own memberships" uses the
-- (region, user) index; "my organisation's memberships" only runs for a team lead — the role test
-- has no column in it, so PostgreSQL makes it a one-time filter and skips the branch for everyone
-- else. With one OR, every professional of a large team paid for a scan of all of the team's
-- memberships on every request.
CREATE OR REPLACE VIEW regie.my_family_access AS
  SELECT ct.region_id, ct.family_id FROM public.case_team ct
   WHERE ct.ended_at IS NULL AND ct.region_id = regie.actor_region() AND ct.user_id = regie.actor_user()
  UNION ALL
  SELECT ct.region_id, ct.family_id FROM public.case_team ct
   WHERE regie.actor_has_role('team_lead') AND ct.ended_at IS NULL AND ct.region_id = regie.actor_region()
     AND ct.organisation_id = regie.actor_org()
  UNION ALL
  SELECT b.region_id, b.family_id FROM public.break_glass b
   WHERE b.region_id = regie.actor_region() AND b.user_id = regie.actor_user() AND b.expires_at > now();
