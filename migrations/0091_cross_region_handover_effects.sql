-- The writes a handover between regions needs in the OTHER region than the actor's: row-level
-- security confines every actor to its own region, so these few SECURITY DEFINER functions do
-- them, each only for the handover it is called for, only for a party of that handover, and
-- (for the answer) only in the very transaction that gave the answer. They run in the caller's
-- transaction: the answer and its effects in both regions commit together or not at all.
-- See docs/adr/0006-cross-region-handovers.md.

-- One notification (and its e-mail) in a given region; used only by the functions below.
CREATE FUNCTION regie.handover_notify_in(r text, uid uuid, kind text, title_nl text, title_en text, link text, dedupe text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  nid uuid := gen_random_uuid();
  inserted boolean;
  addr text;
BEGIN
  INSERT INTO notifications (region_id, id, user_id, kind, title_nl, title_en, link, dedupe_key)
  VALUES (r, nid, uid, kind, title_nl, title_en, link, dedupe)
  ON CONFLICT (region_id, user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  IF NOT inserted THEN RETURN false; END IF;
  SELECT email INTO addr FROM users WHERE region_id = r AND id = uid AND active;
  IF addr IS NOT NULL THEN
    INSERT INTO mail_outbox (region_id, id, notification_id, to_address, subject, link)
    VALUES (r, gen_random_uuid(), nid, addr, 'Regie: ' || title_nl, link);
  END IF;
  RETURN true;
END $$;
REVOKE EXECUTE ON FUNCTION regie.handover_notify_in(text, uuid, text, text, text, text, text) FROM PUBLIC;

-- A transaction that writes audit rows in more than one region takes all their chain heads
-- first, in region order, so two such transactions in opposite directions wait instead of
-- deadlocking. Call it before the transaction's first audit row.
CREATE FUNCTION regie.lock_audit_chains(others text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  g text;
BEGIN
  IF regie.actor_region() IS NULL OR EXISTS (SELECT 1 FROM unnest(others) o WHERE NOT EXISTS (SELECT 1 FROM regions WHERE id = o)) THEN
    RAISE EXCEPTION 'lock_audit_chains needs an actor and existing regions' USING ERRCODE = '42501';
  END IF;
  FOR g IN SELECT DISTINCT x FROM unnest(others || regie.actor_region()) AS x ORDER BY x LOOP
    INSERT INTO audit_chain_head VALUES (g, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
    PERFORM 1 FROM audit_chain_head WHERE region_id = g FOR UPDATE;
  END LOOP;
END $$;

-- NEN 7513 rows in the handover's (sender's) region for the persons of its package, when the
-- receiver in another region reads or answers it: the persons are of that region, so their
-- log is there. The receiver's own region logs the access as well (without these person ids).
CREATE FUNCTION regie.audit_handover_elsewhere(r text, h uuid, act text, user_role text, ip text, user_agent text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  who text;
  n integer;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR act NOT IN ('read', 'update') OR x.to_region_id = x.region_id
     OR x.to_region_id IS DISTINCT FROM regie.actor_region() OR x.to_organisation_id IS DISTINCT FROM regie.actor_org() THEN
    RAISE EXCEPTION 'not the receiver of this handover in another region' USING ERRCODE = '42501';
  END IF;
  SELECT o.name || ' (regio ' || g.name || ')' INTO who FROM organisations o JOIN regions g ON g.id = o.region_id
   WHERE o.region_id = x.to_region_id AND o.id = x.to_organisation_id;
  INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id, object_type, object_id,
                         ip, user_agent, legal_basis, care_relation, consent, break_glass, outcome, reason, prev_hash, hash)
  SELECT r, 0, act, regie.actor_user(), user_role, regie.actor_org(), regie.actor_org()::text, p.person_id, 'handover', h::text,
         ip, user_agent, x.legal_basis, true, x.legal_basis = 'consent', false, 'allowed', 'ontvanger in een andere regio: ' || who, '', ''
    FROM (SELECT DISTINCT (e->>'personId')::uuid AS person_id FROM jsonb_array_elements(x.persons) e
          UNION ALL SELECT NULL WHERE jsonb_array_length(x.persons) = 0) p;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- The receiving organisation in another region hears of a handover just sent (in the sending
-- transaction): its team leads, else its coordinators.
CREATE FUNCTION regie.handover_sent_elsewhere(r text, h uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  sender text;
  uid uuid;
  n integer := 0;
BEGIN
  SELECT * INTO x FROM handovers WHERE region_id = r AND id = h;
  IF NOT FOUND OR x.to_region_id = x.region_id OR x.region_id IS DISTINCT FROM regie.actor_region()
     OR x.from_organisation_id IS DISTINCT FROM regie.actor_org() OR x.from_user_id IS DISTINCT FROM regie.actor_user()
     OR x.status <> 'pending' OR x.sent_at <> now() THEN
    RAISE EXCEPTION 'not a handover to another region sent in this transaction' USING ERRCODE = '42501';
  END IF;
  SELECT o.name || ' (regio ' || g.name || ')' INTO sender FROM organisations o JOIN regions g ON g.id = o.region_id
   WHERE o.region_id = x.region_id AND o.id = x.from_organisation_id;
  FOR uid IN
    WITH candidates AS (
      SELECT u.id, 'team_lead' = ANY (u.roles) AS lead FROM users u
       WHERE u.region_id = x.to_region_id AND u.organisation_id = x.to_organisation_id AND u.active
         AND ('team_lead' = ANY (u.roles) OR 'coordinator' = ANY (u.roles)))
    SELECT c.id FROM candidates c WHERE c.lead OR NOT EXISTS (SELECT 1 FROM candidates l WHERE l.lead)
  LOOP
    IF regie.handover_notify_in(x.to_region_id, uid, 'handover_received', 'Nieuwe overdracht van ' || sender,
         'New handover from ' || sender, '/overdrachten/' || h, 'handover-received:' || h) THEN
      n := n + 1;
    END IF;
  END LOOP;
  RETURN n;
END $$;

-- The sender's side of an answer given in another region, in the answering transaction:
-- accepted → the sender's case is closed ("moved") and its organisation's memberships end when
-- the sender's access ends, or the case stays as it is when the access continues; refused →
-- the reason goes on the sender's timeline. Timeline events, audit rows and notifications are
-- written in the sender's region. Returns whether the sender's case was closed.
CREATE FUNCTION regie.handover_answered_elsewhere(r text, h uuid, user_role text, ip text, user_agent text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  x handovers%ROWTYPE;
  receiver text;
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
  SELECT o.name || ' (regio ' || g.name || ')' INTO receiver FROM organisations o JOIN regions g ON g.id = o.region_id
   WHERE o.region_id = x.to_region_id AND o.id = x.to_organisation_id;

  IF x.status = 'accepted' THEN
    IF x.case_id IS NOT NULL THEN
      SELECT status INTO old_status FROM cases WHERE region_id = r AND id = x.case_id FOR UPDATE;
      IF x.sender_access = 'ends' AND old_status IS NOT NULL AND old_status <> 'closed' THEN
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
      INSERT INTO timeline_events (region_id, id, family_id, case_id, type, actor_user_id, actor_organisation_id, data)
      VALUES (r, gen_random_uuid(), x.family_id, x.case_id, 'handover_accepted', regie.actor_user(), regie.actor_org(),
              jsonb_build_object('summary', 'Overdracht aanvaard door ' || receiver
                                   || CASE WHEN x.sender_access = 'ends' THEN '; toegang van de afzender beëindigd' ELSE '; afzender blijft betrokken' END,
                                 'handoverId', h, 'toOrganisationId', x.to_organisation_id, 'toRegionId', x.to_region_id, 'senderAccess', x.sender_access));
      IF closed THEN
        INSERT INTO timeline_events (region_id, id, family_id, case_id, type, actor_user_id, actor_organisation_id, data)
        VALUES (r, gen_random_uuid(), x.family_id, x.case_id, 'case_status_changed', regie.actor_user(), regie.actor_org(),
                jsonb_build_object('summary', 'Fase gewijzigd: ' || CASE old_status WHEN 'registered' THEN 'aangemeld' WHEN 'exploring' THEN 'verkenning'
                                     WHEN 'plan' THEN 'plan' WHEN 'executing' THEN 'uitvoering' WHEN 'evaluating' THEN 'evaluatie'
                                     WHEN 'monitoring' THEN 'nazorg' ELSE old_status END || ' → afgesloten (' || reason || ')',
                                   'from', old_status, 'to', 'closed'));
      END IF;
      UPDATE families SET last_activity_at = now() WHERE region_id = r AND id = x.family_id;
    END IF;
    PERFORM regie.handover_notify_in(r, x.from_user_id, 'handover_accepted', 'Overdracht aanvaard door ' || receiver,
      'Handover accepted by ' || receiver, '/overdrachten/' || h, 'handover-accepted:' || h);
  ELSE
    IF x.family_id IS NOT NULL THEN
      INSERT INTO timeline_events (region_id, id, family_id, case_id, type, actor_user_id, actor_organisation_id, data)
      VALUES (r, gen_random_uuid(), x.family_id, x.case_id, 'handover_refused', regie.actor_user(), regie.actor_org(),
              jsonb_build_object('summary', 'Overdracht geweigerd door ' || receiver || ': ' || x.refusal_reason, 'handoverId', h));
      UPDATE families SET last_activity_at = now() WHERE region_id = r AND id = x.family_id;
    END IF;
    FOR uid IN SELECT x.from_user_id UNION SELECT regie.team_leads(r, x.from_organisation_id) LOOP
      PERFORM regie.handover_notify_in(r, uid, 'handover_refused', 'Overdracht geweigerd door ' || receiver,
        'Handover refused by ' || receiver, '/overdrachten/' || h, 'handover-refused:' || h);
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

COMMENT ON FUNCTION regie.handover_answered_elsewhere(text, uuid, text, text, text) IS
  'The sender''s side (case, team, timeline, audit, notifications) of an answer given in another region, in the answering transaction.';

GRANT EXECUTE ON FUNCTION regie.lock_audit_chains(text[]) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.audit_handover_elsewhere(text, uuid, text, text, text, text) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_sent_elsewhere(text, uuid) TO regie_app;
GRANT EXECUTE ON FUNCTION regie.handover_answered_elsewhere(text, uuid, text, text, text) TO regie_app;
