-- NEN 7513 audit log: one row per access to a person's data, append-only, hash-chained per region.
CREATE TABLE audit_log (
  region_id text NOT NULL,
  seq bigint NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  action text NOT NULL CHECK (action IN ('create','read','update','delete','export')),
  user_id uuid,
  user_role text,
  organisation_id uuid,
  on_behalf_of text,
  person_id uuid,
  object_type text NOT NULL,
  object_id text,
  ip text,
  user_agent text,
  legal_basis text,
  care_relation boolean NOT NULL DEFAULT false,
  consent boolean NOT NULL DEFAULT false,
  break_glass boolean NOT NULL DEFAULT false,
  outcome text NOT NULL CHECK (outcome IN ('allowed','denied')),
  reason text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (region_id, seq)
);
CREATE INDEX audit_person ON audit_log (region_id, person_id, occurred_at DESC);
CREATE INDEX audit_user ON audit_log (region_id, user_id, occurred_at DESC);
CREATE INDEX audit_time ON audit_log (region_id, occurred_at DESC);
COMMENT ON TABLE audit_log IS 'NEN 7513 access log; append-only; hash = sha256(prev_hash || ''|'' || canonical row).';
COMMENT ON COLUMN audit_log.person_id IS 'The person whose data was accessed (personal data by reference).';
COMMENT ON COLUMN audit_log.ip IS 'Access point of the professional.';
COMMENT ON COLUMN audit_log.reason IS 'Reason given (break the glass); may contain personal data.';

CREATE TABLE audit_chain_head (
  region_id text PRIMARY KEY,
  seq bigint NOT NULL,
  hash text NOT NULL
);
COMMENT ON TABLE audit_chain_head IS 'Last sequence number and hash of the audit chain per region.';

-- The canonical text that is hashed; also used by `regie audit verify`.
CREATE FUNCTION regie.audit_canonical(a audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT a.region_id || '|' || a.seq || '|' || a.id || '|'
    || to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '|'
    || a.action || '|' || coalesce(a.user_id::text, '') || '|' || coalesce(a.user_role, '') || '|'
    || coalesce(a.organisation_id::text, '') || '|' || coalesce(a.on_behalf_of, '') || '|'
    || coalesce(a.person_id::text, '') || '|' || a.object_type || '|' || coalesce(a.object_id, '') || '|'
    || coalesce(a.ip, '') || '|' || coalesce(a.user_agent, '') || '|' || coalesce(a.legal_basis, '') || '|'
    || a.care_relation || '|' || a.consent || '|' || a.break_glass || '|' || a.outcome || '|'
    || coalesce(a.reason, '')
$$;

CREATE FUNCTION regie.audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  h audit_chain_head%ROWTYPE;
BEGIN
  SELECT * INTO h FROM audit_chain_head WHERE region_id = NEW.region_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head VALUES (NEW.region_id, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    SELECT * INTO h FROM audit_chain_head WHERE region_id = NEW.region_id FOR UPDATE;
  END IF;
  NEW.seq := h.seq + 1;
  NEW.prev_hash := h.hash;
  NEW.occurred_at := clock_timestamp();
  NEW.hash := encode(sha256(convert_to(h.hash || '|' || regie.audit_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET seq = NEW.seq, hash = NEW.hash WHERE region_id = NEW.region_id;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION regie.audit_chain();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION regie.forbid_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION regie.forbid_change();

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA regie TO regie_app;
GRANT SELECT, INSERT ON audit_log TO regie_app;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_insert ON audit_log FOR INSERT WITH CHECK (region_id = regie.actor_region());
CREATE POLICY audit_read ON audit_log FOR SELECT USING (region_id = regie.actor_region()
  AND regie.actor_has_role('privacy_officer'));
