// Case handovers in the browser journeys: the sender's side of the "Dossier overdragen" form.
import type { Page } from 'playwright-core';

/**
 * Fills the rest of the handover form (`reason`, safety "zorgen" with its explanation, what is
 * known, legal basis "wettelijke taak"), sends it and waits for the page of `family`.
 */
export async function sendCaseHandover(page: Page, reason: string, family: string) {
  await page.getByLabel('Reden van overdracht').fill(reason);
  await page.getByLabel('zorgen', { exact: true }).check();
  await page.getByLabel('Toelichting op de veiligheid').fill('Spanningen tussen de ouders; veiligheidsplan loopt.');
  await page.getByLabel('Wat is bekend').fill('Onderzoek Veilig Thuis afgerond; hulp van jeugdhulp loopt.');
  await page.getByLabel('Grondslag').selectOption({ label: 'wettelijke taak' });
  await page.getByRole('button', { name: 'Overdracht versturen' }).click();
  await page.getByRole('heading', { name: family, level: 1 }).waitFor();
}
