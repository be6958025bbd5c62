-- A case-team membership can start on a future date (a professional who joins next week). Until
-- that moment it opens nothing: not the family, not its persons, not a team lead's view through
-- the organisation. `started_at` holds the moment access begins (the start of the chosen day in
-- Europe/Amsterdam for a future start, the moment of adding otherwise); `started_on` the date shown.
-- The policy (mayReadFamily in src/platform/access/policy.ts) asks the same question;
-- policy.access.test.ts checks with random worlds, future starts included, that both agree.
CREATE OR REPLACE VIEW regie.my_family_access AS
  SELECT ct.region_id, ct.family_id FROM public.case_team ct
   WHERE ct.ended_at IS NULL AND ct.started_at <= now() AND ct.region_id = regie.actor_region() AND ct.user_id = regie.actor_user()
  UNION ALL
  SELECT ct.region_id, ct.family_id FROM public.case_team ct
   WHERE regie.actor_has_role('team_lead') AND ct.ended_at IS NULL AND ct.started_at <= now() AND ct.region_id = regie.actor_region()
     AND ct.organisation_id = regie.actor_org()
  UNION ALL
  SELECT b.region_id, b.family_id FROM public.break_glass b
   WHERE b.region_id = regie.actor_region() AND b.user_id = regie.actor_user() AND b.expires_at > now();

-- A membership that has not started yet is no care relation either: with a grant, the family
-- stays read-only until the start (0120).
CREATE OR REPLACE VIEW regie.my_break_glass_only AS
  SELECT b.region_id, b.family_id FROM public.break_glass b
   WHERE b.region_id = regie.actor_region() AND b.user_id = regie.actor_user() AND b.expires_at > now()
     AND NOT EXISTS (SELECT 1 FROM public.case_team ct
                      WHERE ct.region_id = b.region_id AND ct.family_id = b.family_id AND ct.ended_at IS NULL AND ct.started_at <= now()
                        AND (ct.user_id = regie.actor_user()
                             OR (regie.actor_has_role('team_lead') AND ct.organisation_id = regie.actor_org())));

COMMENT ON COLUMN case_team.started_at IS 'The moment this membership starts to open the family (may be in the future).';
COMMENT ON COLUMN case_team.started_on IS 'The first day of this membership, as shown to the team (may be in the future).';
