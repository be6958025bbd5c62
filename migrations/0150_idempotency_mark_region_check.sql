-- regie.mark_idempotency_written let an application transaction without an actor (role regie_app,
-- no regie.user) mark any user's key in any region as written. Only the actor's own key, or work
-- outside an application role (regie.acting_as_system(), migration 0131), may mark one.
CREATE OR REPLACE FUNCTION regie.mark_idempotency_written(p_region text, p_user uuid, p_key text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  UPDATE idempotency_keys SET written_at = now()
   WHERE region_id = p_region AND user_id = p_user AND key = p_key
     AND (regie.acting_as_system() OR (regie.actor_user() = p_user AND regie.actor_region() = p_region));
$$;
REVOKE ALL ON FUNCTION regie.mark_idempotency_written(text, uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regie.mark_idempotency_written(text, uuid, text) TO regie_app;
