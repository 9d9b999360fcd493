import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiAs,
  chromiumAvailable,
  isExpectedHttpError,
  screenshotEachTest,
  seriousViolations,
  startE2E,
  type E2E,
} from './browser.js';

type Setup = { regions: { key: string; name: string; buurtCodes: string[] }[] };
type Area = { code: string; parentCode: string | null };

describe.skipIf(!chromiumAvailable)("Regio's en posten in Chromium", () => {
  let e2e: E2E;
  let centrum: string[];
  beforeAll(async () => {
    e2e = await startE2E();
    const api = await apiAs(e2e, 'analyst');
    const buurten = await api.json<{ areas: Area[] }>('/api/areas?level=buurt&parent=GM9901');
    centrum = buurten.areas.filter((a) => a.parentCode === 'WK990101').map((a) => a.code);
  });
  afterAll(() => e2e?.close());

  const openPage = screenshotEachTest('regions-');
  const row = (page: Page, key: string) => page.locator(`tr[data-region="${key}"]`);
  const setup = async () => (await apiAs(e2e, 'analyst')).json<Setup>('/api/budget/setup');
  const waitForStatus = (page: Page, text: string) =>
    page.waitForFunction(
      (t) => document.querySelector('[data-testid=regions-feedback]')?.textContent === t,
      text,
    );

  test('the analyst adds a region with the buurten of a wijk, renames it and removes it', async () => {
    const { page, problems } = await openPage(e2e, '/bezit');
    await page.getByTestId('stock-regions').waitFor();
    await page.getByRole('link', { name: 'Regio’s en posten beheren' }).click();
    await page.waitForURL(/\/bezit\/regios$/);

    // Opened from the keyboard; the name has the focus and the key follows it.
    await page.getByRole('button', { name: 'Regio toevoegen' }).focus();
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('region-editor');
    await editor.waitFor();
    await page.keyboard.type('Centrum Duinrand');
    expect(await editor.getByLabel('Sleutel *').inputValue()).toBe('centrum-duinrand');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    expect(await editor.locator('.field-error').textContent()).toBe(
      'Kies minstens één buurt. Een regio zonder buurten kan niet; gebruikt u de regio niet meer, verwijder hem dan.',
    );
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe(
      'search',
    );

    // The search opens the gemeente with the wijk; the wijk's checkbox takes all its buurten.
    await page.keyboard.type('centrum');
    const duinrand = editor.locator('[data-gemeente=GM9901]');
    const wijk = duinrand.getByLabel(/^Centrum \(hele wijk, \d+ buurten\)$/);
    await wijk.waitFor();
    await wijk.check();
    expect(await duinrand.getByLabel(/^Binnenstad/).isChecked()).toBe(true);
    expect(await page.getByTestId('region-summary').textContent()).toBe(
      `${centrum.length} buurten gekozen. ${centrum.length} verhuizen uit Duinrand Noord.`,
    );
    expect(await editor.locator('.picker-owner.moves').count()).toBe(centrum.length);
    expect(await seriousViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await waitForStatus(
      page,
      `Regio Centrum Duinrand is toegevoegd met ${centrum.length} buurten.`,
    );
    expect(await row(page, 'centrum-duinrand').textContent()).toContain(
      `${centrum.length} buurten`,
    );
    const noord = (await setup()).regions.find((r) => r.key === 'demo-gm9901-1')!;
    expect(await row(page, 'demo-gm9901-1').textContent()).toContain(
      `${noord.buurtCodes.length} buurten`,
    );
    expect((await setup()).regions.find((r) => r.key === 'centrum-duinrand')!.buurtCodes).toEqual(
      centrum,
    );

    // The Bezit page was read before the change: its answer was dropped, not shown again.
    await page.getByRole('link', { name: 'Terug naar Bezit' }).click();
    await page
      .getByTestId('stock-regions')
      .getByRole('rowheader', { name: 'Centrum Duinrand' })
      .waitFor();
    await page.getByRole('link', { name: 'Regio’s en posten beheren' }).click();

    await row(page, 'centrum-duinrand')
      .getByRole('button', { name: 'Regio Centrum Duinrand wijzigen' })
      .click();
    expect(await editor.textContent()).toContain('Sleutel: centrum-duinrand (ligt vast)');
    await editor.getByLabel('Naam *').fill('Centrum');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await waitForStatus(page, `Regio Centrum is opgeslagen (${centrum.length} buurten).`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('regions-title');

    // Spending on its buurten keeps it until they go to another region: said in the dialog.
    await row(page, 'centrum-duinrand')
      .getByRole('button', { name: 'Regio Centrum verwijderen' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Regio Centrum verwijderen?' });
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    const refusal = dialog.getByTestId('removal-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^Regio Centrum kan niet worden verwijderd: er zijn \d+ uitgavenregels geboekt op de buurten en complexen van de regio \(2024 en 2025\), die dan in geen regio meer meetellen\. Kies een regio waar de buurten naartoe gaan\. Het jaarverslag van 2024 en 2025 moet blijven kloppen\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await dialog
      .getByLabel(`De ${centrum.length} buurten van deze regio gaan naar`)
      .selectOption({ label: 'Duinrand Noord' });
    expect(await refusal.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await waitForStatus(
      page,
      'Regio Centrum is verwijderd; de buurten horen nu bij Duinrand Noord.',
    );
    await row(page, 'centrum-duinrand').waitFor({ state: 'detached' });
    const after = await setup();
    expect(after.regions.find((r) => r.key === 'demo-gm9901-1')!.buurtCodes).toEqual(
      [...noord.buurtCodes, ...centrum].sort(),
    );
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('a refused removal says why in Dutch; a line is added, renamed and removed', async () => {
    const { page, problems } = await openPage(e2e, '/bezit/regios');
    const api = await apiAs(e2e, 'analyst');
    let booked = 0;
    for (const year of [2024, 2025]) {
      const list = await api.json<{ lines: { target: { kind: string; key: string } }[] }>(
        `/api/budget/spending?year=${year}`,
      );
      booked += list.lines.filter(
        (l) => l.target.kind === 'region' && l.target.key === 'demo-gm9901-2',
      ).length;
    }
    await row(page, 'demo-gm9901-2')
      .getByRole('button', { name: 'Regio Duinrand Zuid verwijderen' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Regio Duinrand Zuid verwijderen?' });
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await dialog.getByTestId('removal-refusal').waitFor();
    expect(await dialog.getByTestId('removal-refusal').textContent()).toBe(
      `Regio Duinrand Zuid kan niet worden verwijderd: er zijn ${booked} uitgavenregels op geboekt (2024 en 2025); de vastgestelde begroting van 2024 en 2025 verdeelt geld over deze regio. Het jaarverslag van 2024 en 2025 moet blijven kloppen.`,
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row(page, 'demo-gm9901-2').count()).toBe(1);

    const lines = page.getByTestId('line-list');
    await page.getByRole('button', { name: 'Post Buurtbeheer verwijderen' }).click();
    const lineDialog = page.getByRole('dialog', { name: 'Post Buurtbeheer verwijderen?' });
    await lineDialog.getByRole('button', { name: 'Verwijderen' }).click();
    await lineDialog.getByTestId('removal-refusal').waitFor();
    expect(await lineDialog.getByTestId('removal-refusal').textContent()).toMatch(
      /^Post Buurtbeheer kan niet worden verwijderd: er zijn \d+ uitgavenregels op geboekt \(2024 en 2025\); de vastgestelde begroting van 2024 en 2025 geeft deze post een vast bedrag\./,
    );
    await lineDialog.getByRole('button', { name: 'Sluiten' }).click();

    await page.getByLabel('Naam van de nieuwe post').fill('Bewonersbudget');
    expect(await page.getByLabel('Sleutel van de nieuwe post').inputValue()).toBe('bewonersbudget');
    await page.getByRole('button', { name: 'Post toevoegen' }).click();
    await waitForStatus(page, 'Post Bewonersbudget is toegevoegd.');
    await page.getByRole('button', { name: 'Naam wijzigen van post Bewonersbudget' }).click();
    await lines.getByLabel('Nieuwe naam voor Bewonersbudget').fill('Bewonersinitiatieven');
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'Post bewonersbudget heet nu Bewonersinitiatieven.');
    await page.getByRole('button', { name: 'Post Bewonersinitiatieven verwijderen' }).click();
    await page
      .getByRole('dialog', { name: 'Post Bewonersinitiatieven verwijderen?' })
      .getByRole('button', { name: 'Verwijderen' })
      .click();
    await waitForStatus(page, 'Post Bewonersinitiatieven is verwijderd.');
    await lines.locator('tr[data-line="bewonersbudget"]').waitFor({ state: 'detached' });
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('a viewer sees the regions of the own area without editing controls', async () => {
    const { page, problems } = await openPage(e2e, '/bezit', { as: 'viewer' });
    await page.getByRole('link', { name: 'Regio’s en posten bekijken' }).click();
    await page.getByTestId('region-list').waitFor();
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      'Kreekzand',
      'Buurtbeheer',
      'Personele inzet',
      'Algemeen',
    ]);
    expect(
      await page.getByRole('button', { name: /toevoegen|wijzigen|verwijderen/i }).count(),
    ).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.locator('.notice').first().textContent()).toBe(
      'U kunt de regio’s en posten bekijken; wijzigen kan een analist van de corporatie.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
