import { describe, expect, it } from 'vitest';
import type { PlannedComplex } from './complex-row.js';
import { boxOfPoints, placeComplexes, type BuurtShape } from './place-complexes.js';

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

const complex = (
  corporationId: string,
  buurtCode: string | null,
  point: [number, number] | null,
): PlannedComplex => ({
  corporationId,
  name: null,
  address: 'Kade 1',
  postcode: null,
  houseNumber: null,
  houseNumberAddition: null,
  coordinates: null,
  buurtCode,
  units: 10,
  daebUnits: 5,
  yearBuilt: null,
  point,
});

const shapes: BuurtShape[] = [
  { code: 'BU00000001', geometry: { type: 'Polygon', coordinates: square(4.6, 52.3, 0.1) } },
  { code: 'BU00000002', geometry: { type: 'Polygon', coordinates: square(4.7, 52.3, 0.1) } },
];
const lookups = { knownCodes: new Set(['BU00000001']), shapes, boundaryYear: 2024 };

describe('placeComplexes', () => {
  it('takes a known code as given, even when the point lies elsewhere', () => {
    const row = complex('C-1', 'BU00000001', [4.75, 52.35]);
    expect(placeComplexes([row], lookups)).toEqual({
      placed: [{ row, buurtCode: 'BU00000001', by: 'file' }],
      problems: [],
    });
  });

  it('places a row without a code in the buurt whose polygon holds its point', () => {
    const row = complex('C-2', null, [4.75, 52.35]);
    expect(placeComplexes([row], lookups).placed).toEqual([
      { row, buurtCode: 'BU00000002', by: 'point' },
    ]);
  });

  it('names the row index and field of an unknown code and of a point outside every buurt', () => {
    const rows = [
      complex('C-1', 'BU00000001', null),
      complex('C-3', 'BU99999999', null),
      complex('C-4', null, [6.9, 53.2]),
    ];
    const { placed, problems } = placeComplexes(rows, lookups);
    expect(placed.map((p) => p.row.corporationId)).toEqual(['C-1']);
    expect(problems).toEqual([
      {
        index: 1,
        field: 'buurtCode',
        message: 'unknown buurt BU99999999: not a buurt of boundary year 2024',
        expected: 'a buurt code of 2024 (import its region list and boundaries first)',
      },
      {
        index: 2,
        field: 'coordinates',
        message: 'complex C-4 at 6.9, 53.2 (WGS84) lies outside every buurt of 2024',
        expected: 'coordinates inside a buurt with stored boundaries, or a buurt code',
      },
    ]);
  });
});

describe('boxOfPoints', () => {
  it('is the box around the points, or null without any', () => {
    expect(
      boxOfPoints([
        [4.7, 52.4],
        [4.6, 52.5],
      ]),
    ).toEqual([4.6, 52.4, 4.7, 52.5]);
    expect(boxOfPoints([])).toBeNull();
  });
});
