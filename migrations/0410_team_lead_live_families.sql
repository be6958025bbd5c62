-- A team lead's "whole team" list costs the same at 100 or 12,000 families (issue 12), part four.
--
-- 1. The plan tables' policies (0320, 0380) asked "(region, family) IN (my access)". PostgreSQL
--    turns that IN into a hashed subplan: the whole set of the actor's families is built before the
--    first plan row is checked — for a team lead every live case-team row of the organisation
--    (8,300 at 12,000 families), on every request that reads a plan row. The list does, for each
--    family of its page whose case has been open more than six weeks (no_agreed_plan, and
--    actions_overdue): oldest-opened first paid it on every page. As EXISTS with OFFSET 0 (as
--    families_read, 0370) each plan row is a per-row probe of the case-team indexes. Same answer.
--    The INSERT checks (one row each) are left as they are.
DO $$
DECLARE
  t text;
  access text;
BEGIN
  FOREACH t IN ARRAY ARRAY['plan_versions', 'plan_goals', 'plan_actions', 'plan_parties', 'plan_answers', 'plan_action_progress'] LOOP
    access := format('EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id OFFSET 0)', t);
    EXECUTE format('ALTER POLICY %I ON %I USING (%s)', t || '_read', t, access);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['plan_versions', 'plan_goals', 'plan_actions'] LOOP
    access := format('EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id OFFSET 0)', t);
    EXECUTE format('ALTER POLICY %I ON %I USING (%s
      AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %I.region_id AND g.family_id = %I.family_id))',
      t || '_update', t, access, t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['plan_goals', 'plan_actions'] LOOP
    access := format('EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = %1$I.region_id AND a.family_id = %1$I.family_id OFFSET 0)', t);
    EXECUTE format('ALTER POLICY %I ON %I USING (%s
      AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = %I.region_id AND g.family_id = %I.family_id))',
      t || '_delete', t, access, t, t);
  END LOOP;
END $$;

-- 2. Oldest first, the list walked its sort order from the region's oldest family and checked each
--    family's policies until 20 were visible. The oldest activity is that of families whose cases
--    were closed: no live case-team membership, visible to no team. At 12,000 families 2,400 of them
--    were read and checked before the first row of the page, and their number only grows.
--    family_opened, the list's sort keys per family (0280), now also counts each family's live
--    case-team memberships and keeps its last activity, and the list walks indexes of the families
--    with a live membership only. A team lead's list shows only families with a live membership of
--    the organisation, so the answer is the same (families.repo.ts). Both are kept by triggers from
--    the rows being written, never by reading the tables, whose policies would hide rows from the
--    writer (as 0280).
ALTER TABLE family_opened
  ADD COLUMN live_memberships integer NOT NULL DEFAULT 0,
  ADD COLUMN last_activity_at timestamptz;
COMMENT ON TABLE family_opened IS
  'Sort keys of "Mijn gezinnen" per family: opening date, last activity, live case-team memberships (kept by triggers on families, cases and case_team).';
COMMENT ON COLUMN family_opened.live_memberships IS 'How many case_team rows of the family have not ended (ended_at IS NULL).';
-- last_activity_at is set with the row (the families trigger, which creates every row): NULL only
-- in the proposed row of the cases trigger's INSERT ... ON CONFLICT, which always updates instead.
COMMENT ON COLUMN family_opened.last_activity_at IS 'families.last_activity_at, for the list''s index of families with a live membership.';

CREATE OR REPLACE FUNCTION regie.family_opened_keep() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  IF TG_TABLE_NAME = 'families' THEN
    INSERT INTO family_opened (region_id, family_id, last_activity_at) VALUES (NEW.region_id, NEW.id, NEW.last_activity_at)
      ON CONFLICT (region_id, family_id) DO UPDATE SET last_activity_at = EXCLUDED.last_activity_at;
  ELSIF TG_TABLE_NAME = 'case_team' THEN
    -- A membership counts while it has not ended (the list's own test, whatever its start).
    IF TG_OP <> 'INSERT' THEN
      IF OLD.ended_at IS NULL THEN
        UPDATE family_opened SET live_memberships = live_memberships - 1 WHERE region_id = OLD.region_id AND family_id = OLD.family_id;
      END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      IF NEW.ended_at IS NULL THEN
        UPDATE family_opened SET live_memberships = live_memberships + 1 WHERE region_id = NEW.region_id AND family_id = NEW.family_id;
      END IF;
    END IF;
  ELSIF NEW.status <> 'closed' THEN
    INSERT INTO family_opened (region_id, family_id, open_at) VALUES (NEW.region_id, NEW.family_id, NEW.opened_at)
      ON CONFLICT (region_id, family_id) DO UPDATE SET open_at = EXCLUDED.open_at;
  ELSE
    INSERT INTO family_opened (region_id, family_id, closed_max_at) VALUES (NEW.region_id, NEW.family_id, NEW.opened_at)
      ON CONFLICT (region_id, family_id) DO UPDATE
        SET closed_max_at = greatest(family_opened.closed_max_at, EXCLUDED.closed_max_at),
            -- the open case was this one (at most one is open): the family has none open now
            open_at = CASE WHEN TG_OP = 'UPDATE' AND OLD.status <> 'closed' THEN NULL ELSE family_opened.open_at END;
  END IF;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION regie.family_opened_keep() IS
  'Trigger: keeps family_opened in step with families, cases and case_team (migrations/0280, 0410).';

CREATE TRIGGER family_opened_activity AFTER UPDATE OF last_activity_at ON families
  FOR EACH ROW WHEN (NEW.last_activity_at IS DISTINCT FROM OLD.last_activity_at) EXECUTE FUNCTION regie.family_opened_keep();
CREATE TRIGGER family_opened_membership AFTER INSERT OR UPDATE OF ended_at, family_id, region_id OR DELETE ON case_team
  FOR EACH ROW EXECUTE FUNCTION regie.family_opened_keep();

-- The families there are now (the owner reads past the policies for this once).
ALTER TABLE families NO FORCE ROW LEVEL SECURITY;
ALTER TABLE case_team NO FORCE ROW LEVEL SECURITY;
UPDATE family_opened fo
   SET last_activity_at = f.last_activity_at,
       live_memberships = (SELECT count(*) FROM case_team ct
                            WHERE ct.region_id = fo.region_id AND ct.family_id = fo.family_id AND ct.ended_at IS NULL)
  FROM families f
 WHERE f.region_id = fo.region_id AND f.id = fo.family_id;
ALTER TABLE families FORCE ROW LEVEL SECURITY;
ALTER TABLE case_team FORCE ROW LEVEL SECURITY;

-- The list's walks, by opening date and by last activity, over the families with a live membership;
-- they replace the walks over every family (0280, 0370).
CREATE INDEX family_opened_live_opened ON family_opened (region_id, opened_sort, (family_id::text)) WHERE live_memberships > 0;
CREATE INDEX family_opened_live_activity ON family_opened (region_id, last_activity_at, (family_id::text)) WHERE live_memberships > 0;
DROP INDEX family_opened_order;
DROP INDEX families_activity_order;
