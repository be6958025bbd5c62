-- Reference index (verwijsindex): "my organisation is involved with this person", never the
-- content of care; matches between organisations involved with the same person (client match)
-- or with members of one household (family match), with a match coordinator to be agreed.
-- Why it is shaped like this: docs/adr/0005-reference-index-matching.md.
CREATE TABLE refindex_registrations (
  region_id text NOT NULL,
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  registered_by uuid NOT NULL,
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 150),
  contact_phone text CHECK (length(contact_phone) <= 30),
  contact_email text CHECK (length(contact_email) <= 254),
  legal_basis text NOT NULL CHECK (legal_basis IN ('statutory_task', 'consent')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_by uuid,
  ended_reason text CHECK (ended_reason IN ('ended', 'expired', 'age_23')),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, registered_by) REFERENCES users(region_id, id),
  CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL),
  -- At most two years: the index is a signal of current involvement, not an archive.
  CHECK (end_date >= start_date AND end_date <= (start_date + interval '2 years')::date),
  CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
);
-- One running registration per person and organisation; a second one is refused (409).
CREATE UNIQUE INDEX refindex_registrations_one_running ON refindex_registrations (region_id, person_id, organisation_id) WHERE ended_at IS NULL;
CREATE INDEX refindex_registrations_org ON refindex_registrations (region_id, organisation_id, created_at DESC, id DESC);
CREATE INDEX refindex_registrations_running ON refindex_registrations (end_date) WHERE ended_at IS NULL;
COMMENT ON TABLE refindex_registrations IS 'Reference index: an organisation''s involvement with a person (personal data by reference; no content of care).';
COMMENT ON COLUMN refindex_registrations.person_id IS 'The person the organisation is involved with (personal data by reference).';
COMMENT ON COLUMN refindex_registrations.contact_name IS 'Contact professional for this involvement (personal data of the professional).';
COMMENT ON COLUMN refindex_registrations.contact_phone IS 'Contact telephone of the professional (personal data of the professional).';
COMMENT ON COLUMN refindex_registrations.contact_email IS 'Contact e-mail of the professional (personal data of the professional).';
COMMENT ON COLUMN refindex_registrations.ended_reason IS 'ended = by the organisation; expired = end date passed; age_23 = the person turned 23.';

CREATE TABLE refindex_matches (
  region_id text NOT NULL,
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('client', 'family')),
  person_id uuid,
  family_id uuid,
  matched_at timestamptz NOT NULL DEFAULT now(),
  matched_on date NOT NULL,
  due_on date NOT NULL,
  coordinator_organisation_id uuid,
  coordinator_user_id uuid,
  coordinator_accepted_at timestamptz,
  escalated_at timestamptz,
  closed_at timestamptz,
  closed_reason text,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, coordinator_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, coordinator_user_id) REFERENCES users(region_id, id),
  CHECK ((kind = 'client') = (person_id IS NOT NULL) AND (kind = 'family') = (family_id IS NOT NULL)),
  CHECK ((coordinator_user_id IS NULL) = (coordinator_accepted_at IS NULL)),
  CHECK ((coordinator_user_id IS NULL) = (coordinator_organisation_id IS NULL))
);
-- One open match per subject: a third organisation joins the existing match.
CREATE UNIQUE INDEX refindex_matches_one_open_client ON refindex_matches (region_id, person_id) WHERE kind = 'client' AND closed_at IS NULL;
CREATE UNIQUE INDEX refindex_matches_one_open_family ON refindex_matches (region_id, family_id) WHERE kind = 'family' AND closed_at IS NULL;
CREATE INDEX refindex_matches_waiting ON refindex_matches (due_on) WHERE closed_at IS NULL AND coordinator_user_id IS NULL AND escalated_at IS NULL;
COMMENT ON TABLE refindex_matches IS 'A match in the reference index: two or more organisations involved with one person (client) or one household (family); personal data by reference.';
COMMENT ON COLUMN refindex_matches.person_id IS 'Subject of a client match (personal data by reference).';
COMMENT ON COLUMN refindex_matches.family_id IS 'Subject of a family match (personal data by reference).';
COMMENT ON COLUMN refindex_matches.due_on IS 'A match coordinator must be accepted by this date (10 working days), else the team leads are told.';

CREATE TABLE refindex_match_pairs (
  region_id text NOT NULL,
  match_id uuid NOT NULL,
  org_low uuid NOT NULL,
  org_high uuid NOT NULL,
  registration_low uuid NOT NULL,
  registration_high uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Exactly one match per pair of organisations and subject (with one open match per subject).
  PRIMARY KEY (region_id, match_id, org_low, org_high),
  CHECK (org_low < org_high),
  FOREIGN KEY (region_id, match_id) REFERENCES refindex_matches(region_id, id),
  FOREIGN KEY (region_id, org_low) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, org_high) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, registration_low) REFERENCES refindex_registrations(region_id, id),
  FOREIGN KEY (region_id, registration_high) REFERENCES refindex_registrations(region_id, id)
);
CREATE INDEX refindex_match_pairs_low ON refindex_match_pairs (region_id, org_low);
CREATE INDEX refindex_match_pairs_high ON refindex_match_pairs (region_id, org_high);
CREATE INDEX refindex_match_pairs_reg_low ON refindex_match_pairs (region_id, registration_low);
CREATE INDEX refindex_match_pairs_reg_high ON refindex_match_pairs (region_id, registration_high);
COMMENT ON TABLE refindex_match_pairs IS 'The pairs of organisations in a match, each with the two registrations that matched; the unit that is notified once.';
