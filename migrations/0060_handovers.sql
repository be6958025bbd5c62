-- Handovers (overdrachten): a case or a signal passed from one organisation to another in the
-- same region, with an information package and an acceptance deadline. Until the receiver
-- accepts, the sender stays responsible. Visible to the sending and the receiving organisation
-- only; which organisations may receive what is decided in src/modules/handovers/handover-rules.ts.
CREATE TABLE handovers (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  case_id uuid,
  signal_id uuid,
  family_id uuid,
  subject_label text NOT NULL,
  from_organisation_id uuid NOT NULL,
  from_user_id uuid NOT NULL,
  to_organisation_id uuid NOT NULL,
  reason text NOT NULL,
  safety_assessment text NOT NULL CHECK (safety_assessment IN ('unsafe', 'concerns', 'safe')),
  safety_notes text,
  known_information text NOT NULL,
  persons jsonb NOT NULL DEFAULT '[]',
  legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'statutory_task', 'safety')),
  sender_access text NOT NULL CHECK (sender_access IN ('ends', 'continues')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused', 'expired')),
  sent_at timestamptz NOT NULL DEFAULT now(),
  accept_due_on date NOT NULL,
  responded_at timestamptz,
  responded_by uuid,
  nominee_user_id uuid,
  refusal_reason text,
  result_case_id uuid,
  expired_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, signal_id) REFERENCES signals(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, from_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, to_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, from_user_id) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, responded_by) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, nominee_user_id) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, result_case_id) REFERENCES cases(region_id, id),
  CHECK ((case_id IS NULL) <> (signal_id IS NULL)),
  CHECK (from_organisation_id <> to_organisation_id),
  CHECK (status <> 'refused' OR refusal_reason IS NOT NULL)
);
-- One open handover per case or signal at a time.
CREATE UNIQUE INDEX handovers_one_pending ON handovers (region_id, coalesce(case_id, signal_id)) WHERE status = 'pending';
CREATE INDEX handovers_incoming ON handovers (region_id, to_organisation_id, sent_at DESC, id);
CREATE INDEX handovers_outgoing ON handovers (region_id, from_organisation_id, sent_at DESC, id);
CREATE INDEX handovers_due ON handovers (accept_due_on) WHERE status = 'pending';
COMMENT ON TABLE handovers IS 'Handovers of a case or signal between organisations, with the information package (personal data; reads and writes are audited).';
COMMENT ON COLUMN handovers.subject_label IS 'Family name or signal reference as shown in the overviews (personal data).';
COMMENT ON COLUMN handovers.reason IS 'Why the case or signal is handed over (personal data).';
COMMENT ON COLUMN handovers.safety_notes IS 'Explanation of the safety assessment (personal data, special category possible).';
COMMENT ON COLUMN handovers.known_information IS 'What is known about the family (personal data, special category possible).';
COMMENT ON COLUMN handovers.persons IS 'Persons concerned as sent: id, name, birth date, relation (personal data).';
COMMENT ON COLUMN handovers.refusal_reason IS 'Why the receiver refused (may contain personal data).';

-- Mirrors mayReadHandover() in src/modules/handovers/handover-rules.ts.
CREATE FUNCTION regie.can_see_handover(r text, from_org uuid, to_org uuid) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT r = regie.actor_region() AND regie.actor_org() IN (from_org, to_org) $$;

GRANT SELECT, INSERT, UPDATE ON handovers TO regie_app;
ALTER TABLE handovers ENABLE ROW LEVEL SECURITY;
ALTER TABLE handovers FORCE ROW LEVEL SECURITY;
CREATE POLICY handovers_read ON handovers FOR SELECT USING (regie.can_see_handover(region_id, from_organisation_id, to_organisation_id));
CREATE POLICY handovers_send ON handovers FOR INSERT WITH CHECK (region_id = regie.actor_region()
  AND from_organisation_id = regie.actor_org() AND from_user_id = regie.actor_user());
-- Only the receiver answers a handover (accept or refuse).
CREATE POLICY handovers_respond ON handovers FOR UPDATE USING (region_id = regie.actor_region() AND to_organisation_id = regie.actor_org());

-- The deadline sweep runs without an actor: it expires every overdue pending handover once and
-- returns what it expired, so that both organisations' team leads are notified in the same
-- transaction. Not executable by regie_app.
CREATE FUNCTION regie.expire_overdue_handovers(today date)
RETURNS TABLE (region_id text, id uuid, from_organisation_id uuid, to_organisation_id uuid, from_user_id uuid, family_id uuid, case_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public, regie AS $$
  UPDATE handovers h SET status = 'expired', expired_at = now(), version = h.version + 1
   WHERE h.status = 'pending' AND h.accept_due_on < today
  RETURNING h.region_id, h.id, h.from_organisation_id, h.to_organisation_id, h.from_user_id, h.family_id, h.case_id
$$;
REVOKE EXECUTE ON FUNCTION regie.expire_overdue_handovers(date) FROM PUBLIC;
