import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { classFromCuts, LBM_BOUNDARIES } from './lbm-boundaries.js';

const FILE = path.resolve(
  process.env.BUURTBALANS_SHARED_DATA ?? '../shared/data',
  'leefbaarometer-2024/lbm2024_buurt_nl.geojson',
);

describe('classFromCuts', () => {
  test.each([
    [-1, 1],
    [-0.0392, 4],
    [0, 5],
    [0.0392, 6],
    [1, 9],
  ])('%d is class %d', (value, cls) => {
    expect(
      classFromCuts(
        value,
        LBM_BOUNDARIES.find((b) => b.release === 'lbm3-2024' && b.appliesTo === 'afw')!.cuts,
      ),
    ).toBe(cls);
  });
});

describe.skipIf(!fs.existsSync(FILE))(
  'the configured 2024 boundaries against the published classes',
  () => {
    test('reproduce every kscore, kafw and dimension class of the 12,147 buurten', () => {
      const { features } = JSON.parse(fs.readFileSync(FILE, 'utf8')) as {
        features: Array<{ properties: Record<string, number> }>;
      };
      const set = (appliesTo: 'score' | 'afw' | 'dimension') =>
        LBM_BOUNDARIES.find((b) => b.release === 'lbm3-2024' && b.appliesTo === appliesTo)!.cuts;
      const checks: Array<[string, string, readonly number[]]> = [
        ['kscore', 'afw', set('score')],
        ['kafw', 'afw', set('afw')],
        ...['won', 'fys', 'vrz', 'soc', 'onv'].map((d): [string, string, readonly number[]] => [
          `k${d}`,
          d,
          set('dimension'),
        ]),
      ];
      for (const [classField, valueField, cuts] of checks) {
        const wrong = features.filter(
          (f) => classFromCuts(f.properties[valueField]!, cuts) !== f.properties[classField],
        );
        expect(wrong.length, `${classField}`).toBe(0);
      }
      expect(features).toHaveLength(12147);
    });
  },
);
