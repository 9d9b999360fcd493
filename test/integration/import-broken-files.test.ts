import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { adapterFor } from '../../src/import/adapters.js';
import { ImportFailure } from '../../src/import/import-error.js';
import type { ImportKind, ImportOptions } from '../../src/import/import-plan.js';
import { inputFile } from '../../src/import/input-file.js';
import { runImport } from '../../src/import/pipeline.js';
import { createTestDatabase, testEngines } from '../helpers/test-db.js';

const LBM_HEADER = 'wk_code,wk_naam,jaar,lbm,afw,fys,onv,soc,vrz,won';
const LBM_ROW = 'WK039201,Centrum,2022,4.2,0.09773515,0.01,0.02,0.03,0.04,-0.00226485';
const square = (x: number, y: number, d = 0.01) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const geojson = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (code: string, coordinates: unknown, type = 'Polygon') => ({
  type: 'Feature',
  properties: { wk_code: code, wk_naam: code },
  geometry: { type, coordinates },
});

interface Case {
  name: string;
  kind: ImportKind;
  file: string;
  content: string | Uint8Array;
  options?: ImportOptions;
  /** The message must name this (file, line or feature, column, what was expected). */
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: 'empty file',
    kind: 'leefbaarometer',
    file: 'leeg.csv',
    content: '',
    message: /leeg\.csv: the file is empty/,
  },
  {
    name: 'header only',
    kind: 'leefbaarometer',
    file: 'kop.csv',
    content: `${LBM_HEADER}\n`,
    message: /kop\.csv.*header but no data rows/,
  },
  {
    name: 'wrong delimiter on one line',
    kind: 'leefbaarometer',
    file: 'mix.csv',
    content: `${LBM_HEADER}\n${LBM_ROW}\n${LBM_ROW.replaceAll(',', ';')}\n`,
    message: /mix\.csv, line 3.*has 1 field.*expected 10/,
  },
  {
    name: 'truncated last line',
    kind: 'leefbaarometer',
    file: 'afgebroken.csv',
    content: `${LBM_HEADER}\n${LBM_ROW}\nWK039202,Oost,2022,4.1`,
    message: /afgebroken\.csv, line 3.*has 4 fields.*expected 10/,
  },
  {
    name: 'duplicate codes',
    kind: 'leefbaarometer',
    file: 'dubbel.csv',
    content: `${LBM_HEADER}\n${LBM_ROW}\n${LBM_ROW}\n`,
    message:
      /dubbel\.csv, line 3, column 'wk_code': WK039201 for 2022 appears twice \(first on line 2\)/,
  },
  {
    name: 'unknown level prefix',
    kind: 'regions',
    file: 'regio.csv',
    content: 'Key,Title\nGM0392,Haarlem\nXX039201,Onbekend\n',
    options: { year: 2024 },
    message: /regio\.csv, line 3, column 'key': "XX039201" has no known level prefix/,
  },
  {
    name: 'text in a numeric column',
    kind: 'leefbaarometer',
    file: 'tekst.csv',
    content: `${LBM_HEADER}\n${LBM_ROW.replace('0.02', 'hoog')}\n`,
    message: /tekst\.csv, line 2, column 'onv'.*hoog/,
  },
  {
    name: 'missing required column',
    kind: 'leefbaarometer',
    file: 'kolom.csv',
    content: 'wk_code,jaar,afw,fys,onv,soc,vrz\nWK039201,2022,0.1,0.02,0.02,0.03,0.03\n',
    message: /kolom\.csv, line 1: missing required column: won/,
  },
  {
    name: 'afw not the sum of the dimensions',
    kind: 'leefbaarometer',
    file: 'som.csv',
    content: `${LBM_HEADER}\n${LBM_ROW.replace('0.09773515', '0.2')}\n`,
    message: /som\.csv, line 2, column 'afw': afw 0\.2 is not the sum of the five dimensions/,
  },
  {
    name: 'lbm − afw not constant',
    kind: 'leefbaarometer',
    file: 'ref.csv',
    content: `${LBM_HEADER}\n${LBM_ROW}\n${LBM_ROW.replace('WK039201', 'WK039202').replace('4.2', '4.3')}\n`,
    message: /ref\.csv, line 3, column 'lbm': lbm − afw is 4\.202265 here but 4\.102265/,
  },
  {
    name: 'ring that is not closed',
    kind: 'boundaries',
    file: 'open_2024.geojson',
    content: geojson([
      feature('WK039201', [
        [
          [4.6, 52.3],
          [4.61, 52.3],
          [4.61, 52.31],
          [4.6, 52.31],
        ],
      ]),
    ]),
    message: /open_2024\.geojson, feature 0.*not closed/,
  },
  {
    name: 'ring with too few positions',
    kind: 'boundaries',
    file: 'kort_2024.geojson',
    content: geojson([
      feature('WK039201', square(4.6, 52.3)),
      feature('WK039202', [
        [
          [4.6, 52.3],
          [4.61, 52.3],
          [4.6, 52.3],
        ],
      ]),
    ]),
    message: /kort_2024\.geojson, feature 1.*(3 positions|at least 4)/,
  },
  {
    name: 'a point where a polygon belongs',
    kind: 'boundaries',
    file: 'punt_2024.geojson',
    content: geojson([feature('WK039201', [4.6, 52.3], 'Point')]),
    message: /punt_2024\.geojson, feature 0.*Polygon or MultiPolygon/,
  },
  {
    name: 'coordinates neither WGS84 nor RD',
    kind: 'boundaries',
    file: 'mercator_2024.geojson',
    content: geojson([feature('WK039201', square(512000, 6800000, 500))]),
    message: /mercator_2024\.geojson.*neither WGS84.*nor RD New/,
  },
  {
    name: 'invalid JSON',
    kind: 'boundaries',
    file: 'kapot_2024.geojson',
    content: '{"type": "FeatureCollection", "features": [',
    message: /kapot_2024\.geojson.*JSON/,
  },
];

