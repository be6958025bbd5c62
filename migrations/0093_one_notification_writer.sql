-- One place writes a notification and its e-mail. regie.notify (into the actor's own region,
-- 0030) and regie.handover_notify_in (into the other region of a cross-region handover, 0091)
-- had the same body twice; both now call regie.write_notification, which neither checks nor is
-- granted: the callers decide who may write where.
CREATE FUNCTION regie.write_notification(r text, nid uuid, uid uuid, kind text, title_nl text, title_en text, link text, dedupe text, mail_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
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
    VALUES (r, mail_id, nid, addr, 'Regie: ' || title_nl, link);
  END IF;
  RETURN true;
END $$;
REVOKE EXECUTE ON FUNCTION regie.write_notification(text, uuid, uuid, text, text, text, text, text, uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION regie.notify(r text, nid uuid, uid uuid, kind text, title_nl text, title_en text, link text, dedupe text, mail_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  IF regie.actor_region() IS NOT NULL AND r <> regie.actor_region() THEN
    RAISE EXCEPTION 'notify outside the actor''s region' USING ERRCODE = '42501';
  END IF;
  RETURN regie.write_notification(r, nid, uid, kind, title_nl, title_en, link, dedupe, mail_id);
END $$;

CREATE OR REPLACE FUNCTION regie.handover_notify_in(r text, uid uuid, kind text, title_nl text, title_en text, link text, dedupe text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  RETURN regie.write_notification(r, gen_random_uuid(), uid, kind, title_nl, title_en, link, dedupe, gen_random_uuid());
END $$;
