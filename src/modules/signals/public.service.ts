// The public concern form (zorg melden): a citizen reports a worry without an account and gets
// a reference back, nothing else. Guards against floods: a honeypot field; a signed form token
// that must be at least 3 seconds old (people take longer than that to write) and is accepted
// once; rate limits per form token, per region and (more loosely, so that two people in one
// household can both report) per IP address (signals.routes.ts); and a daily cap per region for
// a flood from many addresses.
//
// Photos and PDFs come along (up to MAX_PUBLIC_ATTACHMENTS of 10 MB each), checked by their
// content and stripped of metadata before the transaction (files.ts, clean.ts).
//
// At the cap the functional administrators are told (once that day) and further concerns are
// refused with 429 and the telephone numbers that always work: 112 in acute danger, Veilig Thuis
// 0800-2000 day and night. Refusing rather than accepting silently: a flood that fills the
// triage queue with thousands of fakes hides the real concerns from the people who must triage
// them today, while a citizen who is refused is told at once where help is sure to answer.
//
// There is no actor: the concern is written through asPublic (src/platform/db/public-tx.ts); the
// form's key and its list of regions are read through the `public-form` system door (0164).
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/db.js';
import { oneRow } from '../../platform/db/rows.js';
import { asPublic } from '../../platform/db/public-tx.js';
import { asSystem } from '../../platform/db/system-tx.js';
import { recordUnattended } from '../../platform/audit/audit.js';
import { DEFAULT_PUBLIC_CONCERN_DAILY_CAP } from '../../config.js';
import { Conflict, Invalid, TooMany } from '../../platform/http/errors.js';
import { notify } from '../notifications/notify.js';
import { dutchToday } from '../../platform/time/working-days.js';
import { recordMoment } from '../leadtimes/moments.js';
import { checkAndCleanFile, MAX_PUBLIC_ATTACHMENT_BYTES, type CheckedFile, type MediaType } from './files.js';
import { insertSignal, nextReference, signalSettings } from './signals.repo.js';
import { insertAttachment } from './attachments.repo.js';
import { notifyUrgent, triageDeadline } from './signals.service.js';
import type { PublicConcernBody } from './signals.contract.js';

export const MIN_FILL_MS = 3_000;
/** What a neighbour may send along: photos, scans and notes. */
export const PUBLIC_MEDIA_TYPES: MediaType[] = ['image/jpeg', 'image/png', 'application/pdf', 'text/plain'];
const MAX_TOKEN_AGE_MS = 24 * 3600_000;

