-- In-app notifications (inbox) and the e-mail outbox. E-mails carry no personal data: only a
-- neutral subject and a link into Regie.
CREATE TABLE notifications (
  region_id text NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL,
  title_nl text NOT NULL,
  title_en text NOT NULL,
  link text NOT NULL,
  dedupe_key text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id)
);
-- A reminder that a sweep raises again never notifies the same person twice.
CREATE UNIQUE INDEX notifications_dedupe ON notifications (region_id, user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
CREATE INDEX notifications_inbox ON notifications (region_id, user_id, created_at DESC);
COMMENT ON TABLE notifications IS 'In-app inbox per professional. Titles must not contain personal data of citizens.';

CREATE TABLE mail_outbox (
  region_id text NOT NULL,
  id uuid NOT NULL,
  notification_id uuid NOT NULL,
  to_address text NOT NULL,
  subject text NOT NULL,
  link text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, notification_id) REFERENCES notifications(region_id, id)
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at) WHERE status = 'pending';
COMMENT ON TABLE mail_outbox IS 'E-mails to professionals, sent by a background job with retries.';
COMMENT ON COLUMN mail_outbox.to_address IS 'E-mail address of the professional (personal data of the professional).';

GRANT SELECT, INSERT, UPDATE ON notifications TO regie_app;
GRANT INSERT ON mail_outbox TO regie_app;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_own ON notifications FOR SELECT USING (region_id = regie.actor_region() AND user_id = regie.actor_user());
CREATE POLICY notifications_mark ON notifications FOR UPDATE USING (region_id = regie.actor_region() AND user_id = regie.actor_user());
-- Any professional's action may notify others in the region (a handover notifies the receiver).
CREATE POLICY notifications_send ON notifications FOR INSERT WITH CHECK (region_id = regie.actor_region());
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_outbox_send ON mail_outbox FOR INSERT WITH CHECK (region_id = regie.actor_region());

-- Team leads of an organisation, for escalations; readable without seeing the users table's secrets.
CREATE FUNCTION regie.team_leads(r text, org uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT id FROM users WHERE region_id = r AND organisation_id = org AND active AND 'team_lead' = ANY (roles)
$$;
GRANT EXECUTE ON FUNCTION regie.team_leads(text, uuid) TO regie_app;

CREATE FUNCTION regie.user_email(r text, u uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, regie AS $$
  SELECT email FROM users WHERE region_id = r AND id = u AND active
$$;
GRANT EXECUTE ON FUNCTION regie.user_email(text, uuid) TO regie_app;

-- One notification (and its e-mail) in one call; returns false when the dedupe key was used
-- before. SECURITY DEFINER because the sender may not read the recipient's inbox; it only
-- writes into the actor's own region (or any region for system sweeps, which have no actor).
CREATE FUNCTION regie.notify(r text, nid uuid, uid uuid, kind text, title_nl text, title_en text, link text, dedupe text, mail_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  inserted boolean;
  addr text;
BEGIN
  IF regie.actor_region() IS NOT NULL AND r <> regie.actor_region() THEN
    RAISE EXCEPTION 'notify outside the actor''s region' USING ERRCODE = '42501';
  END IF;
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
GRANT EXECUTE ON FUNCTION regie.notify(text, uuid, uuid, text, text, text, text, text, uuid) TO regie_app;
