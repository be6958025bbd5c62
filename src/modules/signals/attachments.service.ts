// Attachments of a signal: checked before anything is written (size, type by content), stripped
// of their metadata (clean.ts), stored in the database, and every download is audited like any
// other read of the signal.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../platform/db/db.js';
import { asActor } from '../../platform/db/actor-tx.js';
import type { Actor } from '../../platform/access/actor.js';
import { recordAccess } from '../../platform/audit/audit.js';
import { Conflict, Forbidden, NotFound } from '../../platform/http/errors.js';
import { checkAndCleanFile, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_SIGNAL } from './files.js';
import { findSignal, subjectsOf } from './signals.repo.js';
import { findAttachmentContent, insertAttachment, listAttachments } from './attachments.repo.js';
import type { AttachmentBody } from './signals.contract.js';
import { refusalAudited } from '../../platform/audit/refusals.js';

export async function addAttachment(db: Database, actor: Actor, signalId: string, body: z.infer<typeof AttachmentBody>) {
  // Outside the transaction: cleaning a large file takes a moment and needs no database.
  const file = await checkAndCleanFile(body, {
    maxBytes: MAX_ATTACHMENT_BYTES,
    allowed: ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'],
    field: 'contentBase64',
  });
  return asActor(db, actor, async (tx) => {
    const s = await findSignal(tx, actor.regionId, signalId, false);
    if (!s) throw new NotFound('signal', signalId);
    // The reporter adds what belongs to their report, the triage team what it gathers; a case team reads.
    if (s.reporterUserId !== actor.userId && s.receivingOrganisationId !== actor.organisationId)
      throw new Forbidden({
        nl: 'Alleen de melder en de ontvangende organisatie kunnen bijlagen toevoegen.',
        en: 'Only the reporter and the receiving organisation can add attachments.',
      });
    const existing = await listAttachments(tx, actor.regionId, signalId);
    if (existing.length >= MAX_ATTACHMENTS_PER_SIGNAL)
      throw new Conflict(
        'too_many_attachments',
        {
          nl: `Een melding heeft maximaal ${MAX_ATTACHMENTS_PER_SIGNAL} bijlagen.`,
          en: `A signal has at most ${MAX_ATTACHMENTS_PER_SIGNAL} attachments.`,
        },
        'contentBase64',
      );
    const id = randomUUID();
    await insertAttachment(tx, {
      regionId: actor.regionId,
      id,
      signalId,
      filename: file.filename,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      content: file.content,
      uploadedBy: actor.userId,
    });
    const personIds = (await subjectsOf(tx, actor.regionId, [signalId])).get(signalId)?.personIds ?? [];
    await recordAccess(tx, actor, {
      action: 'create',
      objectType: 'signal-attachment',
      objectId: id,
      personIds,
      legalBasis: 'statutory_task',
    });
    const saved = (await listAttachments(tx, actor.regionId, signalId)).find((a) => a.id === id)!;
    return saved;
  });
}

export async function downloadAttachment(db: Database, actor: Actor, signalId: string, attachmentId: string) {
  const file = await asActor(db, actor, async (tx) => {
    const s = await findSignal(tx, actor.regionId, signalId, false);
    const f = s ? await findAttachmentContent(tx, actor.regionId, signalId, attachmentId) : null;
    if (!f) {
      await recordAccess(tx, actor, { action: 'read', objectType: 'signal-attachment', objectId: attachmentId, outcome: 'denied' });
      return null;
    }
    const personIds = (await subjectsOf(tx, actor.regionId, [signalId])).get(signalId)?.personIds ?? [];
    await recordAccess(tx, actor, {
      action: 'read',
      objectType: 'signal-attachment',
      objectId: attachmentId,
      personIds,
      legalBasis: 'statutory_task',
    });
    return f;
  });
  if (!file) throw refusalAudited(new NotFound('attachment', attachmentId));
  return file;
}