const secrets = new WeakMap<Database, Promise<Buffer>>();
/** The HMAC key, created once per installation with a random value and shared by all nodes. */
function formSecret(db: Database): Promise<Buffer> {
  let s = secrets.get(db);
  if (!s) {
    s = asSystem(db, 'public-form', async (tx) => {
      await tx.query(`INSERT INTO public_form_secrets (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [
        randomBytes(32).toString('hex'),
      ]);
      const rows = await tx.query<{ secret: string }>(`SELECT secret FROM public_form_secrets WHERE id = 1`);
      return Buffer.from(oneRow(rows, 'public form secret').secret, 'utf8');
    });
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

/** Returns the token's signature, which is what makes it single use. */
async function verifyFormToken(db: Database, token: string, now: Date): Promise<string> {
  const [ts, mac] = token.split('.');
  const issuedAt = Number(ts);
  const expected = Number.isSafeInteger(issuedAt) ? Buffer.from(sign(await formSecret(db), issuedAt)) : null;
  const given = Buffer.from(mac ?? '');
  const age = now.getTime() - issuedAt;
  if (
    mac === undefined ||
    !expected ||
    expected.length !== given.length ||
    !timingSafeEqual(expected, given) ||
    age > MAX_TOKEN_AGE_MS ||
    age < -60_000
  )
    throw new Invalid('invalid_form_token', 'formToken', {
      nl: 'Het formulier is verlopen. Laad de pagina opnieuw; wat u schreef blijft staan.',
      en: 'The form has expired. Reload the page; what you wrote stays.',
    });
  if (age < MIN_FILL_MS)
    throw new Invalid('too_fast', 'formToken', {
      nl: 'Het formulier werd erg snel verstuurd. Wacht een paar seconden en verstuur het opnieuw.',
      en: 'The form was sent very quickly. Wait a few seconds and send it again.',
    });
  return mac;
}

/** Marks the token used in this transaction (so a refused submission does not use it up). */
async function useFormToken(tx: Tx, regionId: string, mac: string, now: Date) {
  await tx.query(`DELETE FROM public_form_tokens_used WHERE region_id = $1 AND used_at < $2`, [
    regionId,
    new Date(now.getTime() - 2 * MAX_TOKEN_AGE_MS),
  ]);
  const rows = await tx.query(
    `INSERT INTO public_form_tokens_used (region_id, token_mac, used_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
    [regionId, mac, now],
  );
  if (!rows.length)
    throw new Conflict(
      'form_already_sent',
      {
        nl: 'Deze melding is al verstuurd. Wilt u nog iets anders melden? Open het formulier opnieuw.',
        en: 'This concern has already been sent. Want to report something else? Open the form again.',
      },
      'formToken',
    );
}

/** Counts today's public concerns of the region; at the cap the administrators hear of it, beyond it the form refuses. */
async function countAgainstDailyCap(tx: Tx, regionId: string, today: string, cap: number) {
  const row = oneRow(
    await tx.query<{ received: number }>(
      `INSERT INTO public_concern_days (region_id, day, received) VALUES ($1, $2, 1)
     ON CONFLICT (region_id, day) DO UPDATE SET received = public_concern_days.received + 1 RETURNING received`,
      [regionId, today],
    ),
    'public concern day',
  );
  if (row.received > cap)
    throw new TooMany({
      nl:
        'Er zijn vandaag erg veel meldingen via dit formulier binnengekomen; het formulier neemt vandaag geen meldingen meer aan. ' +
        'Is er acuut gevaar? Bel 112. Zorgen over huiselijk geweld of kindermishandeling? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht). Of bel uw gemeente.',
      en:
        'Very many concerns arrived through this form today; it takes no more today. ' +
        'Acute danger? Call 112. Worried about domestic violence or child abuse? Call Veilig Thuis: 0800-2000 (free, day and night). Or call your municipality.',
    });
  if (row.received === cap) {
    const admins = await tx.query<{ id: string }>(`SELECT regie.functional_admins($1) AS id`, [regionId]);
    await notify(tx, {
      regionId,
      userIds: admins.map((a) => a.id),
      kind: 'public_form_cap',
      params: { cap },
      link: '/beheer/regio',
      dedupeKey: `public-form-cap:${today}`,
    });
  }
}

/** Regions whose front door receives public concerns (only those can be chosen). */
export async function formRegions(db: Database) {
  return asSystem(db, 'public-form', (tx) =>
    tx.query<{ id: string; name: string }>(
      `SELECT r.id, r.name FROM regions r JOIN signal_settings s ON s.region_id = r.id WHERE s.front_door_organisation_id IS NOT NULL ORDER BY r.name`,
    ),
  );
}

/**
 * NEN 7513 asks who accessed whose data: here nobody from the organisation, so the row has no
 * user and says "public form". The citizen's IP address is not stored (data minimisation).
 */
async function recordPublicCreate(tx: Tx, regionId: string, objectType: string, objectId: string) {
  await recordUnattended(
    tx,
    regionId,
    { role: 'citizen', organisationId: null, onBehalfOf: 'public-form' },
    { action: 'create', objectType, objectId },
  );
}

export async function submitPublicConcern(
  db: Database,
  body: z.infer<typeof PublicConcernBody>,
  { now = new Date(), dailyCap = DEFAULT_PUBLIC_CONCERN_DAILY_CAP }: { now?: Date; dailyCap?: number } = {},
): Promise<{ reference: string }> {
  // A person never sees this field (it is hidden and labelled "leave empty"); robots fill everything in.
  if (body.website?.trim())
    throw new Invalid('spam_suspected', 'website', {
      nl: 'Laat het veld "Laat dit veld leeg" leeg en verstuur het formulier opnieuw.',
      en: 'Leave the field "Leave this field empty" empty and send the form again.',
    });
  const mac = await verifyFormToken(db, body.formToken, now);
  // Photos, PDFs and notes; the field named in a refusal is the file's place in the list.
  const files: CheckedFile[] = [];
  for (const [i, a] of (body.attachments ?? []).entries())
    files.push(
      await checkAndCleanFile(a, { maxBytes: MAX_PUBLIC_ATTACHMENT_BYTES, allowed: PUBLIC_MEDIA_TYPES, field: `attachments[${i}]` }),
    );
  return asPublic(db, body.regionId, async (tx) => {
    const settings = await signalSettings(tx, body.regionId);
    const frontDoor = settings.frontDoorOrganisationId;
    if (!frontDoor)
      throw new Invalid('unknown_region', 'regionId', {
        nl: 'Voor deze regio kunt u nog niet online een zorg melden. Bel uw gemeente.',
        en: 'Concerns cannot be reported online for this region yet. Call your municipality.',
      });
    const today = dutchToday(now);
    await useFormToken(tx, body.regionId, mac, now);
    await countAgainstDailyCap(tx, body.regionId, today, dailyCap);
    const urgency = body.worriedAboutSafety ? ('high' as const) : ('normal' as const);
    const id = randomUUID();
    const reference = await nextReference(tx, body.regionId, Number(today.slice(0, 4)));
    const anonymous = !body.reporterName && !body.reporterContact;
    await insertSignal(tx, {
      regionId: body.regionId,
      id,
      reference,
      receivingOrganisationId: frontDoor,
      source: anonymous ? 'anonymous' : 'citizen',
      reporterUserId: null,
      reporterName: body.reporterName ?? null,
      reporterContact: body.reporterContact ?? null,
      personId: null,
      familyId: null,
      subjectDescription: body.about,
      subjectPlace: body.place,
      subjectPersons: body.subjectPersons,
      subjectAddress: body.subjectAddress ?? null,
      whatSeen: body.whatSeen,
      concerns: {},
      safetyAtStake: !!body.worriedAboutSafety,
      meldcodeSteps: {},
      urgency,
      triageDueOn: await triageDeadline(tx, body.regionId, urgency, today),
      caseId: null,
      reReport: false,
      receivedAt: now,
    });
    for (const file of files) {
      const attachmentId = randomUUID();
      await insertAttachment(tx, {
        regionId: body.regionId,
        id: attachmentId,
        signalId: id,
        filename: file.filename,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        content: file.content,
        uploadedBy: null,
      });
      await recordPublicCreate(tx, body.regionId, 'signal-attachment', attachmentId);
    }
    await recordMoment(tx, { regionId: body.regionId, organisationId: frontDoor, moment: 'received', signalId: id, at: now });
    if (body.worriedAboutSafety) await notifyUrgent(tx, body.regionId, frontDoor, id, reference, 'safety');
    await recordPublicCreate(tx, body.regionId, 'signal', id);
    return { reference };
  });
}
