-- Authentication (ASVS V2/V3): each TOTP time step once per account, a failure counter for
-- second-factor and step-up codes per account, a one-time password that must be replaced, and
-- failed logins counted per account and source address (see src/platform/auth/auth.service.ts).

ALTER TABLE users
  ADD COLUMN totp_last_step bigint,
  ADD COLUMN totp_failures integer NOT NULL DEFAULT 0,
  ADD COLUMN totp_locked_until timestamptz,
  ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN users.totp_secret IS 'TOTP secret, AES-256-GCM encrypted with a key outside the database (TOTP_KEY or the key file in the data folder), bound to region and user.';
COMMENT ON COLUMN users.totp_last_step IS 'Last accepted TOTP time step (30 s): a code of this or an earlier step is refused (replay).';
COMMENT ON COLUMN users.totp_failures IS 'Wrong second-factor or step-up codes in a row, from any address.';
COMMENT ON COLUMN users.password_change_required IS 'The password is a one-time (initial or reset) password: it works once and must then be replaced.';
COMMENT ON COLUMN sessions.pending_totp_secret IS 'TOTP secret being enrolled, encrypted like users.totp_secret; moved there after confirmation.';

-- The old per-account lock let anyone keep a known user locked out; it is replaced by the table below.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;

CREATE TABLE login_failures (
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  ip text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failure_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, user_id, ip),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id)
);
COMMENT ON TABLE login_failures IS 'Failed password logins per account and source address; a lock here slows that address only.';
COMMENT ON COLUMN login_failures.ip IS 'Address failed logins came from (personal data of the professional, or of an attacker).';

-- An administrator creates accounts with a one-time password.
GRANT INSERT (password_change_required) ON users TO regie_app;

-- The administrator's resets: regie_app may not write secrets or hashes, these functions do it
-- for a functional administrator of the same region, never for their own account.
CREATE FUNCTION regie.reset_authenticator(r text, u uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE n integer;
BEGIN
  IF r IS DISTINCT FROM regie.actor_region() OR NOT regie.actor_has_role('functional_admin') OR u = regie.actor_user() THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
  END IF;
  UPDATE users SET totp_secret = NULL, totp_required = true, totp_last_step = NULL, totp_failures = 0, totp_locked_until = NULL, version = version + 1
   WHERE region_id = r AND id = u;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n > 0;
END $$;

CREATE FUNCTION regie.reset_password(r text, u uuid, hash text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE n integer;
BEGIN
  IF r IS DISTINCT FROM regie.actor_region() OR NOT regie.actor_has_role('functional_admin') OR u = regie.actor_user() THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
  END IF;
  UPDATE users SET password_hash = hash, password_change_required = true, version = version + 1 WHERE region_id = r AND id = u;
  GET DIAGNOSTICS n = ROW_COUNT;
  DELETE FROM login_failures WHERE region_id = r AND user_id = u;
  RETURN n > 0;
END $$;

REVOKE ALL ON FUNCTION regie.reset_authenticator(text, uuid), regie.reset_password(text, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.reset_authenticator(text, uuid), regie.reset_password(text, uuid, text) TO regie_app;
