-- `regie audit verify` and the privacy officer's check recompute a region's chain behind the
-- named door `audit-verify` (src/platform/audit/audit.ts, checkpoints.ts): every row's hash, its
-- canonical text and the chain head, never the server connection's own role. Read-only.
-- regie.audit_canonical(a) reads the whole row to hash it.
GRANT SELECT ON audit_log TO regie_system;
GRANT EXECUTE ON FUNCTION regie.audit_canonical(audit_log) TO regie_system;
CREATE POLICY audit_log_system_verify ON audit_log FOR SELECT TO regie_system USING (regie.system_door() = 'audit-verify');
