// Journey: a neighbour attaches a phone photo to the public concern form (after a renamed web
// page is refused), and a triaging professional downloads it — as an attachment, without the
// place where the photo was taken.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, PASSWORD, type TestUser } from '../support/factory.js';
import { gpsBytes, PHONE, phoneJpeg } from '../support/files.js';
import { expectAccessible, loginAndWait, newPage, screenshot, startEnv, type Env } from './support.js';

let env: Env;
let region: string;
let triager: TestUser;

beforeAll(async () => {
  env = await startEnv();
  region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Wijkteam Veere');
  await env.t.db.query(`INSERT INTO signal_settings (region_id, front_door_organisation_id) VALUES ($1, $2)`, [region, team]);
  triager = await createUser(env.t.db, region, team, ['professional']);
});
afterAll(async () => {
  await env?.close();
});

let signalId = '';

describe('journey: a neighbour sends a photo with a concern, and the front door downloads it', () => {
  it('the neighbour attaches a photo; a web page renamed .png is refused by name, the photo goes through', async () => {
    const page = await newPage(env);
    await page.goto(`${env.base}/zorg-melden`);
    await page.getByRole('heading', { name: 'Zorgen over iemand melden', level: 1 }).waitFor();
    await expect.poll(() => page.getByText(`Uw melding gaat naar: Regio ${region}.`).count()).toBe(1);
    await page.getByLabel('Over wie maakt u zich zorgen?').fill('De kinderen van nummer 7');
    await page
      .getByLabel('Wat heeft u gezien of gehoord?')
      .fill('Er ligt al weken afval en glas in de tuin waar de kinderen spelen; zie de foto.');
    const files = page.getByLabel(/Foto's of documenten/);
    await files.setInputFiles({
      name: 'foto.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
    });
    await expect.poll(() => page.getByRole('button', { name: 'Bestand weghalen: foto.png' }).count()).toBe(1);
    await expectAccessible(page, 'zorg melden met bestand');
    await page.waitForTimeout(3_200); // people take longer than the form's minimum of 3 seconds
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    // The refusal names the file and says why; what was typed stays.
    await expect.poll(() => page.getByText(/foto\.png: Dit soort bestand kan niet worden toegevoegd/).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('Over wie maakt u zich zorgen?').inputValue()).toBe('De kinderen van nummer 7');
    await expectAccessible(page, 'zorg melden bestand geweigerd');
    await page.getByRole('button', { name: 'Bestand weghalen: foto.png' }).click();
    await files.setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: phoneJpeg() });
    await page.getByRole('button', { name: 'Bestand weghalen: IMG_2041.jpg' }).waitFor();
    await screenshot(page, 'zorg-melden-foto');
    await page.getByRole('button', { name: 'Melding versturen' }).click();
    await page.getByRole('heading', { name: 'Bedankt voor uw melding' }).waitFor();
    const ref = /M-\d{4}-\d{6}/.exec((await page.locator('main').textContent()) ?? '')?.[0];
    expect(ref).toBeTruthy();
    const rows = await env.t.db.query<{ id: string; filename: string; media_type: string }>(
      `SELECT s.id, a.filename, a.media_type FROM signals s JOIN signal_attachments a ON a.region_id = s.region_id AND a.signal_id = s.id WHERE s.region_id = $1 AND s.reference = $2`,
      [region, ref],
    );
    expect(rows.map((r) => [r.filename, r.media_type])).toEqual([['IMG_2041.jpg', 'image/jpeg']]);
    signalId = rows[0]!.id;
  });

  it('the triaging professional downloads the photo as an attachment, without its GPS position or phone', async () => {
    expect(signalId).not.toBe('');
    const page = await newPage(env);
    await loginAndWait(page, env, triager.username, PASSWORD);
    await page.goto(`${env.base}/meldingen/${signalId}`);
    const link = page.getByRole('link', { name: 'Downloaden: IMG_2041.jpg' });
    await link.waitFor();
    await expect.poll(() => page.getByText(/via het publieke formulier/).count()).toBe(1);
    await expectAccessible(page, 'melding met foto van buren');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('IMG_2041.jpg');
    const saved = await readFile(await download.path());
    expect(saved.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(saved.includes(gpsBytes())).toBe(false);
    expect(saved.includes(Buffer.from(PHONE))).toBe(false);
    // Still a picture: the browser draws the cleaned file.
    expect(
      await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/jpeg;base64,${b64}`;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, saved.toString('base64')),
    ).toEqual([8, 8]);
    // What the server says about it: a download, not a page; not sniffed; nothing in it may run.
    const answer = await page.request.get(`${env.base}${await link.getAttribute('href')}`);
    expect(answer.status()).toBe(200);
    expect(answer.headers()).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(answer.headers()['content-disposition']).toMatch(/^attachment; filename="IMG_2041.jpg"/);
  });
});
