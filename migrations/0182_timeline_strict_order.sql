-- Timeline events in a strict order. `occurred_at` is the transaction's start, so the events of
-- one change (a case opened and its coordinator assigned) share it; `seq`, taken at insert,
-- breaks the tie in the order they were written. The timeline reads (occurred_at, seq).
ALTER TABLE timeline_events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX timeline_family_order ON timeline_events (region_id, family_id, occurred_at DESC, seq DESC);
DROP INDEX timeline_family;
