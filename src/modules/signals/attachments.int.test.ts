import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { MAX_ATTACHMENT_BYTES } from './files.js';
import { authoredPdf, AUTHOR, gpsBytes, PHONE, phoneJpeg, plainPng } from '../../../test/support/files.js';

let t: TestDb;
let app: App;
let region: string;
let team: string;
let member: TestUser;
let reporter: TestUser;
let m: Client;
let r: Client;
let x: Client;
let signalId: string;

// A real PNG without metadata: stored and downloaded byte for byte.
const PNG = plainPng();

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  team = await createOrganisation(t.db, region, 'municipal_team');
  const gp = await createOrganisation(t.db, region, 'gp_practice');
  member = await createUser(t.db, region, team, ['professional']);
  reporter = await createUser(t.db, region, gp, ['professional']);
  const outsider = await createUser(t.db, region, await createOrganisation(t.db, region, 'police'), ['professional']);
  app = await testApp(t.server);
  [m, r, x] = await Promise.all([login(app, member.username), login(app, reporter.username), login(app, outsider.username)]);
  const s = await r.post('/api/v1/signals', {
    receivingOrganisationId: team,
    source: 'gp',
    subjectDescription: 'Patiënte (34) met twee kinderen',
    whatSeen: 'Patiënte vertelt over geweld door partner; kinderen waren erbij.',
    safetyAtStake: true,
    urgency: 'acute',
    meldcodeSteps: { 1: { done: true }, 2: { done: true, notes: 'Overlegd met Veilig Thuis' } },
  });
  signalId = s.body.id;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('attachments of a signal', () => {
  it('stores a file checked by its content and returns it as a download; every download is audited', async () => {
    const up = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'foto wond.png',
      mediaType: 'image/png',
      contentBase64: PNG.toString('base64'),
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ filename: 'foto wond.png', mediaType: 'image/png', sizeBytes: PNG.length, fromPublic: false });
    const detail = (await m.get(`/api/v1/signals/${signalId}`)).body;
    expect(detail.attachments.map((a: { id: string }) => a.id)).toEqual([up.body.id]);
    const before = (
      await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND object_id = $2`, [
        region,
        up.body.id,
      ])
    )[0]!.n;
    const dl = await app.inject({
      method: 'GET',
      url: `/api/v1/signals/${signalId}/attachments/${up.body.id}`,
      headers: { cookie: m.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; filename="foto wond.png"/);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    const after = await t.db.query<{ action: string; user_id: string }>(
      `SELECT action, user_id FROM audit_log WHERE region_id = $1 AND object_id = $2 ORDER BY seq`,
      [region, up.body.id],
    );
    expect(after.slice(before)).toEqual([{ action: 'read', user_id: member.actor.userId }]);
    expect((await x.get(`/api/v1/signals/${signalId}/attachments/${up.body.id}`)).status).toBe(404);
  });

  it('refuses oversized files (413) and files that are not what they say (415), and writes nothing', async () => {
    const count = async () =>
      (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signal_attachments WHERE signal_id = $1`, [signalId]))[0]!.n;
    const before = await count();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20)]);
    const tooBig = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'scan.pdf',
      mediaType: 'application/pdf',
      contentBase64: big.toString('base64'),
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ code: 'too_large', field: 'contentBase64' });
    const exe = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'brief.pdf',
      mediaType: 'application/pdf',
      contentBase64: Buffer.from('MZ\x90\x00\x03', 'latin1').toString('base64'),
    });
    expect(exe).toMatchObject({ status: 415, body: { code: 'unsupported_media_type' } });
    expect(
      (
        await x.post(`/api/v1/signals/${signalId}/attachments`, {
          filename: 'a.txt',
          mediaType: 'text/plain',
          contentBase64: Buffer.from('hallo').toString('base64'),
        })
      ).status,
    ).toBe(404);
    expect(await count()).toBe(before);
  });

  it('stores a photo without its GPS position and a PDF without its author; downloads are attachments, never sniffed or run', async () => {
    const photo = phoneJpeg();
    const up = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'IMG_2041.JPG',
      mediaType: 'image/jpeg',
      contentBase64: photo.toString('base64'),
    });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.sizeBytes).toBeLessThan(photo.length);
    const dl = await app.inject({
      method: 'GET',
      url: `/api/v1/signals/${signalId}/attachments/${up.body.id}`,
      headers: { cookie: m.cookie },
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment; /);
    expect(dl.rawPayload.length).toBe(up.body.sizeBytes);
    expect(dl.rawPayload.includes(gpsBytes())).toBe(false);
    expect(dl.rawPayload.includes(Buffer.from(PHONE))).toBe(false);

    const pdf = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'verslag.pdf',
      mediaType: 'application/pdf',
      contentBase64: (await authoredPdf()).toString('base64'),
    });
    expect(pdf.status).toBe(201);
    const pdfDl = await app.inject({
      method: 'GET',
      url: `/api/v1/signals/${signalId}/attachments/${pdf.body.id}`,
      headers: { cookie: m.cookie },
    });
    expect(pdfDl.headers['content-type']).toBe('application/pdf');
    expect(pdfDl.rawPayload.includes(Buffer.from(AUTHOR))).toBe(false);
    expect(pdfDl.rawPayload.includes(Buffer.from('/Author'))).toBe(false);

    const text = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'notitie.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
    });
    expect(text.status).toBe(201);
    const textDl = await app.inject({
      method: 'GET',
      url: `/api/v1/signals/${signalId}/attachments/${text.body.id}`,
      headers: { cookie: m.cookie },
    });
    expect(textDl.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(textDl.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(String(textDl.headers['content-disposition'])).toMatch(/^attachment; filename="notitie.txt"/);
  });

  it('refuses an HTML page renamed .png with 415 naming the field', async () => {
    const html = await r.post(`/api/v1/signals/${signalId}/attachments`, {
      filename: 'foto.png',
      mediaType: 'image/png',
      contentBase64: Buffer.from('<html><script>alert(1)</script></html>').toString('base64'),
    });
    expect(html).toMatchObject({ status: 415, body: { code: 'unsupported_media_type', field: 'contentBase64' } });
  });
});
