-- The public concern form: each form token is accepted once, and a region counts the public
-- concerns of each Dutch day so that a flood from many addresses (which the per-IP limit does
-- not see) reaches the functional administrators instead of burying the triage queue.

-- A token's signature once it was used; kept two days (tokens live one), then deleted.
CREATE TABLE public_form_tokens_used (
  region_id text NOT NULL REFERENCES regions(id),
  token_mac text NOT NULL,
  used_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, token_mac)
);
CREATE INDEX public_form_tokens_used_age ON public_form_tokens_used (region_id, used_at);
COMMENT ON TABLE public_form_tokens_used IS 'Signatures of public form tokens already used (no personal data): a token sends one concern.';

-- Public concerns per region and Dutch calendar day, and whether the administrators were warned.
CREATE TABLE public_concern_days (
  region_id text NOT NULL REFERENCES regions(id),
  day date NOT NULL,
  received integer NOT NULL DEFAULT 0,
  refused integer NOT NULL DEFAULT 0,
  PRIMARY KEY (region_id, day)
);
COMMENT ON TABLE public_concern_days IS 'Count of public concerns per region per day, for the daily cap (no personal data).';

GRANT SELECT, INSERT, DELETE ON public_form_tokens_used TO regie_app;
GRANT SELECT, INSERT, UPDATE ON public_concern_days TO regie_app;
ALTER TABLE public_form_tokens_used ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_form_tokens_used FORCE ROW LEVEL SECURITY;
ALTER TABLE public_concern_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE public_concern_days FORCE ROW LEVEL SECURITY;
CREATE POLICY public_form_tokens_used_region ON public_form_tokens_used USING (region_id = regie.actor_region()) WITH CHECK (region_id = regie.actor_region());
CREATE POLICY public_concern_days_region ON public_concern_days USING (region_id = regie.actor_region()) WITH CHECK (region_id = regie.actor_region());

-- The active functional administrators of the region in which the transaction runs, to warn
-- them; the public form has no user who could read the users table.
CREATE FUNCTION regie.functional_admins(r text) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT id FROM users WHERE region_id = r AND r = regie.actor_region() AND active AND 'functional_admin' = ANY (roles)
$$;
REVOKE EXECUTE ON FUNCTION regie.functional_admins(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.functional_admins(text) TO regie_app;
