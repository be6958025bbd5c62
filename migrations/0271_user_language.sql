-- The language a professional reads Regie in: e-mails are written in it. Dutch unless they
-- chose English (the language switch of the web app stores it, regie.set_my_language).
ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));
COMMENT ON COLUMN users.language IS 'The professional''s language for e-mails (nl or en).';
GRANT SELECT (language) ON users TO regie_app;

-- Only the own row, and only this column: users are otherwise changed by the functional admin.
CREATE FUNCTION regie.set_my_language(l text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  IF l IS NULL OR l NOT IN ('nl', 'en') THEN RETURN false; END IF;
  IF regie.actor_user() IS NULL THEN
    RAISE EXCEPTION 'set_my_language needs an actor' USING ERRCODE = '42501';
  END IF;
  UPDATE users SET language = l WHERE region_id = regie.actor_region() AND id = regie.actor_user();
  RETURN FOUND;
END $$;
REVOKE EXECUTE ON FUNCTION regie.set_my_language(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.set_my_language(text) TO regie_app;
COMMENT ON FUNCTION regie.set_my_language(text) IS 'The acting professional''s own e-mail language; nothing else of the account.';
