import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

type ErrorBody = { error: { code: string; message: string } };

describe.each(testEngines())('HTTP API on %s', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
  });
  afterAll(() => handle.close());

  test('health says ok after asking the database', async () => {
    const { status, body } = await api.json('/api/health');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });

  test('areas by level and parent; buurten of a gemeente via their wijken', async () => {
    const gemeenten = await api.json<{ boundaryYear: number; areas: Array<{ code: string }> }>(
      '/api/areas?level=gemeente',
    );
    expect(gemeenten.body.boundaryYear).toBe(2024);
    expect(gemeenten.body.areas.map((a) => a.code)).toEqual(['GM9901', 'GM9902', 'GM9903']);
    const buurten = await api.json<{ areas: Array<{ code: string; parentCode: string }> }>(
      '/api/areas?level=buurt&parent=GM9901',
    );
    expect(buurten.body.areas.length).toBeGreaterThan(20);
    expect(
      buurten.body.areas.every(
        (a) => a.code.startsWith('BU9901') && a.parentCode.startsWith('WK9901'),
      ),
    ).toBe(true);
  });

  test('an area profile has its hierarchy, children, series and references', async () => {
    const { status, body } = await api.json<{
      area: { code: string; bbox: number[] };
      ancestors: Array<{ code: string }>;
      children: unknown[];
      series: Array<{
        indicatorKey: string;
        points: Array<{ year: number; value: number | null; status: string; source: string }>;
      }>;
      references: Array<{ area: { code: string }; series: unknown[] }>;
    }>('/api/areas/bu99010101');
    expect(status).toBe(200);
    expect(body.area.code).toBe('BU99010101');
    expect(body.ancestors.map((a) => a.code)).toEqual(['NL00', 'GM9901', 'WK990101']);
    expect(body.children).toEqual([]);
    expect(body.area.bbox).toHaveLength(4);
    const lbm = body.series.find((s) => s.indicatorKey === 'lbm_afw');
    expect(lbm?.points.map((p) => p.year)).toEqual([2014, 2016, 2018, 2020, 2022, 2024]);
    expect(lbm?.points.every((p) => p.source === 'demo')).toBe(true);
    expect(body.references.map((r) => r.area.code)).toEqual(['GM9901', 'NL00']);
    expect(body.references.every((r) => r.series.length > 0)).toBe(true);
  });

  test('the indicator catalogue has keys, names in two languages, units and directions', async () => {
    const { body } = await api.json<{
      indicators: Array<{ key: string; nameEn: string; direction: string; unit: string }>;
    }>('/api/indicators');
    const keys = body.indicators.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'lbm_score',
        'lbm_afw',
        'lbm_onv_class',
        'a_inw',
        'p_wcorpw',
        'g_ink_pi',
        'p_hh_li',
      ]),
    );
    expect(body.indicators.find((i) => i.key === 'p_hh_li')).toMatchObject({
      direction: 'higher_is_worse',
      unit: '%',
    });
    expect(body.indicators.find((i) => i.key === 'g_ink_pi')?.unit).toBe('× € 1.000');
  });

  test.each([
    ['/api/areas/BU00000000', 404, 'area_not_found'],
    ['/api/areas/not-a-code', 400, 'validation_failed'],
    ['/api/areas?level=street', 400, 'validation_failed'],
    ['/api/areas?level=buurt&parent=GM0000', 404, 'area_not_found'],
    ['/api/indicators/no_such_thing', 404, 'indicator_not_found'],
    ['/api/map?parent=GM9901&indicator=no_such_thing', 404, 'indicator_not_found'],
    ['/api/map?parent=GM9901&indicator=lbm_afw&year=2015', 404, 'year_not_available'],
    ['/api/map?parent=GM9901&indicator=lbm_afw&year=1492', 400, 'validation_failed'],
    ['/api/map?parent=BU99010101&indicator=lbm_afw', 400, 'bad_request'],
    ['/api/nothing-here', 404, 'not_found'],
  ])('%s gives %d %s, with a message and no stack trace', async (path, status, code) => {
    const response = await api.get(path);
    expect(response.status).toBe(status);
    const text = await response.text();
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/at .*\.ts:\d+|node_modules|select .* from/i);
  });

  test('a year that is not available names the years that are', async () => {
    const { body } = await api.json<ErrorBody & { error: { details: { years: number[] } } }>(
      '/api/map?parent=GM9901&indicator=lbm_afw&year=2015',
    );
    expect(body.error.details.years).toEqual([2014, 2016, 2018, 2020, 2022, 2024]);
  });

  test('OpenAPI document and a readable docs page', async () => {
    const { status, body } = await api.json<{ openapi: string; paths: Record<string, unknown> }>(
      '/api/openapi.json',
    );
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.0.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/areas',
        '/api/areas/{code}',
        '/api/indicators',
        '/api/map',
      ]),
    );
    // Deny by default, visible in the document: every operation but the public ones names the
    // permission it needs.
    const PUBLIC = [
      'get /api/health',
      'post /api/auth/login',
      'get /api/auth/session',
      'get /api/auth/oidc/start',
      'get /api/auth/oidc/callback',
    ];
    const unguarded = Object.entries(
      body.paths as Record<string, Record<string, { 'x-permission'?: string }>>,
    ).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method, op]) => !op['x-permission'] && !PUBLIC.includes(`${method} ${path}`))
        .map(([method]) => `${method} ${path}`),
    );
    expect(unguarded).toEqual([]);
    const docs = await api.get('/api/docs');
    const html = await docs.text();
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('/api/map');
    expect(html).toContain('area_not_found');
  });

  test('security headers: a strict CSP, no sniffing, no framing', async () => {
    const response = await api.get('/api/health');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).not.toMatch(/https:/);
  });

  test('a configured basemap host is allowed for images, nothing else', async () => {
    const withBasemap = createTestApp(handle, 'https://tiles.example.nl/{z}/{x}/{y}.png');
    const csp = (await withBasemap.get('/api/health')).headers.get('content-security-policy')!;
    expect(csp).toMatch(/img-src [^;]*https:\/\/tiles\.example\.nl/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  test('the meta endpoint tells the web app about the demo and its organisations', async () => {
    const { body } = await api.json<{
      demo: { areas: number } | null;
      organisations: Array<{ kind: string; workingArea: string[] }>;
    }>('/api/meta');
    expect(body.demo?.areas).toBe(94);
    expect(body.organisations.find((o) => o.kind === 'corporation')?.workingArea).toEqual([
      'GM9901',
      'GM9902',
      'GM9903',
    ]);
  });
});
