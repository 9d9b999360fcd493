import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bboxOf } from '../src/domain/geometry/bbox.js';
import { geometryContains } from '../src/domain/geometry/contains.js';
import {
  apiAs,
  chromiumAvailable,
  isExpectedHttpError,
  screenshotEachTest,
  seriousViolations,
  startE2E,
  type E2E,
} from './browser.js';

type Shape = Feature<Polygon | MultiPolygon, { code: string; name: string }>;

/** A point with room around it inside a (simplified) buurt shape, as "lon,lat" Dutch style. */
function interiorPoint(geometry: Polygon | MultiPolygon): [string, string] {
  const [west, south, east, north] = bboxOf(geometry);
  const step = Math.min(east - west, north - south) / 24;
  const around = [-2, 0, 2].flatMap((dx) => [-2, 0, 2].map((dy) => [dx * step, dy * step]));
  for (let y = south + step; y < north; y += step)
    for (let x = west + step; x < east; x += step)
      if (around.every(([dx, dy]) => geometryContains(geometry, [x + dx!, y + dy!])))
        return [x.toFixed(6).replace('.', ','), y.toFixed(6).replace('.', ',')];
  throw new Error('no interior point');
}

describe.skipIf(!chromiumAvailable)('the Bezit page in Chromium', () => {
  let e2e: E2E;
  let shapes: Shape[];
  let total: number;
  beforeAll(async () => {
    e2e = await startE2E();
    const api = await apiAs(e2e, 'analyst');
    const layer = await api.json<{ features: Shape[] }>(
      '/api/map?level=buurt&parent=GM9901&indicator=a_soz_wb&year=2024&zoom=16',
    );
    shapes = layer.features;
    total = (await api.json<{ complexes: unknown[] }>('/api/stock/complexes')).complexes.length;
  });
  afterAll(() => e2e?.close());

  const openPage = screenshotEachTest('stock-');
  const count = (page: Page) => page.getByTestId('stock-count').textContent();
  const status = (page: Page) => page.getByTestId('stock-feedback');
  const dialog = (page: Page) => page.getByTestId('stock-form');

  test('the analyst adds a complex (a refused value shown at its field), changes and deletes it', async () => {
    const { page, problems } = await openPage(e2e, '/');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Bezit' })
      .click();
    await page.waitForURL(/\/bezit$/);
    await page.getByTestId('stock-regions').waitFor();
    expect(await count(page)).toBe(`${total} van ${total} complexen`);
    const [first, second] = shapes;

    // Opened from the keyboard; the first field has the focus.
    await page.getByRole('button', { name: 'Complex toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'complexId',
    );
    await page.keyboard.type('E2E-1');
    await dialog(page).getByLabel('Naam').fill('Proefhof');
    await dialog(page).getByLabel('Adres').fill('Proefstraat 1');
    await dialog(page).getByLabel('Woningen *', { exact: true }).fill('12');
    await dialog(page).getByLabel('DAEB-woningen *').fill('20');
    await dialog(page).getByLabel('Buurtcode').fill(first!.properties.code);
    await dialog(page).getByRole('button', { name: 'Opslaan' }).click();
    const daeb = dialog(page).getByLabel('DAEB-woningen *');
    await dialog(page).locator('.field-error').waitFor();
    expect(await daeb.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog(page).locator('.field-error').allTextContents()).toEqual([
      'Meer DAEB-woningen (20) dan woningen (12): het zijn er hoogstens 12.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'daebUnits',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await daeb.fill('10');
    await dialog(page).getByRole('button', { name: 'Opslaan' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await status(page).textContent()).toBe(
      `Complex E2E-1 is toegevoegd in ${first!.properties.name} (opgegeven).`,
    );
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=stock-count]')?.textContent?.startsWith(n),
      `${total + 1} van`,
    );
    await page.getByLabel('Zoeken').fill('proefhof');
    expect(await count(page)).toBe(`1 van ${total + 1} complexen`);
    const row = page.locator('tr[data-complex="E2E-1"]');
    expect(await row.getByRole('link').getAttribute('href')).toBe(
      `/gebied/${first!.properties.code}`,
    );
    expect(await row.textContent()).toContain('opgegeven');

    // Changed: more dwellings, and placed by its coordinates in another buurt.
    await row.getByRole('button', { name: 'Complex E2E-1 wijzigen' }).click();
    await dialog(page).waitFor();
    expect(await dialog(page).getByLabel('Complexnummer *').inputValue()).toBe('E2E-1');
    await dialog(page).getByLabel('Woningen *', { exact: true }).fill('14');
    await dialog(page).getByLabel('Buurtcode').fill('');
    const [x, y] = interiorPoint(second!.geometry);
    await dialog(page).getByLabel('X (RD) of lengtegraad').fill(x);
    await dialog(page).getByLabel('Y (RD) of breedtegraad').fill(y);
    await dialog(page).getByRole('button', { name: 'Opslaan' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    expect(await status(page).textContent()).toBe(
      `Complex E2E-1 is gewijzigd (${second!.properties.name}).`,
    );
    await page.waitForFunction(() =>
      document.querySelector('tr[data-complex="E2E-1"]')?.textContent?.includes('14'),
    );
    expect(await row.textContent()).toContain('op de kaart geplaatst');
    expect(await row.getByRole('link').getAttribute('href')).toBe(
      `/gebied/${second!.properties.code}`,
    );

    // Escape closes a form without saving.
    await row.getByRole('button', { name: 'Complex E2E-1 wijzigen' }).click();
    await dialog(page).waitFor();
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });

    await row.getByRole('button', { name: 'Complex E2E-1 verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Complex E2E-1 verwijderen?' });
    expect(await confirm.textContent()).toContain('Proefhof met 14 woningen');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=stock-feedback]')?.textContent?.includes('verwijderd'),
    );
    expect(await status(page).textContent()).toBe('Complex E2E-1 is verwijderd.');
    await page.getByLabel('Zoeken').fill('');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=stock-count]')?.textContent === n,
      `${total} van ${total} complexen`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('filtering by region and sorting by dwellings', async () => {
    const { page, problems } = await openPage(e2e, '/bezit');
    await page.getByTestId('stock-complexes').waitFor();
    const region = page.getByLabel('Regio', { exact: true });
    const name = (await region.locator('option').nth(1).textContent())!;
    await region.selectOption({ label: name });
    const regionRow = page.getByTestId('stock-regions').locator('tbody tr', {
      has: page.getByRole('rowheader', { name, exact: true }),
    });
    const inRegion = (await regionRow.locator('td').nth(1).textContent())!;
    expect(await count(page)).toBe(`${inRegion} van ${total} complexen`);
    await page.getByRole('button', { name: 'Sorteer op Woningen' }).click();
    await page.getByRole('button', { name: 'Sorteer op Woningen' }).click();
    const table = page.getByTestId('stock-complexes');
    const header = table.getByRole('columnheader', { name: 'Sorteer op Woningen' });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const units = (await table.locator('tbody tr td:nth-of-type(4)').allTextContents()).map((t) =>
      Number(t.replace(/\./g, '')),
    );
    expect(units.length).toBe(Number(inRegion));
    expect(units).toEqual([...units].sort((a, b) => b - a));
    expect(problems).toEqual([]);
  });

  test('a viewer sees the stock of the own area without editing controls', async () => {
    const { page, problems } = await openPage(e2e, '/bezit', { as: 'viewer' });
    await page.getByTestId('stock-complexes').waitFor();
    expect(await page.getByRole('button', { name: 'Complex toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /wijzigen|verwijderen/i }).count()).toBe(0);
    const codes = await page.locator('tbody tr td .sub.code').allTextContents();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code.startsWith('BU9903'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
