import { describe, expect, test } from 'vitest';
import { suppressCounts, type CountCell, type CountSuppressionReason } from './suppress-counts.js';

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

type Reasons = ReadonlyMap<string, CountSuppressionReason>;

interface Range {
  min: number;
  max: number;
}

/**
 * What a restricted viewer can work out about every cell: the exact range of values that fit
 * the visible counts, the equations (parent = Σ children) and the labels (`small_count`:
 * 0..minCount − 1, `secondary`: at least minCount, null: at least 0; no count is negative).
 * The equations form a tree, so interval propagation is exact: up, a cell's bound meets the
 * sum of its children's ranges; down, a child's range meets its parent's range less the
 * sum of its siblings' ranges from below. Checked against enumeration further down.
 */
function adversaryRanges(
  cells: readonly CountCell[],
  reasons: Reasons,
  minCount = 10,
): Map<string, Range> {
  const children = childrenOf(cells);
  const codes = new Set(cells.map((c) => c.code));
  const bound = (c: CountCell): Range => {
    const r = reasons.get(c.code);
    if (r === 'small_count') return { min: 0, max: minCount - 1 };
    if (r === 'secondary') return { min: minCount, max: Infinity };
    return c.value === null ? { min: 0, max: Infinity } : { min: c.value, max: c.value };
  };
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const meet = (a: Range, b: Range): Range => ({
    min: Math.max(a.min, b.min),
    max: Math.min(a.max, b.max),
  });
  const sum = (ranges: readonly Range[]): Range => ({
    min: ranges.reduce((s, r) => s + r.min, 0),
    max: ranges.reduce((s, r) => s + r.max, 0),
  });

  const fromBelow = new Map<string, Range>();
  const up = (code: string): Range => {
    const kids = children.get(code) ?? [];
    let range = bound(byCode.get(code)!);
    if (kids.length > 0) range = meet(range, sum(kids.map(up)));
    fromBelow.set(code, range);
    return range;
  };
  const result = new Map<string, Range>();
  const down = (code: string, fromAbove: Range): void => {
    result.set(code, meet(fromBelow.get(code)!, fromAbove));
    const own = meet(bound(byCode.get(code)!), fromAbove);
    const kids = children.get(code) ?? [];
    for (const kid of kids) {
      const others = sum(kids.filter((k) => k !== kid).map((k) => fromBelow.get(k)!));
      down(kid, { min: own.min - others.max, max: own.max - others.min });
    }
  };
  const tops = cells.filter((c) => c.parentCode === null || !codes.has(c.parentCode));
  for (const top of tops) {
    up(top.code);
    down(top.code, { min: -Infinity, max: Infinity });
  }
  return result;
}

/** The labels every count would get if all of them were hidden: what labels alone tell. */
function everythingHidden(cells: readonly CountCell[], minCount = 10): Reasons {
  return new Map(
    cells
      .filter((c) => c.value !== null)
      .map((c) => [c.code, c.value! < minCount ? 'small_count' : 'secondary'] as const),
  );
}

/**
 * Hidden counts that a restricted viewer narrows down more than allowed: a small count must
 * stay free to be anything in 0..minCount − 1, a secondary count must keep a range of at least
 * minCount − 1 (or be unbounded). The one allowance is what the labels say by themselves
 * (the same cell's range with every count hidden): a total of at least minCount made of two
 * small counts, where each is at least 1 and the total, hidden, spans minCount − 2 only.
 * `forced` lists those, to check that they are rare and look as described.
 */
