-- Optimistic concurrency for case-team memberships: a change of legal basis or an ending names
-- the version it was made on, so two team leads cannot silently overwrite each other. Every
-- change of a membership row, whatever path makes it (a transfer, a handover, a migration
-- function), moves the version on.
ALTER TABLE case_team ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE FUNCTION regie.next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;
CREATE TRIGGER case_team_next_version BEFORE UPDATE ON case_team
  FOR EACH ROW EXECUTE FUNCTION regie.next_version();
