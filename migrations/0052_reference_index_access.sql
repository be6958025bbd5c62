-- Who sees what in the reference index, enforced by PostgreSQL as well as by the service:
-- registrations are visible to the members of the registering organisation, and to the other
-- organisation of a match pair in which that registration matched (for the contact details);
-- matches and their pairs only to the organisations in them. Matches and pairs are created by
-- regie.refindex_match() only; the application may set the coordinator and nothing else.
GRANT SELECT, INSERT ON refindex_registrations TO regie_app;
GRANT UPDATE (ended_at, ended_by, ended_reason) ON refindex_registrations TO regie_app;
GRANT SELECT ON refindex_matches, refindex_match_pairs TO regie_app;
GRANT UPDATE (coordinator_organisation_id, coordinator_user_id, coordinator_accepted_at) ON refindex_matches TO regie_app;

ALTER TABLE refindex_match_pairs ENABLE ROW LEVEL SECURITY;
ALTER TABLE refindex_match_pairs FORCE ROW LEVEL SECURITY;
CREATE POLICY refindex_pairs_read ON refindex_match_pairs FOR SELECT USING (region_id = regie.actor_region()
  AND regie.actor_org() IN (org_low, org_high));

ALTER TABLE refindex_registrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE refindex_registrations FORCE ROW LEVEL SECURITY;
-- The subquery runs under the pairs policy above: only pairs of the actor's own organisation.
CREATE POLICY refindex_registrations_read ON refindex_registrations FOR SELECT USING (region_id = regie.actor_region()
  AND (organisation_id = regie.actor_org()
       OR EXISTS (SELECT 1 FROM refindex_match_pairs p WHERE p.region_id = refindex_registrations.region_id
                    AND refindex_registrations.id IN (p.registration_low, p.registration_high))));
CREATE POLICY refindex_registrations_insert ON refindex_registrations FOR INSERT WITH CHECK (region_id = regie.actor_region()
  AND organisation_id = regie.actor_org() AND registered_by = regie.actor_user());
CREATE POLICY refindex_registrations_end ON refindex_registrations FOR UPDATE USING (region_id = regie.actor_region()
  AND organisation_id = regie.actor_org()) WITH CHECK (region_id = regie.actor_region() AND organisation_id = regie.actor_org());

ALTER TABLE refindex_matches ENABLE ROW LEVEL SECURITY;
ALTER TABLE refindex_matches FORCE ROW LEVEL SECURITY;
CREATE POLICY refindex_matches_read ON refindex_matches FOR SELECT USING (region_id = regie.actor_region()
  AND EXISTS (SELECT 1 FROM refindex_match_pairs p WHERE p.region_id = refindex_matches.region_id AND p.match_id = refindex_matches.id));
-- Accepting the coordinator role: only an organisation in the match, and only for itself.
CREATE POLICY refindex_matches_coordinator ON refindex_matches FOR UPDATE
  USING (region_id = regie.actor_region()
         AND EXISTS (SELECT 1 FROM refindex_match_pairs p WHERE p.region_id = refindex_matches.region_id AND p.match_id = refindex_matches.id))
  WITH CHECK (coordinator_organisation_id = regie.actor_org() AND coordinator_user_id = regie.actor_user());
