-- The audit log and the timeline partitioned by month (issue "Speed and scale";
-- docs/adr/0015-month-partitions.md). They are the two tables that grow without bound
-- (nationally ≈ 250 M audit rows and ≈ 25 M events a year, docs/scale.md). With PostgreSQL's own
-- range partitioning on occurred_at, a month past its retention leaves with
-- `ALTER TABLE … DETACH PARTITION` instead of a DELETE that the append-only rule forbids.
--
-- * The existing table is not copied: it becomes the first partition, `<table>_history`, for
--   everything up to the start of next month (UTC). On a large installation the migration then
--   costs one scan of each table (the partition check) and the new unique key, not a rewrite.
-- * Each later month gets its own partition `<table>_YYYY_MM`, made ahead of time by
--   regie.ensure_month_partitions(): after every migration and by a daily sweep (src/jobs.ts).
-- * `audit_log_default` catches an audit row whose month has no partition yet (the sweep has not
--   run), so an audited request never fails for want of a partition. A month with rows waiting
--   there is not made later (PostgreSQL refuses); those rows stay in the default partition,
--   readable as any other. The timeline has no default partition on purpose: without one
--   PostgreSQL reads a family's newest events partition by partition, newest month first, and
--   stops when the page is full (with one it must merge an index probe into every month).
-- * A partitioned table's unique keys must contain the partition key, so the primary keys become
--   (region_id, seq, occurred_at) and (region_id, id, occurred_at); seq and id stay unique as
--   they are drawn from a sequence and gen_random_uuid(). The place of a row in its audit chain,
--   (region_id, stripe, coalesce(chain_seq, seq)), is an expression and can only be unique per
--   partition: each partition carries that unique index (the chain's own lock and its
--   verification, which finds a doubled place, guard it across months).
-- * Row-level security, grants and row triggers live on the parent and apply to every
--   partition read or written through it. The partitions themselves have row-level security
--   forced and no policies and no grants, so nothing can be read or written in a partition
--   directly except by the owner.
-- * PostgreSQL 15 has no identity columns on partitioned tables: timeline_events.seq is drawn
--   by its insert trigger from the sequence timeline_events_seq (so, as before, a writer cannot
--   choose it).

-- ---------------------------------------------------------------------------------------------
-- What every partition gets.
CREATE FUNCTION regie.seal_partition(p regclass) RETURNS void
LANGUAGE plpgsql SET search_path = public, regie AS $$
DECLARE
  parent regclass := (SELECT inhparent FROM pg_inherits WHERE inhrelid = p);
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', p);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', p);
  EXECUTE format('REVOKE ALL ON TABLE %s FROM PUBLIC, regie_app, regie_system, regie_authn', p);
  IF parent = 'audit_log'::regclass THEN
    EXECUTE format('CREATE UNIQUE INDEX %I ON %s (region_id, stripe, (coalesce(chain_seq, seq)))', p::text || '_chain_position', p);
    -- A statement trigger on the parent does not fire for a TRUNCATE of one partition.
    EXECUTE format('CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION regie.forbid_change()', p);
  END IF;
END $$;
REVOKE EXECUTE ON FUNCTION regie.seal_partition(regclass) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------
-- audit_log
ALTER TABLE audit_log RENAME TO audit_log_history;
-- Its key (region_id, seq) gives way to the parent's (region_id, seq, occurred_at), built on attaching.
ALTER TABLE audit_log_history DROP CONSTRAINT audit_log_pkey;
ALTER INDEX audit_person RENAME TO audit_log_history_person;
ALTER INDEX audit_time RENAME TO audit_log_history_time;
ALTER INDEX audit_user RENAME TO audit_log_history_user;
ALTER INDEX audit_chain_position RENAME TO audit_log_history_chain_position;
-- The parent's row triggers are cloned onto it when it is attached; its TRUNCATE trigger stays.
DROP TRIGGER audit_append_only ON audit_log_history;
DROP TRIGGER audit_chain ON audit_log_history;
DROP POLICY audit_insert ON audit_log_history;
DROP POLICY audit_read ON audit_log_history;
DROP POLICY audit_log_authn ON audit_log_history;
DROP POLICY audit_log_system_installation ON audit_log_history;
DROP POLICY audit_log_system_refindex_removals ON audit_log_history;
DROP POLICY audit_log_system_verify ON audit_log_history;
REVOKE ALL ON TABLE audit_log_history FROM PUBLIC, regie_app, regie_system, regie_authn;

CREATE TABLE audit_log (LIKE audit_log_history INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS)
  PARTITION BY RANGE (occurred_at);