function labelLeaks(
  cells: readonly CountCell[],
  reasons: Reasons,
  minCount = 10,
): { leaks: string[]; forced: Array<{ reason: CountSuppressionReason } & Range> } {
  const ranges = adversaryRanges(cells, reasons, minCount);
  const labelsOnly = adversaryRanges(cells, everythingHidden(cells, minCount), minCount);
  const leaks: string[] = [];
  const forced: Array<{ reason: CountSuppressionReason } & Range> = [];
  for (const [code, reason] of reasons) {
    const { min, max } = ranges.get(code)!;
    const alone = labelsOnly.get(code)!;
    if (reason === 'small_count') {
      if (max < minCount - 1 || min > alone.min) leaks.push(`${code} (${reason}) ${min}..${max}`);
      else if (min > 0) forced.push({ reason, min, max });
    } else {
      const width = max - min;
      if (width < Math.min(minCount - 1, alone.max - alone.min)) {
        leaks.push(`${code} (${reason}) ${min}..${max}`);
      } else if (width < minCount - 1) forced.push({ reason, min, max });
    }
  }
  return { leaks, forced };
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

describe('suppressCounts: what the reasons shown tell', () => {
  // Restricted viewers see "<10" for small_count and "afgeschermd" for secondary, so they know
  // a small count is 0..9 and a secondary one at least 10. The rules used to ignore that.

  test("the reviewer's example: the old secondary pinned both counts through their labels", () => {
    const cells = [
      cell('WK039201', null, 138),
      cell('BU03920101', 'WK039201', 0),
      cell('BU03920102', 'WK039201', 10),
      cell('BU03920103', 'WK039201', 38),
      cell('BU03920104', 'WK039201', 20),
      cell('BU03920105', 'WK039201', 30),
      cell('BU03920106', 'WK039201', 40),
    ];
    // What the label-blind rules hid: the small count and the smallest visible one. Nothing is
    // determined and the revealed sum 138 − 128 = 10 is not small, yet A + B = 10 with A ≤ 9
    // and B ≥ 10 leaves only A = 0, B = 10.
    const before = new Map([
      ['BU03920101', 'small_count'],
      ['BU03920102', 'secondary'],
    ] as const);
    expect(determinedHidden(cells, new Set(before.keys()))).toEqual([]);
    expect(smallRevealedSums(cells, new Set(before.keys()))).toEqual([]);
    const leaked = adversaryRanges(cells, before);
    expect(leaked.get('BU03920101')).toEqual({ min: 0, max: 0 });
    expect(leaked.get('BU03920102')).toEqual({ min: 10, max: 10 });
    expect(labelLeaks(cells, before).leaks).toEqual([
      'BU03920101 (small_count) 0..0',
      'BU03920102 (secondary) 10..10',
    ]);

    // Hiding 10 frees no room (it still counts as at least 10); hiding 20 frees 10.
    const result = suppressCounts(cells, RULES);
    expect(result).toEqual(
      new Map([
        ['BU03920101', 'small_count'],
        ['BU03920104', 'secondary'],
      ]),
    );
    const ranges = adversaryRanges(cells, result);
    expect(ranges.get('BU03920101')).toEqual({ min: 0, max: 9 });
    expect(ranges.get('BU03920104')).toEqual({ min: 11, max: 20 });
    expect(labelLeaks(cells, result)).toEqual({ leaks: [], forced: [] });
  });

  test('the same with 3 and 12: the old secondary narrowed the small count to 0..5', () => {
    const cells = [
      cell('WK039201', null, 143),
      cell('BU03920101', 'WK039201', 3),
      cell('BU03920102', 'WK039201', 12),
      cell('BU03920103', 'WK039201', 38),
      cell('BU03920104', 'WK039201', 20),
      cell('BU03920105', 'WK039201', 30),
      cell('BU03920106', 'WK039201', 40),
    ];
    const before = new Map([
      ['BU03920101', 'small_count'],
      ['BU03920102', 'secondary'],
    ] as const);
    expect(adversaryRanges(cells, before).get('BU03920101')).toEqual({ min: 0, max: 5 });
    const result = suppressCounts(cells, RULES);
    expect([...result.keys()]).toEqual(['BU03920101', 'BU03920104']);
    expect(adversaryRanges(cells, result).get('BU03920101')).toEqual({ min: 0, max: 9 });
    expect(labelLeaks(cells, result).leaks).toEqual([]);
  });

  test('small counts that add up to much are bounded from below: one more is hidden', () => {
    // 30 − 17 = 13 = A + B with both at most 9: each is at least 4. The old rules saw a
    // revealed sum of 13, not small, and hid nothing more.
    const cells = [
      cell('WK039201', null, 30),
      cell('BU03920101', 'WK039201', 5),
      cell('BU03920102', 'WK039201', 8),
      cell('BU03920103', 'WK039201', 17),
    ];
    expect(smallRevealedSums(cells, naive(cells))).toEqual([]);
    const primary = new Map([...naive(cells)].map((code) => [code, 'small_count' as const]));
    expect(adversaryRanges(cells, primary).get('BU03920101')).toEqual({ min: 4, max: 9 });
    const result = suppressCounts(cells, RULES);
    expect(result.get('BU03920103')).toBe('secondary');
    expect(adversaryRanges(cells, result).get('BU03920101')).toEqual({ min: 0, max: 9 });
    expect(labelLeaks(cells, result).leaks).toEqual([]);
  });

  test('a null beside a small count still caps it: 35 − 30 = 5 = A + null', () => {
    // The null is at least 0, so A is at most 5; the old rules let any null protect.
    const cells = [
      cell('WK039201', null, 35),
      cell('BU03920101', 'WK039201', 4),
      cell('BU03920102', 'WK039201', null),
      cell('BU03920103', 'WK039201', 30),
    ];
    const primary = new Map([['BU03920101', 'small_count' as const]]);
    expect(adversaryRanges(cells, primary).get('BU03920101')).toEqual({ min: 0, max: 5 });
    const result = suppressCounts(cells, RULES);
    expect(result.get('BU03920103')).toBe('secondary');
    expect(labelLeaks(cells, result).leaks).toEqual([]);
  });

  test('what the labels tell by themselves is left, and no more', () => {
    // Wijk 15 of buurten 7 and 8: visible, each buurt is at least 6. Hidden, the wijk is at
    // least 10 by its label, so each buurt is still at least 1: nothing can change that.
    // The hidden wijk spans 10..18 only, and a second hidden wijk tied to it alone would
    // mirror that (100 − 45 − [10, 18] = 37..45): a third wijk goes too.
    const cells = [
      cell('GM0392', null, 100),
      cell('WK039201', 'GM0392', 15),
      cell('BU03920101', 'WK039201', 7),
      cell('BU03920102', 'WK039201', 8),
      cell('WK039202', 'GM0392', 40),
      cell('BU03920201', 'WK039202', 15),
      cell('BU03920202', 'WK039202', 25),
      cell('WK039203', 'GM0392', 45),
      cell('BU03920301', 'WK039203', 20),
      cell('BU03920302', 'WK039203', 25),
    ];
    const primary = new Map([...naive(cells)].map((code) => [code, 'small_count' as const]));
    expect(adversaryRanges(cells, primary).get('BU03920101')).toEqual({ min: 6, max: 9 });

    const result = suppressCounts(cells, RULES);
    expect(result).toEqual(
      new Map([
        ['BU03920101', 'small_count'],
        ['BU03920102', 'small_count'],
        ['BU03920201', 'secondary'],
        ['BU03920301', 'secondary'],
        ['WK039201', 'secondary'],
        ['WK039202', 'secondary'],
        ['WK039203', 'secondary'],
      ]),
    );
    const ranges = adversaryRanges(cells, result);
    const labelsOnly = adversaryRanges(cells, everythingHidden(cells));
    expect(ranges.get('BU03920101')).toEqual({ min: 1, max: 9 });
    expect(labelsOnly.get('BU03920101')).toEqual({ min: 1, max: 9 });
    expect(ranges.get('WK039201')).toEqual({ min: 10, max: 18 });
    expect(ranges.get('WK039202')).toEqual({ min: 35, max: 55 });
    expect(labelLeaks(cells, result)).toEqual({
      leaks: [],
      forced: [
        { reason: 'small_count', min: 1, max: 9 },
        { reason: 'small_count', min: 1, max: 9 },
        { reason: 'secondary', min: 10, max: 18 },
      ],
    });

    const withoutThird = new Map(result);
    withoutThird.delete('WK039203');
    withoutThird.delete('BU03920301');
    expect(adversaryRanges(cells, withoutThird).get('WK039202')).toEqual({ min: 37, max: 45 });
  });

  test('the ranges used above are exact: they match enumeration on small hierarchies', () => {
    // Random trees of up to 8 cells under a visible total, random hidden cells labelled by
    // value, some nulls, minCount 3; every value of up to 4 unknown cells from 0 to the total
    // is tried. Values never exceed the visible total, so the enumeration misses nothing.
    const rng = seeded(99);
    const minCount = 3;
    let checked = 0;
    for (let run = 0; run < 400; run += 1) {
      const size = rng.int(3, 8);
      const parents = [-1, ...Array.from({ length: size - 1 }, (_, i) => rng.int(0, i))];
      const hasChildren = Array.from({ length: size }, (_, i) => parents.includes(i));
      const values = new Array<number>(size).fill(0);
      for (let i = size - 1; i >= 0; i -= 1) {
        if (!hasChildren[i]) values[i] = rng.int(0, 6);
        if (i > 0) values[parents[i]!] = values[parents[i]!]! + values[i]!;
      }
      const cells: CountCell[] = values.map((v, i) =>
        cell(`C${i}`, i === 0 ? null : `C${parents[i]}`, v),
      );
      const reasons = new Map<string, CountSuppressionReason>();
      const unknown: number[] = [];
      for (let i = 1; i < size; i += 1) {
        const r = rng.next();
        if (r < 0.15) cells[i] = cell(`C${i}`, `C${parents[i]}`, null);
        else if (r < 0.6) reasons.set(`C${i}`, values[i]! < minCount ? 'small_count' : 'secondary');
        if (r < 0.6) unknown.push(i);
      }
      if (unknown.length > 4) continue;

      const fits = (i: number, v: number): boolean => {
        const r = reasons.get(`C${i}`);
        return r === 'small_count' ? v < minCount : r === 'secondary' ? v >= minCount : true;
      };
      const seen = new Map<number, Range>();
      const x = [...values];
      const enumerate = (j: number): void => {
        if (j === unknown.length) {
          const sums = new Array<number>(size).fill(0);
          for (let i = 1; i < size; i += 1) sums[parents[i]!] = sums[parents[i]!]! + x[i]!;
          for (let i = 0; i < size; i += 1) {
            if (hasChildren[i] && sums[i] !== x[i]) return;
          }
          for (const i of unknown) {
            const r = seen.get(i) ?? { min: Infinity, max: -Infinity };
            seen.set(i, { min: Math.min(r.min, x[i]!), max: Math.max(r.max, x[i]!) });
          }
          return;
        }
        const i = unknown[j]!;
        for (let v = 0; v <= values[0]!; v += 1) {
          if (!fits(i, v)) continue;
          x[i] = v;
          enumerate(j + 1);
        }
      };
      enumerate(0);
      const ranges = adversaryRanges(cells, reasons, minCount);
      for (const i of unknown) {
        const { min, max } = ranges.get(`C${i}`)!;
        expect({ min, max: Math.min(max, values[0]!) }, JSON.stringify(cells)).toEqual(seen.get(i));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
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
    ['one gemeente', randomGemeente, 400, 10],
    ['a land of gemeenten', randomLand, 200, 10],
    ['one gemeente, minCount 5', randomGemeente, 200, 5],
  ] as const)(
    '%s: nothing determined, no small revealed sum, the labels give nothing away',
    (_, generate, cases, minCount) => {
      const rng = seeded(20240611);
      let naiveLeaks = 0;
      let naiveLabelLeaks = 0;
      let nullsSeen = 0;
      let hiddenSeen = 0;
      let forcedSeen = 0;
      for (let run = 0; run < cases; run += 1) {
        const cells = generate(rng);
        const result = suppressCounts(cells, { minCount });
        const hidden = new Set(result.keys());
        const context = JSON.stringify(cells);

        for (const c of cells) {
          if (c.value === null) {
            nullsSeen += 1;
            expect(hidden.has(c.code), context).toBe(false);
          } else if (c.value < minCount) {
            expect(result.get(c.code), context).toBe('small_count');
          } else if (hidden.has(c.code)) expect(result.get(c.code), context).toBe('secondary');
        }
        expect(determinedHidden(cells, hidden), context).toEqual([]);
        expect(smallRevealedSums(cells, hidden, minCount), context).toEqual([]);
        const { leaks, forced } = labelLeaks(cells, result, minCount);
        expect(leaks, context).toEqual([]);
        // What the labels force is only what the documentation says: a lower bound of 1, or a
        // secondary count spanning minCount − 2.
        for (const f of forced) {
          if (f.reason === 'small_count') expect(f.min, context).toBe(1);
          else expect(f.max - f.min, context).toBe(minCount - 2);
        }
        hiddenSeen += hidden.size;
        forcedSeen += forced.length;

        const primary = new Set(naive(cells, minCount));
        if (determinedHidden(cells, primary).length > 0) naiveLeaks += 1;
        const primaryReasons = new Map([...primary].map((code) => [code, 'small_count' as const]));
        if (labelLeaks(cells, primaryReasons, minCount).leaks.length > 0) naiveLabelLeaks += 1;
      }
      // The generator must produce the cases that matter, or the test proves little.
      expect(naiveLeaks).toBeGreaterThan(cases / 4);
      expect(naiveLabelLeaks).toBeGreaterThan(cases / 2);
      expect(nullsSeen).toBeGreaterThan(cases / 2);
      expect(forcedSeen).toBeLessThan(hiddenSeen / 50);
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
    expect(labelLeaks(cells, result).leaks).toEqual([]);
    expect(determinedByPeeling(cells, primary).length).toBeGreaterThan(0);
  });
});
