-- The named system door's database role (src/platform/db/system-tx.ts): work without an actor
-- (background jobs; later login, sessions and the public form) runs as regie_system, which holds
-- only the grants each named job needs, instead of as the connection's own role. Not a superuser
-- and no BYPASSRLS: a table it needs across regions gets a policy for it. The first job on it is
-- the audit checkpoint sweep, which reads the chain heads of every region and nothing else.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'regie_system') THEN
    CREATE ROLE regie_system NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;

GRANT USAGE ON SCHEMA regie TO regie_system;
GRANT EXECUTE ON FUNCTION regie.actor_region(), regie.acting_as_system() TO regie_system;

-- audit-checkpoints: the head (region, seq, hash) of every chain; audit_chain_head has no
-- row-level security and regie_app cannot read it.
GRANT SELECT ON audit_chain_head TO regie_system;

-- The jobs' pass in the definer functions' region check: no actor, and either the connection's
-- own role (jobs not yet moved to the door) or the system door's role.
CREATE OR REPLACE FUNCTION regie.acting_as_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT regie.actor_region() IS NULL AND current_setting('role') IN ('none', 'regie_system')
$$;
