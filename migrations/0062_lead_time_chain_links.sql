-- Lead-time figures pair each moment with the previous one in the same chain (same signal,
-- handover or case); these indexes find that previous moment.
CREATE INDEX lead_time_signal ON lead_time_moments (region_id, signal_id, moment) WHERE signal_id IS NOT NULL;
CREATE INDEX lead_time_handover ON lead_time_moments (region_id, handover_id, moment) WHERE handover_id IS NOT NULL;