async function counts(handle: DatabaseHandle) {
  const row = await sql<{
    areas: number;
    observations: number;
    indicators: number;
    releases: number;
    geometries: number;
  }>`
    select (select count(*) from area) as areas, (select count(*) from observation) as observations,
      (select count(*) from indicator) as indicators, (select count(*) from source_release) as releases,
      (select count(*) from area_geometry) as geometries`.execute(handle.db);
  return row.rows[0]!;
}

describe.each(testEngines())(
  'broken files on %s: a clear message, and nothing changed',
  (engine) => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await createTestDatabase(engine, 'demo');
    });
    afterAll(() => handle?.close());

    test.each(CASES)('$name', async ({ kind, file, content, options, message }) => {
      const before = await counts(handle);
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const attempt = runImport(handle.db, adapterFor(kind), inputFile(file, bytes), options ?? {});
      await expect(attempt).rejects.toBeInstanceOf(ImportFailure);
      await expect(
        runImport(handle.db, adapterFor(kind), inputFile(file, bytes), options ?? {}),
      ).rejects.toThrow(message);
      expect(await counts(handle)).toEqual(before);
      const run = await sql<{
        status: string;
        messages: Array<{ text: string }>;
      }>`select status, messages from import_run where file_name = ${file} order by id desc limit 1`.execute(
        handle.db,
      );
      expect(run.rows[0]?.status).toBe('failed');
      expect(run.rows[0]?.messages[0]?.text).toMatch(message);
    });

    test('a BOM and Windows-1252 text are read right, with a note about the encoding', async () => {
      const latin = Buffer.concat([
        Buffer.from(`Key,Title\nGM1900,`, 'latin1'),
        Buffer.from('Súdwest-Fryslân', 'latin1'),
        Buffer.from('\n'),
      ]);
      const summary = await runImport(
        handle.db,
        adapterFor('regions'),
        inputFile('latin1.csv', latin),
        { year: 2031 },
      );
      expect(summary.status).toBe('imported');
      expect(summary.messages.map((m) => m.text).join(' ')).toMatch(/Windows-1252/);
      const name = await sql<{
        name: string;
      }>`select name from area where code = 'GM1900' and boundary_year = 2031`.execute(handle.db);
      expect(name.rows[0]?.name).toBe('Súdwest-Fryslân');
      const bom = new TextEncoder().encode('\uFEFFKey,Title\nGM0392,Haarlem\n');
      expect(
        (
          await runImport(handle.db, adapterFor('regions'), inputFile('bom.csv', bom), {
            year: 2032,
          })
        ).status,
      ).toBe('imported');
    });

    test('one failing row anywhere stops the whole file: the rows before it are not written either', async () => {
      const rows = Array.from(
        { length: 500 },
        (_, i) =>
          `WK0392${String(i % 100).padStart(2, '0')},W,${2000 + Math.floor(i / 100)},4.2,0.09773515,0.01,0.02,0.03,0.04,-0.00226485`,
      );
      rows[499] = rows[499]!.replace('0.03', 'veel');
      const before = await counts(handle);
      await expect(
        runImport(
          handle.db,
          adapterFor('leefbaarometer'),
          inputFile('laat.csv', new TextEncoder().encode(`${LBM_HEADER}\n${rows.join('\n')}\n`)),
        ),
      ).rejects.toThrow(/line 501/);
      expect(await counts(handle)).toEqual(before);
    });
  },
);
