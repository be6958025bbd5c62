-- "Possibly the same family" (mogelijk hetzelfde gezin): a signal about an address that has an
-- open signal (of the same receiving organisation) or an open case is proposed to the triaging
-- professional, and linked only after they confirm. Both answers are remembered here: a
-- rejected proposal is never made again, a confirmed one is shown as a link.
--
-- Addresses compare normalised: case and spaces do not count, "12" and "12a" are different
-- houses, a postcode is compared without its space. Two postcodes that are both known decide;
-- otherwise street and number must agree (and the place, when both gave one).
CREATE FUNCTION regie.norm_text(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(lower(regexp_replace(btrim(coalesce(t, '')), '\s+', ' ', 'g')), '')
$$;
CREATE FUNCTION regie.norm_house_number(n text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(lower(regexp_replace(coalesce(n, ''), '[\s-]+', '', 'g')), '')
$$;
CREATE FUNCTION regie.norm_postcode(p text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT nullif(upper(regexp_replace(coalesce(p, ''), '\s+', '', 'g')), '')
$$;
CREATE FUNCTION regie.same_address(s1 text, n1 text, p1 text, c1 text, s2 text, n2 text, p2 text, c2 text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(regie.norm_house_number(n1) = regie.norm_house_number(n2), false) AND CASE
    WHEN regie.norm_postcode(p1) IS NOT NULL AND regie.norm_postcode(p2) IS NOT NULL THEN regie.norm_postcode(p1) = regie.norm_postcode(p2)
    ELSE coalesce(regie.norm_text(s1) = regie.norm_text(s2), false)
         AND (regie.norm_text(c1) IS NULL OR regie.norm_text(c2) IS NULL OR regie.norm_text(c1) = regie.norm_text(c2))
  END
$$;
GRANT EXECUTE ON FUNCTION regie.norm_text(text), regie.norm_house_number(text), regie.norm_postcode(text),
  regie.same_address(text, text, text, text, text, text, text, text) TO regie_app;

CREATE INDEX signals_open_address ON signals (region_id, receiving_organisation_id, regie.norm_house_number(subject_house_number))
  WHERE status = 'open' AND subject_house_number IS NOT NULL;
CREATE INDEX persons_address ON persons (region_id, regie.norm_house_number(house_number)) WHERE house_number IS NOT NULL;

-- The triaging professional's answer to one proposal: the other signal or the open case.
CREATE TABLE signal_family_proposals (
  region_id text NOT NULL,
  id uuid NOT NULL,
  signal_id uuid NOT NULL,
  other_signal_id uuid,
  case_id uuid,
  decision text NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
  decided_by uuid NOT NULL,
  decided_by_organisation_id uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, signal_id) REFERENCES signals(region_id, id),
  FOREIGN KEY (region_id, other_signal_id) REFERENCES signals(region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, decided_by) REFERENCES users(region_id, id),
  CHECK ((other_signal_id IS NULL) <> (case_id IS NULL)),
  CHECK (other_signal_id IS DISTINCT FROM signal_id)
);
-- One answer per pair; a second answer at the same time loses.
CREATE UNIQUE INDEX signal_family_proposals_once ON signal_family_proposals (region_id, signal_id, coalesce(other_signal_id, case_id));
CREATE INDEX signal_family_proposals_other ON signal_family_proposals (region_id, other_signal_id) WHERE other_signal_id IS NOT NULL;
COMMENT ON TABLE signal_family_proposals IS 'Answers to "possibly the same family" proposals (confirmed or rejected), per signal; personal data by association.';

GRANT SELECT, INSERT ON signal_family_proposals TO regie_app;
ALTER TABLE signal_family_proposals ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_family_proposals FORCE ROW LEVEL SECURITY;
-- Whoever may see the signal (row-level security of signals applies inside the subquery).
CREATE POLICY signal_family_proposals_read ON signal_family_proposals FOR SELECT
  USING (EXISTS (SELECT 1 FROM signals s WHERE s.region_id = signal_family_proposals.region_id AND s.id = signal_family_proposals.signal_id));
-- Only the receiving organisation (the triage team) answers, in its own name.
CREATE POLICY signal_family_proposals_insert ON signal_family_proposals FOR INSERT
  WITH CHECK (region_id = regie.actor_region() AND decided_by = regie.actor_user() AND decided_by_organisation_id = regie.actor_org()
    AND EXISTS (SELECT 1 FROM signals s WHERE s.region_id = signal_family_proposals.region_id AND s.id = signal_family_proposals.signal_id
                  AND s.receiving_organisation_id = regie.actor_org()));

-- The candidates for one signal of the actor's own organisation: open signals of that
-- organisation and open cases of the region at the same address, with the answer given so far
-- (also one given from the other signal's side). The triage team is not on those case teams,
-- so this looks past row-level security; it names the family and its coordinator, as the triage
-- list names the family of a linked signal (regie.signal_subjects).
CREATE FUNCTION regie.same_address_candidates(r text, sig uuid)
RETURNS TABLE (other_signal_id uuid, other_reference text, case_id uuid, family_id uuid, label text, coordinator_name text, decision text, person_ids uuid[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  WITH me AS (
    SELECT s.* FROM signals s
     WHERE s.region_id = r AND s.id = sig AND r = regie.actor_region() AND regie.actor_user() IS NOT NULL
       AND s.receiving_organisation_id = regie.actor_org() AND s.subject_house_number IS NOT NULL)
  SELECT o.id, o.reference, NULL::uuid, o.family_id,
         coalesce(nullif(concat_ws(', ', (SELECT string_agg(concat_ws(' ', p->>'givenNames', p->>'familyNamePrefix', p->>'familyName'), ', ')
                                            FROM jsonb_array_elements(o.subject_persons) p)), ''), o.subject_description),
         NULL::text,
         (SELECT d.decision FROM signal_family_proposals d WHERE d.region_id = r
             AND ((d.signal_id = me.id AND d.other_signal_id = o.id) OR (d.signal_id = o.id AND d.other_signal_id = me.id))
           ORDER BY d.decided_at LIMIT 1),
         CASE WHEN o.person_id IS NOT NULL THEN ARRAY[o.person_id]
              ELSE coalesce((SELECT array_agg(fm.person_id ORDER BY fm.person_id) FROM family_members fm
                              WHERE fm.region_id = o.region_id AND fm.family_id = o.family_id), '{}'::uuid[]) END
    FROM me JOIN signals o ON o.region_id = me.region_id AND o.receiving_organisation_id = me.receiving_organisation_id AND o.id <> me.id
   WHERE (o.status = 'open' OR EXISTS (SELECT 1 FROM signal_family_proposals d WHERE d.region_id = r AND d.decision = 'confirmed'
             AND ((d.signal_id = me.id AND d.other_signal_id = o.id) OR (d.signal_id = o.id AND d.other_signal_id = me.id))))
     AND regie.norm_house_number(o.subject_house_number) = regie.norm_house_number(me.subject_house_number)
     AND regie.same_address(me.subject_street, me.subject_house_number, me.subject_postcode, me.subject_city,
                            o.subject_street, o.subject_house_number, o.subject_postcode, o.subject_city)
  UNION ALL
  SELECT NULL::uuid, NULL::text, c.id, c.family_id, f.name,
         (SELECT u.display_name FROM case_team ct JOIN users u ON u.region_id = ct.region_id AND u.id = ct.user_id
           WHERE ct.region_id = c.region_id AND ct.case_id = c.id AND ct.role = 'coordinator' AND ct.ended_at IS NULL LIMIT 1),
         (SELECT d.decision FROM signal_family_proposals d WHERE d.region_id = r AND d.signal_id = me.id AND d.case_id = c.id LIMIT 1),
         coalesce((SELECT array_agg(fm.person_id ORDER BY fm.person_id) FROM family_members fm
                    WHERE fm.region_id = c.region_id AND fm.family_id = c.family_id), '{}'::uuid[])
    FROM me JOIN cases c ON c.region_id = me.region_id AND c.status <> 'closed'
    JOIN families f ON f.region_id = c.region_id AND f.id = c.family_id
   -- The signal's own case is no proposal, unless it became its own by a confirmed one.
   WHERE (c.id IS DISTINCT FROM me.case_id
          OR EXISTS (SELECT 1 FROM signal_family_proposals d WHERE d.region_id = r AND d.signal_id = me.id AND d.case_id = c.id))
     AND EXISTS (SELECT 1 FROM family_members fm JOIN persons p ON p.region_id = fm.region_id AND p.id = fm.person_id
                  WHERE fm.region_id = c.region_id AND fm.family_id = c.family_id
                    AND regie.norm_house_number(p.house_number) = regie.norm_house_number(me.subject_house_number)
                    AND regie.same_address(me.subject_street, me.subject_house_number, me.subject_postcode, me.subject_city,
                                           p.street, p.house_number, p.postcode, p.city))
$$;
COMMENT ON FUNCTION regie.same_address_candidates(text, uuid) IS
  'Open signals of the same organisation and open cases at the address of a signal of the actor''s organisation, with the answer given so far and the persons concerned (for audit rows).';

-- The coordinator of an open case, to tell them a signal was linked to it: the reporter or
-- triage team who links it is usually not on the case team. Empty outside the actor's region.
CREATE FUNCTION regie.case_coordinator(r text, c uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT ct.user_id FROM case_team ct JOIN cases x ON x.region_id = ct.region_id AND x.id = ct.case_id
   WHERE ct.region_id = r AND r = regie.actor_region() AND regie.actor_user() IS NOT NULL
     AND ct.case_id = c AND ct.role = 'coordinator' AND ct.ended_at IS NULL AND x.status <> 'closed'
   LIMIT 1
$$;

-- The closed case a re-report re-opens: the given case when it is closed, else the family's
-- latest closed case; with its family's name and when it closed. Empty outside the actor's region.
CREATE FUNCTION regie.closed_case_of(r text, f uuid, c uuid)
RETURNS TABLE (case_id uuid, family_id uuid, family_name text, closed_at timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT x.id, x.family_id, fa.name, x.closed_at FROM cases x JOIN families fa ON fa.region_id = x.region_id AND fa.id = x.family_id
   WHERE x.region_id = r AND r = regie.actor_region() AND regie.actor_user() IS NOT NULL AND x.status = 'closed'
     AND ((c IS NOT NULL AND x.id = c) OR (c IS NULL AND x.family_id = f))
   ORDER BY x.closed_at DESC NULLS LAST LIMIT 1
$$;

REVOKE EXECUTE ON FUNCTION regie.same_address_candidates(text, uuid), regie.case_coordinator(text, uuid), regie.closed_case_of(text, uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.same_address_candidates(text, uuid), regie.case_coordinator(text, uuid), regie.closed_case_of(text, uuid, uuid) TO regie_app;
