import { describe, expect, test } from 'vitest';
import { ObservationTable } from './observation-table.js';

describe('ObservationTable', () => {
  test('lists by the given area, indicator and year order, whatever the write order', () => {
    const table = new ObservationTable();
    table.set('B', 'x', 2015, 3);
    table.setWithout('A', 'y', 2014, 'secret');
    table.set('A', 'x', 2015, 2);
    table.set('A', 'x', 2014, 1);
    table.set('C', 'x', 2014, 9); // not in the area order: left out
    const list = table.toList(['A', 'B'], ['x', 'y'], [2014, 2015]);
    expect(list.map((o) => `${o.areaCode}.${o.indicatorKey}.${o.year}`)).toEqual([
      'A.x.2014',
      'A.x.2015',
      'A.y.2014',
      'B.x.2015',
    ]);
    expect(list[2]).toMatchObject({ value: null, status: 'secret' });
    expect(table.size).toBe(5);
  });

  test('value() hides cells without a value', () => {
    const table = new ObservationTable();
    table.setWithout('A', 'x', 2014, 'missing');
    expect(table.get('A', 'x', 2014)).toEqual({ value: null, status: 'missing' });
    expect(table.value('A', 'x', 2014)).toBeUndefined();
  });
});
