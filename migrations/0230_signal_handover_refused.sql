-- A refused handover of a signal returns the signal to the triage queue of the organisation that
-- sent it, as "refused — new decision needed" (status handover_refused): it no longer drops out
-- of sight as "handed over". The triaging organisation then decides again, so a signal can have
-- more than one triage decision over time (the latest is the one that counts); the signal's
-- version and status guard that only one new decision is made per refusal.
-- The status check gains the value and keeps every value it already allows (also those other
-- migrations added), so that this migration never narrows it.
DO $$
DECLARE
  allowed text[];
BEGIN
  SELECT array_agg(DISTINCT m[1]) INTO allowed
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') AS m
   WHERE c.conrelid = 'signals'::regclass AND c.conname = 'signals_status_check';
  allowed := ARRAY(SELECT DISTINCT v FROM unnest(coalesce(allowed, ARRAY[]::text[]) || ARRAY['handover_refused']) AS v ORDER BY v);
  ALTER TABLE signals DROP CONSTRAINT IF EXISTS signals_status_check;
  EXECUTE 'ALTER TABLE signals ADD CONSTRAINT signals_status_check CHECK (status IN ('
    || (SELECT string_agg(quote_literal(v), ', ') FROM unnest(allowed) AS v) || '))';
END $$;

ALTER TABLE signal_triage_decisions DROP CONSTRAINT signal_triage_decisions_region_id_signal_id_key;
CREATE INDEX signal_triage_by_signal ON signal_triage_decisions (region_id, signal_id, decided_at DESC);
COMMENT ON TABLE signal_triage_decisions IS
  'Triage of a signal: safety assessment, decision and who decided (personal data by association). A new decision follows a refused handover; the latest counts.';

-- Called by the receiver in the very transaction in which it refused (also from another region):
-- the signal of the handover goes back to the sender's queue. Only for that refusal, only once.
CREATE FUNCTION regie.signal_back_after_refusal(r text, h uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  n integer;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR x.status <> 'refused' OR x.to_region_id IS DISTINCT FROM regie.actor_region()
     OR x.to_organisation_id IS DISTINCT FROM regie.actor_org() OR x.responded_by IS DISTINCT FROM regie.actor_user()
     OR x.responded_at IS DISTINCT FROM now() THEN
    RAISE EXCEPTION 'not a refusal given in this transaction' USING ERRCODE = '42501';
  END IF;
  IF x.signal_id IS NULL THEN RETURN false; END IF;
  UPDATE signals SET status = 'handover_refused', version = version + 1
   WHERE region_id = r AND id = x.signal_id AND status = 'handed_over';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n > 0;
END $$;
COMMENT ON FUNCTION regie.signal_back_after_refusal(text, uuid) IS
  'Returns the signal of a handover refused in this transaction to the sender''s triage queue (status handover_refused).';
REVOKE EXECUTE ON FUNCTION regie.signal_back_after_refusal(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.signal_back_after_refusal(text, uuid) TO regie_app;
