-- A handover can name the receiving professional when the sender knows who will take it on
-- (within the sender's region). The receiving organisation's team leads are told as before, and
-- the named professional too; the receiver still chooses the coordinator on acceptance.
ALTER TABLE handovers ADD COLUMN to_user_id uuid;
ALTER TABLE handovers ADD CONSTRAINT handovers_to_user_fk FOREIGN KEY (to_region_id, to_user_id) REFERENCES users(region_id, id);
COMMENT ON COLUMN handovers.to_user_id IS 'The receiving professional named by the sender, when known (personal data of the professional).';
