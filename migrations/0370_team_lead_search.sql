-- A team lead's "whole team" list costs the same at 100 or 12,000 families (issue 12), part two.
--
-- 1. The families policies (0280) asked per row through EXISTS, but the planner may still turn
--    that EXISTS into a hashed subplan: when a list walks an index expecting many rows it built the
--    whole set of the actor's families first — for a team lead every live case-team row of the
--    organisation (8,300 at 12,000 families, ~35 ms) on every request. OFFSET 0 keeps the check a
--    per-row probe, as in family_opened_read (0280) and persons_read (0073). Same answer.
ALTER POLICY families_read ON families
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = families.region_id AND a.family_id = families.id OFFSET 0));
ALTER POLICY families_update ON families
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = families.region_id AND a.family_id = families.id OFFSET 0));

-- 2. Sorted by last activity the list ordered by last_activity_at::text, which no index serves, so
--    every visible family was read, checked and sorted to show 20. The list now orders by the
--    timestamp itself with the id's text as tie (families.repo.ts), walked through this index in
--    that order and stopped at the page's end.
CREATE INDEX families_activity_order ON families (region_id, last_activity_at, (id::text));
