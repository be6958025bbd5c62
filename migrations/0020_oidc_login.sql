-- OpenID Connect logins in progress: state, nonce and PKCE verifier between the redirect to the
-- identity provider and its callback. Kept in the database (not in one node's memory) so that the
-- callback may land on any API node behind the load balancer. Rows live ten minutes at most and
-- are deleted when used.
-- No region_id: the user, and so the region, is unknown until the identity provider answers.
-- Under Citus this is a small local (or reference) table, never joined with regional data.
CREATE TABLE oidc_logins (
  id text PRIMARY KEY,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX oidc_logins_expiry ON oidc_logins (expires_at);
COMMENT ON TABLE oidc_logins IS 'OIDC logins in progress; id is the SHA-256 of the regie_oidc cookie. No personal data.';
