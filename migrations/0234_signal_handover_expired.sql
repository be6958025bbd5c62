-- A handover of a signal that the receiver does not answer in time (the deadline sweep expires
-- it) also returns the signal to the sender's triage queue, as "not answered — new decision
-- needed" (status handover_expired): the sender stays responsible, and the signal must not drop
-- out of sight as "handed over" either.
-- The status check gains the value and keeps every value it already allows (also those other
-- migrations added), so that this migration never narrows it.
DO $$
DECLARE
  allowed text[];
BEGIN
  SELECT array_agg(DISTINCT m[1]) INTO allowed
    FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') AS m
   WHERE c.conrelid = 'signals'::regclass AND c.conname = 'signals_status_check';
  allowed := ARRAY(SELECT DISTINCT v FROM unnest(coalesce(allowed, ARRAY[]::text[]) || ARRAY['handover_expired']) AS v ORDER BY v);
  ALTER TABLE signals DROP CONSTRAINT IF EXISTS signals_status_check;
  EXECUTE 'ALTER TABLE signals ADD CONSTRAINT signals_status_check CHECK (status IN ('
    || (SELECT string_agg(quote_literal(v), ', ') FROM unnest(allowed) AS v) || '))';
END $$;

-- The sweep's function of migration 0090, now also sending the expired handovers' signals back.
CREATE OR REPLACE FUNCTION regie.expire_overdue_handovers(today date)
RETURNS TABLE (region_id text, id uuid, from_organisation_id uuid, to_region_id text, to_organisation_id uuid, from_user_id uuid,
               family_id uuid, case_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public, regie AS $$
  WITH expired AS (
    UPDATE handovers h SET status = 'expired', expired_at = now(), version = h.version + 1
     WHERE h.status = 'pending' AND h.accept_due_on < today
    RETURNING h.region_id, h.id, h.from_organisation_id, h.to_region_id, h.to_organisation_id, h.from_user_id, h.family_id, h.case_id, h.signal_id
  ), back AS (
    UPDATE signals s SET status = 'handover_expired', version = s.version + 1
      FROM expired e
     WHERE s.region_id = e.region_id AND s.id = e.signal_id AND s.status = 'handed_over'
    RETURNING s.id
  )
  SELECT e.region_id, e.id, e.from_organisation_id, e.to_region_id, e.to_organisation_id, e.from_user_id, e.family_id, e.case_id FROM expired e
$$;
