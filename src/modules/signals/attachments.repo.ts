// SQL for a signal's attachments (files sent with it, by a professional or the public form),
// inside an actor's (or the public form's) transaction: row-level security applies.
import type { Tx } from '../../platform/db/db.js';
import { iso } from './signals.repo.js';

export interface AttachmentRecord {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
  fromPublic: boolean;
}

export async function listAttachments(tx: Tx, regionId: string, signalId: string): Promise<AttachmentRecord[]> {
  const rows = await tx.query<Record<string, any>>(
    `SELECT id, filename, media_type, size_bytes, uploaded_at, uploaded_by FROM signal_attachments WHERE region_id = $1 AND signal_id = $2 ORDER BY uploaded_at, id`,
    [regionId, signalId],
  );
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    uploadedAt: iso(r.uploaded_at)!,
    fromPublic: r.uploaded_by === null,
  }));
}

export async function insertAttachment(
  tx: Tx,
  a: {
    regionId: string;
    id: string;
    signalId: string;
    filename: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    content: Buffer;
    uploadedBy: string | null;
  },
) {
  await tx.query(
    `INSERT INTO signal_attachments (region_id, id, signal_id, filename, media_type, size_bytes, sha256, content, uploaded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [a.regionId, a.id, a.signalId, a.filename, a.mediaType, a.sizeBytes, a.sha256, a.content, a.uploadedBy],
  );
}

export async function findAttachmentContent(tx: Tx, regionId: string, signalId: string, attachmentId: string) {
  const rows = await tx.query<{ filename: string; media_type: string; content: Uint8Array }>(
    `SELECT filename, media_type, content FROM signal_attachments WHERE region_id = $1 AND signal_id = $2 AND id = $3`,
    [regionId, signalId, attachmentId],
  );
  const r = rows[0];
  return r ? { filename: r.filename, mediaType: r.media_type, content: Buffer.from(r.content) } : null;
}
