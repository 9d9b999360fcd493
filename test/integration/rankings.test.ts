import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { DEFAULT_METHOD } from '../../src/domain/ranking/default-methods.js';
import type { RankingDiff } from '../../src/services/ranking-diff.js';
import type { MethodPreview } from '../../src/services/ranking-preview.js';
import type {
  AreaExplanation,
  RankingSummary,
  RankingTable,
} from '../../src/services/ranking-views.js';
import { verifyRanking } from '../../src/services/rankings.js';
import { createTestApp } from '../helpers/test-app.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

/** Methods, rankings and veerkracht through the real HTTP app on the demo, on every engine. */
describe.each(testEngines())('rankings on the demo (%s)', (engine) => {
  let handle: DatabaseHandle;
  let api: ReturnType<typeof createTestApp>;
  let rankings: RankingSummary[];
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    api = createTestApp(handle);
    rankings = (await api.json<{ rankings: RankingSummary[] }>('/api/rankings')).body.rankings;
  });
  afterAll(() => handle?.close());

  test('a first start ships the default method and ranks the demo for 2023 and 2024', async () => {
    const methods = await api.json<{
      methods: Array<{ key: string; version: number; builtIn: boolean; rankings: number }>;
    }>('/api/methods');
    expect(methods.body.methods).toContainEqual(
      expect.objectContaining({ key: DEFAULT_METHOD.key, version: 1, builtIn: true, rankings: 2 }),
    );
    expect(rankings.map((r) => r.dataYear)).toEqual([2024, 2023]);
    const [newest] = rankings;
    expect(newest!.ranked + newest!.notRanked).toBe(78);
    // Income lags two years: a ranking of 2024 uses the income of 2022, and says so.
    expect(newest!.years).toMatchObject({ p_hh_li: 2022, lbm_onv: 2024 });
  });

  test('the table: ranks 1..N without gaps beyond ties, classes by quintile, last year’s rank', async () => {
    const { status, body } = await api.json<RankingTable>(`/api/rankings/${rankings[0]!.id}`);
    expect(status).toBe(200);
    const ranked = body.areas.filter((a) => a.ranked);
    expect(ranked[0]!.rank).toBe(1);
    ranked.forEach((a, i) => {
      // Ties share the lowest rank number: a rank is never larger than its position.
      expect(a.rank!).toBeLessThanOrEqual(i + 1);
      expect(a.rankLow!).toBeLessThanOrEqual(a.rankHigh!);
      expect(a.class).toBe(Math.ceil((a.rank! / ranked.length) * 5));
    });
    expect(body.previous?.dataYear).toBe(2023);
    expect(ranked.some((a) => a.previousRank !== null && a.previousRank !== a.rank)).toBe(true);
    const notRanked = body.areas.filter((a) => !a.ranked);
    expect(notRanked.length).toBe(rankings[0]!.notRanked);
    for (const a of notRanked) {
      expect(a.reason?.code).toBe('incomplete');
      expect(a.reason!.weightPresent).toBeLessThan(0.8);
      expect(a.reason!.missing.length).toBeGreaterThan(0);
    }
  });

  test('an explanation adds up, and a partner sees no value disclosure control hides', async () => {
    const id = rankings[0]!.id;
    const table = (await api.json<RankingTable>(`/api/rankings/${id}`)).body;
    const first = table.areas[0]!;
    const explained = (await api.json<AreaExplanation>(`/api/rankings/${id}/areas/${first.code}`))
      .body;
    expect(explained.row.rank).toBe(1);
    expect(explained.classLabelNl).toBe('zeer hoge prioriteit');
    const themeSum = explained.themes.reduce((s, t) => s + t.contribution, 0);
    expect(themeSum).toBeCloseTo(explained.row.score!, 12);
    const indicatorSum = explained.indicators.reduce((s, i) => s + i.contribution, 0);
    expect(indicatorSum).toBeCloseTo(explained.row.score!, 12);
    expect(explained.previous?.ranking.dataYear).toBe(2023);
    expect(explained.previous?.moved.length).toBe(DEFAULT_METHOD.indicators.length);

    // Find an area whose input figure is suppressed for restricted viewers.
    const hidden = await sql<{ code: string; key: string; year: number }>`
      select a.code, i.key, o.data_year as year from suppressed_observation so
      join observation o on o.id = so.observation_id join indicator i on i.id = o.indicator_id
      join area a on a.id = o.area_id
      where i.key = any(${DEFAULT_METHOD.indicators.map((i) => i.key)}::text[])
        and o.data_year = any(${Object.values(rankings[0]!.years).filter((y) => y !== null)}::int[])
        and a.level = 'buurt' limit 1`.execute(handle.db);
    if (hidden.rows.length > 0) {
      const { code, key } = hidden.rows[0]!;
      const partner = api.as({
        role: 'partner',
        scope: [code.slice(0, 2) === 'BU' ? `GM${code.slice(2, 6)}` : code],
      });
      const seen = (await partner.json<AreaExplanation>(`/api/rankings/${id}/areas/${code}`)).body;
      const item = seen.indicators.find((i) => i.key === key)!;
      if (item.year === hidden.rows[0]!.year) {
        expect(item.value).toBeNull();
        expect(item.suppression).not.toBeNull();
        const full = (await api.json<AreaExplanation>(`/api/rankings/${id}/areas/${code}`)).body;
        expect(full.indicators.find((i) => i.key === key)!.value).not.toBeNull();
      }
    }
  });

  test('a partner with one gemeente sees only its areas, with their ranks in the whole universe', async () => {
    const id = rankings[0]!.id;
    const partner = api.as({ role: 'partner', scope: ['GM9902'] });
    const table = (await partner.json<RankingTable>(`/api/rankings/${id}`)).body;
    expect(table.areas.length).toBeGreaterThan(0);
    expect(table.areas.every((a) => a.code.startsWith('BU9902'))).toBe(true);
    const full = (await api.json<RankingTable>(`/api/rankings/${id}`)).body;
    const fullRank = new Map(full.areas.map((a) => [a.code, a.rank]));
    for (const a of table.areas) expect(a.rank).toBe(fullRank.get(a.code));
    const outside = full.areas.find((a) => a.code.startsWith('BU9901'))!.code;
    expect((await partner.json(`/api/rankings/${id}/areas/${outside}`)).status).toBe(403);
    // Making rankings and methods is for the corporation's analysts.
    const denied = await partner.send('POST', '/api/rankings', {
      method: DEFAULT_METHOD.key,
      year: 2024,
    });
    expect(denied.status).toBe(403);
  });

  test('editing a method makes a new version; the old one stays for its rankings', async () => {
    const heavierOnv = {
      ...DEFAULT_METHOD,
      indicators: DEFAULT_METHOD.indicators.map((i) =>
        i.key === 'lbm_onv' ? { ...i, weight: 9 } : i,
      ),
    };
    const preview = await api.send<MethodPreview>('POST', '/api/methods/preview', {
      definition: heavierOnv,
      year: 2024,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.baseline).toEqual({ key: DEFAULT_METHOD.key, version: 1 });
    expect(preview.body.areas.some((a) => a.rank !== a.baselineRank)).toBe(true);

    const saved = await api.send<{ method: { version: number }; created: boolean }>(
      'POST',
      '/api/methods',
      heavierOnv,
    );
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ method: { version: 2 }, created: true });
    const again = await api.send<{ created: boolean }>('POST', '/api/methods', heavierOnv);
    expect(again.body.created).toBe(false);
    const v1 = await api.json<{ method: { definition: typeof DEFAULT_METHOD } }>(
      `/api/methods/${DEFAULT_METHOD.key}?version=1`,
    );
    expect(v1.body.method.definition.indicators[0]).toMatchObject({ key: 'lbm_onv', weight: 3 });

    const bad = await api.send<{
      error: { code: string; details: { issues: Array<{ field: string }> } };
    }>('POST', '/api/methods', {
      ...heavierOnv,
      indicators: [
        { key: 'lbm_onv', weight: -1 },
        { key: 'a_inw', weight: 1 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['indicators[0].weight', 'indicators[1].key']),
    );

    // A ranking with version 2, compared with version 1 on the same data: all method.
    const made = await api.send<{ ranking: RankingSummary }>('POST', '/api/rankings', {
      method: `${DEFAULT_METHOD.key}@2`,
      year: 2024,
      draws: 50,
    });
    expect(made.status).toBe(201);
    expect(made.body.ranking.draws).toBe(50);
    const diff = (
      await api.json<RankingDiff>(
        `/api/rankings/diff?a=${rankings[0]!.id}&b=${made.body.ranking.id}`,
      )
    ).body;
    expect(diff.sameData).toBe(true);
    expect(diff.summary.moved).toBeGreaterThan(0);
    for (const c of diff.areas.filter((x) => x.status === 'both')) {
      expect(c.dataPart).toBe(0);
      expect(c.methodPart).toBe(c.change);
    }
  });

  test('from last year to this year with one method, every move is data', async () => {
    const diff = (
      await api.json<RankingDiff>(`/api/rankings/diff?a=${rankings[1]!.id}&b=${rankings[0]!.id}`)
    ).body;
    expect(diff.sameMethod).toBe(true);
    for (const c of diff.areas.filter((x) => x.status === 'both')) {
      expect(c.methodPart).toBe(0);
      expect(c.dataPart! + c.methodPart!).toBe(c.change);
    }
  });

  test('a stored ranking recomputes to identical numbers and cannot be changed in place', async () => {
    expect(await verifyRanking(handle.db, rankings[0]!.id)).toEqual({
      identical: true,
      differences: [],
    });
    await expect(
      sql`update ranking_area set rank = 1 where ranking_id = ${rankings[0]!.id}`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/not changed in place/);
    await expect(
      sql`update ranking_method set name = 'x' where key = ${DEFAULT_METHOD.key}`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/not changed in place/);
  });

  test('CSV and XLSX exports are the viewer’s table and are audited', async () => {
    const id = rankings[0]!.id;
    const csv = await api.get(`/api/rankings/${id}/export?format=csv`);
    expect(csv.status).toBe(200);
    // Response.text() would drop the BOM; Excel needs it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith('\uFEFFrang;code;naam;')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(1 + 78);
    const xlsx = await api.get(`/api/rankings/${id}/export?format=xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip container
    const audited = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'export' and target = ${`ranking ${id}`}`.execute(
      handle.db,
    );
    expect(audited.rows[0]!.n).toBe(2);
  });

  test('veerkracht names what it lacks instead of inventing it, and always carries the disclaimer', async () => {
    // The demo has income up to 2022: 2020 → 2024 lacks the 2024 income figures everywhere.
    const lacking = await api.json<{
      missingEverywhere: Array<{ key: string; year: number }>;
      areas: Array<{ quadrant: { absolute: string | null } }>;
      disclaimer: { nl: string };
    }>('/api/veerkracht?from=2020&to=2024');
    expect(lacking.status).toBe(200);
    expect(lacking.body.missingEverywhere).toContainEqual({ key: 'p_hh_li', year: 2024 });
    expect(lacking.body.areas.every((a) => a.quadrant.absolute === null)).toBe(true);
    expect(lacking.body.disclaimer.nl).toMatch(/geen diagnose/);

    const signal = await api.json<{
      areas: Array<{
        code: string;
        quadrant: { absolute: string | null; relative: string | null };
      }>;
    }>('/api/veerkracht?from=2018&to=2022');
    expect(signal.status).toBe(200);
    expect(signal.body.areas.some((a) => a.quadrant.absolute !== null)).toBe(true);
    const bad = await api.json<{ error: { code: string } }>('/api/veerkracht?from=2022&to=2018');
    expect(bad.status).toBe(400);
  });
});
