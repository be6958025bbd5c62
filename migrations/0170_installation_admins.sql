-- The installation's administrators: accounts that may create a region (POST /api/v1/regions,
-- src/modules/regions). An account keeps its home region and its roles there; this row only adds
-- the installation-wide task. Granted and withdrawn on the command line only
-- (`regie installation-admin add|remove --username U`), so no administrator of one region can
-- make anyone (themselves included) an administrator of the installation.
CREATE TABLE installation_admins (
  region_id text NOT NULL,
  user_id uuid NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, user_id),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id)
);
COMMENT ON TABLE installation_admins IS 'Accounts (by region and id) that may create regions; granted on the command line only.';
COMMENT ON COLUMN installation_admins.user_id IS 'The account (personal data by reference).';
-- Read only by the server's own connection inside the region-creation use case; regie_app has no grant.
ALTER TABLE installation_admins ENABLE ROW LEVEL SECURITY;
