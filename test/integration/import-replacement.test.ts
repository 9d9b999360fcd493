import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { adapterFor } from '../../src/import/adapters.js';
import type { ImportKind, ImportOptions } from '../../src/import/import-plan.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const text = (s: string) => new TextEncoder().encode(s);

/** What one import may replace, and what it must leave alone. */
describe.each(testEngines())('import replacement on %s', (engine) => {
  let handle: DatabaseHandle;
  const run = (kind: ImportKind, name: string, bytes: Uint8Array, options: ImportOptions = {}) =>
    runImport(handle.db, adapterFor(kind), inputFile(name, bytes), options);
  const count = async (where: ReturnType<typeof sql>) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from observation o
          join indicator i on i.id = o.indicator_id join area a on a.id = o.area_id where ${where}`.execute(
          handle.db,
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
  });
  afterAll(() => handle?.close());

  test('a Leefbaarometer release replaces its own series at a level, never the demo figures there', async () => {
    const demoLbm = sql`o.source = 'demo' and i.key like 'lbm_%' and a.level = 'wijk'`;
    const before = await count(demoLbm);
    expect(before).toBeGreaterThan(0);
    const csv =
      'wk_code,jaar,lbm,afw,fys,onv,soc,vrz,won\nWK039201,2022,4.15,0.1044,0.02,0.02,0.02,0.02,0.0244\n';
    const summary = await run('leefbaarometer', 'lbm_wijk.csv', text(csv));
    expect(summary.status).toBe('imported');
    expect(await count(demoLbm)).toBe(before);
    expect(await count(sql`o.source = 'leefbaarometer' and a.code = 'WK039201'`)).toBe(7);
  });

  test('own figures cannot be mapped onto a Leefbaarometer indicator', async () => {
    await expect(
      run('table', 'eigen.csv', text('code;score\nBU03920101;4,1\n'), {
        mapping: { code: 'code', year: 2024, columns: { score: 'lbm_score' } },
      }),
    ).rejects.toThrow(/"lbm_score" is a Leefbaarometer figure/);
  });

  test('the same file with another --year is a new import, not "nothing changed"', async () => {
    const csv = text('Key,Title\nGM0392,Haarlem\n');
    expect((await run('regions', 'gemeenten.csv', csv, { year: 2033 })).status).toBe('imported');
    expect((await run('regions', 'gemeenten.csv', csv, { year: 2033 })).status).toBe('unchanged');
    expect((await run('regions', 'gemeenten.csv', csv, { year: 2034 })).status).toBe('imported');
    const years = await sql<{
      boundary_year: number;
    }>`select boundary_year from area where code = 'GM0392' and boundary_year in (2033, 2034) order by 1`.execute(
      handle.db,
    );
    expect(years.rows.map((r) => r.boundary_year)).toEqual([2033, 2034]);
  });
});
