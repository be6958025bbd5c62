-- A triage decision "hand over" may name a receiving organisation in another region (a family
-- that moved), as a handover can since 0090. The decision records the target's region in
-- target_region_id: region_id for a target in the own region, NULL when the decision names no
-- target. Same approach as 0090 for handovers.to_organisation_id / to_region_id: see
-- docs/adr/0006-cross-region-handovers.md.
ALTER TABLE signal_triage_decisions ADD COLUMN target_region_id text;
UPDATE signal_triage_decisions SET target_region_id = region_id WHERE target_organisation_id IS NOT NULL;
ALTER TABLE signal_triage_decisions
  ADD CONSTRAINT signal_triage_target_region_fkey FOREIGN KEY (target_region_id) REFERENCES regions(id),
  -- A target organisation always has its region, and a region is only named for a target.
  ADD CONSTRAINT signal_triage_target_region_with_target CHECK ((target_region_id IS NULL) = (target_organisation_id IS NULL));
COMMENT ON COLUMN signal_triage_decisions.target_region_id IS
  'Region of the target organisation of a decision "hand over"; region_id within the region, NULL without a target.';

-- "Default = region_id" for a decision with a target: a column default cannot name another
-- column, a trigger can (as handovers.to_region_id in 0090).
CREATE FUNCTION regie.triage_target_region_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.target_organisation_id IS NOT NULL THEN
    NEW.target_region_id := coalesce(NEW.target_region_id, NEW.region_id);
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER signal_triage_target_region_default BEFORE INSERT ON signal_triage_decisions
  FOR EACH ROW EXECUTE FUNCTION regie.triage_target_region_default();

-- A foreign key (target_region_id, target_organisation_id) would not contain the distribution
-- column region_id, which Citus refuses between distributed tables. So: within one region the
-- key stays enforced through a generated column that is NULL for a target in another region (a
-- foreign key with a NULL column is not checked); across regions the triage service checks the
-- target through regie.handover_receivers_elsewhere() (via the handovers module), and the
-- handover written in the same transaction names it in to_region_id.
ALTER TABLE signal_triage_decisions DROP CONSTRAINT signal_triage_decisions_region_id_target_organisation_id_fkey;
ALTER TABLE signal_triage_decisions
  ADD COLUMN local_target_organisation_id uuid
    GENERATED ALWAYS AS (CASE WHEN target_region_id = region_id THEN target_organisation_id END) STORED;
ALTER TABLE signal_triage_decisions
  ADD CONSTRAINT signal_triage_local_target_fkey FOREIGN KEY (region_id, local_target_organisation_id) REFERENCES organisations(region_id, id);
COMMENT ON COLUMN signal_triage_decisions.local_target_organisation_id IS
  'target_organisation_id when the target is in the same region (carries the foreign key).';

-- The information package of a handover to another region carries the persons' BSN, so that
-- the receiving region links a person it already knows by BSN and never by name (ADR 0006). For
-- a case the sender reads them itself; for a signal its persons come through
-- regie.handover_signal_persons() (0061), which leaves the BSN out because a handover within the
-- region needs none. This gives the BSNs of those same persons, under the same guard: inside an
-- actor's transaction of the signal's region, to the organisation that received the signal.
-- handovers.service calls it only for a handover to another region.
CREATE FUNCTION regie.handover_signal_person_bsns(r text, s uuid)
RETURNS TABLE (person_id uuid, bsn text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT x.person_id, p.bsn
    FROM regie.handover_signal_persons(r, s) x
    JOIN persons p ON p.region_id = r AND p.id = x.person_id
   WHERE p.bsn IS NOT NULL
$$;
COMMENT ON FUNCTION regie.handover_signal_person_bsns(text, uuid) IS
  'BSNs of the persons of a signal, for the package of its handover to another region; only for the organisation that received the signal.';
REVOKE EXECUTE ON FUNCTION regie.handover_signal_person_bsns(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.handover_signal_person_bsns(text, uuid) TO regie_app;
