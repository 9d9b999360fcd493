import { describe, expect, test } from 'vitest';
import type { SourceRecords } from '../records.js';
import { planLeefbaarometer } from './map-rows.js';

const FIELDS = ['wk_code', 'jaar', 'lbm', 'afw', 'fys', 'onv', 'soc', 'vrz', 'won'];

/** A wijk series as the national file has it: every wijk, every measurement year. */
function wijkSeries(wijken: number, years: number[]): SourceRecords {
  const records: SourceRecords['records'] = [];
  for (let w = 0; w < wijken; w += 1) {
    const code = `WK${String(Math.floor(w / 100) + 1).padStart(4, '0')}${String(w % 100).padStart(2, '0')}`;
    for (const year of years) {
      const dim = ((w % 7) - 3) / 100;
      const values = [code, String(year), String(4.1 + 5 * dim), String(5 * dim)];
      values.push(...[dim, dim, dim, dim, dim].map(String));
      records.push({
        at: { line: records.length + 2 },
        fields: new Map(FIELDS.map((f, i) => [f, values[i]])),
        geometry: null,
      });
    }
  }
  return {
    file: 'lbm3_wijk.csv',
    format: 'csv',
    delimiter: ',',
    names: FIELDS,
    records,
    warnings: [],
  };
}

describe('planLeefbaarometer', () => {
  test('a national series of 150,000 rows plans without running out of stack', () => {
    const plan = planLeefbaarometer(
      wijkSeries(15_000, [2002, 2008, 2012, 2014, 2016, 2018, 2019, 2020, 2021, 2022]),
      {},
    );
    expect(plan.release?.key).toBe('lbm3-2022');
    expect(plan.observations.filter((o) => o.indicatorKey === 'lbm_score')).toHaveLength(150_000);
  });

  test('the release is named after the latest year in the file', () => {
    expect(planLeefbaarometer(wijkSeries(3, [2016, 2020, 2012]), {}).release?.key).toBe(
      'lbm3-2020',
    );
  });
});
