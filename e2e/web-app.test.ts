import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiAs,
  chromiumAvailable,
  screenshotEachTest,
  shareOfPixelsIn,
  pointInside,
  seriousViolations,
  startE2E,
  waitForMap,
  type E2E,
} from './browser.js';

describe.skipIf(!chromiumAvailable)('the web app in Chromium', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof apiAs>>;
  beforeAll(async () => {
    e2e = await startE2E();
    api = await apiAs(e2e, 'analyst');
  });
  afterAll(() => e2e?.close());

  // Every test leaves a screenshot of the page it ended on, named after the test.
  const openPage = screenshotEachTest('');

  test('home page: the map draws the buurten of the corporation’s gemeente in the legend’s colours', async () => {
    const { page, problems } = await openPage(e2e, '/');
    await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
    const { rendered, codes } = await waitForMap(page);
    expect(rendered).toBeGreaterThan(20);
    expect(codes.every((c) => c.startsWith('BU9901'))).toBe(true);
    const colours = await page.$$eval('.legend-list .swatch', (els) =>
      els.map((el) => getComputedStyle(el).backgroundColor),
    );
    const hex = colours.map(
      (rgb) =>
        `#${(rgb.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map((n) => Number(n).toString(16).padStart(2, '0'))
          .join('')}`,
    );
    expect(await shareOfPixelsIn(page, hex)).toBeGreaterThan(0.1);
    expect(await page.textContent('.demo-banner')).toMatch(/fictief/);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(problems).toEqual([]);
  });

  test('hover shows the buurt and its value; a click opens its profile with values', async () => {
    const { page, problems } = await openPage(e2e, '/');
    await waitForMap(page);
    const target = await page.evaluate(() => {
      const map = (
        window as unknown as {
          __buurtbalansMap: {
            queryRenderedFeatures(
              o: unknown,
            ): Array<{ properties: { code: string; name: string } }>;
            project(p: [number, number]): { x: number; y: number };
            getContainer(): HTMLElement;
          };
        }
      ).__buurtbalansMap;
      const box = map.getContainer().getBoundingClientRect();
      // The centre of the map lies inside some buurt: ask the map which.
      const [feature] = map.queryRenderedFeatures({ layers: ['areas-fill'] }) as Array<{
        properties: { code: string; name: string };
      }>;
      void feature;
      const hit = (
        map as unknown as {
          queryRenderedFeatures(
            p: [number, number],
            o: unknown,
          ): Array<{ properties: { code: string; name: string } }>;
        }
      ).queryRenderedFeatures([box.width / 2, box.height / 2], { layers: ['areas-fill'] })[0]!;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, ...hit.properties };
    });
    await page.mouse.move(target.x, target.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(target.name);
    await page.mouse.click(target.x, target.y);
    await page.waitForURL(new RegExp(`/gebied/${target.code}$`));
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    const figures = await page.locator('.indicator-card .figure .value').allTextContents();
    expect(figures.length).toBeGreaterThan(10);
    expect(figures.some((f) => /\d/.test(f))).toBe(true);
    expect(await page.locator('.trend-chart').count()).toBeGreaterThan(5);
    expect(await page.textContent('.breadcrumbs')).toMatch(/Duinrand/);
    expect(problems).toEqual([]);
  });

  test('the profile compares with the gemeente and the country and shows suppressed figures in words', async () => {
    const areas = await api.json<{ areas: Array<{ code: string; name: string }> }>(
      '/api/areas?level=buurt',
    );
    const estate = areas.areas.find((a) => /Bedrijventerrein/.test(a.name))!;
    const { page, problems } = await openPage(e2e, `/gebied/${estate.code}`);
    await page.getByRole('heading', { level: 1, name: estate.name }).waitFor();
    const income = page.locator('.indicator-card', { hasText: 'Gemiddeld inkomen per inwoner' });
    expect(await income.locator('.figure .value').textContent()).toBe('geheim');
    const compare = await page
      .locator('.indicator-card', { hasText: 'Corporatiewoningen' })
      .locator('.comparisons')
      .textContent();
    expect(compare).toMatch(/Kreekzand/);
    expect(compare).toMatch(/Nederland/);
    expect(problems).toEqual([]);
  });

  test('hovering an area without a figure explains why, and nothing breaks', async () => {
    const areas = await api.json<{ areas: Array<{ code: string; name: string }> }>(
      '/api/areas?level=buurt',
    );
    const estate = areas.areas.find((a) => /Bedrijventerrein/.test(a.name))!;
    const { page, problems } = await openPage(
      e2e,
      `/?gemeente=GM${estate.code.slice(2, 6)}&indicator=lbm_score`,
    );
    await waitForMap(page);
    const point = await pointInside(page, estate.code);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(estate.name);
    expect(await tooltip.textContent()).toMatch(/ontbreekt/);
    expect(await page.locator('.error-panel').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('switching to English changes the interface and is remembered', async () => {
    const { page, problems } = await openPage(e2e, '/gebied/GM9901');
    await page.getByRole('heading', { level: 1, name: 'Duinrand' }).waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Livability', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.textContent('.demo-banner')).toMatch(/fictional/);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Livability', exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  test('indicator, year and table view; the URL keeps the view', async () => {
    const { page, problems } = await openPage(e2e, '/');
    await waitForMap(page);
    await page.selectOption('#indicator', 'p_hh_li');
    await page.waitForFunction(() =>
      document.querySelector('.legend-subject')?.textContent?.includes('laag inkomen'),
    );
    const years = await page.$$eval('#year option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value),
    );
    expect(years[0]).toBe('2022');
    expect(years).not.toContain('2024');
    await page.selectOption('#year', '2018');
    await page.waitForURL(/jaar=2018/);
    await page.getByRole('button', { name: 'Tabel' }).click();
    const table = page.getByTestId('area-table');
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(20);
    const firstValues = await table.locator('tbody tr td.num').allTextContents();
    const numbers = firstValues
      .filter((v) => /\d/.test(v))
      .map((v) => Number(v.replace(/\./g, '').replace(',', '.')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    await page.reload();
    await table.waitFor();
    expect(await page.inputValue('#indicator')).toBe('p_hh_li');
    expect(problems).toEqual([]);
  });

  test('keyboard: controls and table links work without a mouse', async () => {
    const { page, problems } = await openPage(e2e, '/?weergave=tabel');
    await page.getByTestId('area-table').waitFor();
    await page.focus('#gemeente');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/gemeente=GM9902/);
    // Wait for the new gemeente's table, not the previous one still on screen while it loads.
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid=area-table] tbody td.code')
        ?.textContent?.startsWith('BU9902'),
    );
    const link = page.locator('[data-testid=area-table] tbody th a').first();
    const name = await link.textContent();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: name! }).waitFor();
    expect(problems).toEqual([]);
  });

  test('no serious accessibility violations on the map, the table and a profile', async () => {
    for (const path of ['/', '/?weergave=tabel', '/gebied/BU99010101']) {
      const { page } = await openPage(e2e, path);
      if (path === '/') await waitForMap(page);
      else await page.locator('h1').waitFor();
      await page.waitForTimeout(300);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test('an unknown area says so and links back', async () => {
    const { page } = await openPage(e2e, '/gebied/BU00000000');
    await page.getByText('Dit gebied bestaat niet').waitFor();
  });

  test('the API reference page is readable', async () => {
    const { page, problems } = await openPage(e2e, '/api/docs');
    await page.getByRole('heading', { name: /Buurtbalans API/ }).waitFor();
    expect(await page.locator('.op').count()).toBeGreaterThanOrEqual(6);
    expect(problems).toEqual([]);
  });
});
