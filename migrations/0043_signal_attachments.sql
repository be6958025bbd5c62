-- Attachments of a signal, stored in the database (bytea) so that they share its transactions,
-- backups, row-level security and audit. Type and size are checked by the service (magic bytes,
-- not the file name) and again here.
CREATE TABLE signal_attachments (
  region_id text NOT NULL,
  id uuid NOT NULL,
  signal_id uuid NOT NULL,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, id),
  FOREIGN KEY (region_id, signal_id) REFERENCES signals(region_id, id),
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX signal_attachments_signal ON signal_attachments (region_id, signal_id, uploaded_at);
COMMENT ON TABLE signal_attachments IS 'Files added to a signal (personal data); uploaded_by is NULL for the public concern form.';
COMMENT ON COLUMN signal_attachments.filename IS 'Original file name (may contain personal data).';
COMMENT ON COLUMN signal_attachments.content IS 'The file itself (personal data, special category possible).';

GRANT SELECT, INSERT ON signal_attachments TO regie_app;
ALTER TABLE signal_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE signal_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY signal_attachments_read ON signal_attachments FOR SELECT
  USING (EXISTS (SELECT 1 FROM signals s WHERE s.region_id = signal_attachments.region_id AND s.id = signal_attachments.signal_id));
-- A professional adds to a signal they can see, in their own name; the public form (a region
-- without a user) adds to the signal it is writing, anonymously.
CREATE POLICY signal_attachments_insert ON signal_attachments FOR INSERT
  WITH CHECK (region_id = regie.actor_region() AND (
    (uploaded_by = regie.actor_user()
      AND EXISTS (SELECT 1 FROM signals s WHERE s.region_id = signal_attachments.region_id AND s.id = signal_attachments.signal_id))
    OR (regie.actor_user() IS NULL AND uploaded_by IS NULL)));
