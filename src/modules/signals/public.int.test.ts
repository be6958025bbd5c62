import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDb } from '../../../test/support/db.js';
import { createOrganisation, createRegion, createUser, type TestUser } from '../../../test/support/factory.js';
import { login, testApp, type Client } from '../../../test/support/http.js';
import type { App } from '../../platform/http/app.js';
import { issueFormToken } from './public.service.js';
import { PUBLIC_CONCERN_LIMIT, PUBLIC_CONCERN_TOKEN_LIMIT } from './signals.routes.js';
import { MAX_PUBLIC_ATTACHMENT_BYTES } from './files.js';
import { AUTHOR, authoredPdf, gpsBytes, PHONE, phoneJpeg, plainJpeg } from '../../../test/support/files.js';

let t: TestDb;
let app: App;
let region: string;
let frontDoor: string;
let closedRegion: string;
let lead: TestUser;
let l: Client;

beforeAll(async () => {
  t = await createTestDatabase();
  region = await createRegion(t.db);
  frontDoor = await createOrganisation(t.db, region, 'municipal_team', 'Wijkteam Centrum');
  await t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, frontDoor]);
  closedRegion = await createRegion(t.db);
  lead = await createUser(t.db, region, frontDoor, ['professional', 'team_lead']);
  app = await testApp(t.server);
  l = await login(app, lead.username);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A token from a form opened five seconds ago: a person took their time. */
const oldToken = () => issueFormToken(t.db, new Date(Date.now() - 5_000));
let ip = 0;
const nextIp = () => `10.1.0.${++ip}`;

