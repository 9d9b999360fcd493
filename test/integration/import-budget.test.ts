import { sql } from 'kysely';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { upsertLine, upsertRegion } from '../../src/db/queries/budget-queries.js';
import { geometryContains } from '../../src/domain/geometry/contains.js';
import { adapterFor } from '../../src/import/adapters.js';
import { ImportFailure } from '../../src/import/import-error.js';
import type { ImportKind, ImportOptions } from '../../src/import/import-plan.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const importFile = (
  handle: DatabaseHandle,
  kind: ImportKind,
  name: string,
  content: string,
  options: ImportOptions = {},
) => runImport(handle.db, adapterFor(kind), inputFile(name, bytes(content)), options);

async function counts(handle: DatabaseHandle) {
  const row = await sql<{ complexes: number; spending: number }>`
    select (select count(*)::int from complex) as complexes,
      (select count(*)::int from spending) as spending`.execute(handle.db);
  return row.rows[0]!;
}

/** A point inside a stored buurt polygon (scans its bounding box). */
async function pointIn(handle: DatabaseHandle, code: string): Promise<[number, number]> {
  const row = await sql<{
    geometry: Polygon | MultiPolygon;
    w: number;
    s: number;
    e: number;
    n: number;
  }>`select g.geometry, a.bbox_west as w, a.bbox_south as s, a.bbox_east as e, a.bbox_north as n
     from area a join area_geometry g on g.area_id = a.id
     where a.code = ${code} order by a.boundary_year desc limit 1`.execute(handle.db);
  const { geometry, w, s, e, n } = row.rows[0]!;
  for (let i = 1; i < 20; i += 1)
    for (let j = 1; j < 20; j += 1) {
      const p: [number, number] = [w + ((e - w) * i) / 20, s + ((n - s) * j) / 20];
      if (geometryContains(geometry, p)) return [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
    }
  throw new Error(`no point found in ${code}`);
}

const COMPLEX_HEADER = 'complex_id;naam;adres;buurtcode;lon;lat;woningen;daeb;bouwjaar';

describe.each(testEngines())('complex and spending imports on %s', (engine) => {
  let handle: DatabaseHandle;
  let inside: [number, number];
  beforeAll(async () => {
    handle = await createTestDatabase(engine, 'demo');
    inside = await pointIn(handle, 'BU99010102');
    await upsertRegion(handle.db, {
      key: 't-noord',
      name: 'Test Noord',
      buurtCodes: ['BU99010101', 'BU99010102'],
    });
    await upsertLine(handle.db, { key: 't-beheer', name: 'Test beheer' });
  });
  afterAll(() => handle?.close());

  test('complexes: a buurt code or a point on the stored boundaries places each complex', async () => {
    const summary = await importFile(
      handle,
      'complexes',
      'complexen.csv',
      `${COMPLEX_HEADER}\nT-1;Duinzicht;Dorpsstraat 1;BU99010101;;;40;32;1968\nT-2;Punt;Dorpsstraat 1;;${inside[0]};${inside[1]};20;20;\n`,
    );
    expect(summary).toMatchObject({ status: 'imported', rowsRead: 2, valuesWritten: 2 });
    const rows = await sql<{
      corporation_id: string;
      buurt_code: string;
      placed_by: string;
    }>`select corporation_id, buurt_code, placed_by from complex where corporation_id like 'T-%' order by 1`.execute(
      handle.db,
    );
    expect(rows.rows).toEqual([
      { corporation_id: 'T-1', buurt_code: 'BU99010101', placed_by: 'file' },
      { corporation_id: 'T-2', buurt_code: 'BU99010102', placed_by: 'point' },
    ]);
  });

  test('spending: lines on a region, buurt, complex and line', async () => {
    const summary = await importFile(
      handle,
      'spending',
      'uitgaven.csv',
      'datum;regio;buurtcode;complex;post;categorie;bedrag;omschrijving\n' +
        '15-03-2025;Test Noord;;;;schoonmaak;1.250,00;voorjaar\n' +
        '2025-04-01;;BU99010101;;;sociaal beheer;300;\n' +
        '2025-05-01;;;t-1;;herstel;-12,50;creditnota\n' +
        '2025-06-01;;;;t-beheer;personeel;€ 1.000;\n',
      { year: 2025 },
    );
    expect(summary).toMatchObject({ status: 'imported', valuesWritten: 4 });
    const total = await sql<{
      sum: number;
    }>`select sum(amount_cents)::bigint as sum from spending where year = 2025 and created_by = 'import:uitgaven.csv'`.execute(
      handle.db,
    );
    expect(Number(total.rows[0]!.sum)).toBe(125_000 + 30_000 - 1_250 + 100_000);
  });

  const BROKEN: {
    name: string;
    kind: ImportKind;
    file: string;
    content: () => string;
    options?: ImportOptions;
    message: RegExp;
  }[] = [
    {
      name: 'unknown buurt',
      kind: 'complexes',
      file: 'onbekend.csv',
      content: () =>
        `${COMPLEX_HEADER}\nT-9;X;Dorpsstraat 1;BU99010101;;;10;5;\nT-10;Y;Dorpsstraat 1;BU00000000;;;10;5;\n`,
      message: /onbekend\.csv, line 3, column 'buurtcode': unknown buurt BU00000000/,
    },
    {
      name: 'negative units',
      kind: 'complexes',
      file: 'negatief.csv',
      content: () => `${COMPLEX_HEADER}\nT-9;X;Dorpsstraat 1;BU99010101;;;-4;0;\n`,
      message: /negatief\.csv, line 2, column 'woningen': "-4" is not a number of dwellings/,
    },
    {
      name: 'DAEB > units',
      kind: 'complexes',
      file: 'daeb.csv',
      content: () => `${COMPLEX_HEADER}\nT-9;X;Dorpsstraat 1;BU99010101;;;10;12;\n`,
      message:
        /daeb\.csv, line 2, column 'daeb': DAEB > units: 12 DAEB dwellings in a complex of 10/,
    },
    {
      name: 'a point outside every buurt',
      kind: 'complexes',
      file: 'buiten.csv',
      content: () => `${COMPLEX_HEADER}\nT-9;X;Dorpsstraat 1;;4.9;52.37;10;5;\n`,
      message:
        /buiten\.csv, line 2, column 'lon': complex T-9 at 4\.9, 52\.37 \(WGS84\) lies outside every buurt/,
    },
    {
      name: 'a complex id twice',
      kind: 'complexes',
      file: 'dubbel.csv',
      content: () =>
        `${COMPLEX_HEADER}\nT-9;X;Dorpsstraat 1;BU99010101;;;10;5;\nt-9;Y;Dorpsstraat 1;BU99010101;;;10;5;\n`,
      message:
        /dubbel\.csv, line 3, column 'complex_id': complex T-9 appears more than once \(first on line 2\)/,
    },
    {
      name: 'unknown region',
      kind: 'spending',
      file: 'regio.csv',
      content: () => 'datum;regio;categorie;bedrag\n2025-01-02;Atlantis;schoonmaak;10\n',
      options: { year: 2025 },
      message: /regio\.csv, line 2, column 'regio': unknown region "Atlantis"/,
    },
    {
      name: 'amount in text',
      kind: 'spending',
      file: 'tekst.csv',
      content: () => 'datum;regio;categorie;bedrag\n2025-01-02;Test Noord;schoonmaak;twaalf\n',
      options: { year: 2025 },
      message: /tekst\.csv, line 2, column 'bedrag': "twaalf" is not an amount/,
    },
    {
      name: 'date out of range',
      kind: 'spending',
      file: 'datum.csv',
      content: () => 'datum;regio;categorie;bedrag\n2024-12-31;Test Noord;schoonmaak;10\n',
      options: { year: 2025 },
      message: /datum\.csv, line 2, column 'datum': date out of range: 2024-12-31/,
    },
    {
      name: 'unknown complex',
      kind: 'spending',
      file: 'complex.csv',
      content: () => 'datum;complex;categorie;bedrag\n2025-01-02;C-404;schoonmaak;10\n',
      options: { year: 2025 },
      message: /complex\.csv, line 2, column 'complex': unknown complex "C-404"/,
    },
    {
      name: 'a buurt outside the budget regions',
      kind: 'spending',
      file: 'buurt.csv',
      content: () => 'datum;buurtcode;categorie;bedrag\n2025-01-02;BU99999999;schoonmaak;10\n',
      options: { year: 2025 },
      message:
        /buurt\.csv, line 2, column 'buurtcode': buurt BU99999999 is not in the working area/,
    },
    {
      name: 'no year',
      kind: 'spending',
      file: 'uitgaven.csv',
      content: () => 'datum;regio;categorie;bedrag\n2025-01-02;Test Noord;schoonmaak;10\n',
      message: /uitgaven\.csv: the file does not say which year/,
    },
  ];

  test.each(BROKEN)(
    'broken: $name gives a row-level error and writes nothing',
    async ({ kind, file, content, options, message }) => {
      const before = await counts(handle);
      const attempt = importFile(handle, kind, file, content(), options ?? {});
      await expect(attempt).rejects.toBeInstanceOf(ImportFailure);
      await expect(importFile(handle, kind, file, content(), options ?? {})).rejects.toThrow(
        message,
      );
      expect(await counts(handle)).toEqual(before);
    },
  );

  test('one broken row among good ones writes none of them', async () => {
    const before = await counts(handle);
    const good = Array.from(
      { length: 30 },
      (_, i) => `T-${100 + i};X;Dorpsstraat 1;BU99010101;;;10;5;`,
    );
    await expect(
      importFile(
        handle,
        'complexes',
        'laat.csv',
        `${COMPLEX_HEADER}\n${good.join('\n')}\nT-999;Y;Dorpsstraat 1;BU00000001;;;10;5;\n`,
      ),
    ).rejects.toThrow(/laat\.csv, line 32/);
    expect(await counts(handle)).toEqual(before);
  });
});
