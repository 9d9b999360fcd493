import { describe, expect, test } from 'vitest';
import type { Point } from './planar.js';
import { buildMesh, unionBoundary } from './topology.js';

// A tall left cell and two right cells: the right cells meet at (1, 1), a T-junction on the
// left cell's straight right side.
const cells: Point[][] = [
  [
    [0, 0],
    [1, 0],
    [1, 2],
    [0, 2],
  ],
  [
    [1, 0],
    [2, 0],
    [2, 1],
    [1, 1 + 1e-12],
  ],
  [
    [1, 1],
    [2, 1],
    [2, 2],
    [1, 2],
  ],
];

describe('buildMesh', () => {
  test('merges corners within the tolerance and inserts T-junction vertices', () => {
    const mesh = buildMesh(cells);
    expect(mesh.vertices).toHaveLength(8);
    expect(mesh.rings[0]).toEqual([0, 1, 6, 2, 3]);
    expect(mesh.rings[1]).toEqual([1, 4, 5, 6]);
  });

  test('neighbours walk their shared border in opposite directions', () => {
    const [left, lower, upper] = buildMesh(cells).rings.map((ring) =>
      ring.map((v, i) => `${v}>${ring[(i + 1) % ring.length]}`),
    );
    expect(left).toEqual(expect.arrayContaining(['1>6', '6>2']));
    expect(lower).toContain('6>1');
    expect(upper).toContain('2>6');
  });
});

describe('unionBoundary', () => {
  test.each([
    [
      'two triangles',
      [
        [0, 1, 4],
        [1, 2, 4],
      ],
      [0, 1, 2, 4],
    ],
    ['the three cells above', buildMesh(cells).rings, [0, 1, 4, 5, 7, 2, 3]],
  ])('outer ring of %s', (_, rings, expected) => {
    expect(unionBoundary(rings)).toEqual(expected);
  });

  test('refuses groups that are not one simple polygon', () => {
    expect(() =>
      unionBoundary([
        [0, 1, 2],
        [3, 4, 5],
      ]),
    ).toThrow(/several rings/);
  });
});
