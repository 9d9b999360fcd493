import { describe, expect, test } from 'vitest';
import { suppressCounts, type CountCell } from './suppress-counts.js';

const RULES = { minCount: 10 };

function cell(code: string, parentCode: string | null, value: number | null): CountCell {
  return { code, parentCode, value };
}

/** Primary suppression only: what a careless export would hide. */
function naive(cells: readonly CountCell[], minCount = 10): Set<string> {
  return new Set(cells.filter((c) => c.value !== null && c.value < minCount).map((c) => c.code));
}

function ours(cells: readonly CountCell[], minCount = 10): Set<string> {
  return new Set(suppressCounts(cells, { minCount }).keys());
}

function childrenOf(cells: readonly CountCell[]): Map<string, string[]> {
  const codes = new Set(cells.map((c) => c.code));
  const children = new Map<string, string[]>();
  for (const c of cells) {
    if (c.parentCode === null || !codes.has(c.parentCode)) continue;
    const list = children.get(c.parentCode) ?? [];
    list.push(c.code);
    children.set(c.parentCode, list);
  }
  return children;
}

/**
 * The hidden cells an attacker can compute exactly from the visible ones. Unknowns are the
 * hidden and the null cells; every parent gives the row parent − Σ children = (known part).
 * x_i is determined iff the unit vector e_i lies in the row space of the coefficient matrix,
 * tested by reducing e_i against the matrix in reduced row echelon form.
 */
function determinedHidden(cells: readonly CountCell[], hidden: ReadonlySet<string>): string[] {
  const unknown = cells.filter((c) => c.value === null || hidden.has(c.code)).map((c) => c.code);
  const column = new Map(unknown.map((code, i) => [code, i]));
  const rows: number[][] = [];
  for (const [parentCode, kids] of childrenOf(cells)) {
    const row = new Array<number>(unknown.length).fill(0);
    const p = column.get(parentCode);
    if (p !== undefined) row[p] = 1;
    for (const kid of kids) {
      const k = column.get(kid);
      if (k !== undefined) row[k] = -1;
    }
    if (row.some((x) => x !== 0)) rows.push(row);
  }
  const basis = reducedRowEchelon(rows, unknown.length);
  return unknown
    .filter((code, i) => {
      if (!hidden.has(code)) return false;
      const v = new Array<number>(unknown.length).fill(0);
      v[i] = 1;
      for (const { row, pivot } of basis) {
        const f = v[pivot]!;
        if (f !== 0) for (let j = 0; j < v.length; j += 1) v[j] = v[j]! - f * row[j]!;
      }
      return v.every((x) => Math.abs(x) < 1e-9);
    })
    .sort();
}

function reducedRowEchelon(
  input: readonly number[][],
  width: number,
): Array<{ row: number[]; pivot: number }> {
  const rows = input.map((r) => [...r]);
  const basis: Array<{ row: number[]; pivot: number }> = [];
  let r = 0;
  for (let col = 0; col < width && r < rows.length; col += 1) {
    let best = r;
    for (let i = r + 1; i < rows.length; i += 1) {
      if (Math.abs(rows[i]![col]!) > Math.abs(rows[best]![col]!)) best = i;
    }
    if (Math.abs(rows[best]![col]!) < 1e-9) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const scale = pivotRow[col]!;
    for (let j = 0; j < width; j += 1) pivotRow[j] = pivotRow[j]! / scale;
    for (let i = 0; i < rows.length; i += 1) {
      if (i === r) continue;
      const f = rows[i]![col]!;
      if (Math.abs(f) < 1e-12) continue;
      for (let j = 0; j < width; j += 1) rows[i]![j] = rows[i]![j]! - f * pivotRow[j]!;
    }
    basis.push({ row: pivotRow, pivot: col });
    r += 1;
  }
  return basis;
}

/**
 * Sums of hidden cells that a visible total reveals: for every visible cell and every way to
 * cut its subtree, total − visible cut cells = Σ hidden cut cells, when no cut cell is null.
 * Returns the sums below minCount (or 0), which narrow the hidden cells too much.
 */
