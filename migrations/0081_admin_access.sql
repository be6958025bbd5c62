-- What the functional administrator may write, said again inside PostgreSQL (the first answer is
-- the 'admin:*' permissions in src/platform/access/policy.ts). regie_app may read these tables
-- already (0003, 0044); writes are granted per column and only pass the row-level security
-- policies below for an actor with the functional_admin role, in the actor's own region.

-- Region settings: triage norms and the front door of the public form.
GRANT INSERT (region_id, acute_working_days, high_working_days, normal_working_days, front_door_organisation_id, version),
      UPDATE (acute_working_days, high_working_days, normal_working_days, front_door_organisation_id, version)
   ON signal_settings TO regie_app;
CREATE POLICY signal_settings_admin_insert ON signal_settings FOR INSERT
  WITH CHECK (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'));
CREATE POLICY signal_settings_admin_update ON signal_settings FOR UPDATE
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'))
  WITH CHECK (region_id = regie.actor_region());

-- Organisations: the existing policy keeps every command inside the region; writing needs the role.
GRANT INSERT (region_id, id, name, type, safety_task, version), UPDATE (name, type, safety_task, version) ON organisations TO regie_app;
CREATE POLICY organisations_admin_insert ON organisations AS RESTRICTIVE FOR INSERT WITH CHECK (regie.actor_has_role('functional_admin'));
CREATE POLICY organisations_admin_update ON organisations AS RESTRICTIVE FOR UPDATE USING (regie.actor_has_role('functional_admin'));

-- Accounts. The password hash is written once, at creation; regie_app never reads it back, nor the
-- TOTP secret, nor the login counters.
GRANT SELECT (created_at, version) ON users TO regie_app;
GRANT INSERT (region_id, id, organisation_id, username, display_name, email, password_hash, totp_required, roles, active, version),
      UPDATE (display_name, email, roles, active, version)
   ON users TO regie_app;
CREATE POLICY users_admin_insert ON users AS RESTRICTIVE FOR INSERT WITH CHECK (regie.actor_has_role('functional_admin'));
CREATE POLICY users_admin_update ON users AS RESTRICTIVE FOR UPDATE USING (regie.actor_has_role('functional_admin'));

-- Deactivating an account ends its sessions at once (not at the next request). Sessions are not
-- readable by regie_app; this function ends them for a functional administrator of the same region.
CREATE FUNCTION regie.end_sessions_of(r text, u uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE n integer;
BEGIN
  IF r IS DISTINCT FROM regie.actor_region() OR NOT regie.actor_has_role('functional_admin') THEN
    RAISE EXCEPTION 'not allowed' USING ERRCODE = '42501';
  END IF;
  UPDATE sessions SET ended_at = now() WHERE region_id = r AND user_id = u AND ended_at IS NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

CREATE INDEX sessions_user ON sessions (region_id, user_id);

-- For the account list: has the account linked an authenticator app, and when was it last used.
-- Facts about the login, never the secret itself.
CREATE FUNCTION regie.account_login_facts(r text, ids uuid[])
RETURNS TABLE (user_id uuid, totp_enrolled boolean, last_seen_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT u.id, u.totp_secret IS NOT NULL,
         (SELECT max(s.last_seen_at) FROM sessions s WHERE s.region_id = u.region_id AND s.user_id = u.id)
    FROM users u
   WHERE u.region_id = r AND u.id = ANY (ids)
     AND r = regie.actor_region() AND regie.actor_has_role('functional_admin')
$$;

-- An open case has exactly one qualified coordinator (0002): an account that coordinates open
-- cases cannot be deactivated or lose its coordinator role until the coordination is handed over.
-- The administrator sees no cases; this tells how many, never which.
CREATE FUNCTION regie.open_cases_coordinated_by(r text, u uuid) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT count(*)::integer FROM case_team ct JOIN cases c ON c.region_id = ct.region_id AND c.id = ct.case_id
   WHERE ct.region_id = r AND ct.user_id = u AND ct.role = 'coordinator' AND ct.ended_at IS NULL AND c.status <> 'closed'
     AND r = regie.actor_region() AND regie.actor_has_role('functional_admin')
$$;

REVOKE ALL ON FUNCTION regie.end_sessions_of(text, uuid), regie.account_login_facts(text, uuid[]), regie.open_cases_coordinated_by(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.end_sessions_of(text, uuid), regie.account_login_facts(text, uuid[]), regie.open_cases_coordinated_by(text, uuid) TO regie_app;
