// Small real files for the attachment tests, made here rather than kept as binaries: an 8×8 grey
// JPEG (baseline, one Huffman code each, decodable by any viewer), with an EXIF block holding a
// phone make, an orientation and GPS coordinates; a 1×1 PNG with text and EXIF chunks; and a PDF
// with an author in its information dictionary and in XMP.
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';

/** The GPS position written into test photos (a street in Middelburg), as it would show in bytes. */
export const GPS = { lat: [51, 29, 52], lon: [3, 36, 49] } as const;
export const PHONE = 'Regie-Testtelefoon';
export const AUTHOR = 'Jan Jansen-Geheim';

const seg = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};

/** An 8×8 mid-grey baseline JPEG without any metadata. */
export function plainJpeg(): Buffer {
  const dht = (cls: number) => seg(0xc4, Buffer.from([cls, 1, ...Array(15).fill(0), 0]));
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xdb, Buffer.from([0, ...Array(64).fill(1)])),
    seg(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
    dht(0x00),
    dht(0x10),
    seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
    Buffer.from([0x3f]), // DC difference 0, then end of block, padded with ones
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** An EXIF APP1 segment (big-endian TIFF) with Make, Orientation and a GPS IFD. */
export function exifSegment(orientation = 6): Buffer {
  const make = Buffer.from(`${PHONE}\0`, 'latin1');
  const ifd0 = 8;
  const ifd0Size = 2 + 3 * 12 + 4;
  const makeAt = ifd0 + ifd0Size;
  const gpsAt = makeAt + make.length + (make.length % 2);
  const gpsSize = 2 + 4 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const tiff = Buffer.alloc(lonAt + 24);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifd0, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: (o: number) => void) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    value(at + 8);
  };
  tiff.writeUInt16BE(3, ifd0);
  entry(ifd0 + 2, 0x010f, 2, make.length, (o) => tiff.writeUInt32BE(makeAt, o));
  entry(ifd0 + 14, 0x0112, 3, 1, (o) => tiff.writeUInt16BE(orientation, o));
  entry(ifd0 + 26, 0x8825, 4, 1, (o) => tiff.writeUInt32BE(gpsAt, o));
  make.copy(tiff, makeAt);
  tiff.writeUInt16BE(4, gpsAt);
  entry(gpsAt + 2, 1, 2, 2, (o) => tiff.write('N\0', o, 'latin1'));
  entry(gpsAt + 14, 2, 5, 3, (o) => tiff.writeUInt32BE(latAt, o));
  entry(gpsAt + 26, 3, 2, 2, (o) => tiff.write('E\0', o, 'latin1'));
  entry(gpsAt + 38, 4, 5, 3, (o) => tiff.writeUInt32BE(lonAt, o));
  GPS.lat.forEach((v, i) => {
    tiff.writeUInt32BE(v, latAt + i * 8);
    tiff.writeUInt32BE(1, latAt + i * 8 + 4);
  });
  GPS.lon.forEach((v, i) => {
    tiff.writeUInt32BE(v, lonAt + i * 8);
    tiff.writeUInt32BE(1, lonAt + i * 8 + 4);
  });
  return seg(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]));
}

/** The bytes of the latitude as EXIF stores it: found in a file means the position is in it. */
export function gpsBytes(): Buffer {
  const b = Buffer.alloc(24);
  GPS.lat.forEach((v, i) => {
    b.writeUInt32BE(v, i * 8);
    b.writeUInt32BE(1, i * 8 + 4);
  });
  return b;
}

/** A phone photo: EXIF (make, orientation, GPS), XMP, a comment and data after the end. */
export function phoneJpeg(orientation = 6): Buffer {
  const jpeg = plainJpeg();
  return Buffer.concat([
    jpeg.subarray(0, 2),
    seg(0xe0, Buffer.from('JFIF\0\x01\x02\0\0\x01\0\x01\0\0', 'latin1')),
    exifSegment(orientation),
    seg(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>${AUTHOR}</dc:creator></x:xmpmeta>`, 'latin1')),
    seg(0xfe, Buffer.from(`Gemaakt door ${AUTHOR}`, 'latin1')),
    jpeg.subarray(2),
    Buffer.from(`na het einde: ${AUTHOR}`, 'latin1'),
  ]);
}

const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A 1×1 red PNG with nothing but the picture: cleaning leaves it byte for byte as it is. */
export function plainPng(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 1×1 red PNG with an author in a tEXt chunk, EXIF with GPS, a time stamp and data after the end. */
export function annotatedPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Author\0${AUTHOR}`, 'latin1')),
    chunk('eXIf', exifSegment().subarray(10)),
    chunk('tIME', Buffer.from([0x07, 0xea, 12, 4, 10, 0, 0])),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
    Buffer.from(AUTHOR, 'latin1'),
  ]);
}

/** A one-page PDF whose author is in the information dictionary, in XMP and in an unused old object. */
export async function authoredPdf(opts: { objectStreams?: boolean; encrypted?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor(AUTHOR);
  doc.setTitle('Verslag buren');
  doc.setCreator('Tekstverwerker 1.0');
  doc.setProducer('Scanner 2.0');
  doc.addPage([200, 200]).drawText('Zorgen over nummer 12', { x: 10, y: 100, size: 10 });
  const xmp = doc.context.stream(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${AUTHOR}</dc:creator></x:xmpmeta>`, {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  doc.context.register(PDFString.of(`${AUTHOR} (oude versie)`));
  // Only the marker that a reader checks first; enough to be refused as protected.
  if (opts.encrypted) doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3 });
  return Buffer.from(await doc.save({ useObjectStreams: opts.objectStreams ?? false }));
}
