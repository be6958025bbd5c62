-- The secret that signs the public concern form's tokens (minimum fill time). Kept in the
-- database so that every API node behind a load balancer accepts the tokens of the others.
-- Only the server's own connection reads it: regie_app gets no grant.
CREATE TABLE public_form_secrets (
  id smallint PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL CHECK (length(secret) >= 32),
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE public_form_secrets IS 'HMAC key for public form tokens; written once by the server with a random value.';
REVOKE ALL ON public_form_secrets FROM PUBLIC;
