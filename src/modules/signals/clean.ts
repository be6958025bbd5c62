// Metadata out of every stored file. A neighbour's phone photo carries where it was taken (GPS),
// when and with which phone; a scanned letter carries its author and software. None of that is
// needed to judge a worry, and a photo's location can point to the sender. So images and PDFs are
// rewritten before they are stored:
// - JPEG: only the segments needed to draw the picture are kept (quantisation and Huffman
//   tables, frame, scan data, restart interval, Adobe colour transform); EXIF, XMP, IPTC, ICC
//   profiles, comments, thumbnails and anything after the end of the image are dropped. The one
//   EXIF value that changes how the photo looks, its orientation, is written back on its own.
// - PNG: only the chunks that define the picture (header, palette, data, transparency, colour
//   and pixel size); text, EXIF and time chunks and anything after the end are dropped.
// - PDF: rewritten by pdf-lib (MIT) without the document information dictionary, XMP metadata
//   streams, page-piece data, the file identifier and objects no page refers to (old revisions).
// The images are cleaned structurally, byte for byte, rather than decoded and re-encoded: no
// native image library (sharp's libvips binaries are LGPL and not on our licence list), no loss
// of quality, and a file that is not structurally what its first bytes claim is refused.
// HEIC photos are not accepted (no maintained decoder without a native library); phones convert
// them to JPEG when a form only asks for JPEG, PNG or PDF.
import { crc32 } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { DomainError } from '../../platform/http/errors.js';

export class DamagedFile extends DomainError {
  constructor(field: string, kind: 'application/pdf' | 'image/jpeg' | 'image/png') {
    const name = {
      'application/pdf': ['pdf', 'PDF'],
      'image/jpeg': ['JPEG-foto', 'JPEG photo'],
      'image/png': ['PNG-afbeelding', 'PNG image'],
    }[kind];
    super(
      415,
      'damaged_file',
      { nl: 'Bestand niet leesbaar', en: 'File not readable' },
      {
        nl: `Dit bestand is geen leesbare ${name[0]}. Sla het opnieuw op of kies een ander bestand.`,
        en: `This file is not a readable ${name[1]}. Save it again or choose another file.`,
      },
      field,
    );
  }
}

export class EncryptedPdf extends DomainError {
  constructor(field: string) {
    super(
      415,
      'encrypted_pdf',
      { nl: 'Beveiligde pdf', en: 'Protected PDF' },
      {
        nl: 'Deze pdf is met een wachtwoord beveiligd en kan daarom niet worden gecontroleerd. Sla hem op zonder wachtwoord of maak een foto of scan.',
        en: 'This PDF is protected with a password and cannot be checked. Save it without a password or send a photo or scan.',
      },
      field,
    );
  }
}

class Broken extends Error {}
const need = (ok: boolean) => {
  if (!ok) throw new Broken();
};

// ---- JPEG ---------------------------------------------------------------------------------

/** The orientation (1–8) in an EXIF APP1 payload ("Exif\0\0" + TIFF), or 1 when there is none. */
export function exifOrientation(app1: Buffer): number {
  if (app1.length < 14 || app1.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return 1;
  const tiff = app1.subarray(6);
  const order = tiff.subarray(0, 2).toString('latin1');
  if (order !== 'II' && order !== 'MM') return 1;
  const le = order === 'II';
  const u16 = (o: number) => (o + 2 <= tiff.length ? (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o)) : -1);
  const u32 = (o: number) => (o + 4 <= tiff.length ? (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o)) : -1);
  const ifd = u32(4);
  const count = ifd < 0 ? -1 : u16(ifd);
  for (let i = 0; i < count && i < 500; i++) {
    const e = ifd + 2 + i * 12;
    if (u16(e) === 0x0112 && u16(e + 2) === 3) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

/** An APP1 segment with a minimal EXIF block that holds only the orientation. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8); // one entry
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Segments that draw the picture: SOFn, DHT, DAC, DQT, DRI, DNL, DHP, EXP; APP14 (Adobe) is checked separately. */
const isImageMarker = (m: number) => (m >= 0xc0 && m <= 0xcf) || (m >= 0xdb && m <= 0xdf) || m === 0xdc;

export function stripJpeg(b: Buffer): Buffer {
  need(b.length >= 4 && b[0] === 0xff && b[1] === 0xd8);
  const out: Buffer[] = [b.subarray(0, 2)];
  let orientation = 1;
  let pos = 2;
  let frame = false;
  let scan = false;
  let ended = false;
  while (pos < b.length) {
    need(b[pos] === 0xff);
    while (pos < b.length && b[pos] === 0xff) pos++; // fill bytes
    need(pos < b.length);
    const m = b.readUInt8(pos++); // pos < b.length, checked above
    if (m === 0xd9) {
      out.push(Buffer.from([0xff, 0xd9]));
      ended = true;
      break;
    } // EOI: anything after it is dropped
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) {
      out.push(Buffer.from([0xff, m]));
      continue;
    }
    need(pos + 2 <= b.length);
    const len = b.readUInt16BE(pos);
    need(len >= 2 && pos + len <= b.length);
    const segment = b.subarray(pos - 2, pos + len);
    const payload = b.subarray(pos + 2, pos + len);
    pos += len;
    if (m === 0xe1) {
      orientation = Math.max(orientation, exifOrientation(payload));
      continue;
    }
    if (m === 0xee && payload.subarray(0, 5).toString('latin1') === 'Adobe') {
      out.push(segment);
      continue;
    }
    if ((m >= 0xe0 && m <= 0xef) || m === 0xfe) continue; // other APPn (JFIF thumbnails, ICC, IPTC, MPF …) and comments
    if (m === 0xda) {
      need(frame);
      scan = true;
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
      let end = pos;
      while (end + 1 < b.length) {
        const next = b.readUInt8(end + 1);
        if (b[end] === 0xff && next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) break;
        end++;
      }
      if (end + 1 >= b.length) end = b.length; // truncated: keep what there is, and end the image properly below
      out.push(segment, b.subarray(pos, end));
      pos = end;
      continue;
    }
    need(isImageMarker(m));
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) frame = true;
    out.push(segment);
  }
  need(frame && scan);
  if (!ended) out.push(Buffer.from([0xff, 0xd9]));
  if (orientation !== 1) out.splice(1, 0, orientationSegment(orientation));
  return Buffer.concat(out);
}

