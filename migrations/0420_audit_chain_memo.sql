-- The audit chain's head, written once per statement instead of once per row (issue 12, ADR 0014).
--
-- Until now every audit row locked its chain's head row again, read it and updated it: a list page
-- of 20 families writes ≈ 60 rows in one INSERT, so one transaction left ≈ 60 versions of the same
-- head row. They do not fit in one page, so the updates stop being HOT, the one-row table and its
-- index grow by megabytes a minute without (auto)vacuum, and each next lookup walks the versions:
-- the trigger cost ≈ 145 µs of a row's ≈ 245 µs (bench/results/2026-12-05-statement-cache.md).
--
-- Now the row trigger keeps the chain's running head in a setting of the transaction
-- (regie.audit_heads, tagged with the transaction id like regie.audit_stripes): the first row of a
-- chain in a transaction locks and reads the head row, every later row continues from the setting.
-- At the end of each INSERT a statement trigger walks the rows the statement wrote (its transition
-- table), per chain in chain order, checks that they continue the locked head row without a gap and
-- each names its predecessor's hash, and writes the head once. A setting forged in between (the
-- connection may call set_config) can therefore only make the statement fail, never leave a chain
-- with a gap, a fork or a wrong link: the head row stays the authority, locked until COMMIT.
-- A savepoint rolled back takes its rows, its head update and its settings back alike.
-- The rows themselves are the same as before: the same chain positions, hashes and canonical text.

CREATE OR REPLACE FUNCTION regie.audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  me text := pg_current_xact_id()::text;
  memo text := current_setting('regie.audit_heads', true);
  heads jsonb := '{}';
  h jsonb;
  s smallint;
  prev_seq bigint;
  prev_hash text;
  t timestamptz := clock_timestamp();
BEGIN
  IF memo IS NOT NULL AND split_part(memo, ' ', 1) = me THEN
    heads := substr(memo, length(me) + 2)::jsonb;
    h := heads -> NEW.region_id;
  END IF;
  IF h IS NULL THEN
    -- The region's first row in this transaction: its chain (audit_take_stripe), and that chain's
    -- head row locked until COMMIT (held already; locked again so that a forged
    -- regie.audit_stripes can only wait).
    s := regie.audit_take_stripe(NEW.region_id);
    SELECT seq, hash INTO prev_seq, prev_hash FROM audit_chain_head WHERE region_id = NEW.region_id AND stripe = s FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO audit_chain_head (region_id, stripe, seq, hash)
      SELECT NEW.region_id, g, 0, repeat('0', 64) FROM generate_series(0, greatest(s, regie.audit_stripe_count() - 1)) g ON CONFLICT DO NOTHING;
      SELECT seq, hash INTO prev_seq, prev_hash FROM audit_chain_head WHERE region_id = NEW.region_id AND stripe = s FOR UPDATE;
    END IF;
  ELSE
    s := (h ->> 0)::smallint;
    prev_seq := (h ->> 1)::bigint;
    prev_hash := h ->> 2;
  END IF;
  NEW.seq := nextval('audit_log_seq');
  NEW.stripe := s;
  NEW.chain_seq := prev_seq + 1;
  NEW.prev_hash := prev_hash;
  IF date_trunc('month', t AT TIME ZONE 'UTC') = date_trunc('month', NEW.occurred_at AT TIME ZONE 'UTC')
     OR NEW.occurred_at NOT BETWEEN t - interval '1 minute' AND t THEN
    NEW.occurred_at := t;
  END IF;
  NEW.hash := encode(sha256(convert_to(prev_hash || '|' || regie.audit_canonical(NEW), 'UTF8')), 'hex');
  -- Not SET LOCAL: that would end with this function (its SET clause); a rolled-back transaction
  -- or savepoint still takes this value back.
  PERFORM set_config('regie.audit_heads', me || ' ' || jsonb_set(heads, ARRAY[NEW.region_id], jsonb_build_array(s, NEW.chain_seq, NEW.hash))::text, false);
  RETURN NEW;
END $$;

-- After each INSERT into the log: the statement's rows continue each chain's head row exactly, and
-- the head row moves to the last of them.
CREATE FUNCTION regie.audit_chain_close() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  r record;
  cur_region text;
  cur_stripe smallint;
  exp_seq bigint;
  exp_hash text;
BEGIN
  FOR r IN SELECT region_id, stripe, chain_seq, prev_hash, hash FROM written ORDER BY region_id, stripe, chain_seq LOOP
    IF cur_region IS DISTINCT FROM r.region_id OR cur_stripe IS DISTINCT FROM r.stripe THEN
      IF cur_region IS NOT NULL THEN
        UPDATE audit_chain_head SET seq = exp_seq, hash = exp_hash WHERE region_id = cur_region AND stripe = cur_stripe;
      END IF;
      cur_region := r.region_id;
      cur_stripe := r.stripe;
      SELECT seq, hash INTO exp_seq, exp_hash FROM audit_chain_head WHERE region_id = cur_region AND stripe = cur_stripe FOR UPDATE;
    END IF;
    IF r.chain_seq IS DISTINCT FROM exp_seq + 1 OR r.prev_hash IS DISTINCT FROM exp_hash THEN
      RAISE EXCEPTION 'audit chain % of region % out of step at place % (head at %)', cur_stripe, cur_region, r.chain_seq, exp_seq
        USING ERRCODE = 'P0001', HINT = 'regie.audit_heads does not continue the chain head';
    END IF;
    exp_seq := r.chain_seq;
    exp_hash := r.hash;
  END LOOP;
  IF cur_region IS NOT NULL THEN
    UPDATE audit_chain_head SET seq = exp_seq, hash = exp_hash WHERE region_id = cur_region AND stripe = cur_stripe;
  END IF;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION regie.audit_chain_close() FROM PUBLIC;

CREATE TRIGGER audit_chain_close AFTER INSERT ON audit_log REFERENCING NEW TABLE AS written
  FOR EACH STATEMENT EXECUTE FUNCTION regie.audit_chain_close();
