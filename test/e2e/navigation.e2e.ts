// Navigation as a keyboard or screen-reader user meets it (issue 13): every screen names itself in
// the page title, a navigation moves focus to the new screen's heading, and a slow answer is
// announced while the content is marked busy; and the core journey (log in, register a family, see
// its page) can be done with the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createRegion, createUser, familyBody, PASSWORD, type TestUser } from '../support/factory.js';
import { registerFamily } from '../../src/modules/families/families.service.js';
import { RegisterFamilyBody } from '../../src/modules/families/families.contract.js';
import { expectAccessible, loginAndWait, newPage, startEnv, type Env } from './support.js';

let env: Env;
let coord: TestUser;

beforeAll(async () => {
  env = await startEnv();
  const region = await createRegion(env.t.db);
  const team = await createOrganisation(env.t.db, region, 'municipal_team', 'Sociaal Team Veere');
  coord = await createUser(env.t.db, region, team, ['professional', 'coordinator']);
  await registerFamily(
    env.t.db,
    coord.actor,
    RegisterFamilyBody.parse(familyBody(coord.actor.userId, { familyName: 'Kramer', children: 1 })),
  );
});
afterAll(async () => {
  await env?.close();
});

const focusedHeading = (page: Awaited<ReturnType<typeof newPage>>) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a?.tagName === 'H1' ? a.textContent : `${a?.tagName ?? 'none'}`;
  });

type Pg = Awaited<ReturnType<typeof newPage>>;
/** The accessible name of the focused control, roughly: aria-label, else its label, else its text. */
const focusedName = (page: Pg) =>
  page.evaluate(() => {
    const a = document.activeElement as HTMLInputElement | null;
    if (!a || a === document.body) return '';
    return (a.getAttribute('aria-label') ?? a.labels?.[0]?.textContent ?? a.textContent ?? '').trim();
  });

/** Presses Tab (nothing else) until the focused control's name matches: proves it is reachable by keyboard. */
async function tabTo(page: Pg, name: RegExp, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`${String(name)} is not reached with Tab (last: ${await focusedName(page)})`);
}

describe('journey: moving through Regie with the keyboard', () => {
  it('logs in, registers a family and reaches its page with the keyboard alone', async () => {
    const page = await newPage(env);
    await env.t.db.query(`UPDATE users SET language = 'nl' WHERE username = $1`, [coord.username]);
    await page.goto(`${env.base}/`);
    await tabTo(page, /^Gebruikersnaam/);
    await page.keyboard.type(coord.username);
    await tabTo(page, /^Wachtwoord/);
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await expect.poll(() => focusedHeading(page)).toBe('Mijn gezinnen');

    await tabTo(page, /^Gezin registreren$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedHeading(page)).toBe('Gezin registreren');
    for (const given of ['Noor', 'Sam']) {
      await tabTo(page, /^Voornamen/);
      await page.keyboard.type(given);
      await tabTo(page, /^Achternaam/);
      await page.keyboard.type('Visser');
    }
    await tabTo(page, /^Grondslag/);
    await page.keyboard.type('toestemming'); // a closed select takes the typed option
    expect(await page.getByLabel('Grondslag').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('toestemming');
    await tabTo(page, /^Registreren$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Gezin Visser – Regie');
    await expect.poll(() => focusedHeading(page)).toBe('Gezin Visser');
    expect(await page.getByText('Noor Visser').count()).toBeGreaterThan(0);
  });

  it('titles every screen after its heading and moves focus to it after a navigation, in both languages', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    await expect.poll(() => page.title()).toBe('Mijn gezinnen – Regie');

    // A menu link: focus leaves the link for the new screen's heading.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Triage' }).click();
    await expect.poll(() => page.title()).toBe('Triage – Regie');
    await expect.poll(() => focusedHeading(page)).toBe('Triage');

    // A heading that arrives with its data (the family page) names the screen when it is there.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn gezinnen' }).click();
    await page.getByRole('link', { name: 'Gezin Kramer' }).click();
    await expect.poll(() => page.title()).toBe('Gezin Kramer – Regie');
    await expect.poll(() => focusedHeading(page)).toBe('Gezin Kramer');
    await expectAccessible(page, 'gezinspagina na navigatie');

    // In English the menu and the title follow the language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My families' }).click();
    await expect.poll(() => page.title()).toBe('My families – Regie');
    await expect.poll(() => focusedHeading(page)).toBe('My families');
  });

  it('marks the content busy and says "Laden…" while an answer is slow', async () => {
    const page = await newPage(env);
    await loginAndWait(page, env, coord.username, PASSWORD);
    // Hold the answer of the triage list back for a moment, as a busy server would.
    await page.route('**/api/v1/signals?**', async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Triage' }).click();
    await expect.poll(() => page.locator('main').getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Laden…' }).count()).toBe(1);
    await expect.poll(() => page.locator('main').getAttribute('aria-busy'), { timeout: 10_000 }).toBeNull();
  });
});
