import { describe, expect, test } from 'vitest';
import { inputFile, yearFromFileName } from './input-file.js';

describe('input files', () => {
  test('fingerprint is the sha256 of the bytes', () => {
    expect(inputFile('x', new TextEncoder().encode('abc')).sha256).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
  test.each([
    ['kwb-2023.xlsx', 2023],
    ['buurt_2024.gpkg', 2024],
    ['lbm2024_buurt_nl.geojson', 2024],
    ['wijk_2024_nl_wgs84.geojson', 2024],
    ['lbm3_wijk_scores_2002_2022_nl.csv', null],
    ['WijkenEnBuurten_odata.csv', null],
    ['85984NED.csv', null],
  ])('%s names year %s', (name, year) => {
    expect(yearFromFileName(name)).toBe(year);
  });
});
