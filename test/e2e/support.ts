// Browser journeys: a real Regie server on a free port with its own database, driven by
// Debian's Chromium through playwright-core, with an axe check of every screen.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createTestDatabase, type TestDb } from '../support/db.js';
import { createServer } from '../../src/server.js';
import { loadConfig } from '../../src/config.js';
import type { App } from '../../src/platform/http/app.js';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Env {
  t: TestDb;
  app: App;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startEnv(env: Record<string, string> = {}): Promise<Env> {
  const t = await createTestDatabase();
  const app = await createServer({ ...loadConfig({ LOGIN_RATE_LIMIT: '1000', ...env }), demoFamilies: 0 }, t.server, false);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  return {
    t,
    app,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}

export async function newPage(env: Env, lang = 'nl-NL'): Promise<Page> {
  const ctx = await env.browser.newContext({ locale: lang, viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
  // The app runs under its real Content Security Policy: anything it blocks fails the journey
  // (expectAccessible checks the list on every screen).
  const blocked: string[] = [];
  cspViolations.set(page, blocked);
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  return page;
}

/**
 * Logs in from the start page. The account's language (which the interface takes after a login)
 * is set to `accountLanguage` first — Dutch unless a journey says otherwise, null to leave it — so
 * that a journey that switched to English does not carry over into the next one.
 */
export async function login(page: Page, env: Env, username: string, password: string, accountLanguage: 'nl' | 'en' | null = 'nl') {
  if (accountLanguage) await env.t.db.query(`UPDATE users SET language = $1 WHERE username = $2`, [accountLanguage, username]);
  await page.goto(`${env.base}/`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Logs in and waits until the app shows the logged-in header. */
export async function loginAndWait(page: Page, env: Env, username: string, password: string, accountLanguage: 'nl' | 'en' | null = 'nl') {
  await login(page, env, username, password, accountLanguage);
  await page.getByRole('button', { name: /Uitloggen|Log out/ }).waitFor();
  // The app takes the account's language once the session is there (a render later): wait for it.
  if (accountLanguage) await inLanguage(page, accountLanguage);
}

/** Waits until the app shows its interface in `lang` (it sets the document's lang attribute). */
export async function inLanguage(page: Page, lang: 'nl' | 'en') {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

const cspViolations = new WeakMap<Page, string[]>();
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page: no serious or critical WCAG 2.1 A/AA violations allowed. */
export async function expectAccessible(page: Page, screen: string) {
  expect(cspViolations.get(page) ?? [], `${screen}: blocked by the Content Security Policy`).toEqual([]);
  // Injected through the DevTools protocol, which the page's CSP (no inline script) does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  expect(bad).toEqual([]);
  await expectReflows(page, screen);
}

/**
 * WCAG 1.4.10 (reflow): at 320 CSS pixels wide — a phone, or 400% zoom — the page does not scroll
 * sideways. Names the widest elements that stick out when it does.
 */
export async function expectReflows(page: Page, screen: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 320, height: 800 });
  try {
    const found = await page.evaluate(() => {
      const root = document.documentElement;
      const overflow = root.scrollWidth - root.clientWidth;
      const culprits =
        overflow <= 0
          ? []
          : [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest('.regie-visually-hidden, thead'))
              .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)) || el.children.length === 0)
              .slice(0, 5)
              .map(
                (el) =>
                  `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`,
              );
      return { overflow, culprits };
    });
    expect(
      found.overflow > 0
        ? `${screen}: scrolls sideways by ${found.overflow} px at 320 px — ${found.culprits.join(', ')}`
        : 'no sideways scroll',
    ).toBe('no sideways scroll');
  } finally {
    await page.setViewportSize(size);
  }
}

export async function screenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS) await page.screenshot({ path: `${process.env.SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Fills a birth date's three fields (Dag, Maand, Jaar) in the group (fieldset) named `name`. */
export async function fillBirthDate(scope: Page | Locator, name: string | RegExp, iso: string, nth = 0) {
  const [y, m, d] = iso.split('-');
  const group = scope.getByRole('group', { name, exact: typeof name === 'string' }).nth(nth);
  await group.getByLabel('Dag').fill(String(Number(d)));
  await group.getByLabel('Maand').fill(String(Number(m)));
  await group.getByLabel('Jaar').fill(y!);
}

/** The birth date its three fields show, as ISO ('' when empty). */
export async function birthDateIn(scope: Page | Locator, name: string | RegExp, nth = 0): Promise<string> {
  const group = scope.getByRole('group', { name, exact: typeof name === 'string' }).nth(nth);
  const [d, m, y] = await Promise.all(['Dag', 'Maand', 'Jaar'].map((l) => group.getByLabel(l).inputValue()));
  return d || m || y ? `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}` : '';
}

/** The element that has focus, as "tag: text" — e.g. "h2: Controleer en bevestig" or "button: Terug". */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim()}` : '';
  });
}

/** The confirm step of an irreversible action (web/src/ui/confirm.tsx): its region and the lines of what will happen. */
export function confirmStep(page: Page) {
  const region = page.getByRole('region', { name: /^(Controleer en bevestig|Check and confirm)$/ });
  return { region, lines: () => region.getByRole('listitem').allTextContents() };
}
