-- The functional administrator edits region settings, organisations and accounts from the web
-- app. Two administrators (or one in two tabs) must not overwrite each other silently: every row
-- they edit gets a version, raised by each change; a write with an older version is refused (409).
ALTER TABLE signal_settings ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE organisations ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
COMMENT ON COLUMN signal_settings.version IS 'Raised by every change; the settings screen sends it back to detect concurrent edits.';
COMMENT ON COLUMN organisations.version IS 'Raised by every change; concurrent edits are refused.';
COMMENT ON COLUMN users.version IS 'Raised by every change of the account (roles, name, active); concurrent edits are refused.';

-- Organisation search and paging by name.
CREATE INDEX organisations_name ON organisations (region_id, name, id);
