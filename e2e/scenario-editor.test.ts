import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiAs,
  chromiumAvailable,
  isExpectedHttpError,
  screenshotEachTest,
  seriousViolations,
  startE2E,
  waitForMap,
  type E2E,
} from './browser.js';

const euros = (text: string) => Number(text.replace(/[^\d-]/g, ''));

describe.skipIf(!chromiumAvailable)('the scenario editor and own figures in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  const openPage = screenshotEachTest('scenario-');

  test('the analyst makes a scenario: live preview, an impossible floor in Dutch, save, compare, remove', async () => {
    const { page, problems } = await openPage(e2e, '/begroting?jaar=2025');
    await page.getByRole('link', { name: 'Nieuw scenario' }).click();
    await page.waitForURL(/\/begroting\/scenario\?jaar=2025/);
    await page.getByLabel('Naam').fill('Proef e2e');
    await page.getByLabel('Totaal leefbaarheidsbudget (€)').fill('2.000.000');
    await page.getByLabel('Buurtbeheer (€)').fill('200.000');
    const preview = page.locator('.scenario-preview');
    await preview.getByText('€ 1.800.000', { exact: true }).first().waitFor();
    // The regions' totals (exact to the cent, shown in whole euros) add up to the area budget.
    const totals = await preview.locator('.region-row td.strong').allTextContents();
    expect(totals.length).toBeGreaterThan(2);
    const sum = totals.map(euros).reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - 1_800_000)).toBeLessThanOrEqual(totals.length / 2);

    // A typo is said at its field; a floor no budget can meet is said in Dutch, with the region's name.
    await page.getByLabel('Vloer Kreekzand (€)').fill('veel');
    await page.getByText('Geef een bedrag in euro’s, bijvoorbeeld 1.250.000 of 12,50.').waitFor();
    await page.getByLabel('Vloer Kreekzand (€)').fill('5.000.000');
    const refusal = page.getByTestId('scenario-preview-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/De vloeren van Kreekzand zijn niet te halen/);
    await page.getByLabel('Vloer Kreekzand (€)').fill('100.000');
    await page.locator('.scenario-preview[aria-busy="false"] .region-row').first().waitFor();
    expect(await refusal.count()).toBe(0);
    // A region's buurten open with their class and weight.
    await page.getByRole('button', { name: 'Buurten van Kreekzand tonen' }).click();
    expect(await preview.locator('.buurt-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Scenario opslaan' }).click();
    await page.waitForURL(/\/begroting\?jaar=2025&opgeslagen=/);
    await page.getByTestId('scenario-saved').waitFor();
    // Side by side with the adopted begroting, in the chart and the table.
    const chart = page.getByTestId('scenario-chart');
    expect(await chart.textContent()).toContain('Proef e2e');
    expect(await page.getByTestId('budget-scenarios').textContent()).toContain('Proef e2e');
    // 2025 has a begroting: no adoption offered, but a draft can go.
    expect(await page.getByRole('button', { name: 'Vaststellen als begroting' }).count()).toBe(0);
    const card = page.locator('.scenario-card', { hasText: 'Proef e2e' });
    await card.getByRole('button', { name: 'Berekening tonen' }).click();
    await page.getByTestId('allocation-view').waitFor();
    await card.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Scenario “Proef e2e” is verwijderd.').waitFor();
    await page.locator('.scenario-card', { hasText: 'Proef e2e' }).waitFor({ state: 'detached' });
    // The one refusal asked for on purpose (the impossible floor) is the only failed request.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    expect(problems.filter((p) => /status of 400/.test(p)).length).toBeLessThanOrEqual(2);
  });

  test('a partner sees the scenarios but makes none, and cannot open the editor', async () => {
    const { page, problems } = await openPage(e2e, '/begroting?jaar=2025', { as: 'partner' });
    await page.getByTestId('budget-scenarios').waitFor();
    expect(await page.getByRole('link', { name: 'Nieuw scenario' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
    await page.goto(`${e2e.server.url}/begroting/scenario`);
    await page
      .getByText(/geen toegang/i)
      .first()
      .waitFor();
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('the map shows the corporation’s spending per DAEB dwelling, with what it leaves out', async () => {
    const { page, problems } = await openPage(
      e2e,
      '/?gemeente=GM9901&indicator=corp_uitgaven_per_daeb&jaar=2025',
    );
    const drawn = await waitForMap(page);
    expect(drawn.rendered).toBeGreaterThan(10);
    expect(await page.locator('h1#view-title').textContent()).toContain(
      'Leefbaarheidsuitgaven per DAEB-woning',
    );
    expect(await page.locator('.indicator-description').textContent()).toMatch(/regio/);
    // The table view holds the same figures, in euros per dwelling.
    await page.getByRole('button', { name: 'Tabel' }).click();
    const cells = await page.locator('table tbody td').allTextContents();
    expect(cells.some((c) => /^\d+,\d{2}/.test(c.trim()))).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a partner sees the corporation’s complexes per buurt as they are, not as "<10"', async () => {
    const partner = await apiAs(e2e, 'partner');
    const layer = await partner.json<{
      features: Array<{ properties: { value?: number | null; suppression?: string | null } }>;
    }>('/api/map?level=buurt&parent=GM9901&indicator=corp_complexen');
    const values = layer.features.map((f) => f.properties.value ?? null);
    expect(values.some((v) => v !== null && v > 0 && v < 10)).toBe(true);
    expect(layer.features.some((f) => f.properties.suppression)).toBe(false);
    const { page, problems } = await openPage(e2e, '/gebied/BU99010102', { as: 'partner' });
    const section = page.locator('section', { has: page.locator('#theme-corporatie') });
    await section.waitFor();
    expect(await section.textContent()).toContain('Woningen van de corporatie');
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });
});
