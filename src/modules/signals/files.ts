// Checking an uploaded file: the size after decoding and the type by its first bytes ("magic
// bytes"), never by the name or the declared type alone — a renamed program stays a program.
import { createHash } from 'node:crypto';
import { DomainError, Invalid } from '../../platform/http/errors.js';
import { stripMetadata } from './clean.js';
import { MAX_PUBLIC_ATTACHMENTS } from './signals.contract.js';

/** A phone photo or a scanned letter of several pages fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_PUBLIC_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_SIGNAL = 10;
export { MAX_PUBLIC_ATTACHMENTS };
/** A multipart concern: the files and the concern's JSON (which has its own 16 KB limit) with room for the part headers. */
export const MAX_PUBLIC_UPLOAD_BYTES = MAX_PUBLIC_ATTACHMENTS * MAX_PUBLIC_ATTACHMENT_BYTES + 64 * 1024;

export type MediaType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain';

const EXTENSIONS: Record<MediaType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt'],
};

export class TooLarge extends DomainError {
  constructor(max: number, field: string) {
    const kb = Math.round(max / 1024);
    const size = kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`;
    super(
      413,
      'too_large',
      { nl: 'Bestand te groot', en: 'File too large' },
      {
        nl: `Het bestand is groter dan ${size}. Verklein het of stuur een deel.`,
        en: `The file is larger than ${size}. Make it smaller or send a part.`,
      },
      field,
    );
  }
}

export class UnsupportedType extends DomainError {
  constructor(allowed: string, field: string) {
    super(
      415,
      'unsupported_media_type',
      { nl: 'Soort bestand niet toegestaan', en: 'File type not allowed' },
      {
        nl: `Dit soort bestand kan niet worden toegevoegd. Toegestaan: ${allowed}.`,
        en: `This kind of file cannot be added. Allowed: ${allowed}.`,
      },
      field,
    );
  }
}

/** HEIC/HEIF (an iPhone's own photo format): recognised only to say clearly why it is refused. */
export class HeicNotSupported extends DomainError {
  constructor(field: string) {
    super(
      415,
      'unsupported_media_type',
      { nl: 'Soort bestand niet toegestaan', en: 'File type not allowed' },
      {
        nl: "HEIC-foto's kunnen niet worden toegevoegd. Kies de foto opnieuw als JPEG (op een iPhone: Instellingen › Camera › Formaten › Meest compatibel) of maak een schermafbeelding.",
        en: 'HEIC photos cannot be added. Choose the photo again as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) or take a screenshot.',
      },
      field,
    );
  }
}

export function isHeic(b: Buffer): boolean {
  return (
    b.length >= 12 &&
    b.subarray(4, 8).toString('latin1') === 'ftyp' &&
    ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b.subarray(8, 12).toString('latin1'))
  );
}

/** Plain text: valid UTF-8 without control characters other than tab, line feed, carriage return and form feed. */
export function isPlainText(b: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/** The type the content really has, from its first bytes; null when it is none of the allowed ones. */
export function sniff(b: Buffer): MediaType | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (isPlainText(b.subarray(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0))) return 'text/plain';
  return null;
}

/** Strict base64 (standard alphabet, optional padding); Buffer.from would silently skip junk. */
export function decodeBase64(s: string, field: string): Buffer {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1)
    throw new Invalid('invalid_base64', field, {
      nl: 'De inhoud van het bestand is niet goed meegestuurd (geen base64).',
      en: 'The file content is not valid base64.',
    });
  return Buffer.from(clean, 'base64');
}

export interface CheckedFile {
  filename: string;
  mediaType: MediaType;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
}

/**
 * Decodes and checks a file: not empty, not larger than `maxBytes`, of one of the `allowed` types
 * by content, and with a declared type and extension that agree with the content.
 */
export function checkFile(
  input: { filename: string; mediaType: string; contentBase64: string },
  opts: { maxBytes: number; allowed: MediaType[]; field: string },
): CheckedFile {
  // A cheap upper bound first, so that a huge upload is refused before it is decoded.
  if ((input.contentBase64.replace(/\s+/g, '').length * 3) / 4 - 2 > opts.maxBytes) throw new TooLarge(opts.maxBytes, opts.field);
  const content = decodeBase64(input.contentBase64, `${opts.field}.contentBase64`);
  if (content.length > opts.maxBytes) throw new TooLarge(opts.maxBytes, opts.field);
  if (content.length === 0) throw new Invalid('empty_file', opts.field, { nl: 'Het bestand is leeg.', en: 'The file is empty.' });
  const allowedText = opts.allowed
    .flatMap((t) => EXTENSIONS[t])
    .map((e) => `.${e}`)
    .join(', ');
  const actual = sniff(content);
  if (!actual && isHeic(content)) throw new HeicNotSupported(opts.field);
  if (!actual || !opts.allowed.includes(actual)) throw new UnsupportedType(allowedText, opts.field);
  const declared = (input.mediaType.toLowerCase().split(';')[0] ?? '').trim();
  const ext = input.filename.toLowerCase().split('.').pop() ?? '';
  if (declared !== actual || !EXTENSIONS[actual].includes(ext)) throw new UnsupportedType(allowedText, opts.field);
  return {
    filename: input.filename,
    mediaType: actual,
    content,
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/**
 * checkFile, then the metadata out (clean.ts): what is stored is the cleaned file, and its size
 * and hash are those of the cleaned file.
 */
export async function checkAndCleanFile(
  input: { filename: string; mediaType: string; contentBase64: string },
  opts: { maxBytes: number; allowed: MediaType[]; field: string },
): Promise<CheckedFile> {
  const file = checkFile(input, opts);
  const content = await stripMetadata(file.mediaType, file.content, opts.field);
  return { ...file, content, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Content-Disposition that survives any file name: an ASCII fallback and the UTF-8 original. */
export function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\;]/g, '_') || 'bijlage';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
