-- Idempotency keys of writes (header Idempotency-Key, src/platform/http/idempotency.ts): the first
-- answer to a write is kept, so a client that retries (after a time-out, a lost connection, a
-- double click) gets the same answer again and nothing is written twice. Kept at least 24 hours.
-- Read and written by the connecting role, like sessions (before and after the actor's work);
-- the actor's own transaction only marks "written" through regie.mark_idempotency_written.
CREATE TABLE idempotency_keys (
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  written_at timestamptz,
  response_status integer,
  response_headers jsonb,
  response_body text,
  PRIMARY KEY (region_id, user_id, key),
  FOREIGN KEY (region_id, user_id) REFERENCES users (region_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE idempotency_keys IS 'The first answer to each write sent with an Idempotency-Key, per user, kept at least 24 hours.';
COMMENT ON COLUMN idempotency_keys.key IS 'The client''s key (a random UUID per user action in the web app).';
COMMENT ON COLUMN idempotency_keys.request_hash IS 'SHA-256 of method, path and body: the same key with another body is refused.';
COMMENT ON COLUMN idempotency_keys.locked_until IS 'While the first request runs: a second one with the same key answers 409 until then.';
COMMENT ON COLUMN idempotency_keys.written_at IS 'Set inside the write''s own transaction: its work committed, also when the answer was never stored.';
COMMENT ON COLUMN idempotency_keys.response_body IS 'Personal data: the answer to the write (may name persons); deleted after 24 hours.';
CREATE INDEX idempotency_keys_age ON idempotency_keys (created_at);

CREATE FUNCTION regie.mark_idempotency_written(p_region text, p_user uuid, p_key text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE idempotency_keys SET written_at = now()
   WHERE region_id = p_region AND user_id = p_user AND key = p_key
     AND (regie.actor_user() IS NULL OR (regie.actor_user() = p_user AND regie.actor_region() = p_region));
$$;
REVOKE ALL ON FUNCTION regie.mark_idempotency_written(text, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.mark_idempotency_written(text, uuid, text) TO regie_app;
