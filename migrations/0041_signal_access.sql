-- Who may see and change a signal (melding), enforced by row-level security.
-- Mirrors maySeeSignal() and mayTriage() in src/modules/signals/signals.access.ts; the property
-- test signals.access.test.ts compares both answers.
--
-- A signal is visible to:
--   * every professional of the receiving organisation: the organisation as a whole is the triage
--     team (front doors are small teams that pick up each other's queue; per-user assignment
--     would leave a signal unseen when one person is ill);
--   * the professional who reported it (to follow what became of it);
--   * the case team of the family once the signal is linked to a case (case_id set), through
--     regie.can_see_family, which also covers team leads of organisations on that case team and
--     break-the-glass access.
-- Only the receiving organisation may change it (triage).

-- Who the signal is about when the BSN is not (yet) known in the region, and where.
ALTER TABLE signals ADD COLUMN subject_bsn text CHECK (subject_bsn ~ '^[0-9]{9}$');
ALTER TABLE signals ADD COLUMN subject_place text;
-- Set by the overdue-triage sweep once the team leads have been told.
ALTER TABLE signals ADD COLUMN overdue_notified_at timestamptz;
ALTER TABLE signals ADD COLUMN triaged_at timestamptz;
COMMENT ON COLUMN signals.subject_bsn IS 'BSN given by the reporter that matched no person in the region (personal data, special identifier).';
COMMENT ON COLUMN signals.subject_place IS 'Address or place given by the reporter (personal data).';
COMMENT ON COLUMN signals.concerns IS 'Concerns per life domain, free text (personal data, special category possible).';
COMMENT ON COLUMN signals.meldcode_steps IS 'Meldcode checklist (steps 1-5, done and notes); notes are personal data.';
CREATE INDEX signals_reporter ON signals (region_id, reporter_user_id, received_at DESC);
CREATE INDEX signals_overdue ON signals (triage_due_on) WHERE status = 'open' AND overdue_notified_at IS NULL;

