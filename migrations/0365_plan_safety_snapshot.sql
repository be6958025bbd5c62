-- The safety plan is part of the plan (issue 14): what the parties agree to, and what the PDF of an
-- agreed plan hands over, is the safety plan as it stood when the version was proposed — not the
-- agreements as they are on the day someone prints. A copy is kept with the version when it is
-- proposed; the version guard of 0320 keeps it unchanged from then on (it compares whole rows).
ALTER TABLE plan_versions ADD COLUMN safety_plan jsonb
  CHECK (safety_plan IS NULL OR jsonb_typeof(safety_plan) = 'array');
COMMENT ON COLUMN plan_versions.safety_plan IS
  'The safety plan''s agreements as proposed with this version: [{what, who, when, check}]; NULL for a draft, and for a version proposed before this column existed.';
