-- Handovers to an organisation in another region (a family moves to a municipality of another
-- tenant). The handover row stays in the sender's region; to_region_id names the receiving
-- region (the sender's own for a handover within the region). See
-- docs/adr/0006-cross-region-handovers.md.
ALTER TABLE handovers ADD COLUMN to_region_id text;
UPDATE handovers SET to_region_id = region_id;
ALTER TABLE handovers ALTER COLUMN to_region_id SET NOT NULL,
  ADD CONSTRAINT handovers_to_region_fkey FOREIGN KEY (to_region_id) REFERENCES regions(id);
COMMENT ON COLUMN handovers.to_region_id IS
  'Region of the receiving organisation, its answerer, nominee and resulting case; region_id for a handover within the region.';

-- "Default = region_id": a column default cannot name another column, a trigger can.
CREATE FUNCTION regie.handover_to_region_default() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.to_region_id := coalesce(NEW.to_region_id, NEW.region_id);
  RETURN NEW;
END $$;
CREATE TRIGGER handovers_to_region_default BEFORE INSERT ON handovers
  FOR EACH ROW EXECUTE FUNCTION regie.handover_to_region_default();

-- The receiving organisation, who answered, the nominee and the resulting case live in
-- to_region_id. A foreign key (to_region_id, x) would not contain the distribution column
-- region_id, which Citus refuses between distributed tables. So: within one region the keys
-- stay enforced through generated columns that are NULL for a handover to another region
-- (a foreign key with a NULL column is not checked); across regions the service checks the
-- receiver through regie.handover_receivers_elsewhere() and writes the other ids itself.
ALTER TABLE handovers
  DROP CONSTRAINT handovers_region_id_to_organisation_id_fkey,
  DROP CONSTRAINT handovers_region_id_responded_by_fkey,
  DROP CONSTRAINT handovers_region_id_nominee_user_id_fkey,
  DROP CONSTRAINT handovers_region_id_result_case_id_fkey;
ALTER TABLE handovers
  ADD COLUMN local_to_organisation_id uuid GENERATED ALWAYS AS (CASE WHEN to_region_id = region_id THEN to_organisation_id END) STORED,
  ADD COLUMN local_responded_by uuid GENERATED ALWAYS AS (CASE WHEN to_region_id = region_id THEN responded_by END) STORED,
  ADD COLUMN local_nominee_user_id uuid GENERATED ALWAYS AS (CASE WHEN to_region_id = region_id THEN nominee_user_id END) STORED,
  ADD COLUMN local_result_case_id uuid GENERATED ALWAYS AS (CASE WHEN to_region_id = region_id THEN result_case_id END) STORED;
ALTER TABLE handovers
  ADD CONSTRAINT handovers_local_to_organisation_fkey FOREIGN KEY (region_id, local_to_organisation_id) REFERENCES organisations(region_id, id),
  ADD CONSTRAINT handovers_local_responded_by_fkey FOREIGN KEY (region_id, local_responded_by) REFERENCES users(region_id, id),
  ADD CONSTRAINT handovers_local_nominee_fkey FOREIGN KEY (region_id, local_nominee_user_id) REFERENCES users(region_id, id),
  ADD CONSTRAINT handovers_local_result_case_fkey FOREIGN KEY (region_id, local_result_case_id) REFERENCES cases(region_id, id);
COMMENT ON COLUMN handovers.local_to_organisation_id IS 'to_organisation_id when the receiver is in the same region (carries the foreign key).';
COMMENT ON COLUMN handovers.local_result_case_id IS 'result_case_id when the receiver is in the same region (carries the foreign key).';

-- Incoming handovers are found by the receiver's region and organisation.
DROP INDEX handovers_incoming;
CREATE INDEX handovers_incoming ON handovers (to_region_id, to_organisation_id, sent_at DESC, id);
CREATE INDEX handovers_by_receiving_region ON handovers (to_region_id, id);

-- Who sees a handover: the sending organisation in its region, the receiving organisation in
-- the receiving region. Mirrors mayReadHandover() in src/modules/handovers/handover-rules.ts.
DROP POLICY handovers_read ON handovers;
DROP POLICY handovers_respond ON handovers;
DROP FUNCTION regie.can_see_handover(text, uuid, uuid);
CREATE FUNCTION regie.can_see_handover(r text, from_org uuid, to_r text, to_org uuid) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT (r = regie.actor_region() AND regie.actor_org() = from_org) OR (to_r = regie.actor_region() AND regie.actor_org() = to_org) $$;
CREATE POLICY handovers_read ON handovers FOR SELECT
  USING (regie.can_see_handover(region_id, from_organisation_id, to_region_id, to_organisation_id));
-- Only the receiver answers (mayRespond()), also from another region; it may change only the
-- answer's columns (grants below), and an answer is final (trigger below).
CREATE POLICY handovers_respond ON handovers FOR UPDATE
  USING (to_region_id = regie.actor_region() AND to_organisation_id = regie.actor_org());
REVOKE UPDATE ON handovers FROM regie_app;
GRANT UPDATE (status, version, responded_at, responded_by, nominee_user_id, refusal_reason, result_case_id) ON handovers TO regie_app;

CREATE FUNCTION regie.handover_answer_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending' AND NEW.status <> OLD.status THEN
    RAISE EXCEPTION 'handover % was already answered (%)', OLD.id, OLD.status USING ERRCODE = '23514', CONSTRAINT = 'handover_answer_final';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER handovers_answer_final BEFORE UPDATE OF status ON handovers
  FOR EACH ROW EXECUTE FUNCTION regie.handover_answer_final();

-- The organisation a signal is handed over to saw the signal itself (0061); that holds within
-- the region only. A receiver in another region gets the information package, never the
-- sender's signal row.
ALTER POLICY signals_handover_receiver ON signals USING (EXISTS (
  SELECT 1 FROM handovers h WHERE h.region_id = signals.region_id AND h.to_region_id = signals.region_id AND h.signal_id = signals.id
     AND h.to_organisation_id = regie.actor_org() AND h.status IN ('pending', 'accepted')));

-- The names of the parties of a handover the actor may see: organisations, regions and
-- professionals of the other region are hidden by their own row-level security.
CREATE FUNCTION regie.handover_parties(r text, h uuid)
RETURNS TABLE (from_region_name text, from_name text, from_type text, to_region_name text, to_name text, to_type text,
               sender_name text, responder_name text, nominee_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT fr.name, fo.name, fo.type, tr.name, tor.name, tor.type, su.display_name, ru.display_name, nu.display_name
    FROM handovers x
    JOIN regions fr ON fr.id = x.region_id
    JOIN organisations fo ON fo.region_id = x.region_id AND fo.id = x.from_organisation_id
    JOIN regions tr ON tr.id = x.to_region_id
    JOIN organisations tor ON tor.region_id = x.to_region_id AND tor.id = x.to_organisation_id
    JOIN users su ON su.region_id = x.region_id AND su.id = x.from_user_id
    LEFT JOIN users ru ON ru.region_id = x.to_region_id AND ru.id = x.responded_by
    LEFT JOIN users nu ON nu.region_id = x.to_region_id AND nu.id = x.nominee_user_id
   WHERE x.region_id = r AND x.id = h
     AND regie.can_see_handover(x.region_id, x.from_organisation_id, x.to_region_id, x.to_organisation_id)
$$;
COMMENT ON FUNCTION regie.handover_parties(text, uuid) IS
  'Organisation, region and professional names of a handover, for its sender and receiver only.';

-- Organisations of the other regions that could receive a handover: name, type and region,
-- no personal data. Only inside an actor's transaction.
CREATE FUNCTION regie.handover_receivers_elsewhere(types text[])
RETURNS TABLE (region_id text, region_name text, id uuid, name text, type text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT o.region_id, g.name, o.id, o.name, o.type
    FROM organisations o JOIN regions g ON g.id = o.region_id
   WHERE regie.actor_region() IS NOT NULL AND o.region_id <> regie.actor_region()
     AND (types IS NULL OR o.type = ANY (types))
   ORDER BY g.name, o.name
$$;
COMMENT ON FUNCTION regie.handover_receivers_elsewhere(text[]) IS
  'Organisations of other regions (name, type, region) for the receiver picker of a handover.';

-- The person a BSN belongs to in the actor's region (the surviving record after a merge), for
-- the acceptance of a handover from another region: never matched on name.
CREATE FUNCTION regie.handover_person_by_bsn(r text, b text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT coalesce(p.merged_into, p.id) FROM persons p WHERE p.region_id = r AND p.bsn = b AND r = regie.actor_region()
$$;

-- The deadline sweep also returns the receiving region, so that the receiving team lead in
-- another region is told as well.
DROP FUNCTION regie.expire_overdue_handovers(date);
CREATE FUNCTION regie.expire_overdue_handovers(today date)
RETURNS TABLE (region_id text, id uuid, from_organisation_id uuid, to_region_id text, to_organisation_id uuid, from_user_id uuid,
               family_id uuid, case_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public, regie AS $$
  UPDATE handovers h SET status = 'expired', expired_at = now(), version = h.version + 1
   WHERE h.status = 'pending' AND h.accept_due_on < today
  RETURNING h.region_id, h.id, h.from_organisation_id, h.to_region_id, h.to_organisation_id, h.from_user_id, h.family_id, h.case_id
$$;
REVOKE EXECUTE ON FUNCTION regie.expire_overdue_handovers(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.can_see_handover(text, uuid, text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_parties(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_receivers_elsewhere(text[]) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_person_by_bsn(text, text) TO regie_app;
