-- Signal references "M-2026-000123": a counter per region and year. The upsert takes a row lock,
-- so concurrent signals get different numbers; a rolled-back signal leaves a gap (harmless: a
-- reference is a handle for citizens and professionals, not a count).
CREATE TABLE signal_reference_counters (
  region_id text NOT NULL REFERENCES regions(id),
  year integer NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (region_id, year)
);
COMMENT ON TABLE signal_reference_counters IS 'Last signal reference number per region and year; no personal data.';

CREATE FUNCTION regie.next_signal_reference(r text, y integer) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  n integer;
BEGIN
  IF r IS DISTINCT FROM regie.actor_region() THEN
    RAISE EXCEPTION 'signal reference outside the actor''s region' USING ERRCODE = '42501';
  END IF;
  INSERT INTO signal_reference_counters AS c (region_id, year, last_number) VALUES (r, y, 1)
  ON CONFLICT (region_id, year) DO UPDATE SET last_number = c.last_number + 1
  RETURNING c.last_number INTO n;
  -- Six digits, more when a region ever needs them (lpad would cut them off).
  RETURN 'M-' || y || '-' || CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END;
END $$;
REVOKE EXECUTE ON FUNCTION regie.next_signal_reference(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.next_signal_reference(text, integer) TO regie_app;
