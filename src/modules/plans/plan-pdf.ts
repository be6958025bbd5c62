// The agreed plan as a PDF to hand over (placeholder replaced below).
import type { Database } from '../../platform/db/db.js';
import type { Actor } from '../../platform/access/actor.js';
import { Conflict } from '../../platform/http/errors.js';

export async function planPdf(_db: Database, _actor: Actor, _versionId: string): Promise<{ fileName: string; bytes: Buffer }> {
  throw new Conflict('not_available', { nl: 'Nog niet beschikbaar.', en: 'Not available yet.' });
}