function smallRevealedSums(
  cells: readonly CountCell[],
  hidden: ReadonlySet<string>,
  minCount = 10,
): Array<{ total: string; hidden: string[]; sum: number }> {
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const children = childrenOf(cells);
  const cutsOf = (code: string): string[][] => {
    const kids = children.get(code);
    return kids ? [[code], ...cutsBelow(kids)] : [[code]];
  };
  const cutsBelow = (kids: readonly string[]): string[][] =>
    kids.reduce<string[][]>(
      (acc, kid) => acc.flatMap((cut) => cutsOf(kid).map((part) => [...cut, ...part])),
      [[]],
    );
  const found: Array<{ total: string; hidden: string[]; sum: number }> = [];
  for (const [total, kids] of children) {
    if (byCode.get(total)!.value === null || hidden.has(total)) continue;
    for (const cut of cutsBelow(kids)) {
      const unknown = cut.filter((code) => byCode.get(code)!.value === null || hidden.has(code));
      if (unknown.length === 0 || unknown.some((code) => byCode.get(code)!.value === null)) {
        continue;
      }
      const sum = unknown.reduce((s, code) => s + byCode.get(code)!.value!, 0);
      if (sum < minCount || sum === 0) found.push({ total, hidden: unknown, sum });
    }
  }
  return found;
}

