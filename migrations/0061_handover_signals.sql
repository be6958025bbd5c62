-- A handover of a signal (melding) reads the few facts it needs from the signal through these
-- functions, so that the signals module keeps its own row-level security. Each answers only
-- inside an actor's transaction of the same region, and only to the organisation that received
-- the signal (the sender of the handover) or the organisation a handover of it was sent to.

-- The signal's receiving organisation, family, person, status and reference.
CREATE FUNCTION regie.handover_signal(r text, s uuid)
RETURNS TABLE (receiving_organisation_id uuid, family_id uuid, person_id uuid, status text, reference text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT sg.receiving_organisation_id, sg.family_id, sg.person_id, sg.status, sg.reference
    FROM signals sg
   WHERE sg.region_id = r AND sg.id = s AND r = regie.actor_region()
     AND (sg.receiving_organisation_id = regie.actor_org()
          OR EXISTS (SELECT 1 FROM handovers h WHERE h.region_id = r AND h.signal_id = s AND h.to_organisation_id = regie.actor_org()))
$$;
COMMENT ON FUNCTION regie.handover_signal(text, uuid) IS
  'Facts of a signal for its handover; only for the receiving organisation of the signal or of a handover of it.';

-- The persons a signal is about (its person and the members of its family), for the information
-- package; only for the organisation that received the signal.
CREATE FUNCTION regie.handover_signal_persons(r text, s uuid)
RETURNS TABLE (person_id uuid, given_names text, family_name_prefix text, family_name text, birth_date date, relation text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  WITH sg AS (
    SELECT * FROM signals WHERE region_id = r AND id = s AND r = regie.actor_region() AND receiving_organisation_id = regie.actor_org()
  )
  SELECT p.id, p.given_names, p.family_name_prefix, p.family_name, p.birth_date, fm.relation
    FROM sg JOIN family_members fm ON fm.region_id = sg.region_id AND fm.family_id = sg.family_id
    JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
  UNION
  SELECT p.id, p.given_names, p.family_name_prefix, p.family_name, p.birth_date, NULL
    FROM sg JOIN persons p ON p.region_id = sg.region_id AND p.id = sg.person_id
   WHERE NOT EXISTS (SELECT 1 FROM family_members fm WHERE fm.region_id = sg.region_id AND fm.family_id = sg.family_id AND fm.person_id = sg.person_id)
$$;
COMMENT ON FUNCTION regie.handover_signal_persons(text, uuid) IS
  'Persons of a signal for the handover package; only for the organisation that received the signal.';

-- When an accepted handover of a signal opened a case, the signal points to that case.
CREATE FUNCTION regie.link_signal_to_case(r text, s uuid, c uuid) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, regie AS $$
  UPDATE signals sg SET case_id = c, version = sg.version + 1
   WHERE sg.region_id = r AND sg.id = s AND sg.case_id IS NULL AND r = regie.actor_region()
     AND EXISTS (SELECT 1 FROM handovers h WHERE h.region_id = r AND h.signal_id = s AND h.status = 'accepted'
                   AND h.result_case_id = c AND h.to_organisation_id = regie.actor_org())
$$;
COMMENT ON FUNCTION regie.link_signal_to_case(text, uuid, uuid) IS
  'Links a signal to the case that the accepted handover of it opened; only for the receiving organisation.';

REVOKE EXECUTE ON FUNCTION regie.handover_signal(text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.handover_signal_persons(text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.link_signal_to_case(text, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.handover_signal(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_signal_persons(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.link_signal_to_case(text, uuid, uuid) TO regie_app;

-- The organisation a signal is handed over to sees the signal itself, while the handover waits
-- for its answer and after accepting it (an extra permissive policy: the signals module's own
-- policy in 0041 stays as it is).
CREATE POLICY signals_handover_receiver ON signals FOR SELECT USING (EXISTS (
  SELECT 1 FROM handovers h WHERE h.region_id = signals.region_id AND h.signal_id = signals.id
     AND h.to_organisation_id = regie.actor_org() AND h.status IN ('pending', 'accepted')));
