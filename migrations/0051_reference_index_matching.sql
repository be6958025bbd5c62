-- Reference-index matching. A registration is matched inside the registering actor's
-- transaction, which must see what the actor may not: the person behind a BSN, that person's
-- households and other organisations' registrations. These SECURITY DEFINER functions do exactly
-- that, only in the actor's own region (system sweeps have no actor), and return no more than
-- the service needs. Race safety (docs/adr/0005-reference-index-matching.md): every registration
-- and removal first takes transaction-level advisory locks on its person and on each household of
-- that person, in one global order; the match itself is then found under those locks, and the
-- primary key of refindex_match_pairs makes a second pair impossible anyway.

-- A registration counts on `today` when it was not ended and today lies within its dates.
CREATE FUNCTION regie.refindex_is_active(ended_at timestamptz, start_date date, end_date date, today date) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$ SELECT ended_at IS NULL AND start_date <= today AND end_date >= today $$;

-- The person with BSN b in the actor's region, and the day they turn 23 (NULL without a birth
-- date). The reference index never creates persons: no row means "unknown person".
CREATE FUNCTION regie.refindex_person(r text, b text) RETURNS TABLE (id uuid, turns_23_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT p.id, (p.birth_date + interval '23 years')::date FROM persons p
   WHERE p.region_id = r AND p.bsn = b AND r = regie.actor_region()
$$;

-- BSN and name of a person, only for an organisation that registered that person itself.
CREATE FUNCTION regie.refindex_person_label(r text, p uuid) RETURNS TABLE (bsn text, name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT pe.bsn, concat_ws(' ', pe.given_names, pe.family_name_prefix, pe.family_name) FROM persons pe
   WHERE pe.region_id = r AND pe.id = p AND r = regie.actor_region()
     AND EXISTS (SELECT 1 FROM refindex_registrations x
                  WHERE x.region_id = r AND x.person_id = p AND x.organisation_id = regie.actor_org())
$$;

-- Serialises everything that changes the matches around person p: one advisory lock for the
-- person and one per household of the person, taken in ascending key order so that two
-- transactions never wait for each other in a circle. Held until COMMIT/ROLLBACK.
CREATE FUNCTION regie.refindex_lock(r text, p uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  k bigint;
BEGIN
  IF regie.actor_region() IS NOT NULL AND r IS DISTINCT FROM regie.actor_region() THEN
    RAISE EXCEPTION 'reference index lock outside the actor''s region' USING ERRCODE = '42501';
  END IF;
  FOR k IN
    SELECT DISTINCT hashtextextended(s.key, 0) AS h FROM (
      SELECT 'refindex|' || r || '|person|' || p::text AS key
      UNION ALL
      SELECT 'refindex|' || r || '|family|' || fm.family_id::text FROM family_members fm WHERE fm.region_id = r AND fm.person_id = p
    ) s ORDER BY h
  LOOP
    PERFORM pg_advisory_xact_lock(k);
  END LOOP;
END $$;

-- Matches the actor's registration reg against the other organisations' registrations that count
-- on `today`: the same person (client match) and other members of each household of the person
-- (family match). Creates the open match of a subject when there is none (due = the date by which
-- a coordinator must be accepted) and one pair per pair of organisations; returns the pairs that
-- are new, with both registrants, so that the service notifies each of them once.
-- Must run after regie.refindex_lock() for the person, in the same transaction.
CREATE FUNCTION regie.refindex_match(r text, reg uuid, today date, due date)
RETURNS TABLE (match_id uuid, kind text, match_created boolean, org_low uuid, org_high uuid, user_low uuid, user_high uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
#variable_conflict use_column
DECLARE
  g refindex_registrations%ROWTYPE;
  c record;
  m uuid;
  fresh boolean;
BEGIN
  SELECT * INTO g FROM refindex_registrations x
   WHERE x.region_id = r AND x.id = reg AND r = regie.actor_region() AND x.organisation_id = regie.actor_org()
     AND regie.refindex_is_active(x.ended_at, x.start_date, x.end_date, today);
  IF NOT FOUND THEN RETURN; END IF;
  FOR c IN
    SELECT DISTINCT ON (s.kind, s.subject, s.org) s.* FROM (
      SELECT 'client'::text AS kind, x.person_id AS subject, x.organisation_id AS org, x.id AS other, x.registered_by AS other_user, x.created_at
        FROM refindex_registrations x
       WHERE x.region_id = r AND x.person_id = g.person_id AND x.organisation_id <> g.organisation_id
         AND regie.refindex_is_active(x.ended_at, x.start_date, x.end_date, today)
      UNION ALL
      SELECT 'family'::text, fm.family_id, x.organisation_id, x.id, x.registered_by, x.created_at
        FROM family_members fm
        JOIN family_members fo ON fo.region_id = fm.region_id AND fo.family_id = fm.family_id AND fo.person_id <> fm.person_id
        JOIN refindex_registrations x ON x.region_id = fo.region_id AND x.person_id = fo.person_id
       WHERE fm.region_id = r AND fm.person_id = g.person_id AND x.organisation_id <> g.organisation_id
         AND regie.refindex_is_active(x.ended_at, x.start_date, x.end_date, today)
    ) s
    ORDER BY s.kind, s.subject, s.org, s.created_at, s.other
  LOOP
    fresh := false;
    IF c.kind = 'client' THEN
      SELECT mm.id INTO m FROM refindex_matches mm WHERE mm.region_id = r AND mm.kind = 'client' AND mm.person_id = c.subject AND mm.closed_at IS NULL;
    ELSE
      SELECT mm.id INTO m FROM refindex_matches mm WHERE mm.region_id = r AND mm.kind = 'family' AND mm.family_id = c.subject AND mm.closed_at IS NULL;
    END IF;
    IF m IS NULL THEN
      m := gen_random_uuid();
      INSERT INTO refindex_matches (region_id, id, kind, person_id, family_id, matched_on, due_on)
      VALUES (r, m, c.kind, CASE WHEN c.kind = 'client' THEN c.subject END, CASE WHEN c.kind = 'family' THEN c.subject END, today, due);
      fresh := true;
    END IF;
    INSERT INTO refindex_match_pairs (region_id, match_id, org_low, org_high, registration_low, registration_high)
    VALUES (r, m, least(g.organisation_id, c.org), greatest(g.organisation_id, c.org),
            CASE WHEN g.organisation_id < c.org THEN g.id ELSE c.other END,
            CASE WHEN g.organisation_id < c.org THEN c.other ELSE g.id END)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
      match_id := m; kind := c.kind; match_created := fresh;
      org_low := least(g.organisation_id, c.org); org_high := greatest(g.organisation_id, c.org);
      user_low := CASE WHEN g.organisation_id < c.org THEN g.registered_by ELSE c.other_user END;
      user_high := CASE WHEN g.organisation_id < c.org THEN c.other_user ELSE g.registered_by END;
      RETURN NEXT;
    END IF;
  END LOOP;
END $$;

-- After a registration of person p ended: closes the open matches around p (client match on p,
-- family match on each household of p) in which fewer than two organisations still have a
-- registration that counts. A later registration then starts a new match.
-- Must run after regie.refindex_lock() for the person, in the same transaction.
CREATE FUNCTION regie.refindex_close_stale(r text, p uuid, today date) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, regie AS $$
  UPDATE refindex_matches m SET closed_at = now(), closed_reason = 'fewer_than_two_organisations'
   WHERE m.region_id = r AND m.closed_at IS NULL
     AND (regie.actor_region() IS NULL OR r = regie.actor_region())
     AND (m.person_id = p OR m.family_id IN (SELECT fm.family_id FROM family_members fm WHERE fm.region_id = r AND fm.person_id = p))
     AND (SELECT count(DISTINCT x.organisation_id) FROM refindex_registrations x
           WHERE x.region_id = r AND regie.refindex_is_active(x.ended_at, x.start_date, x.end_date, today)
             AND (x.person_id = m.person_id
                  OR x.person_id IN (SELECT fo.person_id FROM family_members fo WHERE fo.region_id = r AND fo.family_id = m.family_id))) < 2
$$;

REVOKE EXECUTE ON FUNCTION regie.refindex_person(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.refindex_person_label(text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.refindex_lock(text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.refindex_match(text, uuid, date, date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.refindex_close_stale(text, uuid, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.refindex_is_active(timestamptz, date, date, date) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.refindex_person(text, text) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.refindex_person_label(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.refindex_lock(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.refindex_match(text, uuid, date, date) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.refindex_close_stale(text, uuid, date) TO regie_app;
