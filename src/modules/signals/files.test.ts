import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { checkAndCleanFile, checkFile, contentDisposition, isPlainText, sniff } from './files.js';
import { gpsBytes, phoneJpeg } from '../../../test/support/files.js';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1');
const all = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
const opts = { maxBytes: 1000, allowed: [...all], field: 'file' };

describe('file checks', () => {
  it('recognises the allowed types by their first bytes', () => {
    expect(sniff(Buffer.from('%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniff(PNG)).toBe('image/png');
    expect(sniff(JPEG)).toBe('image/jpeg');
    expect(sniff(Buffer.from('Gewoon tekst, met één accent.\r\n\tEn een tab.'))).toBe('text/plain');
    expect(sniff(Buffer.from('\ufeffTekst met BOM'))).toBe('text/plain');
    expect(sniff(EXE)).toBeNull();
    expect(sniff(Buffer.from([0xc3, 0x28]))).toBeNull(); // invalid UTF-8
  });

  it('refuses a renamed program, a mismatching extension or declared type, and files that are too large or empty', () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return `${(e as { status: number }).status} ${(e as { code: string }).code}`;
      }
    };
    expect(code(() => checkFile({ filename: 'rapport.pdf', mediaType: 'application/pdf', contentBase64: b64(EXE) }, opts))).toBe(
      '415 unsupported_media_type',
    );
    expect(code(() => checkFile({ filename: 'foto.jpg', mediaType: 'image/png', contentBase64: b64(PNG) }, opts))).toBe(
      '415 unsupported_media_type',
    );
    expect(code(() => checkFile({ filename: 'foto.png', mediaType: 'image/jpeg', contentBase64: b64(PNG) }, opts))).toBe(
      '415 unsupported_media_type',
    );
    expect(code(() => checkFile({ filename: 'foto.png', mediaType: 'image/png', contentBase64: b64(PNG) }, opts))).toBe('ok');
    expect(code(() => checkFile({ filename: 'FOTO.JPEG', mediaType: 'image/jpeg', contentBase64: b64(JPEG) }, opts))).toBe('ok');
    expect(code(() => checkFile({ filename: 'a.txt', mediaType: 'text/plain', contentBase64: b64('x'.repeat(1001)) }, opts))).toBe(
      '413 too_large',
    );
    expect(code(() => checkFile({ filename: 'a.txt', mediaType: 'text/plain', contentBase64: b64('x'.repeat(1000)) }, opts))).toBe('ok');
    expect(code(() => checkFile({ filename: 'a.txt', mediaType: 'text/plain', contentBase64: '' }, opts))).toBe('400 empty_file');
    expect(code(() => checkFile({ filename: 'a.txt', mediaType: 'text/plain', contentBase64: 'no base64!' }, opts))).toBe(
      '400 invalid_base64',
    );
    expect(
      code(() => checkFile({ filename: 'a.png', mediaType: 'image/png', contentBase64: b64(PNG) }, { ...opts, allowed: ['text/plain'] })),
    ).toBe('415 unsupported_media_type');
  });

  it('treats any text without control characters as plain text, and any NUL byte as not', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        // eslint-disable-next-line no-control-regex -- the control characters are what the file name must lose
        const clean = s.replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '');
        expect(isPlainText(Buffer.from(clean))).toBe(true);
        expect(isPlainText(Buffer.from(`${clean}\u0000`))).toBe(false);
      }),
    );
  });

  it('writes a Content-Disposition that survives any file name', () => {
    expect(contentDisposition('verslag "juni".pdf')).toBe(
      `attachment; filename="verslag _juni_.pdf"; filename*=UTF-8''verslag%20%22juni%22.pdf`,
    );
    expect(contentDisposition('één.txt')).toContain(`filename="een.txt"`);
  });

  it('refuses an HTML page renamed .png (by its content, whatever the name and declared type), and a HEIC photo with a clear reason', async () => {
    const html = '<!DOCTYPE html><html><body><script>fetch("/api/v1/families")</script></body></html>';
    const code = (f: () => unknown) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return `${(e as { status: number }).status} ${(e as { code: string }).code} ${(e as { field: string }).field}`;
      }
    };
    expect(
      code(() =>
        checkFile({ filename: 'foto.png', mediaType: 'image/png', contentBase64: b64(html) }, { ...opts, field: 'attachments[0]' }),
      ),
    ).toBe('415 unsupported_media_type attachments[0]');
    expect(
      code(() =>
        checkFile(
          { filename: 'foto.png', mediaType: 'image/png', contentBase64: b64(html) },
          { ...opts, allowed: ['image/png', 'image/jpeg', 'application/pdf'] },
        ),
      ),
    ).toBe('415 unsupported_media_type file');
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'latin1'), Buffer.alloc(16)]);
    try {
      checkFile({ filename: 'IMG_0001.HEIC', mediaType: 'image/heic', contentBase64: b64(heic) }, opts);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ status: 415, code: 'unsupported_media_type', field: 'file' });
      expect((e as Error).message).toContain('HEIC');
    }
  });

  it('stores the cleaned file: size and hash are those of the file without metadata', async () => {
    const photo = phoneJpeg();
    const f = await checkAndCleanFile(
      { filename: 'IMG_0001.JPG', mediaType: 'image/jpeg', contentBase64: b64(photo) },
      { ...opts, maxBytes: 100_000 },
    );
    expect(f.content.includes(gpsBytes())).toBe(false);
    expect(f.sizeBytes).toBe(f.content.length);
    expect(f.sizeBytes).toBeLessThan(photo.length);
    expect(f.sha256).toBe(createHash('sha256').update(f.content).digest('hex'));
  });
});
