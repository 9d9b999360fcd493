import { describe, expect, test } from 'vitest';
import { bendBorders, crossingBorders } from './borders.js';
import type { Point } from './planar.js';
import { buildMesh } from './topology.js';

// A 4 km square cut into four 2 km squares: long enough borders to be bent.
const quarters: Point[][] = [
  [
    [0, 0],
    [2, 0],
    [2, 2],
    [0, 2],
  ],
  [
    [2, 0],
    [4, 0],
    [4, 2],
    [2, 2],
  ],
  [
    [0, 2],
    [2, 2],
    [2, 4],
    [0, 4],
  ],
  [
    [2, 2],
    [4, 2],
    [4, 4],
    [2, 4],
  ],
];

describe('bendBorders', () => {
  const mesh = buildMesh(quarters);
  const borders = bendBorders(mesh, 11);

  test('every border is bent, and read backwards it is the same polyline reversed', () => {
    expect(borders.straightened).toBe(0);
    const forward = borders.polyline(1, 2);
    expect(forward.length).toBeGreaterThan(2);
    expect(forward[0]).toBe(mesh.vertices[1]);
    expect(forward[forward.length - 1]).toBe(mesh.vertices[2]);
    expect(borders.polyline(2, 1)).toEqual([...forward].reverse());
  });

  test('the same seed bends identically; another seed differently', () => {
    expect(bendBorders(mesh, 11).polyline(1, 2)).toEqual(borders.polyline(1, 2));
    expect(bendBorders(mesh, 12).polyline(1, 2)).not.toEqual(borders.polyline(1, 2));
  });

  test('bent borders do not cross each other', () => {
    const lines = new Map<string, Point[]>();
    for (const ring of mesh.rings) {
      ring.forEach((from, i) => {
        const to = ring[(i + 1) % ring.length]!;
        if (from < to) lines.set(`${from},${to}`, borders.polyline(from, to));
      });
    }
    expect(crossingBorders(lines)).toEqual([]);
  });

  test('asking for a border that does not exist fails loudly', () => {
    expect(() => borders.polyline(0, 999)).toThrow(/no border/);
  });
});

describe('crossingBorders', () => {
  test.each([
    [
      'two crossing lines',
      [
        [
          [0, 0],
          [2, 2],
        ],
        [
          [0, 2],
          [2, 0],
        ],
      ],
      1,
    ],
    ['two lines meeting at a shared end point', 'shared', 0],
    [
      'two parallel lines',
      [
        [
          [0, 0],
          [2, 0],
        ],
        [
          [0, 1],
          [2, 1],
        ],
      ],
      0,
    ],
  ] as const)('%s', (_, input, expected) => {
    const shared: Point = [1, 1];
    const lines: Point[][] =
      input === 'shared'
        ? [
            [[0, 0], shared],
            [shared, [2, 0]],
          ]
        : input.map((line) => line.map((p) => [p[0], p[1]] as Point));
    const map = new Map(lines.map((line, i) => [`line${i}`, line]));
    expect(crossingBorders(map)).toHaveLength(expected);
  });
});
