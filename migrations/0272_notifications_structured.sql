-- Notifications store a kind and its parameters, never a sentence: the inbox renders them in
-- the reader's language and the e-mail in the recipient's (src/shared/events). Existing
-- notifications of a kind whose title had no parameters get empty parameters; those with a
-- signal reference get it back; any other keeps its two titles as `legacyTitle`.
ALTER TABLE notifications ADD COLUMN params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object');
COMMENT ON COLUMN notifications.params IS 'The parameters of the kind''s title (organisation names, signal references, numbers); no citizen data.';
UPDATE notifications SET params = CASE
    WHEN kind IN ('handover_expired', 'handover_nominated', 'refindex_match', 'refindex_coordinator', 'role_change_proposed', 'role_change_approved', 'authenticator_reset')
      THEN '{}'::jsonb
    WHEN kind = 'refindex_escalation' THEN jsonb_build_object('workingDays', 10)
    WHEN kind IN ('signal_acute', 'signal_linked', 'signal_safety', 'triage_overdue') AND title_nl ~ '(: |melding )\S+$'
      THEN jsonb_build_object('reference', substring(title_nl from '(\S+)$'))
    WHEN kind = 'case_coordinator_assigned' AND title_nl ~ 'melding \S+\)$'
      THEN jsonb_build_object('reference', substring(title_nl from 'melding (\S+)\)$'))
    WHEN kind IN ('handover_received') AND title_nl ~ '^Nieuwe overdracht van '
      THEN jsonb_build_object('from', jsonb_build_object('name', substring(title_nl from '^Nieuwe overdracht van (.+)$')))
    WHEN kind IN ('handover_accepted', 'handover_refused') AND title_nl ~ '^Overdracht (aanvaard|geweigerd) door '
      THEN jsonb_build_object('by', jsonb_build_object('name', substring(title_nl from '^Overdracht (?:aanvaard|geweigerd) door (.+)$')))
    ELSE jsonb_build_object('legacyTitle', jsonb_build_object('nl', title_nl, 'en', title_en))
  END;

-- The e-mail is written when it is sent, in the recipient's language: the outbox keeps the
-- kind (for the admin's list) and the language, and the subject once it has been sent.
ALTER TABLE mail_outbox ADD COLUMN kind text, ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));
UPDATE mail_outbox m SET kind = n.kind FROM notifications n WHERE n.region_id = m.region_id AND n.id = m.notification_id;
ALTER TABLE mail_outbox ALTER COLUMN kind SET NOT NULL;
ALTER TABLE mail_outbox ALTER COLUMN subject DROP NOT NULL;
COMMENT ON COLUMN mail_outbox.kind IS 'The notification''s kind.';
COMMENT ON COLUMN mail_outbox.language IS 'The recipient''s language when the e-mail was queued; it is written in it.';
COMMENT ON COLUMN mail_outbox.subject IS 'The subject as sent (null until then): no citizen data.';

-- The sender reads the notification's kind and parameters instead of its titles, and records the subject it sent.
DROP POLICY notifications_system_mail_titles ON notifications;
-- Revoked before the drop: PostgreSQL keeps a dropped column's privileges on its dead attribute.
REVOKE SELECT (title_nl, title_en) ON notifications FROM regie_system;
ALTER TABLE notifications DROP COLUMN title_nl, DROP COLUMN title_en;
GRANT SELECT (region_id, id, kind, params) ON notifications TO regie_system;
CREATE POLICY notifications_system_mail_texts ON notifications FOR SELECT TO regie_system USING (regie.system_door() = 'mail-outbox');
GRANT SELECT (kind, language), UPDATE (subject) ON mail_outbox TO regie_system;

-- The one writer of a notification and its e-mail, now with a kind and parameters.
DROP FUNCTION regie.notify(text, uuid, uuid, text, text, text, text, text, uuid);
DROP FUNCTION regie.handover_notify_in(text, uuid, text, text, text, text, text);
DROP FUNCTION regie.write_notification(text, uuid, uuid, text, text, text, text, text, uuid);

CREATE FUNCTION regie.write_notification(r text, nid uuid, uid uuid, kind text, params jsonb, link text, dedupe text, mail_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  inserted boolean;
  addr text;
  lang text;
BEGIN
  INSERT INTO notifications (region_id, id, user_id, kind, params, link, dedupe_key)
  VALUES (r, nid, uid, kind, coalesce(params, '{}'), link, dedupe)
  ON CONFLICT (region_id, user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  IF NOT inserted THEN RETURN false; END IF;
  SELECT email, language INTO addr, lang FROM users WHERE region_id = r AND id = uid AND active;
  IF addr IS NOT NULL THEN
    INSERT INTO mail_outbox (region_id, id, notification_id, to_address, kind, language, link)
    VALUES (r, mail_id, nid, addr, kind, lang, link);
  END IF;
  RETURN true;
END $$;
REVOKE EXECUTE ON FUNCTION regie.write_notification(text, uuid, uuid, text, jsonb, text, text, uuid) FROM PUBLIC;

CREATE FUNCTION regie.notify(r text, nid uuid, uid uuid, kind text, params jsonb, link text, dedupe text, mail_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  IF NOT (regie.acting_as_system() OR r IS NOT DISTINCT FROM regie.actor_region()) THEN
    RAISE EXCEPTION 'notify outside the actor''s region' USING ERRCODE = '42501';
  END IF;
  RETURN regie.write_notification(r, nid, uid, kind, params, link, dedupe, mail_id);
END $$;
REVOKE EXECUTE ON FUNCTION regie.notify(text, uuid, uuid, text, jsonb, text, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.notify(text, uuid, uuid, text, jsonb, text, text, uuid) TO regie_app, regie_system;

CREATE FUNCTION regie.handover_notify_in(r text, uid uuid, kind text, params jsonb, link text, dedupe text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  RETURN regie.write_notification(r, gen_random_uuid(), uid, kind, params, link, dedupe, gen_random_uuid());
END $$;
REVOKE EXECUTE ON FUNCTION regie.handover_notify_in(text, uuid, text, jsonb, text, text) FROM PUBLIC;
