-- Attachments up to 10 MB each (issue 10): a phone photo or a scanned letter of several pages.
-- The server refuses larger files first (src/modules/signals/files.ts); this is the last word.
ALTER TABLE signal_attachments DROP CONSTRAINT signal_attachments_size_bytes_check;
ALTER TABLE signal_attachments ADD CONSTRAINT signal_attachments_size_bytes_check CHECK (size_bytes BETWEEN 1 AND 10485760);
