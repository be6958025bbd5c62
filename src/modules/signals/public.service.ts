// The public concern form (zorg melden): a citizen reports a worry without an account and gets
// a reference back, nothing else. Three guards against floods, none of which may lose an honest
// report: a honeypot field, a signed form token that must be at least 3 seconds old (people
// take longer than that to write), and a rate limit per IP address (signals.routes.ts), so a
// flood from one address never blocks anyone else.
//
// There is no actor: the transaction runs as regie_app with only the region set (no user, no
// organisation), so row-level security allows exactly what the form does — insert a signal
// without a reporter, its attachment, the chain moment and an audit row with an empty user.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { Invalid } from '../../platform/http/errors.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { recordMoment } from '../leadtimes/moments.js';
import { checkFile, MAX_PUBLIC_ATTACHMENT_BYTES } from './files.js';
import { insertAttachment, insertSignal, nextReference, signalSettings } from './signals.repo.js';
import { notifyUrgent, triageDeadline } from './signals.service.js';
import type { PublicConcernBody } from './signals.contract.js';

export const MIN_FILL_MS = 3_000;
const MAX_TOKEN_AGE_MS = 24 * 3600_000;

const secrets = new WeakMap<Database, Promise<Buffer>>();
/** The HMAC key, created once per installation with a random value and shared by all nodes. */
function formSecret(db: Database): Promise<Buffer> {
  let s = secrets.get(db);
  if (!s) {
    s = (async () => {
      await db.query(`INSERT INTO public_form_secrets (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [randomBytes(32).toString('hex')]);
      const rows = await db.query<{ secret: string }>(`SELECT secret FROM public_form_secrets WHERE id = 1`);
      return Buffer.from(rows[0].secret, 'utf8');
    })();
    s.catch(() => secrets.delete(db));
    secrets.set(db, s);
  }
  return s;
}

const sign = (key: Buffer, issuedAt: number) => createHmac('sha256', key).update(`concern-form:${issuedAt}`).digest('base64url');

/** A token that says when the form was opened; `at` is a parameter for tests. */
export async function issueFormToken(db: Database, at = new Date()): Promise<string> {
  const t = at.getTime();
  return `${t}.${sign(await formSecret(db), t)}`;
}

async function verifyFormToken(db: Database, token: string, now: Date) {
  const [ts, mac] = token.split('.');
  const issuedAt = Number(ts);
  const expected = Number.isSafeInteger(issuedAt) ? Buffer.from(sign(await formSecret(db), issuedAt)) : null;
  const given = Buffer.from(mac ?? '');
  const age = now.getTime() - issuedAt;
  if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given) || age > MAX_TOKEN_AGE_MS || age < -60_000)
    throw new Invalid('invalid_form_token', 'formToken', { nl: 'Het formulier is verlopen. Laad de pagina opnieuw; wat u schreef blijft staan.',
      en: 'The form has expired. Reload the page; what you wrote stays.' });
  if (age < MIN_FILL_MS)
    throw new Invalid('too_fast', 'formToken', { nl: 'Het formulier werd erg snel verstuurd. Wacht een paar seconden en verstuur het opnieuw.',
      en: 'The form was sent very quickly. Wait a few seconds and send it again.' });
}

/** Regions whose front door receives public concerns (only those can be chosen). */
export async function formRegions(db: Database) {
  return db.query<{ id: string; name: string }>(
    `SELECT r.id, r.name FROM regions r JOIN signal_settings s ON s.region_id = r.id WHERE s.front_door_organisation_id IS NOT NULL ORDER BY r.name`);
}

async function asPublic<T>(db: Database, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('role', 'regie_app', true), set_config('regie.region', $1, true)`, [regionId]);
    return fn(tx);
  });
}

/**
 * NEN 7513 asks who accessed whose data: here nobody from the organisation, so the row has no
 * user and says "public form". The citizen's IP address is not stored (data minimisation).
 */
async function recordPublicCreate(tx: Tx, regionId: string, objectType: string, objectId: string) {
  await tx.query(
    `INSERT INTO audit_log (region_id, seq, action, user_id, user_role, organisation_id, on_behalf_of, person_id, object_type, object_id,
        legal_basis, outcome, prev_hash, hash)
     VALUES ($1, 0, 'create', NULL, 'citizen', NULL, 'public-form', NULL, $2, $3, NULL, 'allowed', '', '')`, [regionId, objectType, objectId]);
}

export async function submitPublicConcern(db: Database, body: z.infer<typeof PublicConcernBody>, now = new Date()): Promise<{ reference: string }> {
  // A person never sees this field (it is hidden and labelled "leave empty"); robots fill everything in.
  if (body.website?.trim())
    throw new Invalid('spam_suspected', 'website', { nl: 'Laat het veld "Laat dit veld leeg" leeg en verstuur het formulier opnieuw.',
      en: 'Leave the field "Leave this field empty" empty and send the form again.' });
  await verifyFormToken(db, body.formToken, now);
  // Only plain text from the public: no documents or images from unknown senders.
  const file = body.attachment
    ? checkFile(body.attachment, { maxBytes: MAX_PUBLIC_ATTACHMENT_BYTES, allowed: ['text/plain'], field: 'attachment' }) : null;
  return asPublic(db, body.regionId, async (tx) => {
    const settings = await signalSettings(tx, body.regionId);
    const frontDoor = settings.frontDoorOrganisationId;
    if (!frontDoor) throw new Invalid('unknown_region', 'regionId', { nl: 'Voor deze regio kunt u nog niet online een zorg melden. Bel uw gemeente.',
      en: 'Concerns cannot be reported online for this region yet. Call your municipality.' });
    const today = dutchToday(now);
    const urgency = body.worriedAboutSafety ? 'high' as const : 'normal' as const;
    const id = randomUUID();
    const reference = await nextReference(tx, body.regionId, Number(today.slice(0, 4)));
    const anonymous = !body.reporterName && !body.reporterContact;
    await insertSignal(tx, {
      regionId: body.regionId, id, reference, receivingOrganisationId: frontDoor, source: anonymous ? 'anonymous' : 'citizen', reporterUserId: null,
      reporterName: body.reporterName ?? null, reporterContact: body.reporterContact ?? null, personId: null, familyId: null,
      subjectDescription: body.about, subjectPlace: body.place, whatSeen: body.whatSeen, concerns: {}, safetyAtStake: !!body.worriedAboutSafety,
      meldcodeSteps: {}, urgency, triageDueOn: await triageDeadline(tx, body.regionId, urgency, today), caseId: null, reReport: false, receivedAt: now,
    });
    if (file) await insertAttachment(tx, { regionId: body.regionId, id: randomUUID(), signalId: id, filename: file.filename, mediaType: file.mediaType,
      sizeBytes: file.sizeBytes, sha256: file.sha256, content: file.content, uploadedBy: null });
    await recordMoment(tx, { regionId: body.regionId, organisationId: frontDoor, moment: 'received', signalId: id, at: now });
    if (body.worriedAboutSafety) await notifyUrgent(tx, body.regionId, frontDoor, id, reference, 'safety');
    await recordPublicCreate(tx, body.regionId, 'signal', id);
    return { reference };
  });
}
