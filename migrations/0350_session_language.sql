-- The session names the account's language (users.language, 0271), so that the interface opens in
-- it after a login on any device: the authentication door reads that column too.
GRANT SELECT (language) ON users TO regie_authn;
