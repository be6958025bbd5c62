-- The other region's side of a handover between regions, as narrow writers fed by TypeScript
-- (src/modules/handovers/handovers.elsewhere.ts). Migrations 0091/0273 decided in PL/pgSQL
-- (close the sender's case when its access ends, whom to tell) and wrote the Dutch closing and
-- audit texts there. Now the service decides and words every fact; each function below only
-- checks that the actor is the party of THIS handover acting in THIS transaction, and writes one
-- kind of fact in the other region, which row-level security keeps out of the actor's reach.
-- See docs/adr/0006-cross-region-handovers.md.

DROP FUNCTION regie.handover_answered_elsewhere(text, uuid, text, text, text);
DROP FUNCTION regie.handover_sent_elsewhere(text, uuid);
DROP FUNCTION regie.handover_notify_in(text, uuid, text, jsonb, text, text);
DROP FUNCTION regie.audit_handover_elsewhere(text, uuid, text, text, text, text);

-- The guards (not granted; the writers call them). The receiver of a handover from another
-- region who answered it in this transaction:
CREATE FUNCTION regie.handover_answered_here(r text, h uuid) RETURNS handovers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR x.to_region_id = x.region_id OR x.to_region_id IS DISTINCT FROM regie.actor_region()
     OR x.to_organisation_id IS DISTINCT FROM regie.actor_org() OR x.responded_by IS DISTINCT FROM regie.actor_user()
     OR x.status NOT IN ('accepted', 'refused') OR x.responded_at IS DISTINCT FROM now() THEN
    RAISE EXCEPTION 'not an answer given in this transaction' USING ERRCODE = '42501';
  END IF;
  RETURN x;
END $$;
REVOKE EXECUTE ON FUNCTION regie.handover_answered_here(text, uuid) FROM PUBLIC;

-- The sender of a handover to another region, sent in this transaction:
CREATE FUNCTION regie.handover_sent_here(r text, h uuid) RETURNS handovers
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR x.to_region_id = x.region_id OR x.region_id IS DISTINCT FROM regie.actor_region()
     OR x.from_organisation_id IS DISTINCT FROM regie.actor_org() OR x.from_user_id IS DISTINCT FROM regie.actor_user()
     OR x.status <> 'pending' OR x.sent_at <> now() THEN
    RAISE EXCEPTION 'not a handover to another region sent in this transaction' USING ERRCODE = '42501';
  END IF;
  RETURN x;
END $$;
REVOKE EXECUTE ON FUNCTION regie.handover_sent_here(text, uuid) FROM PUBLIC;

-- Who of the other party's organisation could be told, with their roles (ids only, no names or
-- addresses): for the sender in its sending transaction, the receiving organisation's team leads
-- and coordinators; for the receiver in its answering transaction, the sending organisation's team
-- leads and the sender. The service picks from these (handovers.elsewhere.ts).
CREATE FUNCTION regie.handover_staff_elsewhere(r text, h uuid)
RETURNS TABLE (user_id uuid, team_lead boolean, coordinator boolean, sender boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF FOUND AND x.region_id = regie.actor_region() THEN
    x := regie.handover_sent_here(r, h);
    RETURN QUERY SELECT u.id, 'team_lead' = ANY (u.roles), 'coordinator' = ANY (u.roles), false
      FROM users u WHERE u.region_id = x.to_region_id AND u.organisation_id = x.to_organisation_id AND u.active
       AND ('team_lead' = ANY (u.roles) OR 'coordinator' = ANY (u.roles));
  ELSE
    x := regie.handover_answered_here(r, h);
    RETURN QUERY SELECT u.id, 'team_lead' = ANY (u.roles), 'coordinator' = ANY (u.roles), u.id = x.from_user_id
      FROM users u WHERE u.region_id = x.region_id AND u.organisation_id = x.from_organisation_id AND u.active
       AND ('team_lead' = ANY (u.roles) OR u.id = x.from_user_id);
  END IF;
END $$;

-- One notice (and its e-mail) in the other region of the handover, to one of the people
-- regie.handover_staff_elsewhere() names, of the handover's own kinds: "received" by the
-- sender's transaction, "accepted"/"refused" by the receiver's. Link and event key name the handover.
CREATE FUNCTION regie.handover_notify_elsewhere(r text, h uuid, uid uuid, kind text, params jsonb, link text, dedupe text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  target text;
BEGIN
  IF kind = 'handover_received' THEN
    x := regie.handover_sent_here(r, h);
    target := x.to_region_id;
  ELSIF (kind = 'handover_accepted' OR kind = 'handover_refused') THEN
    x := regie.handover_answered_here(r, h);
    IF kind <> 'handover_' || x.status THEN
      RAISE EXCEPTION 'notice does not match the answer' USING ERRCODE = '42501';
    END IF;
    target := x.region_id;
  ELSE
    RAISE EXCEPTION 'not a handover notice' USING ERRCODE = '42501';
  END IF;
  IF link IS DISTINCT FROM '/overdrachten/' || h OR dedupe IS DISTINCT FROM replace(kind, '_', '-') || ':' || h
     OR NOT EXISTS (SELECT 1 FROM regie.handover_staff_elsewhere(r, h) s WHERE s.user_id = uid) THEN
    RAISE EXCEPTION 'not a party to tell of this handover' USING ERRCODE = '42501';
  END IF;
  RETURN regie.write_notification(target, gen_random_uuid(), uid, kind, params, link, dedupe, gen_random_uuid());
END $$;

-- The sender's case after an acceptance whose sender access ends: the sending organisation's
-- memberships end and the case closes, with the texts the service gives. Returns the phase it
-- was in; NULL (and only a new version) when it was no longer open.
CREATE FUNCTION regie.handover_close_sender_case(r text, h uuid, closed_reason text, ended_reason text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE := regie.handover_answered_here(r, h);
  old_status text;
BEGIN
  IF x.status <> 'accepted' OR x.sender_access <> 'ends' OR x.case_id IS NULL
     OR coalesce(length(trim(closed_reason)), 0) = 0 OR coalesce(length(trim(ended_reason)), 0) = 0 THEN
    RAISE EXCEPTION 'no case to close for this answer' USING ERRCODE = '42501';
  END IF;
  SELECT status INTO old_status FROM cases WHERE region_id = r AND id = x.case_id FOR UPDATE;
  IF old_status IS NULL OR old_status = 'closed' THEN
    UPDATE cases SET version = version + 1 WHERE region_id = r AND id = x.case_id;
    RETURN NULL;
  END IF;
  UPDATE case_team SET ended_at = now(), ended_reason = handover_close_sender_case.ended_reason
   WHERE region_id = r AND case_id = x.case_id AND organisation_id = x.from_organisation_id AND ended_at IS NULL;
  UPDATE cases SET status = 'closed', closed_at = now(), closed_reason = handover_close_sender_case.closed_reason, version = version + 1
   WHERE region_id = r AND id = x.case_id;
  RETURN old_status;
END $$;

-- The sender's case after an acceptance whose sender access continues: a new version only.
CREATE FUNCTION regie.handover_touch_sender_case(r text, h uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE := regie.handover_answered_here(r, h);
BEGIN
  IF x.status <> 'accepted' OR x.case_id IS NULL THEN
    RAISE EXCEPTION 'no case to touch for this answer' USING ERRCODE = '42501';
  END IF;
  UPDATE cases SET version = version + 1 WHERE region_id = r AND id = x.case_id;
  RETURN FOUND;
END $$;

-- One structured event on the sender's family timeline (kind and parameters, no sentence), of the
-- kinds an answer from another region causes; a closing event only when the case closed now.
CREATE FUNCTION regie.handover_event_elsewhere(r text, h uuid, kind text, event_type text, params jsonb, data jsonb) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE := regie.handover_answered_here(r, h);
BEGIN
  IF NOT ((kind = 'handover_accepted_elsewhere' AND event_type = 'handover_accepted' AND x.status = 'accepted')
       OR (kind = 'handover_refused' AND event_type = 'handover_refused' AND x.status = 'refused')
       OR (kind = 'case_closed' AND event_type = 'case_status_changed' AND x.status = 'accepted'
           AND EXISTS (SELECT 1 FROM cases c WHERE c.region_id = r AND c.id = x.case_id AND c.status = 'closed' AND c.closed_at = now()))) THEN
    RAISE EXCEPTION 'not an event of this answer' USING ERRCODE = '42501';
  END IF;
  IF x.family_id IS NULL THEN RETURN false; END IF;
  INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data)
  VALUES (r, gen_random_uuid(), x.family_id, x.case_id, event_type, kind, coalesce(params, '{}'), regie.actor_user(), regie.actor_org(),
          coalesce(data, '{}'));
  UPDATE families SET last_activity_at = now() WHERE region_id = r AND id = x.family_id;
  RETURN true;
END $$;

-- NEN 7513 rows in the handover's (sender's) region when its receiver in another region reads or
-- answers it: one per person of the object — the package's persons for the handover, the
-- family's members for the sender's case closed by this answer — with the reason the service words.
CREATE FUNCTION regie.audit_handover_elsewhere(r text, h uuid, act text, object_type text, reason text, user_role text, ip text, user_agent text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  n integer;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR act NOT IN ('read', 'update') OR object_type NOT IN ('handover', 'case') OR coalesce(length(trim(reason)), 0) = 0
     OR x.to_region_id = x.region_id
     OR x.to_region_id IS DISTINCT FROM regie.actor_region() OR x.to_organisation_id IS DISTINCT FROM regie.actor_org() THEN
    RAISE EXCEPTION 'not the receiver of this handover in another region' USING ERRCODE = '42501';
  END IF;
  IF object_type = 'handover' THEN
    INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id, object_type, object_id,
                           ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
    SELECT r, 0, act, regie.actor_user(), user_role, regie.actor_org(), regie.actor_org()::text, p.person_id, 'handover', h::text,
           ip, user_agent, x.legal_basis, true, x.legal_basis = 'consent', false, 'allowed', reason, '', ''
      FROM (SELECT DISTINCT (e->>'personId')::uuid AS person_id FROM jsonb_array_elements(x.persons) e
            UNION ALL SELECT NULL WHERE jsonb_array_length(x.persons) = 0) p;
  ELSE
    x := regie.handover_answered_here(r, h);
    IF act <> 'update' OR x.status <> 'accepted'
       OR NOT EXISTS (SELECT 1 FROM cases c WHERE c.region_id = r AND c.id = x.case_id AND c.status = 'closed' AND c.closed_at = now()) THEN
      RAISE EXCEPTION 'no case closed by this answer' USING ERRCODE = '42501';
    END IF;
    INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id, object_type, object_id,
                           ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
    SELECT r, 0, 'update', regie.actor_user(), user_role, regie.actor_org(), regie.actor_org()::text, fm.person_id, 'case', x.case_id::text,
           ip, user_agent, x.legal_basis, true, x.legal_basis = 'consent', false, 'allowed', reason, '', ''
      FROM family_members fm WHERE fm.region_id = r AND fm.family_id = x.family_id;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

REVOKE EXECUTE ON FUNCTION regie.handover_staff_elsewhere(text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.handover_notify_elsewhere(text, uuid, uuid, text, jsonb, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.handover_close_sender_case(text, uuid, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.handover_touch_sender_case(text, uuid) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.handover_event_elsewhere(text, uuid, text, text, jsonb, jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION regie.audit_handover_elsewhere(text, uuid, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.handover_staff_elsewhere(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_notify_elsewhere(text, uuid, uuid, text, jsonb, text, text) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_close_sender_case(text, uuid, text, text) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_touch_sender_case(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_event_elsewhere(text, uuid, text, text, jsonb, jsonb) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.audit_handover_elsewhere(text, uuid, text, text, text, text, text, text) TO regie_app;
