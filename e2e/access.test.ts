import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  apiAs,
  chromiumAvailable,
  demoEmail,
  DEMO_PASSWORD,
  isExpectedHttpError,
  openPage as openBrowserPage,
  pointInside,
  screenshot,
  seriousViolations,
  startE2E,
  waitForMap,
  type E2E,
} from './browser.js';

/**
 * Logging in and out, what each role sees (scope, menus), the administrator's users and audit
 * pages, and comments on an area, in Chromium against the real server.
 */
describe.skipIf(!chromiumAvailable)('logins, roles and the pages behind them', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(() => e2e?.close());

  // Every test leaves a screenshot of the page it ended on, named after the test.
  let opened: Page[] = [];
  const openPage = async (...args: Parameters<typeof openBrowserPage>) => {
    const result = await openBrowserPage(...args);
    opened.push(result.page);
    return result;
  };
  let counter = 0;
  afterEach(async (context) => {
    counter += 1;
    const slug = context.task.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60);
    for (const [i, page] of opened.entries()) {
      const suffix = opened.length > 1 ? `-${i + 1}` : '';
      await screenshot(page, `access-${String(counter).padStart(2, '0')}-${slug}${suffix}`).catch(
        () => undefined,
      );
      await page.context().close();
    }
    opened = [];
  });

  test('a demo account on the login page: the partner sees only Duinrand and not another gemeente', async () => {
    const { page, problems } = await openPage(e2e, '/', { as: null });
    await page.waitForURL(/\/inloggen$/);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    const panel = page.locator('.demo-accounts');
    expect(await panel.locator('.demo-account').count()).toBe(6);
    expect(await panel.textContent()).toMatch(/huurdersvertegenwoordiger/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'access-login-page');

    await panel.locator('.demo-account', { hasText: demoEmail('partner') }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const { codes } = await waitForMap(page);
    expect(codes.every((c) => c.startsWith('BU9901'))).toBe(true);
    const gemeenten = await page.$$eval('#gemeente option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value),
    );
    expect(gemeenten).toEqual(['GM9901']);
    const menu = page.getByTestId('user-menu-button');
    expect(await menu.textContent()).toMatch(/Pieter Gemeente/);
    expect(await menu.textContent()).toMatch(/Gemeente Duinrand/);
    // A partner manages nothing: no admin pages in the navigation.
    const nav = await page.locator('.main-nav').textContent();
    expect(nav).not.toMatch(/Beheer|Gebruikers|Auditlog/);
    // Figures reach a partner with disclosure control, and the legend says so.
    expect(await page.locator('.legend').textContent()).toMatch(/Kleine aantallen \(<10\)/);
    expect(problems).toEqual([]);

    await page.goto(`${e2e.server.url}/gebied/GM9902`);
    await page.getByText('Dit gebied valt buiten uw werkgebied').waitFor();
    expect(await page.locator('.error-panel').textContent()).toMatch(/GM9902/);
    // A map link to that gemeente falls back to the partner's own, and says why.
    await page.goto(`${e2e.server.url}/?gemeente=GM9902`);
    await page.getByText('GM9902 valt buiten uw werkgebied').waitFor();
    expect(await page.inputValue('#gemeente')).toBe('GM9901');
    expect((await waitForMap(page)).codes.every((c) => c.startsWith('BU9901'))).toBe(true);
    expect(await page.locator('.error-panel').count()).toBe(0);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });

  test('a wrong password says so and stays on the login page', async () => {
    const { page } = await openPage(e2e, '/inloggen', { as: null });
    await page.getByLabel('E-mailadres').fill(demoEmail('viewer'));
    await page.getByLabel('Wachtwoord').fill('not-the-password');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    const error = page.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/e-mailadres of het wachtwoord klopt niet/i);
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    expect(await page.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'access-login-wrong-password');
    // The same form with the right password gets in.
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('user-menu-button').getByText('Vera Welzijn').waitFor();
  });

  test('the administrator creates a user, sees the password once, and the audit log records it', async () => {
    const { page, problems } = await openPage(e2e, '/beheer/gebruikers', { as: 'admin' });
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor();
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('users-table').locator('tbody tr').count()).toBe(6);
    const nav = await page.locator('.main-nav').textContent();
    expect(nav).toMatch(/Gebruikers/);
    expect(nav).toMatch(/Auditlog/);
    expect(await seriousViolations(page)).toEqual([]);

    const form = page.getByTestId('user-form');
    await form.getByLabel('E-mailadres').fill('nina.nieuw@veenoord.example');
    await form.getByLabel('Naam').fill('Nina Nieuw');
    await form.getByLabel('Organisatie').selectOption('gemeente-veenoord');
    await form.getByLabel('Rol').selectOption('partner');
    // A buurt code is not a scope: the form says so before sending.
    await form.getByLabel('Gemeente- en wijkcodes').fill('BU99020101');
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    await form.getByText('Geen gemeente- of wijkcode: BU99020101').waitFor();
    await form.getByLabel('Gemeente- en wijkcodes').fill('gm9902');
    await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();

    const secret = page.getByTestId('password-once');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/maar één keer getoond/);
    const password = (await secret.locator('.secret').textContent())!.trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    const row = page.getByTestId('users-table').locator('tbody tr', { hasText: 'Nina Nieuw' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Gemeente Veenoord/);
    expect(await row.textContent()).toMatch(/GM9902/);
    expect(await row.textContent()).toMatch(/nog nooit/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'access-users-password-once');

    // The password works, and is not shown again.
    const login = await fetch(`${e2e.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'nina.nieuw@veenoord.example', password }),
    });
    expect(login.status).toBe(200);
    await page.getByRole('button', { name: 'Klaar, verbergen' }).click();
    expect(await page.getByTestId('password-once').count()).toBe(0);

    // Editing: the role changes in the table.
    await row.getByRole('button', { name: 'Nina Nieuw wijzigen' }).click();
    await form.getByRole('heading', { name: 'Gebruiker wijzigen: Nina Nieuw' }).waitFor();
    await form.getByLabel('Rol').selectOption('viewer');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await row.getByText('meekijker').waitFor();

    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    const created = page
      .getByTestId('audit-table')
      .locator('tbody tr', { hasText: 'gebruiker aangemaakt' });
    await created.waitFor();
    expect(await created.textContent()).toMatch(/nina\.nieuw@veenoord\.example/);
    expect(await created.textContent()).toMatch(/admin@demo\.buurtbalans\.nl/);
    // The filter narrows the log to that action, and the URL keeps it.
    await page.getByLabel('Actie').selectOption('user_created');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/actie=user_created/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=audit-table] tbody tr')].every((tr) =>
        tr.textContent?.includes('gebruiker aangemaakt'),
      ),
    );
    const csv = await page.getByRole('link', { name: 'Download als CSV' }).getAttribute('href');
    expect(csv).toBe('/api/audit.csv?action=user_created');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('the audit log loads older entries on request, without repeating any', async () => {
    // Sixty logins: more than one page of the log. Four at a time: the login limits count an
    // attempt in flight as a failure until its password proves right.
    for (let batch = 0; batch < 15; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          fetch(`${e2e.server.url}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: demoEmail('viewer'), password: DEMO_PASSWORD }),
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    }
    const { page, problems } = await openPage(e2e, '/beheer/auditlog?actie=login', {
      as: 'admin',
    });
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(50);
    expect(await page.locator('.table-head').textContent()).toMatch(/De nieuwste 50 regels/);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=audit-table] tbody tr').length > 50,
    );
    const ids = await rows.evaluateAll((els) =>
      els.map((el) => Number(el.getAttribute('data-id'))),
    );
    expect(ids.length).toBeGreaterThan(60);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(await rows.filter({ hasNotText: 'ingelogd' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('figures hidden by disclosure control read "<10" or "afgeschermd", with their own legend row', async () => {
    // The demo's people on social assistance include small counts in Duinrand; what the server
    // hides from the partner is what the page must show as hidden, and nothing else.
    const partnerApi = await apiAs(e2e, 'partner');
    const layer = await partnerApi.json<{
      features: Array<{ properties: { code: string; status: string; suppression?: string } }>;
    }>('/api/map?level=buurt&parent=GM9901&indicator=a_soz_wb&year=2024');
    const hidden = new Map(
      layer.features
        .filter((f) => f.properties.status === 'suppressed')
        .map((f) => [f.properties.code, f.properties.suppression!]),
    );
    const small = [...hidden.values()].filter((r) => r === 'small_count').length;
    expect(small).toBeGreaterThan(0);
    expect(hidden.size).toBeGreaterThan(small);
    const { page, problems } = await openPage(
      e2e,
      '/?gemeente=GM9901&indicator=a_soz_wb&jaar=2024&weergave=tabel',
      { as: 'partner' },
    );
    const table = page.getByTestId('area-table');
    await table.locator('tbody tr').first().waitFor();
    const cells = await table.locator('tbody td.num').allTextContents();
    expect(cells.filter((c) => c === '<10')).toHaveLength(small);
    expect(cells.filter((c) => c === 'afgeschermd')).toHaveLength(hidden.size - small);
    expect(cells.some((c) => c === '0' || c === '')).toBe(false);
    expect(await table.locator('tfoot').textContent()).toMatch(/Kleine aantallen \(<10\)/);
    const legendRow = page.locator('.legend-list li', { hasText: 'Afgeschermd (<10)' });
    expect(await legendRow.locator('.legend-count').textContent()).toBe(String(hidden.size));
    expect(
      await page.locator('.legend-list li', { hasText: 'Geen gegevens' }).textContent(),
    ).toMatch(/0$/);

    await page.getByRole('button', { name: 'Kaart', exact: true }).click();
    await waitForMap(page);
    // The hidden areas carry the hatch on top of the no-data grey.
    const hatched = await page.evaluate(() => {
      const map = (
        window as unknown as {
          __buurtbalansMap: {
            queryRenderedFeatures(o: unknown): Array<{ properties: { code: string } }>;
          };
        }
      ).__buurtbalansMap;
      return [
        ...new Set(
          map.queryRenderedFeatures({ layers: ['areas-suppressed'] }).map((f) => f.properties.code),
        ),
      ];
    });
    expect(hatched.sort()).toEqual([...hidden.keys()].sort());
    const smallCode = [...hidden].find(([, reason]) => reason === 'small_count')![0];
    const point = await pointInside(page, smallCode);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(/<10/);
    expect(await tooltip.textContent()).toMatch(/verborgen om herleidbaarheid te voorkomen/);
    expect(problems).toEqual([]);
  });

  test('a partner shares a comment on an area; the analyst marks it as the agreed conclusion', async () => {
    const { page: partner, problems } = await openPage(e2e, '/gebied/BU99010101', {
      as: 'partner',
    });
    await partner.getByRole('heading', { level: 2, name: /Opmerkingen/ }).waitFor();
    const text = 'Veel meldingen over de speeltuin.\nAfspraak: samen schouwen in maart.';
    await partner.getByLabel('Opmerking', { exact: true }).fill(text);
    await partner.getByLabel('Alle partners die dit gebied zien').check();
    await partner.getByRole('button', { name: 'Plaatsen' }).click();
    const mine = partner.getByTestId('comments').locator('article', { hasText: 'speeltuin' });
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/Pieter Gemeente/);
    expect(await mine.textContent()).toMatch(/gedeeld met partners/);
    // Plain text with its line break: two lines, no HTML.
    expect(await mine.locator('.comment-body').innerText()).toBe(text);
    expect(await seriousViolations(partner)).toEqual([]);
    expect(problems).toEqual([]);

    const { page: analyst, problems: analystProblems } = await openPage(e2e, '/gebied/BU99010101', {
      as: 'analyst',
    });
    const shared = analyst.getByTestId('comments').locator('article', { hasText: 'speeltuin' });
    await shared.waitFor();
    // Only the author may delete it; the analyst may agree on it.
    expect(await shared.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
    await shared.getByRole('button', { name: 'Markeer als afgesproken conclusie' }).click();
    await shared.getByText('Afgesproken conclusie', { exact: true }).waitFor();
    expect(await shared.textContent()).toMatch(/Vastgesteld door Bram Analist/);
    await shared.getByRole('button', { name: 'Markering als conclusie intrekken' }).waitFor();
    expect(analystProblems).toEqual([]);

    // The partner sees the conclusion too; an agreed conclusion cannot be deleted.
    await partner.reload();
    const agreed = partner.getByTestId('comments').locator('article', { hasText: 'speeltuin' });
    await agreed.getByText('Afgesproken conclusie', { exact: true }).waitFor();
    expect(await agreed.getByRole('button', { name: 'Verwijderen' }).count()).toBe(0);
  });

  test('logging out returns to the login page, and the old session gets 401 from the API', async () => {
    const { page, problems } = await openPage(e2e, '/account', { as: 'inspector' });
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'access-account-page');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'bb_session')!;
    expect(cookie.httpOnly).toBe(true);

    // The user menu opens and closes from the keyboard; Escape returns focus to its button.
    const menuButton = page.getByTestId('user-menu-button');
    await menuButton.focus();
    await page.keyboard.press('Enter');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'user-menu-button',
    );
    await menuButton.click();
    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await page.waitForURL(/\/inloggen$/);
    await page.getByText('U bent uitgelogd.').waitFor();
    const meta = await fetch(`${e2e.server.url}/api/meta`, {
      headers: { Cookie: `bb_session=${cookie.value}` },
    });
    expect(meta.status).toBe(401);
    expect(((await meta.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await page.context().request.get(`${e2e.server.url}/api/meta`)).status()).toBe(401);
    expect(problems).toEqual([]);
  });

  test('a session that ends elsewhere sends the user to the login page and back to the same page', async () => {
    const { page } = await openPage(e2e, '/gebied/BU99010101', { as: 'tenant' });
    await page.getByRole('heading', { level: 1, name: 'Binnenstad' }).waitFor();
    // Tenants read comments but do not write them.
    await page.getByRole('heading', { level: 2, name: /Opmerkingen/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Plaatsen' }).count()).toBe(0);
    // Every session of the account ends (as after "Overal uitloggen" on another device).
    const api = await apiAs(e2e, 'tenant');
    await api.request('/api/auth/logout-everywhere', { method: 'POST' });
    await page.locator('.breadcrumbs').getByRole('link', { name: 'Duinrand' }).click();
    await page.waitForURL(/\/inloggen\?terug=%2Fgebied%2FGM9901$/);
    await page.getByText('Uw sessie is verlopen').waitFor();
    await page.getByLabel('E-mailadres').fill(demoEmail('tenant'));
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL(/\/gebied\/GM9901$/);
    await page.getByRole('heading', { level: 1, name: 'Duinrand' }).waitFor();
  });

  test('the password can be changed with the current one; the server’s objections are shown', async () => {
    const { page, problems } = await openPage(e2e, '/account', { as: 'viewer' });
    await page.getByLabel('Huidig wachtwoord').fill('wrong-current-password');
    await page.getByLabel('Nieuw wachtwoord').fill('een-heel-nieuw-wachtwoord');
    await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een-heel-nieuw-wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).last().click();
    await page.getByText('Dit is niet uw huidige wachtwoord.').waitFor();
    expect(await page.getByLabel('Huidig wachtwoord').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Huidig wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).last().click();
    await page.getByText('Uw wachtwoord is gewijzigd').waitFor();
    const relogin = await fetch(`${e2e.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('viewer'), password: 'een-heel-nieuw-wachtwoord' }),
    });
    expect(relogin.status).toBe(200);
    expect(problems.filter((p) => !isExpectedHttpError(p))).toEqual([]);
  });
});
