import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { startServerProcess, type RunningServer } from '../test/helpers/cli.js';

/**
 * End-to-end harness: Debian's Chromium (never a downloaded browser) against the real server
 * on a fresh data directory with the demo. Without Chromium the tier is skipped locally, and
 * fails when E2E_REQUIRED=1 (CI), so a missing browser cannot pass unnoticed.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.E2E_REQUIRED === '1') {
  throw new Error(`E2E_REQUIRED=1 but no browser at ${CHROMIUM}: apt-get install -y chromium`);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTEFACTS = path.join(root, '.artifacts', 'e2e');

export interface E2E {
  browser: Browser;
  server: RunningServer;
  dataDir: string;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-e2e-'));
  const server = await startServerProcess({ BUURTBALANS_DATA_DIR: dataDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    server,
    dataDir,
    close: async () => {
      await browser.close();
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo accounts, one per role (see src/domain/demo/users.ts); all share one password. */
export type DemoRole = 'admin' | 'analyst' | 'inspector' | 'partner' | 'tenant' | 'viewer';
export const DEMO_PASSWORD = 'buurtbalans-demo';
export const demoEmail = (role: DemoRole) => `${role}@demo.buurtbalans.nl`;

/**
 * A page that fails the test on any script error or failed request, with a Dutch locale.
 * Logged in as `as` (the analyst unless said otherwise; null: nobody) through the API with the
 * context's own request client, so the browser holds the session cookie before the first page.
 */
export async function openPage(
  e2e: E2E,
  path: string,
  options: { width?: number; height?: number; as?: DemoRole | null } = {},
) {
  const context = await e2e.browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    locale: 'nl-NL',
  });
  const as = options.as === undefined ? 'analyst' : options.as;
  if (as) {
    const response = await context.request.post(`${e2e.server.url}/api/auth/login`, {
      data: { email: demoEmail(as), password: DEMO_PASSWORD },
    });
    if (!response.ok()) throw new Error(`login as ${as}: ${response.status()}`);
  }
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (!request.url().startsWith('data:'))
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  await page.goto(`${e2e.server.url}${path}`);
  return { page, problems };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`), fullPage: true });
}

/**
 * Call inside a describe: every test leaves a screenshot of the page it ended on, named
 * `<prefix><nn>-<test name>`, and that page's context is closed. Returns the openPage to use.
 */
export function screenshotEachTest(prefix: string): typeof openPage {
  let last: Page | undefined;
  let counter = 0;
  afterEach(async (context) => {
    counter += 1;
    if (!last) return;
    const slug = context.task.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60);
    await screenshot(last, `${prefix}${String(counter).padStart(2, '0')}-${slug}`).catch(
      () => undefined,
    );
    await last.context().close();
    last = undefined;
  });
  return async (...args) => {
    const opened = await openPage(...args);
    last = opened.page;
    return opened;
  };
}

/** Wait until MapLibre has drawn the areas layer and report what it rendered. */
export async function waitForMap(page: Page): Promise<{ rendered: number; codes: string[] }> {
  await page.waitForFunction(
    () => {
      const map = (
        window as unknown as {
          __buurtbalansMap?: {
            loaded(): boolean;
            getLayer(id: string): unknown;
            queryRenderedFeatures(o: unknown): unknown[];
          };
        }
      ).__buurtbalansMap;
      return (
        !!map &&
        map.loaded() &&
        !!map.getLayer('areas-fill') &&
        map.queryRenderedFeatures({ layers: ['areas-fill'] }).length > 0
      );
    },
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const map = (
      window as unknown as {
        __buurtbalansMap: {
          queryRenderedFeatures(o: unknown): Array<{ properties: { code: string } }>;
        };
      }
    ).__buurtbalansMap;
    const features = map.queryRenderedFeatures({ layers: ['areas-fill'] });
    return {
      rendered: features.length,
      codes: [...new Set(features.map((f) => f.properties.code))],
    };
  });
}

/**
 * Share of the map canvas's pixels that have one of the given colours (±6 per channel): proof
 * that polygons were actually drawn in the legend's colours, not just that the DOM exists.
 */
export async function shareOfPixelsIn(page: Page, colours: string[]): Promise<number> {
  return page.evaluate((hexes) => {
    const source = document.querySelector('.map-canvas canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d')!;
    context.drawImage(source, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    const targets = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    let hits = 0;
    for (let i = 0; i < data.length; i += 16) {
      if (
        targets.some(
          (t) =>
            Math.abs(t[0]! - data[i]!) <= 6 &&
            Math.abs(t[1]! - data[i + 1]!) <= 6 &&
            Math.abs(t[2]! - data[i + 2]!) <= 6,
        )
      )
        hits += 1;
    }
    return hits / (data.length / 16);
  }, colours);
}

/** A screen point inside the rendered area with this code (found by probing a grid). */
export async function pointInside(page: Page, code: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((wanted) => {
    const map = (
      window as unknown as {
        __buurtbalansMap: {
          getContainer(): HTMLElement;
          queryRenderedFeatures(
            p: [number, number],
            o: unknown,
          ): Array<{ id?: number; properties: { code?: string } }>;
          getSource(id: string): {
            serialize(): { data: { features: Array<{ properties: { code: string } }> } };
          };
        };
      }
    ).__buurtbalansMap;
    const features = map.getSource('areas').serialize().data.features;
    const box = map.getContainer().getBoundingClientRect();
    const codeAt = (x: number, y: number) => {
      const hit = map.queryRenderedFeatures([x, y], { layers: ['areas-fill'] })[0];
      return hit && typeof hit.id === 'number' ? features[hit.id]?.properties.code : undefined;
    };
    // Well inside: the point and its neighbours 5 px away all belong to the area.
    for (let y = 10; y < box.height - 10; y += 4) {
      for (let x = 10; x < box.width - 10; x += 4) {
        if (
          [
            [0, 0],
            [5, 0],
            [-5, 0],
            [0, 5],
            [0, -5],
          ].every(([dx, dy]) => codeAt(x + dx!, y + dy!) === wanted)
        ) {
          return { x: box.left + x, y: box.top + y };
        }
      }
    }
    return null;
  }, code);
  if (!point) throw new Error(`area ${code} is not drawn on the map`);
  return point;
}

/** Console errors the browser logs for an API refusal the test provokes on purpose (4xx). */
export const isExpectedHttpError = (problem: string) =>
  /Failed to load resource: the server responded with a status of 4\d\d/.test(problem);

/**
 * The API from the test itself, logged in as a demo account: GET and JSON requests with the
 * session cookie and the CSRF token, as the web app sends them.
 */
export async function apiAs(e2e: E2E, role: DemoRole) {
  const login = await fetch(`${e2e.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(role), password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login as ${role}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const request = (path: string, init: RequestInit = {}) =>
    fetch(`${e2e.server.url}${path}`, {
      ...init,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, ...(init.headers ?? {}) },
    });
  return {
    cookie,
    request,
    async json<T>(path: string): Promise<T> {
      const response = await request(path);
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return (await response.json()) as T;
    },
  };
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol: the app's strict CSP (rightly) refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
          }>;
        };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
