-- A signal keeps the BSN its reporter gave, whether or not it matched a person: a signal about a
-- person or family the reporter may not see then reads back exactly like one about a person
-- Regie does not know yet (src/modules/signals/signals.service.ts).
COMMENT ON COLUMN signals.subject_bsn IS 'BSN as given by the reporter (matched or not); personal data, special identifier.';