// ---- PNG ----------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Chunks that define what the picture looks like; everything else (tEXt, zTXt, iTXt, eXIf, tIME, iCCP, private chunks) goes. */
const KEEP_PNG = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

export function stripPng(b: Buffer): Buffer {
  need(b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE));
  const out: Buffer[] = [PNG_SIGNATURE];
  let pos = 8;
  let first = true;
  let data = false;
  for (;;) {
    need(pos + 12 <= b.length);
    const len = b.readUInt32BE(pos);
    need(len <= b.length - pos - 12);
    const type = b.subarray(pos + 4, pos + 8).toString('latin1');
    need(/^[A-Za-z]{4}$/.test(type) && (!first || type === 'IHDR'));
    const chunk = b.subarray(pos, pos + 12 + len);
    need(crc32(b.subarray(pos + 4, pos + 8 + len)) === b.readUInt32BE(pos + 8 + len));
    pos += 12 + len;
    first = false;
    if (type === 'IDAT') data = true;
    if (KEEP_PNG.has(type)) out.push(chunk);
    if (type === 'IEND') break; // anything after the end is dropped
  }
  need(data);
  return Buffer.concat(out);
}

// ---- PDF ----------------------------------------------------------------------------------

const METADATA_KEYS = ['Metadata', 'PieceInfo'].map((k) => PDFName.of(k));

export async function stripPdf(b: Buffer, field: string): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    // Loaded even when encrypted, only to say so: its strings cannot be read, so it cannot be cleaned.
    doc = await PDFDocument.load(b, { updateMetadata: false, ignoreEncryption: true });
    need(doc.getPageCount() > 0);
  } catch {
    throw new DamagedFile(field, 'application/pdf');
  }
  if (doc.isEncrypted) throw new EncryptedPdf(field);
  const ctx = doc.context;
  ctx.trailerInfo.Info = undefined;
  ctx.trailerInfo.ID = undefined;
  // Walk from the catalogue: drop metadata keys on the way, and keep only what is reachable.
  const reachable = new Set<string>();
  const stack: PDFObject[] = ctx.trailerInfo.Root ? [ctx.trailerInfo.Root] : [];
  while (stack.length) {
    const o = stack.pop();
    if (o instanceof PDFRef) {
      if (reachable.has(o.toString())) continue;
      reachable.add(o.toString());
      const target = ctx.lookup(o);
      if (target) stack.push(target);
    } else if (o instanceof PDFDict || o instanceof PDFStream) {
      const dict = o instanceof PDFStream ? o.dict : o;
      for (const k of METADATA_KEYS) dict.delete(k);
      stack.push(...dict.values());
    } else if (o instanceof PDFArray) {
      stack.push(...o.asArray());
    }
  }
  for (const [ref] of ctx.enumerateIndirectObjects()) if (!reachable.has(ref.toString())) ctx.delete(ref);
  try {
    return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
  } catch {
    throw new DamagedFile(field, 'application/pdf');
  }
}

/** The file without its metadata; refuses what is not structurally the type it claims to be. */
export async function stripMetadata(mediaType: string, content: Buffer, field: string): Promise<Buffer> {
  try {
    if (mediaType === 'image/jpeg') return stripJpeg(content);
    if (mediaType === 'image/png') return stripPng(content);
  } catch (e) {
    if (e instanceof Broken || e instanceof RangeError) throw new DamagedFile(field, mediaType as 'image/jpeg' | 'image/png');
    throw e;
  }
  if (mediaType === 'application/pdf') return stripPdf(content, field);
  return content;
}
