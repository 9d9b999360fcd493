import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  chromiumAvailable,
  isExpectedHttpError,
  screenshotEachTest,
  seriousViolations,
  startE2E,
  type E2E,
} from './browser.js';

describe.skipIf(!chromiumAvailable)('the budget page in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  // Every test leaves a screenshot of the page it ended on, named after the test.
  const openPage = screenshotEachTest('budget-');

  test('the analyst opens Begroting from the header: the annual-report table and its CSV', async () => {
    const { page, problems } = await openPage(e2e, '/');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Begroting' })
      .click();
    await page.waitForURL(/\/begroting$/);
    const table = page.getByTestId('budget-report');
    await table.waitFor();
    // The newest year with an adopted begroting: 2025 in the demo.
    expect(await page.locator('#budget-year').inputValue()).toBe('2025');
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.slice(1)).toEqual(['Begroting 2025', 'Realisatie 2025', 'Realisatie 2024']);
    const total = table.locator('tbody tr', {
      has: page.getByRole('rowheader', { name: 'Alle leefbaarheidsuitgaven' }),
    });
    expect(await total.count()).toBe(1);
    expect(await total.locator('td').first().textContent()).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
    const rowNames = await table.locator('tbody th').allTextContents();
    expect(rowNames.slice(-3)).toEqual([
      'Alle leefbaarheidsuitgaven',
      'Aantal zelfstandige woningen DAEB',
      'Uitgaven per zelfstandige woning',
    ]);
    // The realisation and the scenarios of the year are there too, the adopted one marked.
    await page.getByTestId('budget-realisation').waitFor();
    await page.getByTestId('budget-scenarios').waitFor();
    expect(await page.getByTestId('budget-scenarios').textContent()).toContain('(vastgesteld)');
    // The CSV link downloads the same table.
    const link = page.getByRole('link', { name: /CSV/ });
    const href = await link.getAttribute('href');
    expect(href).toBe('/api/budget/report?year=2025&format=csv');
    const response = await page.context().request.get(`${e2e.server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/text\/csv/);
    expect(await response.text()).toContain('Alle leefbaarheidsuitgaven');
    // Another year by the selector.
    await page.selectOption('#budget-year', '2024');
    await page.waitForURL(/jaar=2024/);
    await page.getByRole('columnheader', { name: 'Realisatie 2023' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('a partner sees a notice instead of the annual-report table, and the own regions', async () => {
    const { page, problems } = await openPage(e2e, '/begroting', { as: 'partner' });
    await page.getByTestId('budget-report-forbidden').waitFor();
    expect(await page.getByTestId('budget-report').count()).toBe(0);
    await page.getByTestId('budget-realisation').waitFor();
    expect(await page.getByRole('button', { name: 'Vaststellen als begroting' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });
});
