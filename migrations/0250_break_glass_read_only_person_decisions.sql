-- Break the glass opens a family for reading only (0120), but two tables about its persons were
-- left out: a professional who saw a person only through a grant could still record or change
-- a "same person?" decision about them (person_match_decisions, 0222) and make or undo a merge
-- with them as the surviving record (person_merges, 0070), because both ask regie.can_see_person,
-- which a grant answers. policy.access.test.ts now checks every table that holds a family's data
-- against mayWriteFamily and found it. Like persons_no_break_glass_update: a person seen only
-- through grants is read-only; one in a household the actor has a care relation with is not.
CREATE POLICY person_match_decisions_no_break_glass_insert ON person_match_decisions AS RESTRICTIVE FOR INSERT
  WITH CHECK (NOT EXISTS (SELECT 1 FROM family_members fm JOIN regie.my_break_glass_only g ON g.region_id = fm.region_id AND g.family_id = fm.family_id
                           WHERE fm.region_id = person_match_decisions.region_id AND fm.person_id = person_match_decisions.person_id)
    OR EXISTS (SELECT 1 FROM family_members fm
                WHERE fm.region_id = person_match_decisions.region_id AND fm.person_id = person_match_decisions.person_id
                  AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = fm.region_id AND g.family_id = fm.family_id)));
CREATE POLICY person_match_decisions_no_break_glass_update ON person_match_decisions AS RESTRICTIVE FOR UPDATE
  USING (NOT EXISTS (SELECT 1 FROM family_members fm JOIN regie.my_break_glass_only g ON g.region_id = fm.region_id AND g.family_id = fm.family_id
                      WHERE fm.region_id = person_match_decisions.region_id AND fm.person_id = person_match_decisions.person_id)
    OR EXISTS (SELECT 1 FROM family_members fm
                WHERE fm.region_id = person_match_decisions.region_id AND fm.person_id = person_match_decisions.person_id
                  AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = fm.region_id AND g.family_id = fm.family_id)));

CREATE POLICY person_merges_no_break_glass_insert ON person_merges AS RESTRICTIVE FOR INSERT
  WITH CHECK (NOT EXISTS (SELECT 1 FROM family_members fm JOIN regie.my_break_glass_only g ON g.region_id = fm.region_id AND g.family_id = fm.family_id
                           WHERE fm.region_id = person_merges.region_id AND fm.person_id = person_merges.surviving_person_id)
    OR EXISTS (SELECT 1 FROM family_members fm
                WHERE fm.region_id = person_merges.region_id AND fm.person_id = person_merges.surviving_person_id
                  AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = fm.region_id AND g.family_id = fm.family_id)));
CREATE POLICY person_merges_no_break_glass_update ON person_merges AS RESTRICTIVE FOR UPDATE
  USING (NOT EXISTS (SELECT 1 FROM family_members fm JOIN regie.my_break_glass_only g ON g.region_id = fm.region_id AND g.family_id = fm.family_id
                      WHERE fm.region_id = person_merges.region_id AND fm.person_id = person_merges.surviving_person_id)
    OR EXISTS (SELECT 1 FROM family_members fm
                WHERE fm.region_id = person_merges.region_id AND fm.person_id = person_merges.surviving_person_id
                  AND NOT EXISTS (SELECT 1 FROM regie.my_break_glass_only g WHERE g.region_id = fm.region_id AND g.family_id = fm.family_id)));
