import { describe, expect, test } from 'vitest';
import type { PlannedArea } from './import-plan.js';
import { resolveAreas, type ExistingArea } from './resolve-areas.js';

const buurt = (code: string, name: string | null = null): PlannedArea => ({
  code,
  level: 'buurt',
  name,
  parentCode: null,
  geometry: null,
});

describe('resolveAreas', () => {
  test('an empty year gets the areas and their whole parent chain, parents first', () => {
    const r = resolveAreas(
      [buurt('BU03630001', 'Kop Zeedijk')],
      new Map(),
      new Map([['GM0363', 'Amsterdam']]),
      false,
    );
    expect(r.toWrite.map((a) => [a.code, a.name, a.parentCode])).toEqual([
      ['NL00', 'NL00', null],
      ['GM0363', 'Amsterdam', 'NL00'],
      ['WK036300', 'WK036300', 'GM0363'],
      ['BU03630001', 'Kop Zeedijk', 'WK036300'],
    ]);
    expect(r.unnamed).toEqual(['NL00', 'WK036300']);
    expect(r.notMatched).toEqual([]);
  });

  test('codes a populated year does not hold are reported, and still created', () => {
    const existing = new Map<string, ExistingArea>([
      ['NL00', { level: 'land', name: 'Nederland', parentCode: null }],
      ['GM0363', { level: 'gemeente', name: 'Amsterdam', parentCode: 'NL00' }],
      ['WK0363AA', { level: 'wijk', name: 'Burgwallen-Oude Zijde', parentCode: 'GM0363' }],
      ['BU0363AA01', { level: 'buurt', name: 'Kop Zeedijk', parentCode: 'WK0363AA' }],
    ]);
    const r = resolveAreas(
      [buurt('BU0363AA01'), buurt('BU03630001', 'Oud')],
      existing,
      new Map(),
      false,
    );
    expect(r.notMatched).toEqual(['BU03630001']);
    expect(r.created).toEqual(['WK036300', 'BU03630001']);
    expect(r.updated).toEqual([]);
  });

  test('an authoritative file renames; a non-authoritative one never does', () => {
    const existing = new Map<string, ExistingArea>([
      ['GM0392', { level: 'gemeente', name: 'GM0392', parentCode: 'NL00' }],
      ['NL00', { level: 'land', name: 'Nederland', parentCode: null }],
    ]);
    const planned: PlannedArea[] = [
      { code: 'GM0392', level: 'gemeente', name: 'Haarlem', parentCode: 'NL00', geometry: null },
    ];
    expect(resolveAreas(planned, existing, new Map(), true).updated).toEqual(['GM0392']);
    expect(resolveAreas(planned, existing, new Map(), false).toWrite).toEqual([]);
  });
});
