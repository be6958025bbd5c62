-- "Possibly the same person" out of the actor's sight tolerates a typo in the surname too: "Zoë van
-- der Bergh" is possibly "Zoë van der Berg", "Jasnen" possibly "Jansen". pg_trgm (a contrib
-- extension of PostgreSQL, also built into PGlite; trusted, so the database owner may create it)
-- compares the significant surname words by trigram similarity. The persons the actor may see are
-- compared in TypeScript (Damerau–Levenshtein, src/modules/persons/matching.ts); this check stays
-- a little coarser, so "possibly known elsewhere" is said when it is likely, never who.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE OR REPLACE FUNCTION regie.person_candidates(r text, b text, d date, surnames text[], initial text)
RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT p.id FROM persons p
   WHERE r = regie.actor_region() AND regie.actor_user() IS NOT NULL AND p.region_id = r AND p.merged_into IS NULL
     AND ((b IS NOT NULL AND p.bsn = b)
          OR (d IS NOT NULL AND p.birth_date = d AND (p.bsn IS NULL OR b IS NULL)
              AND left(regie.fold_name(p.given_names), 1) = initial
              AND EXISTS (SELECT 1
                            FROM unnest(regexp_split_to_array(regie.fold_name(coalesce(p.family_name_prefix, '') || ' ' || p.family_name), '[^a-z0-9'']+')) w,
                                 unnest(surnames) s
                           WHERE w = s OR (length(w) >= 4 AND length(s) >= 4 AND similarity(w, s) >= 0.25))))
   LIMIT 200
$$;
COMMENT ON FUNCTION regie.person_candidates(text, text, date, text[], text) IS
  'Ids (never names) of persons of the actor''s region who are possibly the same person as the one described (surname with a typo included).';
REVOKE EXECUTE ON FUNCTION regie.person_candidates(text, text, date, text[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.person_candidates(text, text, date, text[], text) TO regie_app;