COMMENT ON TABLE audit_log IS 'NEN 7513 access log; append-only; hash = sha256(prev_hash || ''|'' || canonical row). Partitioned by month of occurred_at (migrations/0400); each partition has a unique index on the place in the chain, (region_id, stripe, coalesce(chain_seq, seq)).';
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY (region_id, seq, occurred_at);
CREATE INDEX audit_person ON audit_log (region_id, person_id, occurred_at DESC);
CREATE INDEX audit_time ON audit_log (region_id, occurred_at DESC);
CREATE INDEX audit_user ON audit_log (region_id, user_id, occurred_at DESC);

DO $$
BEGIN
  EXECUTE format('ALTER TABLE audit_log ATTACH PARTITION audit_log_history FOR VALUES FROM (MINVALUE) TO (%L)',
    to_char(date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
END $$;
CREATE TABLE audit_log_default PARTITION OF audit_log DEFAULT;
SELECT regie.seal_partition('audit_log_default');

CREATE TRIGGER audit_append_only BEFORE DELETE OR UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION regie.audit_chain();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION regie.forbid_change();

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_insert ON audit_log FOR INSERT TO regie_app WITH CHECK (region_id = regie.actor_region());
CREATE POLICY audit_read ON audit_log FOR SELECT TO regie_app
  USING (region_id = regie.actor_region() AND regie.actor_has_role('privacy_officer'));
CREATE POLICY audit_log_authn ON audit_log FOR INSERT TO regie_authn
  WITH CHECK (regie.system_door() = 'authentication' AND user_id IS NOT NULL);
CREATE POLICY audit_log_system_installation ON audit_log FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'installation' AND on_behalf_of = 'installation');
CREATE POLICY audit_log_system_refindex_removals ON audit_log FOR INSERT TO regie_system
  WITH CHECK (regie.system_door() = 'refindex-sweeps' AND user_id IS NULL AND on_behalf_of = 'system:refindex-removals');
CREATE POLICY audit_log_system_verify ON audit_log FOR SELECT TO regie_system USING (regie.system_door() = 'audit-verify');
GRANT SELECT, INSERT ON audit_log TO regie_app;
GRANT SELECT, INSERT ON audit_log TO regie_system;
GRANT INSERT ON audit_log TO regie_authn;

-- The canonical text of a row, now for the parent's row type (a partition's row converts to it).
DROP FUNCTION regie.audit_canonical(audit_log_history);
CREATE FUNCTION regie.audit_canonical(a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
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
GRANT EXECUTE ON FUNCTION regie.audit_canonical(audit_log) TO regie_app, regie_system;

-- The chain trigger as in 0260, but for the time of writing: the row was routed to its month's
-- partition by its default occurred_at (clock_timestamp() when the row was formed) and a BEFORE
-- trigger may not move it to another. So the trigger sets the time again, as before, except in
-- the moment a month turns between the two, when it keeps the routed time (a few microseconds
-- earlier). A time a writer supplied is still overwritten; one in another month then fails.
CREATE OR REPLACE FUNCTION regie.audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  s smallint := regie.audit_take_stripe(NEW.region_id);
  h audit_chain_head%ROWTYPE;
  t timestamptz := clock_timestamp();
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
  IF date_trunc('month', t AT TIME ZONE 'UTC') = date_trunc('month', NEW.occurred_at AT TIME ZONE 'UTC')
     OR NEW.occurred_at NOT BETWEEN t - interval '1 minute' AND t THEN
    NEW.occurred_at := t;
  END IF;
  NEW.hash := encode(sha256(convert_to(h.hash || '|' || regie.audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash WHERE region_id = NEW.region_id AND stripe = s;
  RETURN NEW;
END $$;

-- ---------------------------------------------------------------------------------------------
-- timeline_events
CREATE SEQUENCE timeline_events_seq AS bigint;
SELECT setval('timeline_events_seq', coalesce((SELECT max(seq) FROM timeline_events), 0) + 1, false);
COMMENT ON SEQUENCE timeline_events_seq IS 'timeline_events.seq: the order events were written in, drawn by the insert trigger.';
ALTER TABLE timeline_events ALTER COLUMN seq DROP IDENTITY;

ALTER TABLE timeline_events RENAME TO timeline_events_history;
ALTER TABLE timeline_events_history DROP CONSTRAINT timeline_events_pkey;
ALTER INDEX timeline_family_order RENAME TO timeline_events_history_family_order;
DROP TRIGGER timeline_append_only ON timeline_events_history;
DROP POLICY timeline_insert ON timeline_events_history;
DROP POLICY timeline_no_break_glass_insert ON timeline_events_history;
DROP POLICY timeline_read ON timeline_events_history;
REVOKE ALL ON TABLE timeline_events_history FROM PUBLIC, regie_app, regie_system, regie_authn;

CREATE TABLE timeline_events (LIKE timeline_events_history INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS)
  PARTITION BY RANGE (occurred_at);
COMMENT ON TABLE timeline_events IS 'Append-only history of a family and its case (personal data). Partitioned by month of occurred_at (migrations/0400).';
ALTER TABLE timeline_events ADD CONSTRAINT timeline_events_pkey PRIMARY KEY (region_id, id, occurred_at);
ALTER TABLE timeline_events ADD CONSTRAINT timeline_events_region_id_family_id_fkey
  FOREIGN KEY (region_id, family_id) REFERENCES families (region_id, id);
CREATE INDEX timeline_family_order ON timeline_events (region_id, family_id, occurred_at DESC, seq DESC);

DO $$
BEGIN
  EXECUTE format('ALTER TABLE timeline_events ATTACH PARTITION timeline_events_history FOR VALUES FROM (MINVALUE) TO (%L)',
    to_char(date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
END $$;

CREATE FUNCTION regie.timeline_seq() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  NEW.seq := nextval('timeline_events_seq');
  RETURN NEW;
END $$;
REVOKE EXECUTE ON FUNCTION regie.timeline_seq() FROM PUBLIC;
CREATE TRIGGER timeline_seq BEFORE INSERT ON timeline_events FOR EACH ROW EXECUTE FUNCTION regie.timeline_seq();
CREATE TRIGGER timeline_append_only BEFORE DELETE OR UPDATE ON timeline_events FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();

ALTER TABLE timeline_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE timeline_events FORCE ROW LEVEL SECURITY;
CREATE POLICY timeline_insert ON timeline_events FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY timeline_no_break_glass_insert ON timeline_events AS RESTRICTIVE FOR INSERT
  WITH CHECK (type = 'break_glass_opened' OR NOT EXISTS (
    SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = timeline_events.region_id AND g.family_id = timeline_events.family_id));
CREATE POLICY timeline_read ON timeline_events FOR SELECT USING (EXISTS (
  SELECT 1 FROM regie.my_family_access a WHERE a.region_id = timeline_events.region_id AND a.family_id = timeline_events.family_id));
GRANT SELECT, INSERT ON timeline_events TO regie_app;

-- ---------------------------------------------------------------------------------------------
-- The months ahead: this month and the next `months_ahead`, each unless it exists or lies in the
-- history partition. Made by the owner (SECURITY DEFINER): after every migration
-- (src/platform/db/migrate.ts) and by the daily sweep through the `partitions` door as
-- regie_system (src/platform/db/partitions.ts). Making a partition locks the parent briefly, so
-- it happens once a month, well ahead.
CREATE FUNCTION regie.ensure_month_partitions(months_ahead integer DEFAULT 3) RETURNS text[]
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  parent text;
  history_end timestamptz;
  m timestamptz;
  made text[] := '{}';
  name text;
BEGIN
  IF months_ahead NOT BETWEEN 0 AND 24 THEN
    RAISE EXCEPTION 'months_ahead must be 0..24' USING ERRCODE = '22023';
  END IF;
  FOREACH parent IN ARRAY ARRAY['audit_log', 'timeline_events'] LOOP
    -- The history partition ends where the monthly ones may start: FOR VALUES FROM (MINVALUE) TO ('…').
    SELECT substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''([^'']+)''\)')::timestamptz INTO history_end
      FROM pg_class c WHERE c.oid = to_regclass(parent || '_history');
    FOR i IN 0 .. months_ahead LOOP
      m := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i)) AT TIME ZONE 'UTC';
      name := parent || '_' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM');
      CONTINUE WHEN to_regclass(name) IS NOT NULL OR m < history_end;
      BEGIN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', name, parent,
          to_char(m AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' 00:00:00+00',
          to_char((m AT TIME ZONE 'UTC') + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
        PERFORM regie.seal_partition(name::regclass);
        made := made || name;
      EXCEPTION WHEN check_violation THEN
        -- Rows of that month already wait in the default partition: they stay there.
        RAISE WARNING 'partition % not made: rows of that month are in audit_log_default', name;
      END;
    END LOOP;
  END LOOP;
  RETURN made;
END $$;
REVOKE EXECUTE ON FUNCTION regie.ensure_month_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.ensure_month_partitions(integer) TO regie_system;

-- Retention: the oldest month past its keeping period leaves the table as a table of its own, to
-- be archived (pg_dump -t) and then dropped. Owner only (an operator's act, docs/deploy); not
-- reachable from the application.
-- * DETACH PARTITION removes the row triggers the parent gave the month, so it gets its own: it
--   stays append-only until it is dropped.
-- * Only the oldest partition may leave (first the history, then month by month): the chains
--   must lose their beginning, never a piece in the middle.
-- * For the audit log, the place where each chain now begins is kept in audit_retention_anchors:
--   the last row of each chain that left (its place and hash) — and, should a chain's rows of two
--   months be interleaved at the turn of the month (a row routed a moment before midnight that
--   waited for its chain), also the rows that left after the first one that stayed. Verification
--   (src/platform/audit/audit.ts) starts each chain from its anchor, so a row removed after it is
--   still found missing; the archived month verifies on its own up to the same hash.
CREATE TABLE audit_retention_anchors (
  region_id text NOT NULL REFERENCES regions (id),
  stripe smallint NOT NULL,
  pos bigint NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  start boolean NOT NULL,
  detached text NOT NULL,
  detached_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, stripe, pos)
);
COMMENT ON TABLE audit_retention_anchors IS 'Where each audit chain begins after its oldest rows were detached for retention (regie.detach_month_partition); read by verification.';
COMMENT ON COLUMN audit_retention_anchors.start IS 'The last row before the chain''s first remaining row: verification starts after it. Other rows are ones that left although a row before them stayed.';
CREATE TRIGGER audit_retention_anchors_append_only BEFORE DELETE OR UPDATE ON audit_retention_anchors
  FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();
ALTER TABLE audit_retention_anchors ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_retention_anchors FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_retention_anchors_verify ON audit_retention_anchors FOR SELECT TO regie_system
  USING (regie.system_door() = 'audit-verify');
GRANT SELECT ON audit_retention_anchors TO regie_system;

CREATE FUNCTION regie.detach_month_partition(p regclass) RETURNS void
LANGUAGE plpgsql SET search_path = public, regie AS $$
DECLARE
  parent regclass := (SELECT inhparent FROM pg_inherits WHERE inhrelid = p);
  lower_of text := 'FROM \(''([^'']+)''\)';
  low timestamptz;
BEGIN
  IF parent IS NULL OR parent NOT IN ('audit_log'::regclass, 'timeline_events'::regclass)
     OR (SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = p) = 'DEFAULT' THEN
    RAISE EXCEPTION '% is not a month or the history of audit_log or timeline_events', p USING ERRCODE = '22023';
  END IF;
  low := substring((SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = p) FROM lower_of)::timestamptz;
  IF low IS NOT NULL AND EXISTS (
      SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = parent AND c.oid <> p AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
         AND coalesce(substring(pg_get_expr(c.relpartbound, c.oid) FROM lower_of)::timestamptz < low, true)) THEN
    RAISE EXCEPTION '% is not the oldest partition of %: detach the older ones first', p, parent USING ERRCODE = '55000';
  END IF;
  IF parent = 'audit_log'::regclass THEN
    EXECUTE format($q$
      WITH d AS (SELECT region_id, stripe, coalesce(chain_seq, seq) AS pos, prev_hash, hash FROM %1$s),
           m AS (SELECT region_id, stripe, max(pos) AS last FROM d GROUP BY 1, 2),
           r AS (SELECT region_id, stripe, min(coalesce(chain_seq, seq)) AS first FROM audit_log
                  WHERE tableoid <> %2$s AND (region_id, stripe) IN (SELECT region_id, stripe FROM m) GROUP BY 1, 2),
           s AS (SELECT m.region_id, m.stripe, least(coalesce(r.first - 1, m.last), m.last) AS start
                   FROM m LEFT JOIN r ON r.region_id = m.region_id AND r.stripe = m.stripe)
      INSERT INTO audit_retention_anchors (region_id, stripe, pos, prev_hash, hash, start, detached)
      SELECT d.region_id, d.stripe, d.pos, d.prev_hash, d.hash, d.pos = s.start, %3$L
        FROM d JOIN s ON s.region_id = d.region_id AND s.stripe = d.stripe
       WHERE d.pos >= s.start
      ON CONFLICT DO NOTHING$q$, p, p::oid, p::text);
  END IF;
  EXECUTE format('ALTER TABLE %s DETACH PARTITION %s', parent, p);
  EXECUTE format('CREATE TRIGGER detached_append_only BEFORE DELETE OR UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION regie.forbid_change()', p);
END $$;
REVOKE EXECUTE ON FUNCTION regie.detach_month_partition(regclass) FROM PUBLIC;

SELECT regie.ensure_month_partitions();
