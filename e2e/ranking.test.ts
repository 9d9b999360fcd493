import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiAs,
  chromiumAvailable,
  isExpectedHttpError,
  pointInside,
  screenshotEachTest,
  seriousViolations,
  shareOfPixelsIn,
  startE2E,
  waitForMap,
  type E2E,
} from './browser.js';

interface Summary {
  id: number;
  dataYear: number;
  ranked: number;
  notRanked: number;
}
interface Row {
  code: string;
  name: string;
  gemeenteCode: string | null;
  ranked: boolean;
  rank: number | null;
  class: number | null;
}
interface Table {
  ranking: Summary;
  previous: Summary | null;
  areas: Row[];
}

// The ranking's class colours, most need first (src/web/ranking-classes.ts: the map palette).
const CLASS_COLOURS = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'];

describe.skipIf(!chromiumAvailable)('the ranking in Chromium', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof apiAs>>;
  let newest: Summary;
  let table: Table;
  beforeAll(async () => {
    e2e = await startE2E();
    api = await apiAs(e2e, 'analyst');
    const list = await api.json<{ rankings: Summary[] }>('/api/rankings');
    newest = list.rankings[0]!;
    table = await api.json<Table>(`/api/rankings/${newest.id}`);
  });
  afterAll(() => e2e?.close());

  // Every test leaves a screenshot of the page it ended on, named after the test.
  const openPage = screenshotEachTest('ranking-');

  const rowsOf = (page: Page) => page.locator('[data-testid=ranking-table] tbody tr');
  const ranksOf = (page: Page) =>
    page.locator('[data-testid=ranking-table] tbody td.rank').allTextContents();
  const namesOf = (page: Page) =>
    page.locator('[data-testid=ranking-table] tbody th a').allTextContents();

  test('the header links to the ranking, which opens the newest with every ranked area', async () => {
    expect(newest.ranked + newest.notRanked).toBe(table.areas.length);
    const { page, problems } = await openPage(e2e, '/');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Rangorde' })
      .click();
    await page.waitForURL(new RegExp(`/rangorde/${newest.id}$`));
    await rowsOf(page).first().waitFor();
    expect(await rowsOf(page).count()).toBe(newest.ranked);
    const summary = await page.getByTestId('ranking-summary').textContent();
    expect(summary).toContain(`${newest.ranked} buurten gerangschikt`);
    expect(summary).toContain(`${newest.notRanked} niet gerangschikt`);
    expect(summary).toMatch(/2022 voor Huishoudens met laag inkomen/);
    expect(summary).toMatch(/1\.000 keer opnieuw berekend/);
    // Not-ranked areas on request, saying what is missing.
    await page.getByLabel(/Toon ook niet gerangschikt/).check();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=ranking-table] tbody tr').length === n,
      table.areas.length,
    );
    const notRanked = page.locator('.not-ranked-row').first();
    expect(await notRanked.textContent()).toMatch(/Niet gerangschikt.*Ontbreekt: /s);
    expect(await page.getByRole('link', { name: 'Rangorde' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('sorting by a column changes the order and says so in aria-sort', async () => {
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}`);
    await rowsOf(page).first().waitFor();
    const ranks = (await ranksOf(page)).map(Number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    await page.getByRole('button', { name: 'Sorteer op Gebied' }).click();
    await page.waitForURL(/sorteer=naam/);
    const names = await namesOf(page);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })));
    expect(names).not.toEqual(table.areas.filter((r) => r.ranked).map((r) => r.name));
    expect(await page.locator('th[aria-sort=ascending]').textContent()).toContain('Gebied');
    // The rank column, twice: the least need first.
    await page.getByRole('button', { name: 'Sorteer op Rang' }).click();
    await page.getByRole('button', { name: 'Sorteer op Rang' }).click();
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid=ranking-table] tbody td.rank')?.textContent ===
        String(n),
      newest.ranked,
    );
    expect(await page.locator('th[aria-sort=descending]').textContent()).toContain('Rang');
    // The sort is in the URL: a reload keeps it.
    await page.reload();
    await rowsOf(page).first().waitFor();
    expect((await ranksOf(page))[0]).toBe(String(newest.ranked));
    expect(problems).toEqual([]);
  });

  test('filters narrow the rows: gemeente, search, class and flags', async () => {
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}`);
    await rowsOf(page).first().waitFor();
    const gemeente = 'GM9903';
    const inGemeente = table.areas.filter((r) => r.ranked && r.gemeenteCode === gemeente);
    await page.selectOption('#ranking-gemeente', gemeente);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=ranking-table] tbody tr').length === n,
      inGemeente.length,
    );
    const codes = await page.locator('[data-testid=ranking-table] tbody .code').allTextContents();
    expect(codes.every((c) => c.startsWith('BU9903'))).toBe(true);
    expect(await page.locator('.ranking-count').textContent()).toContain(
      `${inGemeente.length} van ${table.areas.length}`,
    );
    // Search within it by part of a name.
    const word = inGemeente[0]!.name.split(/[\s-]/)[0]!;
    await page.fill('#ranking-search', word.toLowerCase());
    await page.waitForURL(/zoek=/);
    const names = await namesOf(page);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(inGemeente.length);
    expect(names.every((n) => n.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    // Clear it; class 1 only.
    await page.fill('#ranking-search', '');
    await page.selectOption('#ranking-gemeente', '');
    await page.selectOption('#ranking-class', '1');
    const inClass = table.areas.filter((r) => r.class === 1).length;
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=ranking-table] tbody tr').length === n,
      inClass,
    );
    const chips = await page.locator('[data-testid=ranking-table] .class-chip').allTextContents();
    expect(new Set(chips)).toEqual(new Set(['zeer hoge prioriteit']));
    await page.getByLabel('Alleen met vlag').check();
    await page.waitForURL(/vlag=1/);
    const flagged = await page.locator('[data-testid=ranking-table] tbody tr').count();
    expect(flagged).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=ranking-table] tbody .flag-line').count()).toBe(
      flagged,
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the map paints the areas in the class colours; hover names the rank, a click explains', async () => {
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}?weergave=kaart`);
    const { rendered, codes } = await waitForMap(page);
    expect(rendered).toBeGreaterThan(20);
    expect(codes.every((c) => table.areas.some((r) => r.code === c))).toBe(true);
    expect(await shareOfPixelsIn(page, CLASS_COLOURS)).toBeGreaterThan(0.1);
    expect(await seriousViolations(page)).toEqual([]);
    const legend = await page.getByTestId('ranking-legend').textContent();
    expect(legend).toContain('zeer hoge prioriteit');
    expect(legend).toContain('Niet gerangschikt');
    const top = table.areas[0]!;
    const point = await pointInside(page, top.code);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(top.name);
    expect(await tooltip.textContent()).toContain(`Rang ${top.rank} van ${newest.ranked}`);
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(new RegExp(`/rangorde/${newest.id}/${top.code}$`));
    await page.getByRole('heading', { level: 1, name: top.name }).waitFor();
    expect(problems).toEqual([]);
  });

  test('an explanation: headline, interval, a waterfall bar per indicator, what moved', async () => {
    const area = table.areas.find((r) => r.ranked && r.rank !== null && r.rank > 3)!;
    const explanation = await api.json<{
      indicators: Array<{ key: string }>;
      classLabelNl: string;
      row: { rankLow: number; rankHigh: number };
      previous: { ranking: { dataYear: number } } | null;
    }>(`/api/rankings/${newest.id}/areas/${area.code}`);
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}`);
    await page
      .locator('[data-testid=ranking-table] tbody th a', { hasText: area.name })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: area.name }).waitFor();
    expect(await page.getByTestId('ranking-headline').textContent()).toBe(
      `Rang ${area.rank} van ${newest.ranked} — ${explanation.classLabelNl}`,
    );
    const facts = await page.locator('.ranking-facts').textContent();
    expect(facts).toMatch(/Score \d+,\d van 100/);
    if (explanation.row.rankLow !== explanation.row.rankHigh)
      expect(facts).toContain(
        `tussen rang ${explanation.row.rankLow} en ${explanation.row.rankHigh}`,
      );
    const bars = page.locator('[data-testid=waterfall] .waterfall-row.indicator');
    expect(await bars.count()).toBe(explanation.indicators.length);
    const labels = await page.locator('[data-testid=waterfall]').textContent();
    expect(labels).toContain('Overlast en onveiligheid');
    expect(labels).toMatch(/percentiel \d+/);
    expect(await page.locator('[data-testid=waterfall]').getAttribute('aria-label')).toMatch(
      /Opbouw van de score/,
    );
    // The same numbers as a table, for whoever cannot see the chart.
    await page.getByText('Toon de opbouw als tabel').click();
    expect(await page.locator('[data-testid=contribution-table] tbody tr').count()).toBe(
      explanation.indicators.length,
    );
    expect(explanation.previous).not.toBeNull();
    await page
      .getByRole('heading', {
        level: 2,
        name: `Wat is er veranderd sinds ${explanation.previous!.ranking.dataYear}?`,
      })
      .waitFor();
    expect(await page.getByTestId('rank-change-text').textContent()).toMatch(/rang \d+/);
    expect(await page.locator('.signal-note').textContent()).toMatch(/geen oordeel/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the compare view splits the shifts into new data and another method', async () => {
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}`);
    await rowsOf(page).first().waitFor();
    await page.getByRole('button', { name: 'Vergelijk' }).click();
    await page.waitForURL(/weergave=vergelijk/);
    const summary = page.getByTestId('compare-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/\d+ gebieden vergeleken: \d+ van rang veranderd/);
    expect(await page.inputValue('#compare-a')).toBe(String(table.previous!.id));
    const rows = page.locator('[data-testid=compare-table] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=compare-table] .parts-bar').count()).toBe(
      await rows.count(),
    );
    expect(await page.textContent('.ranking-compare')).toContain(
      'Zelfde methode: elke verschuiving komt door nieuwe gegevens.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('a partner and a welfare viewer see only the areas in their scope', async () => {
    for (const [role, gemeente] of [
      ['partner', 'GM9901'],
      ['viewer', 'GM9903'],
    ] as const) {
      const own = table.areas.filter((r) => r.gemeenteCode === gemeente);
      const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}?alles=1`, {
        as: role,
      });
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=ranking-table] tbody tr').length === n,
        own.length,
      );
      const codes = await page.locator('[data-testid=ranking-table] tbody .code').allTextContents();
      expect(
        codes.every((c) => c.startsWith(`BU${gemeente.slice(2)}`)),
        role,
      ).toBe(true);
      // Ranks stay ranks among all areas: the partner sees where its buurten stand.
      expect(await page.getByTestId('ranking-summary').textContent()).toContain(
        `U ziet hiervan de ${own.length} gebieden in uw werkgebied`,
      );
      // Another gemeente's buurt is refused, and the page says why.
      const other = table.areas.find((r) => r.gemeenteCode !== gemeente)!;
      await page.goto(`${e2e.server.url}/rangorde/${newest.id}/${other.code}`);
      await page.getByText('Dit gebied valt buiten uw werkgebied').waitFor();
      expect(
        problems.filter((p) => !isExpectedHttpError(p)),
        role,
      ).toEqual([]);
      if (role === 'partner') await page.context().close();
    }
  });

  test('the CSV export downloads the ranking, header first', async () => {
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}`);
    await rowsOf(page).first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^buurtbalans-rangorde-.*\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^rang;code;naam;gemeente;klasse;/);
    expect(lines).toHaveLength(table.areas.length + 1);
    expect(await page.getByRole('link', { name: 'Excel (XLSX)' }).getAttribute('href')).toBe(
      `/api/rankings/${newest.id}/export?format=xlsx`,
    );
    expect(problems).toEqual([]);
  });

  test('an area profile shows its rank and links to the explanation', async () => {
    const top = table.areas[0]!;
    const { page, problems } = await openPage(e2e, `/gebied/${top.code}`);
    await page.getByRole('heading', { level: 1, name: top.name }).waitFor();
    const card = page.locator('.ranking-card');
    await card.waitFor();
    expect(await card.textContent()).toContain(`Rang ${top.rank} van ${newest.ranked}`);
    await card.getByRole('link', { name: 'Waarom deze rang?' }).click();
    await page.waitForURL(new RegExp(`/rangorde/${newest.id}/${top.code}$`));
    await page.getByTestId('waterfall').waitFor();
    expect(problems).toEqual([]);
  });

  test('in English the explanation speaks English', async () => {
    const top = table.areas[0]!;
    const { page, problems } = await openPage(e2e, `/rangorde/${newest.id}/${top.code}`);
    await page.getByTestId('waterfall').waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Why this rank?' }).waitFor();
    expect(await page.getByTestId('ranking-headline').textContent()).toBe(
      `Rank ${top.rank} of ${newest.ranked} — very high priority`,
    );
    expect(problems).toEqual([]);
  });
});
