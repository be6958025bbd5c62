-- pg-boss runs behind the named door `jobs` (src/platform/jobs/boss-db.ts) as regie_system, not as
-- the server connection's own role. Its schema is installed by the owner with the migrations
-- (src/platform/db/job-schema.ts, which also grants regie_system the job tables). Creating a
-- queue is DDL (a partition of pgboss.job), which only the owner may do: this function does it
-- for the door, for a queue name that pg-boss itself would accept, and nothing else.
CREATE FUNCTION regie.ensure_job_queue(queue_name text, options json) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pgboss AS $$
BEGIN
  IF regie.system_door() IS DISTINCT FROM 'jobs' THEN
    RAISE EXCEPTION 'only the jobs door creates queues' USING ERRCODE = '42501';
  END IF;
  IF queue_name !~ '^[A-Za-z0-9_.-]{1,100}$' THEN
    RAISE EXCEPTION 'invalid queue name' USING ERRCODE = '22023';
  END IF;
  PERFORM pgboss.create_queue(queue_name, options);
END $$;
REVOKE ALL ON FUNCTION regie.ensure_job_queue(text, json) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.ensure_job_queue(text, json) TO regie_system;
