-- The audit hash chain in stripes: K chains per region instead of one, so that audited
-- transactions of one region no longer queue on one chain-head row (docs/adr/0014-audit-chain-stripes.md).
--
-- * audit_log.seq: from one sequence (audit_log_seq) — unique, increasing in the order rows are
--   written, with gaps (a rolled-back transaction keeps its numbers). Still the primary key with
--   region_id, the order of the readable trail, and the cursor of its pages.
-- * audit_log.stripe / chain_seq: the chain a row belongs to and its place in it (1, 2, 3, … per
--   stripe, no gaps). Rows written before this migration are stripe 0 and keep their bytes: their
--   chain_seq is NULL and means "= seq", and their hash is unchanged.
-- * audit_chain_head: one row per (region, stripe). The existing head becomes stripe 0's.
-- * regie.audit_canonical: the hashed text now also holds stripe and chain_seq (for rows that have
--   one), so moving a row to another place or chain breaks its hash.

CREATE SEQUENCE audit_log_seq AS bigint;
SELECT setval('audit_log_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
COMMENT ON SEQUENCE audit_log_seq IS 'audit_log.seq for every region: unique and increasing in writing order, with gaps.';

ALTER TABLE audit_log ADD COLUMN stripe smallint NOT NULL DEFAULT 0, ADD COLUMN chain_seq bigint;
COMMENT ON COLUMN audit_log.stripe IS 'Which of the region''s hash chains the row is in (0 .. regie.audit_stripe_count() - 1).';
COMMENT ON COLUMN audit_log.chain_seq IS 'Place in its chain (1, 2, …, no gaps); NULL for rows written before the chains were striped, whose place is seq.';
CREATE UNIQUE INDEX audit_chain_position ON audit_log (region_id, stripe, (coalesce(chain_seq, seq)));

ALTER TABLE audit_chain_head ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
ALTER TABLE audit_chain_head DROP CONSTRAINT audit_chain_head_pkey;
ALTER TABLE audit_chain_head ADD PRIMARY KEY (region_id, stripe);
COMMENT ON TABLE audit_chain_head IS 'Last place (seq = chain_seq of the last row) and hash of each audit chain (region, stripe).';
COMMENT ON COLUMN audit_chain_head.seq IS 'chain_seq of the stripe''s last row (0: empty).';

-- How many chains a region has. Raising it later is safe (new stripes start empty, verification
-- walks whatever stripes exist); lowering it leaves the higher stripes as they are.
CREATE FUNCTION regie.audit_stripe_count() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 16';

INSERT INTO audit_chain_head (region_id, stripe, seq, hash)
SELECT r.id, g, 0, repeat('0', 64)
  FROM (SELECT id FROM regions UNION SELECT region_id FROM audit_chain_head) r
 CROSS JOIN generate_series(0, regie.audit_stripe_count() - 1) g
ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION regie.audit_canonical(a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.region_id || '|' || a.seq || '|' || a.id || '|'
    || to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|'
    || a.action || '|' || coalesce(a.user_id::text, '') || '|' || coalesce(a.user_role, '') || '|'
    || coalesce(a.organisation_id::text, '') || '|' || coalesce(a.on_behalf_of, '') || '|'
    || coalesce(a.person_id::text, '') || '|' || a.object_type || '|' || coalesce(a.object_id, '') || '|'
    || coalesce(a.ip, '') || '|' || coalesce(a.user_agent, '') || '|' || coalesce(a.legal_basis, '') || '|'
    || a.care_relation || '|' || a.consent || '|' || a.break_glass || '|' || a.outcome || '|'
    || coalesce(a.reason, '')
    || CASE WHEN a.chain_seq IS NULL THEN '' ELSE '|' || a.stripe || '|' || a.chain_seq END
$$;

-- The chain of region r this transaction writes to, locked until COMMIT. A transaction keeps the
-- one it took first (remembered in regie.audit_stripes, tagged with the transaction id, because a
-- SET LOCAL would not outlive this function); else it takes its connection's own stripe
-- (backend pid mod K) or, when another transaction holds that one, the next free one
-- (SKIP LOCKED) — it waits only when all K are busy. One stripe per region per transaction, taken
-- in region order by lock_audit_chains when there are several, so two transactions never wait
-- for each other in a circle.
CREATE FUNCTION regie.audit_take_stripe(r text) RETURNS smallint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  k integer := regie.audit_stripe_count();
  me text := pg_current_xact_id()::text;
  memo text := current_setting('regie.audit_stripes', true);
  held jsonb := '{}';
  first integer := mod(pg_backend_pid(), k);
  s integer;
BEGIN
  IF memo IS NOT NULL AND split_part(memo, ' ', 1) = me THEN
    held := substr(memo, length(me) + 2)::jsonb;
    IF held ? r THEN RETURN (held->>r)::smallint; END IF;
  END IF;
  FOR i IN 0 .. k - 1 LOOP
    s := mod(first + i, k);
    PERFORM 1 FROM audit_chain_head WHERE region_id = r AND stripe = s FOR UPDATE SKIP LOCKED;
    EXIT WHEN FOUND;
    IF i = 0 AND NOT EXISTS (SELECT 1 FROM audit_chain_head WHERE region_id = r AND stripe = s) THEN
      -- The region's first audit row: its K empty chains.
      INSERT INTO audit_chain_head (region_id, stripe, seq, hash)
      SELECT r, g, 0, repeat('0', 64) FROM generate_series(0, k - 1) g ON CONFLICT DO NOTHING;
      PERFORM 1 FROM audit_chain_head WHERE region_id = r AND stripe = s FOR UPDATE;
      EXIT;
    END IF;
    s := NULL;
  END LOOP;
  IF s IS NULL THEN
    s := first;
    PERFORM 1 FROM audit_chain_head WHERE region_id = r AND stripe = s FOR UPDATE;
  END IF;
  PERFORM set_config('regie.audit_stripes', me || ' ' || (held || jsonb_build_object(r, s))::text, false);
  RETURN s;
END $$;
REVOKE EXECUTE ON FUNCTION regie.audit_take_stripe(text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION regie.audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  s smallint := regie.audit_take_stripe(NEW.region_id);
  h audit_chain_head%ROWTYPE;
BEGIN
  -- Held already (audit_take_stripe); locked again so that a forged regie.audit_stripes can only wait, never fork a chain.
  SELECT * INTO h FROM audit_chain_head WHERE region_id = NEW.region_id AND stripe = s FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head (region_id, stripe, seq, hash)
    SELECT NEW.region_id, g, 0, repeat('0', 64) FROM generate_series(0, greatest(s, regie.audit_stripe_count() - 1)) g ON CONFLICT DO NOTHING;
    SELECT * INTO h FROM audit_chain_head WHERE region_id = NEW.region_id AND stripe = s FOR UPDATE;
  END IF;
  NEW.seq := nextval('audit_log_seq');
  NEW.stripe := s;
  NEW.chain_seq := h.seq + 1;
  NEW.prev_hash := h.hash;
  NEW.occurred_at := clock_timestamp();
  NEW.hash := encode(sha256(convert_to(h.hash || '|' || regie.audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash WHERE region_id = NEW.region_id AND stripe = s;
  RETURN NEW;
END $$;

-- Several regions in one transaction (a handover between regions): one stripe of each, in
-- region order, before the transaction's first audit row.
CREATE OR REPLACE FUNCTION regie.lock_audit_chains(others text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  g text;
BEGIN
  IF regie.actor_region() IS NULL OR EXISTS (SELECT 1 FROM unnest(others) o WHERE NOT EXISTS (SELECT 1 FROM regions WHERE id = o)) THEN
    RAISE EXCEPTION 'lock_audit_chains needs an actor and existing regions' USING ERRCODE = '42501';
  END IF;
  FOR g IN SELECT DISTINCT x FROM unnest(others || regie.actor_region()) AS x ORDER BY x LOOP
    PERFORM regie.audit_take_stripe(g);
  END LOOP;
END $$;