-- The signal id is passed so that a later migration (handovers) can widen visibility with
-- CREATE OR REPLACE, e.g. to the organisation a signal was handed over to, in this one place.
CREATE FUNCTION regie.can_see_signal(r text, s uuid, receiving uuid, reporter uuid, c uuid, f uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT r = regie.actor_region() AND regie.actor_user() IS NOT NULL AND (
    receiving = regie.actor_org()
    OR reporter = regie.actor_user()
    OR (c IS NOT NULL AND f IS NOT NULL AND regie.can_see_family(r, f)))
$$;

GRANT SELECT, INSERT ON signals TO regie_app;
-- Triage changes only these; what was reported stays as it was reported.
GRANT UPDATE (status, case_id, family_id, version, triaged_at) ON signals TO regie_app;

ALTER TABLE signals ENABLE ROW LEVEL SECURITY;
ALTER TABLE signals FORCE ROW LEVEL SECURITY;
CREATE POLICY signals_read ON signals FOR SELECT
  USING (regie.can_see_signal(region_id, id, receiving_organisation_id, reporter_user_id, case_id, family_id));
-- A professional reports in their own name; the public form runs with a region but no user
-- (src/modules/signals/public.service.ts) and so can only write signals without a reporter.
CREATE POLICY signals_insert ON signals FOR INSERT
  WITH CHECK (region_id = regie.actor_region() AND reporter_user_id IS NOT DISTINCT FROM regie.actor_user());
CREATE POLICY signals_triage ON signals FOR UPDATE
  USING (region_id = regie.actor_region() AND receiving_organisation_id = regie.actor_org() AND regie.actor_user() IS NOT NULL)
  WITH CHECK (region_id = regie.actor_region() AND receiving_organisation_id = regie.actor_org());

-- The subject of a new signal, looked up outside the reporter's visibility: a reporter is
-- usually not on the family's case team, yet the signal must be linked to its open case and a
-- repeat after closure must be flagged. Returns the person (by id or BSN), the family (given,
-- or the person's household with an open case, else the one with the latest closed case), the
-- open case, when the family's last case closed, and the persons concerned (for audit rows).
-- The service never shows any of this to the reporter. Empty outside an actor's region.
CREATE FUNCTION regie.signal_subject(r text, p uuid, b text, f uuid)
RETURNS TABLE (person_id uuid, family_id uuid, open_case_id uuid, last_closed_at timestamptz, person_ids uuid[])
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  pid uuid; fid uuid;
BEGIN
  IF r IS DISTINCT FROM regie.actor_region() OR regie.actor_user() IS NULL THEN RETURN; END IF;
  IF p IS NOT NULL THEN
    SELECT x.id INTO pid FROM persons x WHERE x.region_id = r AND x.id = p;
  ELSIF b IS NOT NULL THEN
    SELECT x.id INTO pid FROM persons x WHERE x.region_id = r AND x.bsn = b;
  END IF;
  IF f IS NOT NULL THEN
    SELECT fa.id INTO fid FROM families fa WHERE fa.region_id = r AND fa.id = f;
  ELSIF pid IS NOT NULL THEN
    SELECT fm.family_id INTO fid
      FROM family_members fm JOIN families fa ON fa.region_id = fm.region_id AND fa.id = fm.family_id
     WHERE fm.region_id = r AND fm.person_id = pid
     ORDER BY EXISTS (SELECT 1 FROM cases c WHERE c.region_id = r AND c.family_id = fa.id AND c.status <> 'closed') DESC,
              (SELECT max(c.closed_at) FROM cases c WHERE c.region_id = r AND c.family_id = fa.id) DESC NULLS LAST,
              fa.last_activity_at DESC, fa.id
     LIMIT 1;
  END IF;
  RETURN QUERY SELECT pid, fid,
    (SELECT c.id FROM cases c WHERE c.region_id = r AND c.family_id = fid AND c.status <> 'closed' LIMIT 1),
    (SELECT max(c.closed_at) FROM cases c WHERE c.region_id = r AND c.family_id = fid AND c.status = 'closed'),
    CASE WHEN pid IS NOT NULL THEN ARRAY[pid]
         WHEN fid IS NOT NULL THEN coalesce((SELECT array_agg(fm.person_id ORDER BY fm.person_id) FROM family_members fm
                                              WHERE fm.region_id = r AND fm.family_id = fid), '{}'::uuid[])
         ELSE '{}'::uuid[] END;
END $$;
COMMENT ON FUNCTION regie.signal_subject(text, uuid, text, uuid) IS
  'Resolves who a new signal is about and its open or last closed case, outside the reporter''s visibility; never shown to the reporter.';

-- Who each visible signal is about: the persons (one audit row each) and a label for the
-- triage team. A triage team is not on the case team, yet must know whom a signal concerns.
CREATE FUNCTION regie.signal_subjects(r text, ids uuid[])
RETURNS TABLE (signal_id uuid, person_ids uuid[], label text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT s.id,
    CASE WHEN s.person_id IS NOT NULL THEN ARRAY[s.person_id]
         WHEN s.family_id IS NOT NULL THEN coalesce((SELECT array_agg(fm.person_id ORDER BY fm.person_id) FROM family_members fm
                                                      WHERE fm.region_id = s.region_id AND fm.family_id = s.family_id), '{}'::uuid[])
         ELSE '{}'::uuid[] END,
    coalesce(
      (SELECT concat_ws(' ', p.given_names, p.family_name_prefix, p.family_name) FROM persons p WHERE p.region_id = s.region_id AND p.id = s.person_id),
      (SELECT fa.name FROM families fa WHERE fa.region_id = s.region_id AND fa.id = s.family_id),
      s.subject_description)
  FROM signals s
  WHERE s.region_id = r AND s.id = ANY (ids)
    AND regie.can_see_signal(s.region_id, s.id, s.receiving_organisation_id, s.reporter_user_id, s.case_id, s.family_id)
$$;

-- Triage needs the state of a case it is not (yet) on: the open case of a family, or the
-- family and status of a given case. Empty outside an actor's region.
CREATE FUNCTION regie.case_for_triage(r text, c uuid, f uuid) RETURNS TABLE (case_id uuid, family_id uuid, status text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT x.id, x.family_id, x.status FROM cases x
   WHERE x.region_id = r AND r = regie.actor_region() AND regie.actor_user() IS NOT NULL
     AND ((c IS NOT NULL AND x.id = c) OR (c IS NULL AND x.family_id = f AND x.status <> 'closed'))
   LIMIT 1
$$;

REVOKE EXECUTE ON FUNCTION regie.can_see_signal(text, uuid, uuid, uuid, uuid, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.signal_subject(text, uuid, text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.signal_subjects(text, uuid[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.case_for_triage(text, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.can_see_signal(text, uuid, uuid, uuid, uuid, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.signal_subject(text, uuid, text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.signal_subjects(text, uuid[]) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.case_for_triage(text, uuid, uuid) TO regie_app;
