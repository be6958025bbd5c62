-- Bevrijdingsdag (5 May) per region. Collective agreements differ: a day off every year, only in
-- lustrum years (2025, 2030, ...), or not at all. The region's choice decides whether 5 May is
-- skipped when Regie counts working days for deadlines (triage, handover acceptance, reference
-- index); see src/platform/time/working-days.ts. Default: lustrum years only, like most agreements.
ALTER TABLE signal_settings ADD COLUMN liberation_day text NOT NULL DEFAULT 'lustrum'
  CHECK (liberation_day IN ('lustrum', 'always', 'never'));
COMMENT ON COLUMN signal_settings.liberation_day IS
  'Whether 5 May (Bevrijdingsdag) is a day off for deadlines in working days: lustrum (years divisible by 5), always or never.';

-- The functional administrator sets it in the region settings (policies of 0081 apply).
GRANT INSERT (liberation_day), UPDATE (liberation_day) ON signal_settings TO regie_app;
