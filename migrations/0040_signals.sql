-- Signals (meldingen): a concern about a person or family, from anyone, received by one
-- organisation, judged in time. Triage decisions, attachments and matching extend this table
-- in later migrations.
CREATE TABLE signals (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  reference text NOT NULL,
  receiving_organisation_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('citizen', 'professional', 'school', 'gp', 'police', 'veilig_thuis', 'anonymous')),
  reporter_user_id uuid,
  reporter_name text,
  reporter_contact text,
  person_id uuid,
  family_id uuid,
  subject_description text,
  what_seen text NOT NULL,
  concerns jsonb NOT NULL DEFAULT '{}',
  safety_at_stake boolean NOT NULL DEFAULT false,
  meldcode_steps jsonb NOT NULL DEFAULT '{}',
  urgency text NOT NULL CHECK (urgency IN ('acute', 'high', 'normal')),
  received_at timestamptz NOT NULL DEFAULT now(),
  triage_due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'triaged', 'handed_over', 'closed')),
  case_id uuid,
  re_report boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, reference),
  FOREIGN KEY (region_id, receiving_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id)
);
CREATE INDEX signals_queue ON signals (region_id, receiving_organisation_id, status, triage_due_on);
CREATE INDEX signals_person ON signals (region_id, person_id);
CREATE INDEX signals_family ON signals (region_id, family_id);
COMMENT ON TABLE signals IS 'Signals (meldingen) about citizens: personal data; every read and write is audited.';
COMMENT ON COLUMN signals.reporter_name IS 'Name of a citizen reporter (personal data); empty when anonymous.';
COMMENT ON COLUMN signals.reporter_contact IS 'Contact of the reporter (personal data).';
COMMENT ON COLUMN signals.subject_description IS 'Who the concern is about when not (yet) linked to a person (personal data).';
COMMENT ON COLUMN signals.what_seen IS 'What was seen or heard (personal data, special category possible).';
