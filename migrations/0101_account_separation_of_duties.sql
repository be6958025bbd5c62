-- Separation of duties in account administration (the first answer is in
-- src/modules/admin/accounts.service.ts; these are the database's own).
--  * Nobody changes their own roles.
--  * The privacy officer, who reviews break-the-glass and reads the audit log, is no care
--    professional at the same time (NOT VALID: enforced for every new or changed row).
--  * A role that opens break-the-glass or the audit log is proposed by one functional
--    administrator and approved by another (role_change_proposals), never the account itself.

ALTER TABLE users ADD CONSTRAINT users_privacy_officer_not_professional
  CHECK (NOT ('privacy_officer' = ANY (roles) AND roles && ARRAY['professional','coordinator','team_lead','behavioural_scientist']::text[])) NOT VALID;

CREATE FUNCTION regie.refuse_own_role_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, regie AS $$
BEGIN
  IF NEW.roles IS DISTINCT FROM OLD.roles AND NEW.id = regie.actor_user() THEN
    RAISE EXCEPTION 'nobody changes their own roles' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_no_own_role_change BEFORE UPDATE OF roles ON users FOR EACH ROW EXECUTE FUNCTION regie.refuse_own_role_change();

CREATE TABLE role_change_proposals (
  region_id text NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  roles text[] NOT NULL,
  from_roles text[] NOT NULL,
  from_active boolean NOT NULL,
  -- Approval also activates the account (a new account, or a reactivation).
  activates boolean NOT NULL DEFAULT false,
  proposed_by uuid NOT NULL,
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid,
  decided_at timestamptz,
  outcome text CHECK (outcome IN ('approved', 'rejected')),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, proposed_by) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, decided_by) REFERENCES users(region_id, id),
  CHECK (proposed_by <> user_id),
  -- Four eyes: approved by someone other than the proposer and the account itself.
  CHECK (outcome IS DISTINCT FROM 'approved' OR (decided_by <> proposed_by AND decided_by <> user_id)),
  CHECK ((outcome IS NULL) = (decided_by IS NULL))
);
CREATE UNIQUE INDEX role_change_pending ON role_change_proposals (region_id, user_id) WHERE outcome IS NULL;
COMMENT ON TABLE role_change_proposals IS 'Role changes that open break-the-glass or the audit log: proposed by one functional administrator, decided by another.';

GRANT SELECT, INSERT (region_id, id, user_id, roles, from_roles, from_active, activates, proposed_by),
      UPDATE (decided_by, decided_at, outcome) ON role_change_proposals TO regie_app;
ALTER TABLE role_change_proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE role_change_proposals FORCE ROW LEVEL SECURITY;
CREATE POLICY role_change_read ON role_change_proposals FOR SELECT
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin'));
CREATE POLICY role_change_propose ON role_change_proposals FOR INSERT
  WITH CHECK (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin') AND proposed_by = regie.actor_user());
CREATE POLICY role_change_decide ON role_change_proposals FOR UPDATE
  USING (region_id = regie.actor_region() AND regie.actor_has_role('functional_admin') AND outcome IS NULL)
  WITH CHECK (region_id = regie.actor_region() AND decided_by = regie.actor_user());
