-- Break the glass: the two places where a family is looked up outside the actor's row-level
-- visibility. Both only answer inside an actor's transaction of the same region, and both
-- repeat the policy's question (may this actor?) so that a forgotten check in the service still
-- gives nothing away.

-- Who asks to break the glass cannot see the family yet: that is the point. Returns the family
-- of the person with BSN b (the one with an open case and the latest activity when the person
-- lives in more than one household), or f when that family exists; NULL otherwise, and NULL for
-- an actor whom mayBreakGlass() in src/platform/access/policy.ts would refuse.
CREATE FUNCTION regie.family_for_break_glass(r text, b text, f uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT CASE
    WHEN r IS DISTINCT FROM regie.actor_region() OR regie.actor_user() IS NULL THEN NULL
    WHEN NOT (regie.actor_has_role('team_lead')
              OR EXISTS (SELECT 1 FROM organisations o WHERE o.region_id = r AND o.id = regie.actor_org() AND o.safety_task)) THEN NULL
    WHEN f IS NOT NULL THEN (SELECT fa.id FROM families fa WHERE fa.region_id = r AND fa.id = f)
    ELSE (SELECT fm.family_id
            FROM persons p
            JOIN family_members fm ON fm.region_id = p.region_id AND fm.person_id = p.id
            JOIN families fa ON fa.region_id = fm.region_id AND fa.id = fm.family_id
           WHERE p.region_id = r AND p.bsn = b
           ORDER BY EXISTS (SELECT 1 FROM cases c WHERE c.region_id = fa.region_id AND c.family_id = fa.id AND c.status <> 'closed') DESC,
                    fa.last_activity_at DESC, fa.id
           LIMIT 1)
  END
$$;
COMMENT ON FUNCTION regie.family_for_break_glass(text, text, uuid) IS
  'Finds the family to open with break the glass (by BSN or id) without the actor''s visibility; NULL when absent or not allowed.';

-- The privacy officer reviews break-the-glass grants: the family name and its persons (for the
-- audit rows), only for families that were opened that way, never for any other family.
CREATE FUNCTION regie.break_glass_family(r text, f uuid) RETURNS TABLE (family_name text, person_ids uuid[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT fa.name,
         coalesce((SELECT array_agg(fm.person_id ORDER BY fm.person_id) FROM family_members fm
                    WHERE fm.region_id = fa.region_id AND fm.family_id = fa.id), '{}'::uuid[])
    FROM families fa
   WHERE fa.region_id = r AND fa.id = f
     AND r = regie.actor_region() AND regie.actor_has_role('privacy_officer')
     AND EXISTS (SELECT 1 FROM break_glass b WHERE b.region_id = r AND b.family_id = f)
$$;
COMMENT ON FUNCTION regie.break_glass_family(text, uuid) IS
  'Family name and persons of a family opened by break the glass, for the privacy officer''s review only.';

REVOKE EXECUTE ON FUNCTION regie.family_for_break_glass(text, text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.break_glass_family(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.family_for_break_glass(text, text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.break_glass_family(text, uuid) TO regie_app;

-- The review list pages through grants newest first, open ones separately.
CREATE INDEX break_glass_review ON break_glass (region_id, (reviewed_at IS NULL), started_at DESC, id);
