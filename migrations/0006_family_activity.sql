-- Last activity per family, so that lists can show and sort by "how long ago".
ALTER TABLE families ADD COLUMN last_activity_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX families_activity ON families (region_id, last_activity_at DESC);
CREATE INDEX families_name ON families (region_id, lower(name), id);
