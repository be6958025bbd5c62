-- Core model: regions, organisations, professionals, persons, families, cases, case teams, timeline.
-- Every primary and foreign key carries region_id so that Citus can distribute by region.
CREATE SCHEMA IF NOT EXISTS regie;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'regie_app') THEN
    CREATE ROLE regie_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;

CREATE TABLE regions (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE regions IS 'A region (tenant); every other row carries its region_id.';

CREATE TABLE organisations (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('municipal_team','veilig_thuis','gp_practice','school','housing_corporation',
    'mental_health','youth_care','probation','police','child_protection_board','certified_institution','safety_house')),
  safety_task boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id)
);
COMMENT ON TABLE organisations IS 'Organisations taking part in a region; safety_task marks those that may break the glass.';

CREATE TABLE users (
  region_id text NOT NULL,
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  email text,
  password_hash text,
  totp_secret text,
  totp_required boolean NOT NULL DEFAULT true,
  oidc_issuer text,
  oidc_subject text,
  roles text[] NOT NULL DEFAULT '{professional}',
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations(region_id, id),
  CHECK (roles <@ ARRAY['professional','coordinator','team_lead','behavioural_scientist','privacy_officer','functional_admin','inspector']::text[])
);
CREATE UNIQUE INDEX users_oidc ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
COMMENT ON TABLE users IS 'Professionals (accounts). Roles per organisation; coordinator = qualified to be regisseur.';
COMMENT ON COLUMN users.display_name IS 'Personal data of the professional.';
COMMENT ON COLUMN users.email IS 'Personal data of the professional.';

CREATE TABLE sessions (
  region_id text NOT NULL,
  id text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  second_factor_done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ip text,
  user_agent text,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id)
);
COMMENT ON TABLE sessions IS 'Server-side sessions; id is the SHA-256 of the cookie secret.';

CREATE TABLE persons (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  given_names text NOT NULL,
  family_name_prefix text,
  family_name text NOT NULL,
  birth_date date,
  gender text CHECK (gender IN ('female','male','other','unknown')),
  street text,
  house_number text,
  postcode text,
  city text,
  phone text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (region_id, id)
);
CREATE UNIQUE INDEX persons_bsn ON persons (region_id, bsn) WHERE bsn IS NOT NULL;
CREATE INDEX persons_name ON persons (region_id, lower(family_name) text_pattern_ops);
CREATE INDEX persons_birth ON persons (region_id, birth_date);
COMMENT ON TABLE persons IS 'Citizens. Personal data: every read and write is audited.';
COMMENT ON COLUMN persons.bsn IS 'Burgerservicenummer (personal data, special identifier).';
COMMENT ON COLUMN persons.given_names IS 'Personal data.';
COMMENT ON COLUMN persons.family_name IS 'Personal data.';
COMMENT ON COLUMN persons.birth_date IS 'Personal data.';
COMMENT ON COLUMN persons.street IS 'Personal data (address).';
COMMENT ON COLUMN persons.phone IS 'Personal data.';

CREATE TABLE families (
  region_id text NOT NULL REFERENCES regions(id),
  id uuid NOT NULL,
  name text NOT NULL,
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  PRIMARY KEY (region_id, id)
);
COMMENT ON TABLE families IS 'Households. Personal data.';
COMMENT ON COLUMN families.name IS 'Family name as shown (personal data).';

CREATE TABLE family_members (
  region_id text NOT NULL,
  family_id uuid NOT NULL,
  person_id uuid NOT NULL,
  relation text NOT NULL CHECK (relation IN ('parent','child','partner','carer','other')),
  PRIMARY KEY (region_id, family_id, person_id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, person_id) REFERENCES persons(region_id, id)
);
CREATE INDEX family_members_person ON family_members (region_id, person_id);
COMMENT ON TABLE family_members IS 'Membership of a person in a household with the relation (personal data).';

CREATE TABLE network_members (
  region_id text NOT NULL,
  id uuid NOT NULL,
  family_id uuid NOT NULL,
  name text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('grandparent','other_family','neighbour','friend','other')),
  phone text,
  note text,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id)
);
CREATE INDEX network_members_family ON network_members (region_id, family_id);
COMMENT ON TABLE network_members IS 'Informal network of a family (personal data of third persons).';
COMMENT ON COLUMN network_members.name IS 'Personal data.';
COMMENT ON COLUMN network_members.phone IS 'Personal data.';

CREATE TABLE cases (
  region_id text NOT NULL,
  id uuid NOT NULL,
  family_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','exploring','plan','executing','evaluating','closed','monitoring')),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  closed_reason text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id)
);
-- One open case per family at a time.
CREATE UNIQUE INDEX cases_one_open ON cases (region_id, family_id) WHERE status <> 'closed';
COMMENT ON TABLE cases IS 'Family case (gezinsdossier); personal data by association.';

CREATE TABLE case_team (
  region_id text NOT NULL,
  id uuid NOT NULL,
  case_id uuid NOT NULL,
  family_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator','member')),
  legal_basis text NOT NULL CHECK (legal_basis IN ('consent','statutory_task','safety')),
  started_on date NOT NULL DEFAULT current_date,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  ended_reason text,
  created_by uuid,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id),
  FOREIGN KEY (region_id, organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id)
);
-- At most one active coordinator per case (the "at least one" half is a deferred trigger below).
CREATE UNIQUE INDEX case_team_one_coordinator ON case_team (region_id, case_id) WHERE role = 'coordinator' AND ended_at IS NULL;
CREATE UNIQUE INDEX case_team_one_active_membership ON case_team (region_id, case_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX case_team_user ON case_team (region_id, user_id, family_id) WHERE ended_at IS NULL;
CREATE INDEX case_team_org ON case_team (region_id, organisation_id, family_id) WHERE ended_at IS NULL;
CREATE INDEX case_team_family ON case_team (region_id, family_id);
COMMENT ON TABLE case_team IS 'Who works on a case, for which organisation, on which legal basis, since when.';

CREATE TABLE timeline_events (
  region_id text NOT NULL,
  id uuid NOT NULL,
  family_id uuid NOT NULL,
  case_id uuid,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL,
  actor_user_id uuid,
  actor_organisation_id uuid,
  data jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id)
);
CREATE INDEX timeline_family ON timeline_events (region_id, family_id, occurred_at DESC);
COMMENT ON TABLE timeline_events IS 'Append-only history of a family and its case (personal data).';

CREATE TABLE break_glass (
  region_id text NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  family_id uuid NOT NULL,
  reason text NOT NULL CHECK (length(reason) >= 20),
  started_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  reviewed_at timestamptz,
  reviewed_by uuid,
  review_outcome text CHECK (review_outcome IN ('justified','unjustified')),
  review_note text,
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, user_id) REFERENCES users(region_id, id),
  FOREIGN KEY (region_id, family_id) REFERENCES families(region_id, id)
);
CREATE INDEX break_glass_active ON break_glass (region_id, user_id, family_id, expires_at);
COMMENT ON TABLE break_glass IS 'Safety access to a family outside the case team, with the written reason; reviewed by the privacy officer.';
COMMENT ON COLUMN break_glass.reason IS 'Free text; may contain personal data.';
