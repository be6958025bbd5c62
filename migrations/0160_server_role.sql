-- The server runs as an ordinary login role (regie_server, docs/deploy/roles.sql): no owner, no
-- superuser, NOBYPASSRLS, NOINHERIT. It reaches the tables only as regie_app (an actor, the
-- public form) or regie_system (a named door). The `migrations` door lets it see which
-- migrations are applied, so that a server start with nothing pending needs no owner connection.
GRANT SELECT ON schema_migrations TO regie_system;
