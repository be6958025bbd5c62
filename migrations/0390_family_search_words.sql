-- A team lead's "whole team" search by name costs the same at 100 or 12,000 families (issue 12),
-- part three.
--
-- The list searched with (' ' || f.search_text) LIKE '% ' || q || '%'. LIKE is not leakproof, so
-- row-level security checked the families policies for every family of the region before the name
-- was looked at (100–300 ms at 12,000 families), and no index could serve it. family_search_words
-- holds the words of each family's search_text (already folded: lower case, no accents, see
-- normaliseSearch in families.repo.ts), one row per distinct word, in the "C" collation. A search
-- word q is a range of that index, word >= q AND word < q || U+10FFFF: byte order is code-point
-- order, so the range is exactly the words that start with q. Those comparisons (text_ge, text_lt)
-- are leakproof (pg_proc.proleakproof, in PostgreSQL 15 and in PGlite), so they are applied in the
-- index scan before the policies, and only the families that match are checked.
CREATE TABLE family_search_words (
  region_id text NOT NULL,
  family_id uuid NOT NULL,
  word text COLLATE "C" NOT NULL CHECK (word <> ''),
  PRIMARY KEY (region_id, family_id, word),
  FOREIGN KEY (region_id, family_id) REFERENCES families (region_id, id) ON DELETE CASCADE
);
-- The search's range: the word first, the family last.
CREATE INDEX family_search_words_word ON family_search_words (region_id, word, family_id);
COMMENT ON TABLE family_search_words IS
  'The words of families.search_text, one row per distinct word (kept by a trigger on families): the name search''s prefix index. Personal data.';
COMMENT ON COLUMN family_search_words.word IS 'A folded word of a family or member name (lower case, no accents), compared byte by byte (collation "C").';

-- Read like every table hanging off a family; written only by the trigger below (as the owner).
-- OFFSET 0 keeps the check a per-row probe (as family_opened_read, 0280).
ALTER TABLE family_search_words ENABLE ROW LEVEL SECURITY;
CREATE POLICY family_search_words_read ON family_search_words FOR SELECT
  USING (EXISTS (SELECT 1 FROM regie.my_family_access a WHERE a.region_id = family_search_words.region_id
                                                         AND a.family_id = family_search_words.family_id OFFSET 0));
GRANT SELECT ON family_search_words TO regie_app;

CREATE FUNCTION regie.family_search_words_keep() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  words text[] := ARRAY(SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_text, '\s+') w WHERE w <> '');
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM family_search_words s
     WHERE s.region_id = NEW.region_id AND s.family_id = NEW.id AND s.word <> ALL (words);
  END IF;
  INSERT INTO family_search_words (region_id, family_id, word)
  SELECT NEW.region_id, NEW.id, w FROM unnest(words) w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
COMMENT ON FUNCTION regie.family_search_words_keep() IS 'Trigger: keeps family_search_words in step with families.search_text (migrations/0390).';
REVOKE ALL ON FUNCTION regie.family_search_words_keep() FROM PUBLIC;

CREATE TRIGGER family_search_words_insert AFTER INSERT ON families FOR EACH ROW EXECUTE FUNCTION regie.family_search_words_keep();
CREATE TRIGGER family_search_words_update AFTER UPDATE OF search_text ON families
  FOR EACH ROW WHEN (NEW.search_text IS DISTINCT FROM OLD.search_text) EXECUTE FUNCTION regie.family_search_words_keep();

-- The families there are now (the owner reads past the policies for this once).
ALTER TABLE families NO FORCE ROW LEVEL SECURITY;
INSERT INTO family_search_words (region_id, family_id, word)
SELECT DISTINCT f.region_id, f.id, w FROM families f, regexp_split_to_table(f.search_text, '\s+') w WHERE w <> '';
ALTER TABLE families FORCE ROW LEVEL SECURITY;
