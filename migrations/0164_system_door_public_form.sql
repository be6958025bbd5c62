-- The public concern form's two steps without a region yet (src/modules/signals/public.service.ts)
-- move behind the `public-form` system door: the form token's HMAC key (created once) and the list
-- of regions whose front door receives concerns. Submitting a concern stays asPublic (regie_app
-- with only the region set).
DO $$
DECLARE p record;
BEGIN
  FOR p IN SELECT policyname, tablename FROM pg_policies
            WHERE schemaname = 'public' AND tablename IN ('signal_settings') AND roles = '{public}'
  LOOP
    EXECUTE format('ALTER POLICY %I ON %I TO regie_app', p.policyname, p.tablename);
  END LOOP;
END $$;

GRANT SELECT (id, secret), INSERT (id, secret) ON public_form_secrets TO regie_system;
GRANT SELECT (id, name) ON regions TO regie_system;
GRANT SELECT (region_id, front_door_organisation_id) ON signal_settings TO regie_system;
CREATE POLICY signal_settings_system_public_form ON signal_settings FOR SELECT TO regie_system
  USING (regie.system_door() = 'public-form');
