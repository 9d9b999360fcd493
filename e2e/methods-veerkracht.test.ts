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

const METHOD = 'leefbaarheid-en-kwetsbaarheid';
const ONV = 'Leefbaarometer: Overlast en onveiligheid';

interface VeerkrachtAnswer {
  areas: Array<{
    code: string;
    name: string;
    quadrant: { absolute: string | null; relative: string | null };
  }>;
}

describe.skipIf(!chromiumAvailable)('methods and veerkracht in Chromium', () => {
  let e2e: E2E;
  let api: Awaited<ReturnType<typeof apiAs>>;
  beforeAll(async () => {
    e2e = await startE2E();
    api = await apiAs(e2e, 'analyst');
  });
  afterAll(() => e2e?.close());

  // Every test leaves a screenshot of the page it ended on, named after the test.
  const openPage = screenshotEachTest('mv-');

  /** The four count tiles of the preview, as numbers. */
  const counts = async (page: Page) => {
    const read = async (kind: string) =>
      Number(
        await page
          .locator(`[data-testid="move-counts"] [data-kind="${kind}"] strong`)
          .textContent(),
      );
    return {
      up: await read('up'),
      down: await read('down'),
      same: await read('same'),
      notRanked: await read('notRanked'),
    };
  };
  const previewSettled = (page: Page) =>
    page.waitForFunction(
      () => document.querySelector('[data-testid="preview-status"]')?.textContent === '',
    );

  test('the method list shows the built-in method with its version, use and reasons', async () => {
    const { page, problems } = await openPage(e2e, '/methoden');
    await page.getByRole('heading', { level: 1, name: 'Methoden' }).waitFor();
    const card = page.locator('.method-card', { hasText: 'Leefbaarheid en kwetsbaarheid' });
    expect(await card.getByTestId('newest-version').textContent()).toMatch(/^versie 1/);
    expect(await card.getByTestId('version-count').textContent()).toBe('1');
    expect(await card.textContent()).toMatch(/ingebouwd/);
    expect(await card.locator('.method-description').textContent()).toMatch(
      /Herkomst en migratieachtergrond zijn bewust geen criterium/,
    );
    expect(await page.textContent('.immutable-note')).toMatch(/verandert nooit/);
    expect(await page.getByRole('link', { name: 'Nieuwe methode' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('an analyst changes a weight and the live preview moves ranks', async () => {
    const { page, problems } = await openPage(e2e, `/methoden/${METHOD}`);
    await page.getByTestId('preview-table').waitFor();
    await previewSettled(page);
    const before = await counts(page);
    expect(before.up + before.down).toBe(0);
    expect(before.same).toBeGreaterThan(50);

    await page.getByLabel(`Gewicht van ${ONV}`, { exact: true }).fill('9');
    await page.waitForFunction(() => {
      const up = document.querySelector('[data-testid="move-counts"] [data-kind="up"] strong');
      return up !== null && Number(up.textContent) > 0;
    });
    await previewSettled(page);
    const after = await counts(page);
    expect(after.up).toBeGreaterThan(0);
    expect(after.down).toBeGreaterThan(0);
    expect(after.up + after.down + after.same + after.notRanked).toBe(
      before.same + before.notRanked,
    );
    // Biggest movers first: the first row moved at least as far as any other.
    const firstMove = await page.locator('[data-testid="preview-table"] tbody tr').first();
    expect(await firstMove.getAttribute('data-kind')).toMatch(/^(up|down)$/);
    // The share of the total follows the weight: 9 of 26.
    const row = page.locator('[data-testid="weights-table"] tbody tr').first();
    expect(await row.locator('td.num').textContent()).toBe('35%');
    // The slider moves the same weight.
    await page.getByLabel(`Gewicht van ${ONV} (schuifregelaar)`).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByLabel(`Gewicht van ${ONV}`, { exact: true }).inputValue()).toBe('8,5');
    await page.waitForTimeout(400);
    await previewSettled(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('an invalid value shows the server’s problem next to its field, in Dutch', async () => {
    const { page, problems } = await openPage(e2e, `/methoden/${METHOD}`);
    await page.getByTestId('preview-table').waitFor();
    const weight = page.getByLabel(`Gewicht van ${ONV}`, { exact: true });
    await weight.fill('0');
    const error = page.locator('#m-indicators-0-weight-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/moet groter zijn dan 0/);
    expect(await weight.getAttribute('aria-invalid')).toBe('true');
    expect(await weight.getAttribute('aria-describedby')).toContain('m-indicators-0-weight-error');

    await page.getByLabel('Minimaal bekend gewicht').fill('300');
    const share = page.locator('#m-completeness-minWeightShare-error');
    await share.waitFor();
    expect(await share.textContent()).toMatch(/hoogstens 100%/);
    const summary = page.getByTestId('issue-summary');
    expect(await summary.textContent()).toMatch(/\(2\)/);
    expect(await page.getByTestId('preview-status').textContent()).toMatch(/los eerst/);

    // Fixed: the problems go, the preview comes back.
    await weight.fill('3');
    await page.getByLabel('Minimaal bekend gewicht').fill('80');
    await summary.waitFor({ state: 'detached' });
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('saving makes version 2; renaming alone is version 3; the list shows them', async () => {
    const { page, problems } = await openPage(e2e, `/methoden/${METHOD}`);
    await page.getByTestId('preview-table').waitFor();
    const save = page.getByRole('button', { name: 'Opslaan als nieuwe versie' });
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel(`Gewicht van ${ONV}`, { exact: true }).fill('5');
    await save.click();
    const outcome = page.getByTestId('save-outcome');
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/Opgeslagen als versie 2/);
    await page.getByRole('heading', { level: 1, name: /versie 2/ }).waitFor();
    expect(await page.getByLabel('Versie', { exact: true }).inputValue()).toBe('2');

    // The name alone changes no number, but what a board adopted is the text too: a version.
    await page.getByLabel('Naam', { exact: true }).fill('Leefbaarheid en kwetsbaarheid (hernoemd)');
    await save.click();
    await page.getByText(/Opgeslagen als versie 3/).waitFor();

    await page.getByRole('link', { name: 'Methoden' }).first().click();
    const card = page.locator('.method-card', { hasText: 'Leefbaarheid en kwetsbaarheid' });
    await card.getByTestId('newest-version').waitFor();
    expect(await card.getByTestId('newest-version').textContent()).toMatch(/^versie 3/);
    expect(await card.getByTestId('version-count').textContent()).toBe('3');

    const methods = await api.json<{ methods: Array<{ key: string; version: number }> }>(
      '/api/methods',
    );
    expect(methods.methods.filter((m) => m.key === METHOD).map((m) => m.version)).toEqual([
      3, 2, 1,
    ]);
    expect(problems).toEqual([]);
  });

  test('a copy becomes a new method under its own key, version 1', async () => {
    const { page, problems } = await openPage(e2e, `/methoden/${METHOD}`);
    await page.getByRole('link', { name: 'Kopiëren als nieuwe methode' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe methode' }).waitFor();
    const key = page.getByLabel('Sleutel');
    expect(await key.inputValue()).toBe(`${METHOD}-kopie`);
    // The key of an existing method warns that saving would make a version of that one.
    await key.fill(METHOD);
    await page.getByText(/is al in gebruik/).waitFor();
    await key.fill('Fout Met Hoofdletters');
    await page.locator('#m-key-error').waitFor();
    await key.fill('overlast-duinrand');
    await page.getByLabel('Naam', { exact: true }).fill('Overlast Duinrand');
    await page.getByLabel('Huishoudens rond sociaal minimum verwijderen').click();
    await page.getByTestId('preview-table').waitFor();
    await page.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await page.waitForURL(/\/methoden\/overlast-duinrand$/);
    await page.getByText('Opgeslagen als versie 1.').waitFor();
    await page.getByRole('heading', { level: 1, name: /Overlast Duinrand/ }).waitFor();
    expect(await page.locator('[data-testid="weights-table"] tbody tr').count()).toBe(7);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('“Rangorde maken” stores a ranking with the saved version and links to it', async () => {
    const { page, problems } = await openPage(e2e, `/methoden/${METHOD}`);
    const maker = page.locator('.ranking-maker');
    await maker.getByRole('button', { name: /Rangorde maken met versie \d/ }).click();
    const made = page.getByTestId('ranking-made');
    await made.waitFor({ timeout: 30_000 });
    expect(await made.textContent()).toMatch(/Rangorde 2024 gemaakt: \d+ gerangschikt/);
    const href = await made.getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/rangorde\/\d+$/);
    const { rankings } = await api.json<{
      rankings: Array<{ id: number; method: { key: string; version: number } }>;
    }>('/api/rankings');
    const newest = rankings[0]!;
    expect(href).toBe(`/rangorde/${newest.id}`);
    expect(newest.method.key).toBe(METHOD);
    expect(problems).toEqual([]);
  });

  test('a viewer and a partner read a method but get no edit controls', async () => {
    for (const role of ['viewer', 'partner'] as const) {
      const { page, problems } = await openPage(e2e, `/methoden/${METHOD}`, { as: role });
      await page.getByTestId('method-read-only').waitFor();
      expect(await page.locator('input, textarea').count()).toBe(0);
      expect(await page.getByRole('button', { name: /Opslaan/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Rangorde maken/ }).count()).toBe(0);
      expect(await page.textContent('.rule-list')).toMatch(/Percentielrang/);
      await page.getByRole('link', { name: 'Methoden' }).first().click();
      await page.getByTestId('method-list').waitFor();
      expect(await page.getByRole('link', { name: 'Nieuwe methode' }).count()).toBe(0);
      if (role === 'viewer') expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      if (role === 'viewer') await page.context().close();
    }
    const viewer = await apiAs(e2e, 'viewer');
    const refused = await viewer.request('/api/methods/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ definition: { key: METHOD }, year: 2024 }),
    });
    expect(refused.status).toBe(403);
  });

  test('veerkracht: disclaimer on the page, one scatter point per classified area, quadrant colours on the map', async () => {
    const { page, problems } = await openPage(e2e, '/veerkracht');
    await page.getByRole('heading', { level: 1, name: 'Veerkracht' }).waitFor();
    const disclaimer = page.getByTestId('veerkracht-disclaimer');
    expect(await disclaimer.isVisible()).toBe(true);
    expect(await disclaimer.textContent()).toMatch(/Signaal voor het gesprek, geen diagnose/);

    const answer = await api.json<VeerkrachtAnswer>('/api/veerkracht?from=2020&to=2022');
    const classified = answer.areas.filter((a) => a.quadrant.absolute !== null);
    expect(classified.length).toBeGreaterThan(50);
    const scatter = page.getByTestId('veerkracht-scatter');
    await scatter.locator('circle.point').first().waitFor();
    expect(await scatter.locator('circle.point').count()).toBe(classified.length);
    // The demo's newest complete pair of years, two years apart.
    expect(await page.getByLabel('Van jaar').inputValue()).toBe('2020');
    expect(await page.getByLabel('Tot jaar').inputValue()).toBe('2022');
    const drawn = await scatter
      .locator('circle.point')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-code')));
    expect(new Set(drawn)).toEqual(new Set(classified.map((a) => a.code)));

    await waitForMap(page);
    const colours = await page.$$eval(
      '[data-testid="quadrant-legend"] .swatch[data-colour]',
      (els) => els.map((el) => el.getAttribute('data-colour')!),
    );
    expect(colours).toHaveLength(4);
    expect(await shareOfPixelsIn(page, colours)).toBeGreaterThan(0.05);
    // Hover on the map names the area, its quadrant and its two changes.
    const target = classified.find((a) => a.quadrant.absolute === 'onder_druk') ?? classified[0]!;
    const point = await pointInside(page, target.code);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain(target.name);
    expect(await tooltip.textContent()).toMatch(/Kwetsbaarheid [+−]?\d/);

    // The scatter by keyboard: a live line reads the point.
    await scatter.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.scatter-wrap [aria-live]').textContent()).toMatch(
      /: .+ · Kwetsbaarheid/,
    );
    expect(await page.locator('[data-testid="veerkracht-table"] tbody tr').count()).toBe(
      answer.areas.length,
    );
    await page.mouse.move(0, 0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('veerkracht names inputs missing everywhere and per area, and switches variant and level', async () => {
    const { page, problems } = await openPage(e2e, '/veerkracht?van=2020&tot=2024');
    const notice = page.getByTestId('missing-everywhere');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(
      /Voor deze jaren ontbreekt .*laag inkomen.*\(2024\).* in alle buurten/,
    );
    await page.getByTestId('no-points').waitFor();
    expect(await page.textContent('[data-testid="veerkracht-disclaimer"]')).toMatch(
      /geen diagnose/,
    );

    // An area with a gap of its own says which input it lacks.
    await page.getByLabel('Tot jaar').selectOption('2022');
    await page.waitForURL(/tot=2022/);
    await notice.waitFor({ state: 'detached' });
    const gaps = page.locator('[data-testid="veerkracht-table"] td.missing-cell:not(:empty)');
    await gaps.first().waitFor();
    expect(await gaps.first().textContent()).toMatch(/\(20(20|22)/);

    await page.getByText('Rest van de gemeente').click();
    await page.waitForURL(/variant=relatief/);
    expect(await page.textContent('.veerkracht-summary')).toMatch(/rest van de gemeente/);
    await page.getByText('Wijken', { exact: true }).click();
    await page.waitForURL(/niveau=wijk/);
    await page.waitForFunction(
      () => document.querySelector('.veerkracht-summary')?.textContent?.includes('wijken') ?? false,
    );
    const wijken = await api.json<VeerkrachtAnswer>('/api/veerkracht?from=2020&to=2022&level=wijk');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="veerkracht-table"] tbody tr').length === n,
      wijken.areas.length,
    );
    await waitForMap(page);
    expect(problems).toEqual([]);
  });
});