async function send(body: Record<string, unknown>, remoteAddress = nextIp()) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/public/concerns',
    remoteAddress,
    payload: {
      regionId: region,
      formToken: await oldToken(),
      about: 'Het meisje van nummer 12',
      whatSeen: 'Ik hoor ’s nachts vaak geschreeuw en een kind dat huilt.',
      ...body,
    },
  });
  return { status: r.statusCode, body: r.json(), type: String(r.headers['content-type']) };
}
/** The concern as the browser sends it with files: multipart/form-data with a "concern" part (JSON) and "attachments" parts. */
async function sendForm(
  body: Record<string, unknown>,
  files: Array<{ name: string; type: string; content: Buffer }>,
  opts: { remoteAddress?: string; headers?: Record<string, string>; extra?: Buffer; target?: App } = {},
) {
  const form = new FormData();
  form.append(
    'concern',
    JSON.stringify({
      regionId: region,
      formToken: await oldToken(),
      about: 'Het meisje van nummer 12',
      whatSeen: 'Ik hoor ’s nachts vaak geschreeuw en een kind dat huilt.',
      ...body,
    }),
  );
  for (const f of files) form.append('attachments', new File([new Uint8Array(f.content)], f.name, { type: f.type }));
  if (opts.extra) form.append('attachments', new File([new Uint8Array(opts.extra)], 'extra.txt', { type: 'text/plain' }));
  const encoded = new Response(form);
  const r = await (opts.target ?? app).inject({
    method: 'POST',
    url: '/api/v1/public/concerns',
    remoteAddress: opts.remoteAddress ?? nextIp(),
    headers: { 'content-type': encoded.headers.get('content-type')!, ...opts.headers },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
  return { status: r.statusCode, body: r.json(), type: String(r.headers['content-type']) };
}
const signalCount = async () =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signals WHERE region_id = $1`, [region]))[0]!.n;

describe('the public concern form', () => {
  it('opens without an account: a token and the regions that receive concerns', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/v1/public/concerns/form-token' });
    expect(r.statusCode).toBe(200);
    expect(r.json().regions).toEqual([{ id: region, name: `Regio ${region}` }]);
    expect(r.json().token).toMatch(/^\d+\.[\w-]+$/);
  });

  it('accepts a concern and answers with the reference only; the front door finds it in its queue, audited without a user', async () => {
    const r = await send({ reporterName: 'A. de Buur', reporterContact: '06-12345678', place: 'Dorpsstraat 12' });
    expect(r.status).toBe(201);
    expect(Object.keys(r.body)).toEqual(['reference']);
    expect(r.body.reference).toMatch(/^M-\d{4}-\d{6}$/);
    const row = (
      await t.db.query<Record<string, any>>(
        `SELECT id, source, receiving_organisation_id, reporter_user_id, urgency, reporter_name FROM signals WHERE reference = $1`,
        [r.body.reference],
      )
    )[0]!;
    expect(row).toMatchObject({
      source: 'citizen',
      receiving_organisation_id: frontDoor,
      reporter_user_id: null,
      urgency: 'normal',
      reporter_name: 'A. de Buur',
    });
    const audit = await t.db.query(
      `SELECT action, user_id, user_role, on_behalf_of, ip FROM audit_log WHERE region_id = $1 AND object_id = $2`,
      [region, row.id],
    );
    expect(audit).toEqual([{ action: 'create', user_id: null, user_role: 'citizen', on_behalf_of: 'public-form', ip: null }]);
    expect(await t.db.query(`SELECT moment, organisation_id FROM lead_time_moments WHERE signal_id = $1`, [row.id])).toEqual([
      { moment: 'received', organisation_id: frontDoor },
    ]);
    const queue = (await l.get('/api/v1/signals')).body.items;
    expect(queue.find((i: { reference: string }) => i.reference === r.body.reference)).toMatchObject({
      source: 'citizen',
      subject: 'Het meisje van nummer 12',
    });
  });

  it('is anonymous without name or contact; a worry about safety makes it urgent and tells the team lead', async () => {
    const r = await send({ worriedAboutSafety: true });
    const row = (
      await t.db.query<Record<string, any>>(`SELECT id, source, urgency, safety_at_stake FROM signals WHERE reference = $1`, [
        r.body.reference,
      ])
    )[0]!;
    expect(row).toMatchObject({ source: 'anonymous', urgency: 'high', safety_at_stake: true });
    expect(await t.db.query(`SELECT link FROM notifications WHERE user_id = $1 AND kind = 'signal_safety'`, [lead.actor.userId])).toEqual([
      { link: `/meldingen/${row.id}` },
    ]);
  });

  it('keeps robots out: honeypot, a form sent too fast, a forged token — and writes nothing', async () => {
    const before = await signalCount();
    const honey = await send({ website: 'http://spam.example' });
    expect(honey).toMatchObject({ status: 400, body: { code: 'spam_suspected', field: 'website' } });
    expect(honey.type).toContain('application/problem+json');
    const fast = await send({ formToken: await issueFormToken(t.db) });
    expect(fast).toMatchObject({ status: 400, body: { code: 'too_fast', field: 'formToken' } });
    const forged = await send({ formToken: `${Date.now() - 10_000}.abc` });
    expect(forged).toMatchObject({ status: 400, body: { code: 'invalid_form_token', field: 'formToken' } });
    const stale = await send({ formToken: await issueFormToken(t.db, new Date(Date.now() - 25 * 3600_000)) });
    expect(stale.body.code).toBe('invalid_form_token');
    expect(await signalCount()).toBe(before);
  });

  it('accepts a small plain-text attachment as JSON; refuses oversized, mislabelled and damaged files, and JSON beyond 16 KB', async () => {
    const text = Buffer.from('Aantekeningen: dinsdag 22:00 geschreeuw, woensdag politie aan de deur.\n');
    const ok = await send({ attachments: [{ filename: 'notities.txt', mediaType: 'text/plain', contentBase64: text.toString('base64') }] });
    expect(ok.status).toBe(201);
    const [a] = await t.db.query<{ media_type: string; uploaded_by: string | null; size_bytes: number }>(
      `SELECT a.media_type, a.uploaded_by, a.size_bytes FROM signal_attachments a JOIN signals s ON s.region_id = a.region_id AND s.id = a.signal_id WHERE s.reference = $1`,
      [ok.body.reference],
    );
    expect(a).toEqual({ media_type: 'text/plain', uploaded_by: null, size_bytes: text.length });

    const before = await signalCount();
    const big = await sendForm({}, [{ name: 'lang.txt', type: 'text/plain', content: Buffer.alloc(MAX_PUBLIC_ATTACHMENT_BYTES + 1, 'a') }]);
    expect(big).toMatchObject({ status: 413, body: { code: 'too_large', field: 'attachments[0]' } });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const image = await send({ attachments: [{ filename: 'foto.txt', mediaType: 'text/plain', contentBase64: png.toString('base64') }] });
    expect(image).toMatchObject({ status: 415, body: { code: 'unsupported_media_type', field: 'attachments[0]' } });
    const pdf = await send({
      attachments: [
        { filename: 'brief.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\n...').toString('base64') },
      ],
    });
    expect(pdf).toMatchObject({ status: 415, body: { code: 'damaged_file', field: 'attachments[0]' } });
    // Without an account a JSON body stays within 16 KB, also with a file in it.
    const huge = await app.inject({
      method: 'POST',
      url: '/api/v1/public/concerns',
      remoteAddress: nextIp(),
      payload: {
        regionId: region,
        formToken: await oldToken(),
        about: 'x',
        whatSeen: 'y'.repeat(20),
        attachments: [{ filename: 'a.txt', mediaType: 'text/plain', contentBase64: 'a'.repeat(17 * 1024) }],
      },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'too_large' });
    expect(await signalCount()).toBe(before);
  });

  it('takes a phone photo and a PDF as multipart/form-data and stores them without GPS position or author', async () => {
    const r = await sendForm({}, [
      { name: 'IMG_2041.jpg', type: 'image/jpeg', content: phoneJpeg() },
      { name: 'brief buren.pdf', type: 'application/pdf', content: await authoredPdf() },
    ]);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const rows = await t.db.query<{
      filename: string;
      media_type: string;
      content: Uint8Array;
      size_bytes: number;
      uploaded_by: string | null;
    }>(
      `SELECT a.filename, a.media_type, a.content, a.size_bytes, a.uploaded_by FROM signal_attachments a JOIN signals s ON s.region_id = a.region_id AND s.id = a.signal_id
        WHERE s.reference = $1 ORDER BY a.media_type`,
      [r.body.reference],
    );
    expect(rows.map((x) => [x.filename, x.media_type, x.uploaded_by])).toEqual([
      ['brief buren.pdf', 'application/pdf', null],
      ['IMG_2041.jpg', 'image/jpeg', null],
    ]);
    for (const row of rows) {
      const content = Buffer.from(row.content);
      expect(content.length).toBe(row.size_bytes);
      expect(content.includes(gpsBytes())).toBe(false);
      expect(content.includes(Buffer.from(PHONE))).toBe(false);
      expect(content.includes(Buffer.from(AUTHOR))).toBe(false);
      expect(content.includes(Buffer.from('/Author'))).toBe(false);
    }
    // Each stored file is a write of the public form in the audit log.
    const audited = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE region_id = $1 AND object_type = 'signal-attachment' AND on_behalf_of = 'public-form'
      AND object_id IN (SELECT a.id::text FROM signal_attachments a JOIN signals s ON s.region_id = a.region_id AND s.id = a.signal_id WHERE s.reference = $2)`,
      [region, r.body.reference],
    );
    expect(audited[0]?.n).toBe(2);
    // The front door downloads the photo: as an attachment, never shown inline, without the position.
    const { id } = (await t.db.query<{ id: string }>(`SELECT id FROM signals WHERE reference = $1`, [r.body.reference]))[0]!;
    const detail = (await l.get(`/api/v1/signals/${id}`)).body;
    const listed = detail.attachments as Array<{ id: string; filename: string; mediaType: string; fromPublic: boolean }>;
    expect(listed.map((x) => [x.mediaType, x.filename, x.fromPublic]).sort()).toEqual([
      ['application/pdf', 'brief buren.pdf', true],
      ['image/jpeg', 'IMG_2041.jpg', true],
    ]);
    for (const [i, type, name] of [
      [0, 'application/pdf', 'brief buren.pdf'],
      [1, 'image/jpeg', 'IMG_2041.jpg'],
    ] as const) {
      const dl = await app.inject({
        method: 'GET',
        url: `/api/v1/signals/${id}/attachments/${listed.find((x) => x.mediaType === type)!.id}`,
        headers: { cookie: l.cookie },
      });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe(type);
      expect(String(dl.headers['content-disposition'])).toMatch(new RegExp(`^attachment; filename="${name}"`));
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      expect(dl.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
      expect(dl.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(dl.rawPayload.equals(Buffer.from(rows[i]!.content))).toBe(true);
    }
  });

  it('refuses an HTML page renamed .png, a fourth file, a file too large for the form and a post from another site — and writes nothing', async () => {
    const before = await signalCount();
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>');
    const renamed = await sendForm({}, [
      { name: 'foto.jpg', type: 'image/jpeg', content: phoneJpeg() },
      { name: 'foto.png', type: 'image/png', content: html },
    ]);
    expect(renamed).toMatchObject({ status: 415, body: { code: 'unsupported_media_type', field: 'attachments[1]' } });
    expect(renamed.type).toContain('application/problem+json');
    const four = await sendForm(
      {},
      Array.from({ length: 4 }, (_, i) => ({ name: `${i}.jpg`, type: 'image/jpeg', content: plainJpeg() })),
    );
    expect(four).toMatchObject({ status: 400, body: { code: 'too_many_files', field: 'attachments' } });
    const tooMuch = await sendForm(
      {},
      Array.from({ length: 3 }, (_, i) => ({
        name: `${i}.txt`,
        type: 'text/plain',
        content: Buffer.alloc(MAX_PUBLIC_ATTACHMENT_BYTES, 'a'),
      })),
      { extra: Buffer.alloc(200 * 1024, 'b') },
    );
    expect(tooMuch).toMatchObject({ status: 413, body: { code: 'too_large', field: 'attachments' } });
    const crossSite = await sendForm({}, [{ name: 'foto.jpg', type: 'image/jpeg', content: plainJpeg() }], {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite).toMatchObject({ status: 403, body: { code: 'cross_site' } });
    expect(await signalCount()).toBe(before);
  });

  it('accepts a form token once: a replay is refused and writes nothing', async () => {
    const formToken = await oldToken();
    const first = await send({ formToken });
    expect(first.status).toBe(201);
    const before = await signalCount();
    const replay = await send({ formToken, about: 'Een ander kind' });
    expect(replay).toMatchObject({
      status: 409,
      body: { code: 'form_already_sent', field: 'formToken', titleEn: expect.any(String), detailEn: expect.any(String) },
    });
    expect(replay.type).toContain('application/problem+json');
    expect(await signalCount()).toBe(before);
  });

  it('a region-wide daily cap warns the functional administrators once and then refuses, naming 112 and Veilig Thuis', async () => {
    const capped = await createRegion(t.db);
    const door = await createOrganisation(t.db, capped, 'municipal_team');
    await t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [capped, door]);
    const admin = await createUser(t.db, capped, door, ['functional_admin']);
    const small = await testApp(t.server, { PUBLIC_CONCERN_DAILY_CAP: '2' });
    try {
      const submit = async () => {
        const r = await small.inject({
          method: 'POST',
          url: '/api/v1/public/concerns',
          remoteAddress: nextIp(),
          payload: {
            regionId: capped,
            formToken: await oldToken(),
            about: 'Het kind van de buren',
            whatSeen: 'Elke avond harde ruzie en gehuil.',
          },
        });
        return { status: r.statusCode, body: r.json(), type: String(r.headers['content-type']) };
      };
      const warnings = () =>
        t.db.query(`SELECT link FROM notifications WHERE region_id = $1 AND user_id = $2 AND kind = 'public_form_cap'`, [
          capped,
          admin.actor.userId,
        ]);
      expect((await submit()).status).toBe(201);
      expect(await warnings()).toEqual([]);
      expect((await submit()).status).toBe(201);
      expect(await warnings()).toHaveLength(1);
      const refused = await submit();
      expect(refused.status).toBe(429);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body.detail).toContain('112');
      expect(refused.body.detail).toContain('0800-2000');
      expect(refused.body.detailEn).toContain('Veilig Thuis');
      expect((await submit()).status).toBe(429);
      expect(await warnings()).toHaveLength(1);
      // Other regions keep their own count.
      expect((await send({})).status).toBe(201);
    } finally {
      await small.close();
    }
  });

  it('refuses a region without a front door, in plain language', async () => {
    const r = await send({ regionId: closedRegion });
    expect(r).toMatchObject({ status: 400, body: { field: 'regionId' } });
  });

  it('rate-limits per IP address: a flood from one address is stopped, everyone else still gets through', async () => {
    const flooder = '192.0.2.66';
    const results = [];
    for (let i = 0; i < PUBLIC_CONCERN_LIMIT.max + 3; i++) results.push((await send({}, flooder)).status);
    expect(results.slice(0, PUBLIC_CONCERN_LIMIT.max)).toEqual(Array(PUBLIC_CONCERN_LIMIT.max).fill(201));
    expect(results.slice(PUBLIC_CONCERN_LIMIT.max)).toEqual([429, 429, 429]);
    const refused = await send({}, flooder);
    expect(refused.body).toMatchObject({ status: 429, detail: expect.stringContaining('0800-2000') });
    // An honest neighbour on another connection, during the flood.
    const honest = await send({ about: 'De jongen van de overburen' }, '198.51.100.7');
    expect(honest.status).toBe(201);
    expect((await t.db.query(`SELECT subject_description FROM signals WHERE reference = $1`, [honest.body.reference]))[0]).toEqual({
      subject_description: 'De jongen van de overburen',
    });
  });

  it('lets two people in one household both report within ten minutes, each after a few mistakes', async () => {
    const home = '192.0.2.12';
    const statuses: number[] = [];
    for (const who of ['De buurvrouw', 'De buurman']) {
      const formToken = await oldToken();
      statuses.push((await send({ formToken, whatSeen: 'kort' }, home)).status); // too short
      statuses.push((await send({ formToken: await issueFormToken(t.db) }, home)).status); // sent too fast
      statuses.push(
        (
          await send(
            {
              formToken,
              attachments: [
                { filename: 'foto.png', mediaType: 'image/png', contentBase64: Buffer.from('<html></html>').toString('base64') },
              ],
            },
            home,
          )
        ).status,
      );
      statuses.push((await send({ formToken, reporterName: who }, home)).status);
    }
    // Eight posts from one address in a minute: more than the five that used to turn the second person away.
    expect(statuses).toEqual([400, 400, 415, 201, 400, 400, 415, 201]);
    const names = await t.db.query<{ reporter_name: string }>(
      `SELECT reporter_name FROM signals WHERE region_id = $1 AND reporter_name LIKE 'De buur%' ORDER BY reporter_name`,
      [region],
    );
    expect(names.map((n) => n.reporter_name)).toEqual(['De buurman', 'De buurvrouw']);
  });

  it('stops a robot that replays one form token, whatever address it uses; other forms still get through', async () => {
    const formToken = await oldToken();
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_CONCERN_TOKEN_LIMIT.max + 2; i++) statuses.push((await send({ formToken })).status);
    expect(statuses).toEqual([201, 409, 409, 409, 409, 429, 429]);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/public/concerns',
      remoteAddress: nextIp(),
      payload: { regionId: region, formToken, about: 'Een ander kind', whatSeen: 'Nog een melding met hetzelfde formulier.' },
    });
    expect(r.statusCode).toBe(429);
    expect(r.json()).toMatchObject({
      code: 'too_many',
      detail: expect.stringContaining('0800-2000'),
      detailEn: expect.stringContaining('Veilig Thuis'),
    });
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect((await send({})).status).toBe(201);
  });

  it('slows a flood from many addresses per region before the daily cap, naming 112 and Veilig Thuis; another region goes on', async () => {
    const busy = await createRegion(t.db);
    const door = await createOrganisation(t.db, busy, 'municipal_team');
    await t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [busy, door]);
    const limited = await testApp(t.server, { PUBLIC_CONCERN_REGION_LIMIT: '3' });
    try {
      const submit = async (regionId: string) => {
        const r = await limited.inject({
          method: 'POST',
          url: '/api/v1/public/concerns',
          remoteAddress: nextIp(),
          payload: { regionId, formToken: await oldToken(), about: 'Het kind van de buren', whatSeen: 'Elke avond harde ruzie en gehuil.' },
        });
        return { status: r.statusCode, body: r.json() };
      };
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await submit(busy)).status);
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
      const refused = await submit(busy);
      expect(refused.body).toMatchObject({
        status: 429,
        detail: expect.stringContaining('112'),
        detailEn: expect.stringContaining('0800-2000'),
      });
      expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signals WHERE region_id = $1`, [busy]))[0]?.n).toBe(3);
      expect((await submit(region)).status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
