-- Whom a signal is about, in structure: the persons (names, birth date when known) and the
-- address (street, number, postcode, place) as the reporter gave them. Triage opens a case for a
-- new family from these (completed by the triaging professional), and a second signal about the
-- same address is proposed as "possibly the same family" (migration 0201).
ALTER TABLE signals ADD COLUMN subject_persons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(subject_persons) = 'array');
ALTER TABLE signals ADD COLUMN subject_street text;
ALTER TABLE signals ADD COLUMN subject_house_number text;
ALTER TABLE signals ADD COLUMN subject_postcode text;
ALTER TABLE signals ADD COLUMN subject_city text;
COMMENT ON COLUMN signals.subject_persons IS 'Persons the signal is about as the reporter named them: [{givenNames, familyNamePrefix, familyName, birthDate}] (personal data).';
COMMENT ON COLUMN signals.subject_street IS 'Street of the address the signal is about (personal data).';
COMMENT ON COLUMN signals.subject_house_number IS 'House number with addition of the address the signal is about (personal data).';
COMMENT ON COLUMN signals.subject_postcode IS 'Postcode of the address the signal is about (personal data).';
COMMENT ON COLUMN signals.subject_city IS 'Place of the address the signal is about (personal data).';

-- Urgency: safety concerns or a filled Meldcode raise it to at least "high"; the reporter's own
-- choice is kept beside it. Only the triaging professional lowers it again, with a reason.
ALTER TABLE signals ADD COLUMN urgency_reported text CHECK (urgency_reported IN ('acute', 'high', 'normal'));
ALTER TABLE signals ADD COLUMN urgency_lowered_reason text;
ALTER TABLE signals ADD COLUMN urgency_lowered_by uuid;
ALTER TABLE signals ADD COLUMN urgency_lowered_at timestamptz;
ALTER TABLE signals ADD FOREIGN KEY (region_id, urgency_lowered_by) REFERENCES users(region_id, id);
COMMENT ON COLUMN signals.urgency_reported IS 'The urgency the reporter chose, when Regie raised it (safety concerns or Meldcode).';
COMMENT ON COLUMN signals.urgency_lowered_reason IS 'Why the triaging professional lowered the raised urgency (may hold personal data).';

-- A re-report names the closed case it re-opens.
ALTER TABLE signals ADD COLUMN re_report_case_id uuid;
ALTER TABLE signals ADD FOREIGN KEY (region_id, re_report_case_id) REFERENCES cases(region_id, id);
CREATE INDEX signals_re_report ON signals (region_id, receiving_organisation_id, triage_due_on) WHERE re_report;

-- Triage may lower the urgency (and so move the deadline); what was reported stays as it was.
GRANT UPDATE (urgency, triage_due_on, urgency_lowered_reason, urgency_lowered_by, urgency_lowered_at) ON signals TO regie_app;

-- A case opened after triage is a moment of the chain too.
ALTER TABLE lead_time_moments DROP CONSTRAINT lead_time_moments_moment_check;
ALTER TABLE lead_time_moments ADD CONSTRAINT lead_time_moments_moment_check
  CHECK (moment IN ('received', 'triaged', 'handed_over', 'accepted', 'first_contact', 'plan_agreed', 'case_opened'));
