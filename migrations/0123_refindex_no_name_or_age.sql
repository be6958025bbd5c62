-- The reference index answers a registration with the registration: the BSN the registrant sent,
-- never the name behind it nor whether the person is 23 or older. The 23-year rule is checked
-- against the birth date the registrant supplies (refindex.service.ts); the removal at 23 by the
-- sweep still uses the registered birth date, inside the system's own transaction.

-- Was: id and the day the person turns 23. Now only whether (and who, as an id) the BSN is known.
DROP FUNCTION regie.refindex_person(text, text);
CREATE FUNCTION regie.refindex_person(r text, b text) RETURNS TABLE (id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT p.id FROM persons p
   WHERE p.region_id = r AND p.bsn = b AND r = regie.actor_region()
$$;
COMMENT ON FUNCTION regie.refindex_person(text, text) IS 'The person (id only) with BSN b in the actor''s region, for a reference-index registration.';

-- Was: BSN and full name. Now the BSN only, which the organisation sent itself when registering.
DROP FUNCTION regie.refindex_person_label(text, uuid);
CREATE FUNCTION regie.refindex_person_label(r text, p uuid) RETURNS TABLE (bsn text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT pe.bsn FROM persons pe
   WHERE pe.region_id = r AND pe.id = p AND r = regie.actor_region()
     AND EXISTS (SELECT 1 FROM refindex_registrations x
                  WHERE x.region_id = r AND x.person_id = p AND x.organisation_id = regie.actor_org())
$$;
COMMENT ON FUNCTION regie.refindex_person_label(text, uuid) IS 'The BSN of a person, only for an organisation that registered that person itself.';

REVOKE EXECUTE ON FUNCTION regie.refindex_person(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.refindex_person_label(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.refindex_person(text, text) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.refindex_person_label(text, uuid) TO regie_app;
