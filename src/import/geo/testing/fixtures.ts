/** Test helpers shared by the geo tests: small shapes, failures, reproducible junk. */
import type { Polygon } from 'geojson';
import { expect } from 'vitest';
import { ImportFailure } from '../../import-error.js';

/**
 * A closed square ring with its lower-left corner at (x, y).
 * @example square(4.63, 52.38, 0.01) // a ~700 m square in Haarlem, WGS84
 */
export function square(x: number, y: number, d: number): Polygon {
  const corners = [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: [corners] };
}

/**
 * The ImportFailure a call throws or rejects with; fails the test when there is none.
 * @example expect((await importFailure(() => readGeoJson('x', '['))).issues).toHaveLength(1)
 */
export async function importFailure(run: () => unknown): Promise<ImportFailure> {
  const error = await Promise.resolve()
    .then(run)
    .then(
      () => expect.unreachable('expected an ImportFailure'),
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(ImportFailure);
  return error as ImportFailure;
}

/**
 * The same pseudo-random bytes on every run (a linear congruential generator).
 * @example seededBytes(4096, 42).length // 4096
 */
export function seededBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => (state = (state * 1103515245 + 12345) % 2 ** 31) & 0xff);
}
