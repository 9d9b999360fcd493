import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  apiAs,
  chromiumAvailable,
  openPage as openBrowserPage,
  screenshot,
  startE2E,
  type E2E,
} from './browser.js';

describe.skipIf(!chromiumAvailable)('importing through the admin page', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());
  let last: Page | undefined;
  const openPage = async (path: string) => {
    const opened = await openBrowserPage(e2e, path);
    last = opened.page;
    return opened;
  };
  afterEach(async (context) => {
    if (!last) return;
    await screenshot(
      last,
      `admin-${context.task.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 50)}`,
    ).catch(() => undefined);
    await last.context().close();
    last = undefined;
  });

  test('a valid region list is read, summarised, and appears in the history', async () => {
    const { page, problems } = await openPage('/beheer/imports');
    await page.getByRole('heading', { name: 'Gegevens importeren' }).waitFor();
    await page.selectOption('#kind', 'regions');
    await page.fill('#year', '2030');
    await page.setInputFiles('#file', {
      name: 'regio-2030.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Key,Title\nGM0392,Haarlem\nWK039201,Centrum\nBU03920101,Oude Stad\n'),
    });
    await page.getByRole('button', { name: 'Importeren' }).click();
    const result = page.locator('.result.ok');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Ingelezen: regio-2030\.csv/);
    expect(await result.textContent()).toMatch(/4 nieuw/);
    await page
      .locator('[data-testid=import-runs] tbody tr', { hasText: 'regio-2030.csv' })
      .waitFor();
    expect(problems).toEqual([]);
  });

  test('an invalid file shows every problem with its line, and nothing is stored', async () => {
    const { page } = await openPage('/beheer/imports');
    await page.selectOption('#kind', 'regions');
    await page.fill('#year', '2030');
    await page.setInputFiles('#file', {
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Key,Title\nXX0001,Nergens\nGM0363,\n'),
    });
    await page.getByRole('button', { name: 'Importeren' }).click();
    const result = page.locator('.result.error');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/niet ingelezen/);
    const issues = await result.locator('.issues li').allTextContents();
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/fout\.csv, line 2, column 'key'/);
    await page
      .locator('[data-testid=import-runs] tbody tr', { hasText: 'fout.csv' })
      .getByText('mislukt')
      .waitFor();
    const api = await apiAs(e2e, 'analyst');
    const areas = await api.json<{ areas: Array<{ code: string }> }>(
      '/api/areas?level=gemeente&boundaryYear=2030',
    );
    expect(areas.areas.map((a) => a.code)).toEqual(['GM0392']);
  });
});