/** Small deterministic generator (mulberry32), for the property tests only. */
function seeded(seed: number): { next(): number; int(min: number, max: number): number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

describe('suppressCounts: cases where primary suppression alone leaks', () => {
  test('one small buurt in a wijk with a visible total: a second buurt is hidden', () => {
    const cells = [
      cell('WK039201', null, 60),
      cell('BU03920101', 'WK039201', 4),
      cell('BU03920102', 'WK039201', 26),
      cell('BU03920103', 'WK039201', 30),
    ];
    // 60 − 26 − 30 = 4
    expect(determinedHidden(cells, naive(cells))).toEqual(['BU03920101']);
    const result = suppressCounts(cells, RULES);
    expect(result).toEqual(
      new Map([
        ['BU03920101', 'small_count'],
        ['BU03920102', 'secondary'],
      ]),
    );
    expect(determinedHidden(cells, ours(cells))).toEqual([]);
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });

  test('a hidden wijk whose buurten are all visible is no secret: a buurt is hidden too', () => {
    // The small wijk WK039201 needs a second hidden wijk in the gemeente. Hiding WK039202
    // alone is not enough, because its visible buurten add up to it.
    const cells = [
      cell('GM0392', null, 100),
      cell('WK039201', 'GM0392', 7),
      cell('BU03920101', 'WK039201', 3),
      cell('BU03920102', 'WK039201', 4),
      cell('WK039202', 'GM0392', 40),
      cell('BU03920201', 'WK039202', 15),
      cell('BU03920202', 'WK039202', 25),
      cell('WK039203', 'GM0392', 53),
      cell('BU03920301', 'WK039203', 20),
      cell('BU03920302', 'WK039203', 33),
    ];
    const oneLevel = new Set([...naive(cells), 'WK039202']);
    expect(determinedHidden(cells, oneLevel)).toEqual(['WK039201', 'WK039202']);
    expect(suppressCounts(cells, RULES)).toEqual(
      new Map([
        ['BU03920101', 'small_count'],
        ['BU03920102', 'small_count'],
        ['BU03920201', 'secondary'],
        ['WK039201', 'small_count'],
        ['WK039202', 'secondary'],
      ]),
    );
    expect(determinedHidden(cells, ours(cells))).toEqual([]);
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });

  test('two hidden buurten summing to less than 10 under a visible total', () => {
    const cells = [
      cell('WK039201', null, 47),
      cell('BU03920101', 'WK039201', 3),
      cell('BU03920102', 'WK039201', 4),
      cell('BU03920103', 'WK039201', 40),
    ];
    // Neither is determined, but 47 − 40 = 7 tells that both are at most 7.
    expect(determinedHidden(cells, naive(cells))).toEqual([]);
    expect(smallRevealedSums(cells, naive(cells))).toEqual([
      { total: 'WK039201', hidden: ['BU03920101', 'BU03920102'], sum: 7 },
    ]);
    expect(suppressCounts(cells, RULES).get('BU03920103')).toBe('secondary');
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });

  test('a zero is hidden like any small count and adds nothing as protection', () => {
    // Zeros are primary (0 < 10), so a visible zero never exists to serve as the second cell;
    // a hidden zero beside a small count leaves the revealed sum as small as before.
    const cells = [
      cell('WK039201', null, 43),
      cell('BU03920101', 'WK039201', 3),
      cell('BU03920102', 'WK039201', 0),
      cell('BU03920103', 'WK039201', 40),
    ];
    expect(smallRevealedSums(cells, naive(cells))).toEqual([
      { total: 'WK039201', hidden: ['BU03920101', 'BU03920102'], sum: 3 },
    ]);
    expect(suppressCounts(cells, RULES)).toEqual(
      new Map([
        ['BU03920101', 'small_count'],
        ['BU03920102', 'small_count'],
        ['BU03920103', 'secondary'],
      ]),
    );
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });

  test('hidden zeros that sum to 0 are all determined, so a visible cell joins them', () => {
    const cells = [
      cell('WK039201', null, 40),
      cell('BU03920101', 'WK039201', 0),
      cell('BU03920102', 'WK039201', 0),
      cell('BU03920103', 'WK039201', 40),
    ];
    expect(smallRevealedSums(cells, naive(cells))).toEqual([
      { total: 'WK039201', hidden: ['BU03920101', 'BU03920102'], sum: 0 },
    ]);
    expect(suppressCounts(cells, RULES).get('BU03920103')).toBe('secondary');
  });

  test('a chain over three levels: gemeente → wijk → buurt', () => {
    const cells = [
      cell('GM0392', null, 200),
      cell('WK039201', 'GM0392', 6),
      cell('BU03920101', 'WK039201', 2),
      cell('BU03920102', 'WK039201', 4),
      cell('WK039202', 'GM0392', 80),
      cell('BU03920201', 'WK039202', 30),
      cell('BU03920202', 'WK039202', 50),
      cell('WK039203', 'GM0392', 114),
      cell('BU03920301', 'WK039203', 14),
      cell('BU03920302', 'WK039203', 100),
    ];
    // 200 − 80 − 114 = 6
    expect(determinedHidden(cells, naive(cells))).toEqual(['WK039201']);
    // The small wijk forces a second wijk out, which forces one of its buurten out.
    expect(suppressCounts(cells, RULES)).toEqual(
      new Map([
        ['BU03920101', 'small_count'],
        ['BU03920102', 'small_count'],
        ['BU03920201', 'secondary'],
        ['WK039201', 'small_count'],
        ['WK039202', 'secondary'],
      ]),
    );
    expect(determinedHidden(cells, ours(cells))).toEqual([]);
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });

  test('a chain over four levels: land → gemeente → wijk → buurt', () => {
    const cells = [
      cell('NL00', null, 500),
      cell('GM0001', 'NL00', 8),
      cell('WK000101', 'GM0001', 8),
      cell('BU00010101', 'WK000101', 8),
      cell('GM0002', 'NL00', 150),
      cell('WK000201', 'GM0002', 60),
      cell('BU00020101', 'WK000201', 25),
      cell('BU00020102', 'WK000201', 35),
      cell('WK000202', 'GM0002', 90),
      cell('BU00020201', 'WK000202', 90),
      cell('GM0003', 'NL00', 342),
    ];
    expect(determinedHidden(cells, naive(cells))).toEqual(['BU00010101', 'GM0001', 'WK000101']);
    const result = suppressCounts(cells, RULES);
    expect(result.get('GM0002')).toBe('secondary');
    expect(determinedHidden(cells, ours(cells))).toEqual([]);
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });
});

describe('suppressCounts: nulls', () => {
  test('a buurt without a figure already protects a small sibling: no secondary needed', () => {
    const cells = [
      cell('WK039201', null, 50),
      cell('BU03920101', 'WK039201', 4),
      cell('BU03920102', 'WK039201', null),
      cell('BU03920103', 'WK039201', 30),
    ];
    expect(suppressCounts(cells, RULES)).toEqual(new Map([['BU03920101', 'small_count']]));
    expect(determinedHidden(cells, ours(cells))).toEqual([]);
  });

  test('a null is never hidden, even where hiding it would help', () => {
    const cells = [
      cell('WK039201', null, null),
      cell('BU03920101', 'WK039201', 4),
      cell('BU03920102', 'WK039201', 30),
    ];
    expect(suppressCounts(cells, RULES)).toEqual(new Map([['BU03920101', 'small_count']]));
  });

  test('a null wijk whose buurten are all visible protects nothing', () => {
    // WK039201 has no figure, but 40 + 35 gives it; then 100 − 75 − 20 = 5.
    const cells = [
      cell('GM0392', null, 100),
      cell('WK039201', 'GM0392', null),
      cell('BU03920101', 'WK039201', 40),
      cell('BU03920102', 'WK039201', 35),
      cell('WK039202', 'GM0392', 5),
      cell('BU03920201', 'WK039202', 5),
      cell('WK039203', 'GM0392', 20),
      cell('BU03920301', 'WK039203', 20),
    ];
    expect(determinedHidden(cells, naive(cells))).toEqual(['BU03920201', 'WK039202']);
    const result = suppressCounts(cells, RULES);
    expect(result.get('WK039203')).toBe('secondary');
    expect(determinedHidden(cells, ours(cells))).toEqual([]);
    expect(smallRevealedSums(cells, ours(cells))).toEqual([]);
  });
});

describe('suppressCounts: rules and input', () => {
  test('when no visible child is left, the visible total itself is hidden', () => {
    // Source totals need not match their buurten exactly (addresses without a buurt); the
    // equation is still assumed, so 20 with hidden 3 and 4 says too much about them.
    const cells = [
      cell('WK039201', null, 20),
      cell('BU03920101', 'WK039201', 3),
      cell('BU03920102', 'WK039201', 4),
    ];
    expect(suppressCounts(cells, RULES).get('WK039201')).toBe('secondary');
  });

  test('the smallest visible child goes, ties in code order', () => {
    const cells = [
      cell('WK039201', null, 74),
      cell('BU03920104', 'WK039201', 20),
      cell('BU03920101', 'WK039201', 4),
      cell('BU03920103', 'WK039201', 20),
      cell('BU03920102', 'WK039201', 30),
    ];
    expect(suppressCounts(cells, RULES).get('BU03920103')).toBe('secondary');
    expect(suppressCounts(cells, RULES).has('BU03920104')).toBe(false);
  });

  test('minCount is a parameter; 0 hides nothing', () => {
    const cells = [
      cell('WK039201', null, 60),
      cell('BU03920101', 'WK039201', 4),
      cell('BU03920102', 'WK039201', 56),
    ];
    expect(suppressCounts(cells, { minCount: 0 }).size).toBe(0);
    expect(suppressCounts(cells, { minCount: 3 }).size).toBe(0);
    expect(suppressCounts(cells, { minCount: 5 }).size).toBe(2);
  });

  test('a parent code outside the cells makes a top cell; no input gives no result', () => {
    const cells = [cell('BU03920101', 'WK039201', 4), cell('BU03920102', 'WK039201', 30)];
    expect(suppressCounts(cells, RULES)).toEqual(new Map([['BU03920101', 'small_count']]));
    expect(suppressCounts([], RULES).size).toBe(0);
  });

  test('duplicate codes and cycles are refused', () => {
    expect(() => suppressCounts([cell('A', null, 1), cell('A', null, 2)], RULES)).toThrow(/twice/);
    expect(() => suppressCounts([cell('A', 'B', 20), cell('B', 'A', 20)], RULES)).toThrow(
      /own ancestor/,
    );
    expect(() => suppressCounts([cell('A', 'A', 20)], RULES)).toThrow(/own ancestor/);
  });

  test('the result does not depend on the order of the cells', () => {
    const rng = seeded(7);
    const cells = randomGemeente(rng);
    const expected = [...suppressCounts(cells, RULES)];
    for (let round = 0; round < 5; round += 1) {
      const shuffled = [...cells];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = rng.int(0, i);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect([...suppressCounts(shuffled, RULES)]).toEqual(expected);
    }
  });
});

/** A buurt count: many zeros and small ones, some near the threshold, the rest larger. */
function buurtValue(rng: ReturnType<typeof seeded>): number {
  const r = rng.next();
  if (r < 0.1) return 0;
  if (r < 0.4) return rng.int(1, 9);
  if (r < 0.55) return rng.int(10, 15);
  return rng.int(16, 120);
}

/** Values first, sums next, nulls last: a null hides a true value that still adds up. */
function withNulls(cells: CountCell[], rng: ReturnType<typeof seeded>, share: number): CountCell[] {
  return cells.map((c) => (rng.next() < share ? { ...c, value: null } : c));
}

function randomWijken(
  rng: ReturnType<typeof seeded>,
  gm: string,
  wijken: number,
  maxBuurten: number,
): { cells: CountCell[]; total: number } {
  const cells: CountCell[] = [];
  let total = 0;
  for (let w = 1; w <= wijken; w += 1) {
    const wk = `WK${gm.slice(2)}${String(w).padStart(2, '0')}`;
    let sum = 0;
    const buurten = rng.int(1, maxBuurten);
    for (let b = 1; b <= buurten; b += 1) {
      const value = buurtValue(rng);
      sum += value;
      cells.push(cell(`BU${wk.slice(2)}${String(b).padStart(2, '0')}`, wk, value));
    }
    cells.push(cell(wk, gm, sum));
    total += sum;
  }
  return { cells, total };
}

/** 1 gemeente, 2–6 wijken, 1–8 buurten each, counts that add up, some nulls. */
function randomGemeente(rng: ReturnType<typeof seeded>): CountCell[] {
  const { cells, total } = randomWijken(rng, 'GM0001', rng.int(2, 6), 8);
  return withNulls([cell('GM0001', null, total), ...cells], rng, 0.08);
}

/** A land over 2–3 gemeenten of 1–4 wijken: chains over four levels. */
function randomLand(rng: ReturnType<typeof seeded>): CountCell[] {
  const cells: CountCell[] = [];
  let total = 0;
  const gemeenten = rng.int(2, 3);
  for (let g = 1; g <= gemeenten; g += 1) {
    const gm = `GM000${g}`;
    const part = randomWijken(rng, gm, rng.int(1, 4), 5);
    cells.push(cell(gm, 'NL00', part.total), ...part.cells);
    total += part.total;
  }
  return withNulls([cell('NL00', null, total), ...cells], rng, 0.06);
}

describe('suppressCounts: property tests on random hierarchies', () => {
  test.each([
    ['one gemeente', randomGemeente, 400],
    ['a land of gemeenten', randomLand, 200],
  ] as const)(
    '%s: no hidden count is determined, no revealed sum is small',
    (_, generate, cases) => {
      const rng = seeded(20240611);
      let naiveLeaks = 0;
      let nullsSeen = 0;
      for (let run = 0; run < cases; run += 1) {
        const cells = generate(rng);
        const result = suppressCounts(cells, RULES);
        const hidden = new Set(result.keys());
        const context = JSON.stringify(cells);

        for (const c of cells) {
          if (c.value === null) {
            nullsSeen += 1;
            expect(hidden.has(c.code), context).toBe(false);
          } else if (c.value < 10) expect(result.get(c.code), context).toBe('small_count');
          else if (hidden.has(c.code)) expect(result.get(c.code), context).toBe('secondary');
        }
        expect(determinedHidden(cells, hidden), context).toEqual([]);
        expect(smallRevealedSums(cells, hidden), context).toEqual([]);
        if (determinedHidden(cells, naive(cells)).length > 0) naiveLeaks += 1;
      }
      // The generator must produce the cases that matter, or the test proves little.
      expect(naiveLeaks).toBeGreaterThan(cases / 4);
      expect(nullsSeen).toBeGreaterThan(cases / 2);
    },
  );
});

describe('suppressCounts: national scale', () => {
  /** 1 land, 342 gemeenten, about 3,300 wijken and 14,500 buurten, skewed counts, some nulls. */
  function nationalCells(): CountCell[] {
    const rng = seeded(342);
    const cells: CountCell[] = [];
    let land = 0;
    for (let g = 1; g <= 342; g += 1) {
      const gm = `GM${String(g).padStart(4, '0')}`;
      let gemeente = 0;
      const wijken = g <= 320 ? rng.int(6, 14) : rng.int(1, 4);
      for (let w = 1; w <= wijken; w += 1) {
        const wk = `WK${gm.slice(2)}${String(w).padStart(2, '0')}`;
        let wijk = 0;
        const buurten = rng.int(1, 8);
        for (let b = 1; b <= buurten; b += 1) {
          // Log-normal-ish: a median of about 20, a long tail, a fair share below 10.
          const value = Math.floor(
            Math.exp(3 + 1.4 * (rng.next() + rng.next() + rng.next() - 1.5)),
          );
          wijk += value;
          cells.push(cell(`BU${wk.slice(2)}${String(b).padStart(2, '0')}`, wk, value));
        }
        cells.push(cell(wk, gm, wijk));
        gemeente += wijk;
      }
      cells.push(cell(gm, 'NL00', gemeente));
      land += gemeente;
    }
    cells.push(cell('NL00', null, land));
    return withNulls(cells, rng, 0.03);
  }

  /** Determined unknowns by unit propagation: exact for the tree-shaped equations. */
  function determinedByPeeling(cells: readonly CountCell[], hidden: ReadonlySet<string>): string[] {
    const known = new Set(
      cells.filter((c) => c.value !== null && !hidden.has(c.code)).map((c) => c.code),
    );
    const equations = [...childrenOf(cells)].map(([p, kids]) => [p, ...kids]);
    for (let changed = true; changed;) {
      changed = false;
      for (const members of equations) {
        const unknown = members.filter((m) => !known.has(m));
        if (unknown.length === 1) {
          known.add(unknown[0]!);
          changed = true;
        }
      }
    }
    return [...hidden].filter((code) => known.has(code));
  }

  test('18,000 areas: completes with a sane result', () => {
    const cells = nationalCells();
    expect(cells.length).toBeGreaterThan(17_000);
    expect(cells.length).toBeLessThan(20_000);
    const result = suppressCounts(cells, RULES);
    const primary = naive(cells);
    const secondary = [...result].filter(([, r]) => r === 'secondary').map(([code]) => code);
    expect([...result].filter(([, r]) => r === 'small_count').length).toBe(primary.size);
    for (const code of primary) expect(result.get(code)).toBe('small_count');
    const byCode = new Map(cells.map((c) => [c.code, c]));
    for (const code of secondary) expect(byCode.get(code)!.value).toBeGreaterThanOrEqual(10);
    // Secondary suppression costs something, but far less than it protects.
    expect(secondary.length).toBeGreaterThan(0);
    expect(secondary.length).toBeLessThan(primary.size);
    expect(result.has('NL00')).toBe(false);
    expect(determinedByPeeling(cells, new Set(result.keys()))).toEqual([]);
    expect(determinedByPeeling(cells, primary).length).toBeGreaterThan(0);
  });
});
