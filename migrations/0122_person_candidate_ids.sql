-- Candidate lookups return ids, and row-level security serves the names. regie.person_candidates
-- used to return the name, birth date and BSN of every person in the region with the same BSN or
-- birth date, and left it to TypeScript to show only the visible ones. Now the persons the actor
-- may see are read through RLS (src/modules/persons/candidates.ts); this function only answers
-- "is there someone else, outside your view, who is possibly the same person?" with ids, which
-- the service turns into at most "possibly known elsewhere — ask your team lead" (audited).
DROP FUNCTION regie.person_candidates(text, text, date);

-- Lower case without accents, as fold() in src/modules/persons/matching.ts (for the coarse check below).
CREATE FUNCTION regie.fold_name(s text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT translate(lower(s), 'àáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿçñ', 'aaaaaaaeeeeeiiiiiooooooouuuuuyycn') $$;

-- Same BSN; or, when one of the two has none, the same birth date, the same first letter of the
-- given names and a significant surname word in common. Coarser than possibleSameReason() (no
-- typo tolerance), so "elsewhere" is said only when it is likely.
CREATE FUNCTION regie.person_candidates(r text, b text, d date, surnames text[], initial text)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT p.id FROM persons p
   WHERE r = regie.actor_region() AND regie.actor_user() IS NOT NULL AND p.region_id = r AND p.merged_into IS NULL
     AND ((b IS NOT NULL AND p.bsn = b)
          OR (d IS NOT NULL AND p.birth_date = d AND (p.bsn IS NULL OR b IS NULL)
              AND left(regie.fold_name(p.given_names), 1) = initial
              AND regexp_split_to_array(regie.fold_name(coalesce(p.family_name_prefix, '') || ' ' || p.family_name), '[^a-z0-9'']+') && surnames))
   LIMIT 200
$$;
COMMENT ON FUNCTION regie.person_candidates(text, text, date, text[], text) IS
  'Ids (never names) of persons of the actor''s region who are possibly the same person as the one described.';
REVOKE EXECUTE ON FUNCTION regie.person_candidates(text, text, date, text[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.person_candidates(text, text, date, text[], text) TO regie_app;
