-- A case-team membership that came by a handover says so: its basis is the handover
-- ("overdracht"), and it names that handover as its source. The legal basis for the access stays
-- the one the handover was sent on. A handover from another region lives in that region, so
-- the id is not a foreign key.
ALTER TABLE case_team ADD COLUMN handover_id uuid;
COMMENT ON COLUMN case_team.handover_id IS 'The handover (overdracht) by which this membership came; null for a membership started otherwise.';
