-- The two functions that write a handover's effects in the other region (0091) write
-- structured timeline events and notifications too: the receiving organisation and its region
-- as parameters, no Dutch sentence. Same checks, same writes otherwise.
CREATE OR REPLACE FUNCTION regie.handover_sent_elsewhere(r text, h uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  sender jsonb;
  uid uuid;
  n integer := 0;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR x.to_region_id = x.region_id OR x.region_id IS DISTINCT FROM regie.actor_region()
     OR x.from_organisation_id IS DISTINCT FROM regie.actor_org() OR x.from_user_id IS DISTINCT FROM regie.actor_user()
     OR x.status <> 'pending' OR x.sent_at <> now() THEN
    RAISE EXCEPTION 'not a handover to another region sent in this transaction' USING ERRCODE = '42501';
  END IF;
  SELECT jsonb_build_object('name', o.name, 'region', g.name) INTO sender FROM organisations o JOIN regions g ON g.id = o.region_id
   WHERE o.region_id = x.region_id AND o.id = x.from_organisation_id;
  FOR uid IN
    WITH candidates AS (
      SELECT u.id, 'team_lead' = ANY (u.roles) AS lead FROM users u
       WHERE u.region_id = x.to_region_id AND u.organisation_id = x.to_organisation_id AND u.active
         AND ('team_lead' = ANY (u.roles) OR 'coordinator' = ANY (u.roles)))
    SELECT c.id FROM candidates c WHERE c.lead OR NOT EXISTS (SELECT 1 FROM candidates l WHERE l.lead)
  LOOP
    IF regie.handover_notify_in(x.to_region_id, uid, 'handover_received', jsonb_build_object('from', sender),
         '/overdrachten/' || h, 'handover-received:' || h) THEN
      n := n + 1;
    END IF;
  END LOOP;
  RETURN n;
END $$;

CREATE OR REPLACE FUNCTION regie.handover_answered_elsewhere(r text, h uuid, user_role text, ip text, user_agent text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  receiver text;
  receiver_ref jsonb;
  old_status text;
  closed boolean := false;
  reason text;
  uid uuid;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR x.to_region_id = x.region_id OR x.to_region_id IS DISTINCT FROM regie.actor_region()
     OR x.to_organisation_id IS DISTINCT FROM regie.actor_org() OR x.responded_by IS DISTINCT FROM regie.actor_user()
     OR x.status NOT IN ('accepted', 'refused') OR x.responded_at IS DISTINCT FROM now() THEN
    RAISE EXCEPTION 'not an answer given in this transaction' USING ERRCODE = '42501';
  END IF;
  SELECT o.name || ' (regio ' || g.name || ')', jsonb_build_object('name', o.name, 'region', g.name) INTO receiver, receiver_ref
    FROM organisations o JOIN regions g ON g.id = o.region_id
   WHERE o.region_id = x.to_region_id AND o.id = x.to_organisation_id;

  IF x.status = 'accepted' THEN
    IF x.case_id IS NOT NULL THEN
      SELECT status INTO old_status FROM cases WHERE region_id = r AND id = x.case_id FOR UPDATE;
      IF x.sender_access = 'ends' AND old_status IS NOT NULL AND old_status <> 'closed' THEN
        -- The case's closing reason and the team's end reason are records of the case, not event texts.
        reason := 'verhuisd; overgedragen aan ' || receiver;
        UPDATE case_team SET ended_at = now(), ended_reason = 'toegang beëindigd na overdracht aan ' || receiver
         WHERE region_id = r AND case_id = x.case_id AND organisation_id = x.from_organisation_id AND ended_at IS NULL;
        UPDATE cases SET status = 'closed', closed_at = now(), closed_reason = reason, version = version + 1
         WHERE region_id = r AND id = x.case_id;
        closed := true;
      ELSE
        UPDATE cases SET version = version + 1 WHERE region_id = r AND id = x.case_id;
      END IF;
    END IF;
    IF x.family_id IS NOT NULL THEN
      INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data)
      VALUES (r, gen_random_uuid(), x.family_id, x.case_id, 'handover_accepted', 'handover_accepted_elsewhere',
              jsonb_build_object('by', receiver_ref, 'senderAccess', x.sender_access), regie.actor_user(), regie.actor_org(),
              jsonb_build_object('handoverId', h, 'toOrganisationId', x.to_organisation_id, 'toRegionId', x.to_region_id, 'senderAccess', x.sender_access));
      IF closed THEN
        INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data)
        VALUES (r, gen_random_uuid(), x.family_id, x.case_id, 'case_status_changed', 'case_closed',
                jsonb_build_object('fromPhase', old_status, 'reason', reason), regie.actor_user(), regie.actor_org(),
                jsonb_build_object('from', old_status, 'to', 'closed'));
      END IF;
      UPDATE families SET last_activity_at = now() WHERE region_id = r AND id = x.family_id;
    END IF;
    PERFORM regie.handover_notify_in(r, x.from_user_id, 'handover_accepted', jsonb_build_object('by', receiver_ref),
      '/overdrachten/' || h, 'handover-accepted:' || h);
  ELSE
    IF x.family_id IS NOT NULL THEN
      INSERT INTO timeline_events (region_id, id, family_id, case_id, type, kind, params, actor_user_id, actor_organisation_id, data)
      VALUES (r, gen_random_uuid(), x.family_id, x.case_id, 'handover_refused', 'handover_refused',
              jsonb_build_object('by', receiver_ref, 'reason', x.refusal_reason), regie.actor_user(), regie.actor_org(),
              jsonb_build_object('handoverId', h));
      UPDATE families SET last_activity_at = now() WHERE region_id = r AND id = x.family_id;
    END IF;
    FOR uid IN SELECT x.from_user_id UNION SELECT regie.team_leads(r, x.from_organisation_id) LOOP
      PERFORM regie.handover_notify_in(r, uid, 'handover_refused', jsonb_build_object('by', receiver_ref),
        '/overdrachten/' || h, 'handover-refused:' || h);
    END LOOP;
  END IF;

  PERFORM regie.audit_handover_elsewhere(r, h, 'update', user_role, ip, user_agent);
  IF closed THEN
    INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id, object_type, object_id,
                           ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
    SELECT r, 0, 'update', regie.actor_user(), user_role, regie.actor_org(), regie.actor_org()::text, fm.person_id, 'case', x.case_id::text,
           ip, user_agent, x.legal_basis, true, x.legal_basis = 'consent', false, 'allowed', reason, '', ''
      FROM family_members fm WHERE fm.region_id = r AND fm.family_id = x.family_id;
  END IF;
  RETURN closed;
END $$;
