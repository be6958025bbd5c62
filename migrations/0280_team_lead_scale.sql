-- A team lead's request costs the same at 100 or 12,000 families (issue 12 "Speed and scale").
--
-- 1. The families policies asked "(region, id) IN (my access)": PostgreSQL built the whole set of
--    the actor's families to check a row, which for a team lead means hashing every live
--    case-team row of the organisation (thousands) on every request — even for the one family of
--    the family page. As EXISTS, like the tables hanging off a family (0073), each family row asks
--    through the case-team indexes whether the actor sees it: a few index probes per row, whatever
--    the size of the organisation. Same answer; policy.access.test.ts checks it.
ALTER POLICY families_read ON families USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = families.region_id AND a.family_id = families.id));
ALTER POLICY families_update ON families USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = families.region_id AND a.family_id = families.id));

-- 2. "Whole team" sorted by opening date: the key (the opening of the family's open case, else of
--    its latest closed one, else last) was a subquery per family, so every family of the region was
--    read and sorted to show 20. family_opened keeps the key per family, with an index in the
--    list's order, so the list walks the index and stops at the page's end (families.repo.ts).
--    It is kept by triggers from the rows being written (never by reading cases, whose policies
--    would hide rows from the writer): a case that is open sets open_at; closing it clears open_at
--    and raises closed_max_at. A case's opening date is never moved back, and cases are never
--    deleted but with their family.
CREATE TABLE family_opened (
  region_id text NOT NULL,
  family_id uuid NOT NULL,
  open_at timestamptz,
  closed_max_at timestamptz,
  opened_sort timestamptz GENERATED ALWAYS AS (coalesce(open_at, closed_max_at, 'infinity'::timestamptz)) STORED,
  PRIMARY KEY (region_id, family_id),
  FOREIGN KEY (region_id, family_id) REFERENCES families (region_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE family_opened IS 'Sort key of "Mijn gezinnen" by opening date, per family (kept by triggers on families and cases).';
CREATE INDEX family_opened_order ON family_opened (region_id, opened_sort, (family_id::text));

-- Read like every table hanging off a family; written only by the triggers below (as the owner).
-- OFFSET 0 keeps the check a per-row probe (as persons_read, 0073): the list walks the index
-- expecting many rows, and PostgreSQL would otherwise hash the organisation's case-team rows once.
ALTER TABLE family_opened ENABLE ROW LEVEL SECURITY;
CREATE POLICY family_opened_read ON family_opened FOR SELECT
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = family_opened.region_id AND a.family_id = family_opened.family_id OFFSET 0));
GRANT SELECT ON family_opened TO regie_app;

CREATE FUNCTION regie.family_opened_keep() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  IF TG_TABLE_NAME = 'families' THEN
    INSERT INTO family_opened (region_id, family_id) VALUES (NEW.region_id, NEW.id) ON CONFLICT DO NOTHING;
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
COMMENT ON FUNCTION regie.family_opened_keep() IS 'Trigger: keeps family_opened in step with families and cases (migrations/0280).';
REVOKE ALL ON FUNCTION regie.family_opened_keep() FROM PUBLIC;

CREATE TRIGGER family_opened_family AFTER INSERT ON families FOR EACH ROW EXECUTE FUNCTION regie.family_opened_keep();
CREATE TRIGGER family_opened_case AFTER INSERT OR UPDATE OF status, opened_at ON cases FOR EACH ROW EXECUTE FUNCTION regie.family_opened_keep();

-- The families there are now (the owner reads past the policies for this once).
ALTER TABLE families NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cases NO FORCE ROW LEVEL SECURITY;
INSERT INTO family_opened (region_id, family_id, open_at, closed_max_at)
SELECT f.region_id, f.id,
       (SELECT max(c.opened_at) FROM cases c WHERE c.region_id = f.region_id AND c.family_id = f.id AND c.status <> 'closed'),
       (SELECT max(c.opened_at) FROM cases c WHERE c.region_id = f.region_id AND c.family_id = f.id AND c.status = 'closed')
  FROM families f;
ALTER TABLE families FORCE ROW LEVEL SECURITY;
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
