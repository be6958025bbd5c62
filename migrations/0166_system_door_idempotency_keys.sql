-- The idempotency keys of a write (src/platform/http/idempotency.ts) are claimed, replayed and
-- stored through the `idempotency` system door too (before and after the actor's transaction),
-- no longer on the server's own connection. The table gets row-level security, so that only that
-- door sees the stored answers (personal data): the grants of regie_system are shared by all
-- its doors. The actor's own transaction still only marks "written", through
-- regie.mark_idempotency_written (owner's rights).
GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO regie_system;
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY idempotency_keys_system ON idempotency_keys TO regie_system USING (regie.system_door() = 'idempotency');
