-- SECURITY DEFINER functions run with the owner's rights, past row-level security. Each must be
-- callable only by the roles that need it and must keep to the actor's region.
-- test/int/definer-functions.test.ts snapshots every definer function with its grants.

-- 1. No actor means the system door, never "any region". Three definer functions let a NULL
--    actor region through, for the background jobs; but an application transaction (role
--    regie_app) that cleared regie.region got the same pass for any region. The jobs run as the
--    connection's own role, not switched to an application role: that, and no actor, is the
--    system door. (With a dedicated login role, this is the one place that names the jobs' role.)
CREATE FUNCTION regie.acting_as_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT regie.actor_region() IS NULL AND current_setting('role') = 'none'
$$;
COMMENT ON FUNCTION regie.acting_as_system() IS 'True for the background jobs (no actor, no application role); definer functions use it for their region check.';

CREATE OR REPLACE FUNCTION regie.notify(r text, nid uuid, uid uuid, kind text, title_nl text, title_en text, link text, dedupe text, mail_id uuid)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
BEGIN
  IF NOT (regie.acting_as_system() OR r IS NOT DISTINCT FROM regie.actor_region()) THEN
    RAISE EXCEPTION 'notify outside the actor''s region' USING ERRCODE = '42501';
  END IF;
  RETURN regie.write_notification(r, nid, uid, kind, title_nl, title_en, link, dedupe, mail_id);
END $$;

CREATE OR REPLACE FUNCTION regie.refindex_lock(r text, p uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, regie AS $$
DECLARE
  k bigint;
BEGIN
  IF NOT (regie.acting_as_system() OR r IS NOT DISTINCT FROM regie.actor_region()) THEN
    RAISE EXCEPTION 'reference index lock outside the actor''s region' USING ERRCODE = '42501';
  END IF;
  FOR k IN
    SELECT DISTINCT hashtextextended(s.key, 0) AS h FROM (
      SELECT 'refindex|' || r || '|person|' || p::text AS key
      UNION ALL
      SELECT 'refindex|' || r || '|family|' || fm.family_id::text FROM family_members fm WHERE fm.region_id = r AND fm.person_id = p
    ) s ORDER BY h
  LOOP
    PERFORM pg_advisory_xact_lock(k);
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION regie.refindex_close_stale(r text, p uuid, today date) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, regie AS $$
  UPDATE refindex_matches m SET closed_at = now(), closed_reason = 'fewer_than_two_organisations'
   WHERE m.region_id = r AND m.closed_at IS NULL
     AND (regie.acting_as_system() OR r = regie.actor_region())
     AND (m.person_id = p OR m.family_id IN (SELECT fm.family_id FROM family_members fm WHERE fm.region_id = r AND fm.person_id = p))
     AND (SELECT count(DISTINCT x.organisation_id) FROM refindex_registrations x
           WHERE x.region_id = r AND regie.refindex_is_active(x.ended_at, x.start_date, x.end_date, today)
             AND (x.person_id = m.person_id
                  OR x.person_id IN (SELECT fo.person_id FROM family_members fo WHERE fo.region_id = r AND fo.family_id = m.family_id))) < 2
$$;

-- 2. Two lookups that needed no owner's rights: as the invoker, row-level security on users keeps an
--    application transaction to its own region; the definer functions and jobs that call them keep
--    theirs. regie.user_email has no caller in the application any more.
ALTER FUNCTION regie.team_leads(text, uuid) SECURITY INVOKER;
ALTER FUNCTION regie.user_email(text, uuid) SECURITY INVOKER;
REVOKE EXECUTE ON FUNCTION regie.user_email(text, uuid) FROM regie_app;

-- 3. EXECUTE for PUBLIC: gone, now and for every function the migrating role creates from here on.
--    regie_app keeps EXECUTE on what it could call through PUBLIC, except trigger functions, which a
--    trigger runs without it.
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN
    SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'regie' AND p.prorettype <> 'trigger'::regtype AND p.oid <> 'regie.user_email(text, uuid)'::regprocedure
       AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))
  LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO regie_app', f);
  END LOOP;
  FOR f IN
    SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'regie' AND p.prorettype = 'trigger'::regtype
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM regie_app', f);
  END LOOP;
END $$;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA regie FROM PUBLIC;
-- Per schema, default privileges can only add; taking PUBLIC's away is for the role's new functions
-- everywhere. A migration that adds a function grants it to the role that needs it.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
