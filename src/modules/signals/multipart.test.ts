import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../platform/http/errors.js';
import { parseConcernForm } from './multipart.js';

/** The bytes and content type a browser would send for this form. */
async function encode(form: FormData) {
  const res = new Response(form);
  return { type: res.headers.get('content-type')!, raw: Buffer.from(await res.arrayBuffer()) };
}
const refusal = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => `${e.status} ${e.code} ${e.field}`,
  );
const concern = {
  regionId: 'r1',
  formToken: '1.x',
  about: 'Het meisje van nummer 12',
  whatSeen: 'Ik hoor vaak geschreeuw.',
  worriedAboutSafety: true,
};

describe('the public form as multipart/form-data', () => {
  it('becomes the same body as JSON, with the files as base64 in the order sent; an empty file field is left out', async () => {
    const form = new FormData();
    form.append('concern', JSON.stringify(concern));
    form.append('attachments', new File([Buffer.from([0xff, 0xd8, 0xff])], 'foto.jpg', { type: 'image/jpeg' }));
    form.append('attachments', new File([Buffer.from('%PDF-1.7')], 'brief.pdf', { type: 'application/pdf' }));
    form.append('attachments', new File([], '', { type: 'application/octet-stream' }));
    const { type, raw } = await encode(form);
    expect(await parseConcernForm(type, raw)).toEqual({
      ...concern,
      attachments: [
        { filename: 'foto.jpg', mediaType: 'image/jpeg', contentBase64: Buffer.from([0xff, 0xd8, 0xff]).toString('base64') },
        { filename: 'brief.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7').toString('base64') },
      ],
    });
    const only = new FormData();
    only.append('concern', JSON.stringify(concern));
    const plain = await encode(only);
    expect(await parseConcernForm(plain.type, plain.raw)).toEqual(concern);
  });

  it('refuses too many files, unknown or repeated parts, a missing or too large concern, and a broken body — naming the field', async () => {
    const files = (n: number) => {
      const form = new FormData();
      form.append('concern', JSON.stringify(concern));
      for (let i = 0; i < n; i++) form.append('attachments', new File(['x'], `${i}.txt`, { type: 'text/plain' }));
      return form;
    };
    const send = async (form: FormData) => {
      const { type, raw } = await encode(form);
      return refusal(parseConcernForm(type, raw));
    };
    expect(await send(files(3))).toBe('ok');
    expect(await send(files(4))).toBe('400 too_many_files attachments');
    const extra = files(0);
    extra.append('website', 'http://spam.example');
    expect(await send(extra)).toBe('400 unexpected_part body');
    const twice = files(0);
    twice.append('concern', JSON.stringify(concern));
    expect(await send(twice)).toBe('400 unexpected_part body');
    const fileAsConcern = new FormData();
    fileAsConcern.append('concern', new File([JSON.stringify(concern)], 'c.json'));
    expect(await send(fileAsConcern)).toBe('400 unexpected_part body');
    expect(await send(new FormData())).toBe('400 missing_concern concern');
    const notJson = new FormData();
    notJson.append('concern', '{"regionId":');
    expect(await send(notJson)).toBe('400 malformed_json concern');
    const list = new FormData();
    list.append('concern', '[1,2]');
    expect(await send(list)).toBe('400 missing_concern concern');
    const big = new FormData();
    big.append('concern', JSON.stringify({ ...concern, whatSeen: 'x'.repeat(17 * 1024) }));
    expect(await send(big)).toBe('413 too_large concern');
    expect(await refusal(parseConcernForm('multipart/form-data; boundary=x', Buffer.from('a=1')))).toBe('400 malformed_multipart body');
    expect(await refusal(parseConcernForm('multipart/form-data', Buffer.from('--x\r\n')))).toBe('400 malformed_multipart body');
  });

  it('keeps a "__proto__" key an own property for the schema to refuse, never the prototype', async () => {
    const form = new FormData();
    form.append('concern', '{"__proto__":{"polluted":true},"regionId":"r1"}');
    const { type, raw } = await encode(form);
    const body = await parseConcernForm(type, raw);
    expect(Object.keys(body)).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(body.polluted).toBeUndefined();
  });

  it('answers any damaged or hostile form with a refusal that names a field, never an unexpected error', async () => {
    const form = new FormData();
    form.append('concern', JSON.stringify(concern));
    form.append('attachments', new File([Buffer.from([0xff, 0xd8, 0xff, 0xe0])], 'foto.jpg', { type: 'image/jpeg' }));
    const valid = await encode(form);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        fc.uint8Array({ maxLength: 64 }),
        async (flips, cut, tail) => {
          const raw = Buffer.concat([valid.raw.subarray(0, cut % (valid.raw.length + 1)), Buffer.from(tail)]);
          for (const [at, byte] of flips) if (raw.length) raw[at % raw.length] = byte;
          try {
            const body = await parseConcernForm(valid.type, raw);
            expect(typeof body).toBe('object');
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect([400, 413]).toContain((e as DomainError).status);
            expect((e as DomainError).field).toEqual(expect.any(String));
          }
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
