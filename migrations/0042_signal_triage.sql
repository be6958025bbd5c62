-- Triage decisions: how safe the situation is, with reasons, what happens next and who decided.
-- One decision per signal; the signal's status follows from it. A decision to hand over keeps
-- the target organisation here: the handovers module builds the handover from this row.
CREATE TABLE signal_triage_decisions (
  region_id text NOT NULL,
  id uuid NOT NULL,
  signal_id uuid NOT NULL,
  safety_assessment text NOT NULL CHECK (safety_assessment IN ('unsafe', 'concerns', 'safe')),
  safety_reasons text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('advice', 'open_case', 'join_case', 'handover', 'close')),
  note text,
  close_reason text,
  target_organisation_id uuid,
  case_id uuid,
  decided_by uuid NOT NULL,
  decided_by_organisation_id uuid NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  UNIQUE (region_id, signal_id),
  FOREIGN KEY (region_id, signal_id) REFERENCES signals(region_id, id),
  FOREIGN KEY (region_id, target_organisation_id) REFERENCES organisations(region_id, id),
  FOREIGN KEY (region_id, case_id) REFERENCES cases(region_id, id),
  FOREIGN KEY (region_id, decided_by) REFERENCES users(region_id, id),
  CHECK (decision <> 'close' OR close_reason IS NOT NULL),
  CHECK (decision <> 'handover' OR target_organisation_id IS NOT NULL),
  CHECK (decision NOT IN ('open_case', 'join_case') OR case_id IS NOT NULL),
  -- An unsafe situation is never closed or answered with advice alone.
  CHECK (safety_assessment <> 'unsafe' OR decision IN ('open_case', 'join_case', 'handover'))
);
CREATE INDEX signal_triage_handover ON signal_triage_decisions (region_id, target_organisation_id) WHERE decision = 'handover';
COMMENT ON TABLE signal_triage_decisions IS 'Triage of a signal: safety assessment, decision and who decided (personal data by association).';
COMMENT ON COLUMN signal_triage_decisions.safety_reasons IS 'Reasons for the safety assessment (personal data, special category possible).';
COMMENT ON COLUMN signal_triage_decisions.note IS 'Advice given or other explanation (personal data).';
COMMENT ON COLUMN signal_triage_decisions.close_reason IS 'Why the signal was closed (personal data).';

GRANT SELECT, INSERT ON signal_triage_decisions TO regie_app;
ALTER TABLE signal_triage_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_triage_decisions FORCE ROW LEVEL SECURITY;
-- Whoever may see the signal (row-level security of signals applies inside the subquery).
CREATE POLICY triage_read ON signal_triage_decisions FOR SELECT
  USING (EXISTS (SELECT 1 FROM signals s WHERE s.region_id = signal_triage_decisions.region_id AND s.id = signal_triage_decisions.signal_id));
-- Only a professional of the receiving organisation decides, in their own name.
CREATE POLICY triage_insert ON signal_triage_decisions FOR INSERT
  WITH CHECK (region_id = regie.actor_region() AND decided_by = regie.actor_user() AND decided_by_organisation_id = regie.actor_org()
    AND EXISTS (SELECT 1 FROM signals s WHERE s.region_id = signal_triage_decisions.region_id AND s.id = signal_triage_decisions.signal_id
                  AND s.receiving_organisation_id = regie.actor_org()));
