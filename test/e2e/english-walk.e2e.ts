// Every screen in English shows no Dutch interface text (issue 13): the demo region's coordinator,
// team lead, functional administrator and privacy officer open each of their screens with their
// account set to English, and no fragment of a Dutch catalogue (test/e2e/dutch-catalogue.ts) may
// appear on it. Citizen data stays as it was entered; only interface texts are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoRegion } from '../../src/demo/generator.js';
import { dutchFragments } from './dutch-catalogue.js';
import { inLanguage, loginAndWait, newPage, startEnv, type Env } from './support.js';

let env: Env;
const fragments = dutchFragments();

beforeAll(async () => {
  env = await startEnv();
  await seedDemoRegion(env.t.db, { families: 12, neighbour: false });
});
afterAll(async () => {
  await env?.close();
});

/** The Dutch fragments on the page once its heading and data are there. */
async function dutchOn(page: Page, path: string, lang: 'nl' | 'en' = 'en'): Promise<string[]> {
  await page.goto(`${env.base}${path}`);
  await page.locator('main h1').first().waitFor();
  await inLanguage(page, lang).catch((e: unknown) => {
    throw new Error(`${path}: the interface is not in ${lang} (html lang="${String(e)}")`);
  });
  // The data is there when nothing is loading any more (a screen that polls never goes network-idle).
  await expect.poll(() => page.locator('main').getAttribute('aria-busy')).toBeNull();
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const text = await page.locator('body').innerText();
  return fragments.filter((f) => text.includes(f)).map((f) => `${path}: “${f}”`);
}

/** Ids to visit, found through the API as the user sees it. */
async function firstIds(page: Page, scope: 'mine' | 'organisation') {
  return page.evaluate(async (scope) => {
    const json = async (url: string) => {
      const r = await fetch(url);
      return r.ok ? r.json() : null;
    };
    const families = (await json(`/api/v1/families?limit=20&scope=${scope}`)) as { items: Array<{ id: string }> } | null;
    let caseId: string | null = null;
    for (const f of families?.items ?? []) {
      const s = (await json(`/api/v1/families/${f.id}/plan-summary`)) as { caseId: string | null; current: unknown } | null;
      if (s?.caseId && s.current) {
        caseId = s.caseId;
        break;
      }
    }
    const signals = (await json('/api/v1/signals?limit=1')) as { items: Array<{ id: string }> } | null;
    const handovers = (await json('/api/v1/handovers?limit=1')) as { items: Array<{ id: string }> } | null;
    return {
      familyId: families?.items[0]?.id ?? null,
      caseId,
      signalId: signals?.items[0]?.id ?? null,
      handoverId: handovers?.items[0]?.id ?? null,
    };
  }, scope);
}

describe('journey: every screen in English', () => {
  it('shows no Dutch interface text to a coordinator and a team lead', async () => {
    expect(fragments.length).toBeGreaterThan(300); // the catalogues were read
    const found: string[] = [];
    for (const username of ['regisseur', 'teamleider']) {
      const page = await newPage(env, 'en-GB');
      await loginAndWait(page, env, username, DEMO_PASSWORD, 'en');
      await expect.poll(() => page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
      const ids = await firstIds(page, username === 'teamleider' ? 'organisation' : 'mine');
      const paths = [
        '/',
        '/gezinnen/nieuw',
        '/triage',
        '/meldingen/nieuw',
        '/verwijsindex',
        '/overdrachten',
        '/doorlooptijden',
        '/berichten',
        '/account',
        '/noodtoegang',
        ...(ids.familyId ? [`/gezinnen/${ids.familyId}`] : []),
        ...(ids.caseId ? [`/plannen/${ids.caseId}`] : []),
        ...(ids.signalId ? [`/meldingen/${ids.signalId}`] : []),
        ...(ids.handoverId ? [`/overdrachten/${ids.handoverId}`] : []),
      ];
      expect(ids.familyId, `${username} sees a family`).not.toBeNull();
      for (const path of paths) found.push(...(await dutchOn(page, path)).map((f) => `${username} ${f}`));
      await page.context().close();
    }
    expect(found).toEqual([]);
    // The check can fail: the same screens in Dutch are full of the catalogue's fragments.
    const dutch = await newPage(env);
    await loginAndWait(dutch, env, 'regisseur', DEMO_PASSWORD, 'nl');
    expect((await dutchOn(dutch, '/', 'nl')).length).toBeGreaterThan(3);
    await dutch.context().close();
  });

  it('shows no Dutch interface text to the functional administrator and the privacy officer', async () => {
    const found: string[] = [];
    for (const [username, paths] of [
      [
        'beheer',
        [
          '/beheer',
          '/beheer/regio',
          '/beheer/organisaties',
          '/beheer/accounts',
          '/beheer/toegangsregels',
          '/beheer/blinde-vlekken',
          '/beheer/plan',
          '/beheer/e-mail',
          '/doorlooptijden',
        ],
      ],
      ['privacy', ['/privacy/audit', '/privacy/noodtoegang', '/privacy/personen', '/beheer/toegangsregels']],
    ] as const) {
      const page = await newPage(env, 'en-GB');
      await loginAndWait(page, env, username, DEMO_PASSWORD, 'en');
      for (const path of paths) found.push(...(await dutchOn(page, path)).map((f) => `${username} ${f}`));
      await page.context().close();
    }
    expect(found).toEqual([]);
  });
});
