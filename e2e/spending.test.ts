import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumAvailable,
  isExpectedHttpError,
  screenshotEachTest,
  seriousViolations,
  startE2E,
  type E2E,
} from './browser.js';

/** Whole euros from a Dutch amount in a cell: "€ 136.000" → 136000, "−€ 1.382" → -1382. */
const euros = (text: string | null) => {
  const digits = Number((text ?? '').replace(/[^\d]/g, ''));
  return /[−-]/.test(text ?? '') ? -digits : digits;
};

/** The realisation of a row of the realisation table and of the annual report (× € 1.000). */
async function spentOn(page: Page, name: string) {
  const row = (testId: string) =>
    page.getByTestId(testId).locator('tbody tr', { has: page.getByRole('rowheader', { name }) });
  return {
    realisation: euros(await row('budget-realisation').locator('td').nth(1).textContent()),
    report: euros(await row('budget-report').locator('td').nth(1).textContent()),
  };
}

describe.skipIf(!chromiumAvailable)('spending lines on the budget page in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  // Every test leaves a screenshot of the page it ended on, named after the test.
  const openPage = screenshotEachTest('spending-');

  test('the analyst adds a line (a refused date shown at the field), sees the realisation move, and deletes it', async () => {
    const { page, problems } = await openPage(e2e, '/begroting');
    await page.getByTestId('spending-table').waitFor();
    await page.getByTestId('budget-report').waitFor();
    const before = await spentOn(page, 'Algemeen');

    const form = page.getByTestId('spending-form');
    await form.getByLabel('Datum').fill('15-06-2024');
    await form.getByLabel('Categorie').fill('bewonersavond');
    await form.getByLabel('Geboekt op').selectOption({ label: 'Post zonder gebied' });
    await form
      .getByLabel('Post zonder gebied', { exact: true })
      .selectOption({ label: 'Algemeen' });
    await form.getByLabel('Bedrag (€)').fill('25.000,00');
    await form.getByLabel('Omschrijving (niet verplicht)').fill('Zaalhuur bewonersavond');
    await form.getByLabel('Valt onder de prestatieafspraken').selectOption({ label: 'ja' });
    // Submitted with the keyboard; the server refuses a date outside the year, at that field.
    await form.getByLabel('Bedrag (€)').press('Enter');
    const dateError = form.getByRole('alert');
    await dateError.waitFor();
    expect(await dateError.textContent()).toBe('Kies een datum in 2025.');
    expect(await form.getByLabel('Datum').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe(
      'dd-mm-jjjj',
    );

    await form.getByLabel('Datum').fill('15-06-2025');
    await form.getByRole('button', { name: 'Uitgave toevoegen' }).click();
    const message = page.getByTestId('spending-message');
    await message.waitFor();
    expect(await message.textContent()).toBe('Uitgave van € 25.000,00 op Algemeen toegevoegd.');
    // The page's tables reload: the realisation and the annual report move by the amount.
    await expect
      .poll(() => spentOn(page, 'Algemeen'), { timeout: 10_000 })
      .toEqual({ realisation: before.realisation + 25_000, report: before.report + 25 });

    const row = page
      .getByTestId('spending-table')
      .locator('tbody tr', { hasText: 'Zaalhuur bewonersavond' });
    expect(await row.locator('td').allTextContents()).toEqual([
      '15-06-2025',
      'AlgemeenPost zonder gebied',
      'bewonersavond',
      '€ 25.000,00',
      'Zaalhuur bewonersavond',
      'ja',
      'ingevoerd door analyst@demo.buurtbalans.nl',
      'Verwijderen',
    ]);
    // Filtered on the line and the category: the one line, and its amount as the total.
    await page
      .getByLabel('Waar', { exact: true })
      .selectOption({ label: 'Algemeen (post zonder gebied)' });
    await page.getByLabel('Categorie', { exact: true }).last().selectOption('bewonersavond');
    expect(await page.getByTestId('spending-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('spending-total').textContent()).toBe('€ 25.000,00');
    expect(await seriousViolations(page)).toEqual([]);

    await row
      .getByRole('button', { name: 'Uitgave van 15-06-2025 (€ 25.000,00) verwijderen' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await expect
      .poll(async () => message.textContent())
      .toBe('De uitgave van 15-06-2025 (€ 25.000,00) is verwijderd.');
    await expect.poll(() => spentOn(page, 'Algemeen'), { timeout: 10_000 }).toEqual(before);
    expect(await row.count()).toBe(0);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('a viewer sees the lines of its area without the form or delete buttons', async () => {
    const { page, problems } = await openPage(e2e, '/begroting', { as: 'viewer' });
    const table = page.getByTestId('spending-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('spending-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /verwijderen/i }).count()).toBe(0);
    // Only its region (Kreekzand, GM9903) and what lies in it: the total is the region's realisation.
    const realisation = await page
      .getByTestId('budget-realisation')
      .locator('tbody tr td')
      .nth(1)
      .textContent();
    expect(euros(await page.getByTestId('spending-total').textContent())).toBeGreaterThan(0);
    expect(Math.round(euros(await page.getByTestId('spending-total').textContent()) / 100)).toBe(
      euros(realisation),
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });
});
