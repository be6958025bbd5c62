// The public form's files come as multipart/form-data, so that a body without an account stays
// small when it is JSON (16 KB, app.ts) and a photo needs no base64 in the browser: one part
// "concern" with the concern as JSON (the same object as the application/json body, at most
// 16 KB) and up to MAX_PUBLIC_ATTACHMENTS parts "attachments", each a file. The parser turns the
// form into that same JSON body (files as base64), so the edge checks (input.ts), the schema and
// the service are one path for both ways of sending.
import type { FastifyRequest } from 'fastify';
import { PUBLIC_BODY_LIMIT } from '../../platform/http/app.js';
import { Forbidden, Invalid } from '../../platform/http/errors.js';
import { MAX_PUBLIC_ATTACHMENTS, MAX_PUBLIC_UPLOAD_BYTES, TooLarge } from './files.js';

const malformed = () =>
  new Invalid('malformed_multipart', 'body', {
    nl: 'Het formulier is niet goed meegestuurd. Laad de pagina opnieuw en verstuur het nog eens.',
    en: 'The form was not sent correctly. Reload the page and send it again.',
  });

/** Reads the body (refusing more than MAX_PUBLIC_UPLOAD_BYTES while it arrives) and parses it. */
export async function readConcernForm(req: FastifyRequest, payload: AsyncIterable<Buffer>): Promise<Record<string, unknown>> {
  // A page elsewhere could post this form through a visitor's browser (a form post needs no CORS
  // permission) and so spread a flood over many addresses; browsers say where a request comes from.
  if (req.headers['sec-fetch-site'] === 'cross-site')
    throw new Forbidden(
      { nl: 'Dit formulier kan alleen vanaf de eigen pagina worden verstuurd.', en: 'This form can only be sent from its own page.' },
      'cross_site',
    );
  if (Number(req.headers['content-length']) > MAX_PUBLIC_UPLOAD_BYTES) throw new TooLarge(MAX_PUBLIC_UPLOAD_BYTES, 'attachments');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += chunk.length;
    if (size > MAX_PUBLIC_UPLOAD_BYTES) throw new TooLarge(MAX_PUBLIC_UPLOAD_BYTES, 'attachments');
    chunks.push(chunk);
  }
  return parseConcernForm(String(req.headers['content-type'] ?? ''), Buffer.concat(chunks));
}

/** The form as the concern's JSON body with `attachments: [{ filename, mediaType, contentBase64 }]`. */
export async function parseConcernForm(contentType: string, raw: Buffer): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.byteLength), {
      headers: { 'content-type': contentType },
    }).formData();
  } catch {
    throw malformed();
  }
  let concern: unknown;
  const attachments: Array<{ filename: string; mediaType: string; contentBase64: string }> = [];
  for (const [name, value] of form.entries()) {
    if (name === 'concern' && typeof value === 'string' && concern === undefined) {
      if (Buffer.byteLength(value) > PUBLIC_BODY_LIMIT) throw new TooLarge(PUBLIC_BODY_LIMIT, 'concern');
      try {
        concern = JSON.parse(value);
      } catch {
        throw new Invalid('malformed_json', 'concern', {
          nl: 'Het deel "concern" is geen geldige JSON.',
          en: 'The part "concern" is not valid JSON.',
        });
      }
    } else if (name === 'attachments' && value === '') {
      continue; // a file field left empty (sent without a file name, so read as text)
    } else if (name === 'attachments' && typeof value !== 'string') {
      if (!value.name && value.size === 0) continue; // a file field left empty
      if (attachments.length >= MAX_PUBLIC_ATTACHMENTS)
        throw new Invalid('too_many_files', 'attachments', {
          nl: `Stuur maximaal ${MAX_PUBLIC_ATTACHMENTS} bestanden mee.`,
          en: `Send at most ${MAX_PUBLIC_ATTACHMENTS} files.`,
        });
      attachments.push({
        filename: value.name,
        mediaType: value.type || 'application/octet-stream',
        contentBase64: Buffer.from(await value.arrayBuffer()).toString('base64'),
      });
    } else {
      throw new Invalid('unexpected_part', 'body', {
        nl: 'Het formulier bevat een onbekend of dubbel onderdeel. Stuur alleen "concern" en "attachments".',
        en: 'The form holds an unknown or repeated part. Send only "concern" and "attachments".',
      });
    }
  }
  if (!concern || typeof concern !== 'object' || Array.isArray(concern))
    throw new Invalid('missing_concern', 'concern', {
      nl: 'De melding zelf ontbreekt (deel "concern").',
      en: 'The concern itself is missing (part "concern").',
    });
  return attachments.length ? { ...concern, attachments } : { ...concern };
}
