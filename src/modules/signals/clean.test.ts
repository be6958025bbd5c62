import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import {
  annotatedPng,
  AUTHOR,
  authoredPdf,
  exifSegment,
  gpsBytes,
  PHONE,
  phoneJpeg,
  plainJpeg,
  plainPng,
} from '../../../test/support/files.js';
import { exifOrientation, stripJpeg, stripMetadata, stripPdf, stripPng } from './clean.js';

const has = (b: Buffer, s: string | Buffer) => b.includes(typeof s === 'string' ? Buffer.from(s, 'latin1') : s);
const refusal = async (f: () => unknown) => {
  try {
    await f();
    return 'ok';
  } catch (e) {
    return `${(e as { status: number }).status} ${(e as { code: string }).code} ${(e as { field: string }).field}`;
  }
};

describe('metadata out of photos, images and PDFs', () => {
  it('a JPEG with EXIF GPS comes out without it, without make, XMP, comment and trailing data, and keeps its orientation and picture', () => {
    const photo = phoneJpeg(6);
    expect(has(photo, gpsBytes()) && has(photo, PHONE) && has(photo, AUTHOR)).toBe(true); // the test photo really carries them
    const out = stripJpeg(photo);
    expect(has(out, gpsBytes())).toBe(false);
    expect(has(out, PHONE)).toBe(false);
    expect(has(out, AUTHOR)).toBe(false);
    expect(has(out, 'JFIF')).toBe(false);
    expect(has(out, 'http://ns.adobe.com/xap')).toBe(false);
    // The orientation alone survives, so the photo is not shown on its side.
    const app1 = out.subarray(2, 2 + 2 + out.readUInt16BE(4));
    expect(app1[1]).toBe(0xe1);
    expect(exifOrientation(app1.subarray(4))).toBe(6);
    // Everything that draws the picture is kept byte for byte, and the file ends at the end of the image.
    expect(out.subarray(2 + app1.length)).toEqual(plainJpeg().subarray(2));
    expect(stripJpeg(out)).toEqual(out);
  });

  it('a JPEG without metadata stays the same; orientation 1 adds no EXIF', () => {
    expect(stripJpeg(plainJpeg())).toEqual(plainJpeg());
    const upright = stripJpeg(phoneJpeg(1));
    expect(upright).toEqual(plainJpeg());
    expect(exifOrientation(exifSegment(8).subarray(4))).toBe(8);
  });

  it('a PNG without metadata stays the same', () => {
    expect(stripPng(plainPng())).toEqual(plainPng());
  });

  it('a PNG comes out without text, EXIF, time and trailing data, with its picture chunks intact', () => {
    const png = annotatedPng();
    expect(has(png, AUTHOR) && has(png, gpsBytes())).toBe(true);
    const out = stripPng(png);
    for (const gone of [AUTHOR, 'tEXt', 'eXIf', 'tIME']) expect(has(out, gone), gone).toBe(false);
    expect(has(out, gpsBytes())).toBe(false);
    for (const kept of ['IHDR', 'IDAT', 'IEND']) expect(has(out, kept), kept).toBe(true);
    expect(out.subarray(-8).toString('latin1', 0, 4)).toBe('IEND');
    expect(stripPng(out)).toEqual(out);
  });

  it('a PDF with an Author comes out without it: no information dictionary, no XMP, no old objects, still one readable page', async () => {
    const pdf = await authoredPdf();
    const before = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(before.getAuthor()).toBe(AUTHOR);
    expect(has(pdf, AUTHOR)).toBe(true);
    const out = await stripPdf(pdf, 'file');
    expect(has(out, AUTHOR)).toBe(false);
    expect(has(out, '/Author')).toBe(false);
    expect(has(out, '/Metadata')).toBe(false);
    expect(has(out, '/Info')).toBe(false);
    const after = await PDFDocument.load(out, { updateMetadata: false });
    expect([after.getAuthor(), after.getTitle(), after.getCreator(), after.getProducer()]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(after.getPageCount()).toBe(1);
    expect(out.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('cleans a PDF whose objects sit in compressed object streams, and refuses a password-protected one', async () => {
    const packed = await authoredPdf({ objectStreams: true });
    expect((await PDFDocument.load(packed, { updateMetadata: false })).getAuthor()).toBe(AUTHOR);
    const out = await stripPdf(packed, 'file');
    const after = await PDFDocument.load(out, { updateMetadata: false });
    expect([after.getAuthor(), after.getPageCount()]).toEqual([undefined, 1]);
    expect(has(out, AUTHOR)).toBe(false);
    const locked = await authoredPdf({ encrypted: true });
    expect(await refusal(() => stripPdf(locked, 'attachments[2]'))).toBe('415 encrypted_pdf attachments[2]');
  });

  it('refuses files that are not what their first bytes claim, naming the field', async () => {
    expect(await refusal(() => stripMetadata('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1]), 'attachments[0]'))).toBe(
      '415 damaged_file attachments[0]',
    );
    expect(
      await refusal(() =>
        stripMetadata('image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from('<html><script>alert(1)</script>')]), 'f'),
      ),
    ).toBe('415 damaged_file f');
    const png = annotatedPng();
    const badCrc = Buffer.from(png);
    badCrc[30] = badCrc.readUInt8(30) ^ 0xff;
    expect(await refusal(() => stripMetadata('image/png', badCrc, 'f'))).toBe('415 damaged_file f');
    expect(await refusal(() => stripMetadata('image/png', png.subarray(0, 40), 'f'))).toBe('415 damaged_file f');
    expect(await refusal(() => stripMetadata('application/pdf', Buffer.from('%PDF-1.7\n<html>geen pdf</html>'), 'f'))).toBe(
      '415 damaged_file f',
    );
    expect(await refusal(() => stripMetadata('text/plain', Buffer.from('gewoon tekst'), 'f'))).toBe('ok');
  });

  it('never crashes on arbitrary bytes behind a JPEG or PNG signature: it cleans or refuses', () => {
    const signatures = [Buffer.from([0xff, 0xd8]), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 400 }), (kind, junk, cut) => {
        const base = kind === 0 ? phoneJpeg() : annotatedPng();
        const input = Buffer.concat([signatures[kind]!, Buffer.from(junk), base.subarray(Math.min(cut, base.length))]);
        try {
          const out = kind === 0 ? stripJpeg(input) : stripPng(input);
          expect(has(out, gpsBytes())).toBe(false);
        } catch (e) {
          expect((e as Error).constructor.name).toMatch(/^(Broken|RangeError)$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
