import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { createUniformStream, type UniformStream } from '../ranking/random.js';
import {
  allocateBudget,
  budgetFromAllocation,
  compareScenarios,
  type AllocationResult,
  type AllocationScenario,
  type BudgetArea,
  type NeedWeights,
} from './allocate.js';

const area = (
  code: string,
  regionKey: string,
  daebUnits: number,
  rankClass: number | null,
  rankDecile: number | null = null,
): BudgetArea => ({ code, name: `Buurt ${code}`, regionKey, daebUnits, rankClass, rankDecile });

const CLASS_WEIGHTS: NeedWeights = { by: 'class', weights: { 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 } };

const scenario = (over: Partial<AllocationScenario> = {}): AllocationScenario => ({
  key: 's1',
  totalCents: 0,
  fixedLines: [],
  needWeights: CLASS_WEIGHTS,
  basePerDaebCents: 0,
  ...over,
});

const region = (result: AllocationResult, key: string) =>
  result.regions.find((r) => r.regionKey === key)!;
const buurt = (result: AllocationResult, code: string) =>
  result.buurten.find((b) => b.code === code)!;

/** The AppError thrown by fn, for asserting on its message and details. */
const failure = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};
const messages = (error: AppError) =>
  (error.details!.issues as { field: string; message: string }[]).map(
    (i) => `${i.field}: ${i.message}`,
  );

describe('allocateBudget: the arithmetic by hand', () => {
  // Four buurten in three regions; N holds the neediest buurt and is capped.
  const areas = [
    area('BU1', 'N', 100, 1, 1),
    area('BU2', 'N', 200, 3, 5),
    area('BU3', 'S', 300, 2, 3),
    area('BU4', 'Z', 100, null, null),
  ];
  const result = allocateBudget(
    scenario({
      key: 'basis',
      name: 'Basis 2025',
      year: 2025,
      rankingRef: 'ranking-2025-v1',
      totalCents: 10_000_00,
      fixedLines: [{ key: 'alg', name: 'Algemeen', amountCents: 1_000_00 }],
      basePerDaebCents: 1_00,
      regionLimits: { N: { capCents: 3_000_00 } },
      earmarks: [{ buurtCode: 'BU4', amountCents: 500_00, note: 'speeltuin' }],
    }),
    areas,
  );

  it('steps 1–3: fixed lines, earmarks and base come off first', () => {
    // Area budget = 10.000 − 1.000 = € 9.000; earmark € 500 to BU4; base € 1 × 700 DAEB.
    expect(result.fixedCents).toBe(1_000_00);
    expect(result.areaBudgetCents).toBe(9_000_00);
    expect(result.earmarkCents).toBe(500_00);
    expect(result.baseCents).toBe(700_00);
    // Need pool = 9.000 − 500 − 700 = € 7.800.
    expect(result.needPoolCents).toBe(7_800_00);
    expect(buurt(result, 'BU4')).toMatchObject({
      earmarkCents: 500_00,
      earmarkNotes: ['speeltuin'],
      baseCents: 100_00,
    });
  });

  it('step 4: need weight × DAEB, unranked at the least-needy weight', () => {
    // Weighted DAEB: BU1 3 × 100 = 300, BU2 1 × 200 = 200, BU3 2 × 300 = 600, BU4 (unranked →
    // class 5's weight 1) × 100 = 100; Σ 1200. Without limits: € 7.800 × 300/1200 = € 1.950.
    expect(buurt(result, 'BU4').steps).toMatchObject({
      weightSource: 'unranked',
      rankValue: null,
      weight: 1,
      weightedDaeb: 100,
    });
    expect(buurt(result, 'BU1').steps).toMatchObject({
      weightSource: 'class',
      rankValue: 1,
      weight: 3,
      weightedDaeb: 300,
      shareOfNeedPool: 0.25,
      unconstrainedNeedCents: 1_950_00,
    });
    expect(region(result, 'N').unconstrainedCents).toBe(3_550_00); // 300 base + 7.800 × 500/1200
  });

  it('step 5: the capped region gives its excess to the others by weighted DAEB', () => {
    // N would get € 3.550 > cap € 3.000, so N = € 3.000. Left for S and Z: 9.000 − 3.000 −
    // their fixed money (S base 300; Z base 100 + earmark 500) = € 5.100 over W 600 + 100:
    // λ = 510.000 cents / 700 = 728,571… cents per weighted dwelling.
    expect(result.waterLevel).toBeCloseTo(510_000 / 700, 9);
    expect(region(result, 'N')).toMatchObject({
      totalCents: 3_000_00,
      applied: 'cap',
      capCents: 3_000_00,
      floorCents: null,
      exactCents: 3_000_00,
    });
    // S: 300 + 510.000 × 600/700 = 467.142,857… cents; Z: 600 + … × 100/700 = 132.857,142…
    expect(region(result, 'S').exactCents).toBeCloseTo(30_000 + (510_000 * 600) / 700, 6);
    expect(region(result, 'Z').exactCents).toBeCloseTo(60_000 + (510_000 * 100) / 700, 6);
    expect(region(result, 'S').applied).toBeNull();
  });

  it('step 6: cents by largest remainder, region totals = their buurten', () => {
    // S .857 > Z .143: the one leftover cent goes to S.
    expect(region(result, 'S').totalCents).toBe(467_143);
    expect(region(result, 'Z').totalCents).toBe(132_857);
    // Within N: need 300.000 − 30.000 base = 270.000 by 300 : 200.
    expect(buurt(result, 'BU1')).toMatchObject({ needCents: 162_000, totalCents: 172_000 });
    expect(buurt(result, 'BU2')).toMatchObject({ needCents: 108_000, totalCents: 128_000 });
    expect(buurt(result, 'BU1').steps).toMatchObject({
      shareOfRegion: 0.6,
      exactNeedCents: 162_000,
      roundingCents: 0,
    });
    // N's need after the cap ÷ before: 270.000 / 325.000.
    expect(buurt(result, 'BU1').steps.regionFactor).toBeCloseTo(270_000 / 325_000, 12);
    expect(buurt(result, 'BU3')).toMatchObject({ needCents: 437_143, totalCents: 467_143 });
    expect(buurt(result, 'BU4')).toMatchObject({ needCents: 72_857, totalCents: 132_857 });
    const sum = result.buurten.reduce((s, b) => s + b.totalCents, 0);
    expect(sum).toBe(result.areaBudgetCents);
  });

  it('reports per DAEB dwelling and the share to the most vulnerable quintile', () => {
    expect(region(result, 'N').centsPerDaeb).toBe(1_000); // 300.000 / 300
    expect(region(result, 'S').centsPerDaeb).toBe(1_557); // 467.143 / 300 = 1.557,14
    expect(region(result, 'Z').centsPerDaeb).toBe(1_329); // 132.857 / 100 = 1.328,57
    expect(result.centsPerDaeb).toBe(1_286); // 900.000 / 700 = 1.285,71
    // Only BU1 is in deciles 1–2: 172.000 of 900.000.
    expect(result.quintileCents).toBe(172_000);
    expect(result.shareToMostVulnerableQuintile).toBeCloseTo(172_000 / 900_000, 15);
    expect(result.buurten.map((b) => b.inMostVulnerableQuintile)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('passes the scenario identity and fixed lines through', () => {
    expect(result).toMatchObject({
      scenarioKey: 'basis',
      scenarioName: 'Basis 2025',
      year: 2025,
      rankingRef: 'ranking-2025-v1',
      totalCents: 10_000_00,
      fixedLines: [{ key: 'alg', name: 'Algemeen', amountCents: 1_000_00 }],
      daebUnits: 700,
    });
    expect(budgetFromAllocation(result)).toEqual({
      N: 300_000,
      S: 467_143,
      Z: 132_857,
      alg: 100_000,
    });
  });
});

describe('allocateBudget: floors and caps (water-filling)', () => {
  // W: A 300 (class 1), B 100, C 200; € 6.000, no base: λ = 1.000 cents → 3.000 / 1.000 / 2.000.
  const areas = [area('BU_A', 'A', 100, 1), area('BU_B', 'B', 100, 3), area('BU_C', 'C', 200, 3)];
  const totals = (result: AllocationResult) =>
    Object.fromEntries(result.regions.map((r) => [r.regionKey, r.totalCents]));

  it('without limits, divides by weight × DAEB', () => {
    const result = allocateBudget(scenario({ totalCents: 600_000 }), areas);
    expect(totals(result)).toEqual({ A: 300_000, B: 100_000, C: 200_000 });
    expect(result.waterLevel).toBe(1_000);
  });

  it('tops a floored region up from the others in proportion to their weighted DAEB', () => {
    // B floor € 1.600: B +€ 600, taken 3 : 2 from A (−360) and C (−240); λ = 4.400/500 = 880.
    const result = allocateBudget(
      scenario({ totalCents: 600_000, regionLimits: { B: { floorCents: 160_000 } } }),
      areas,
    );
    expect(totals(result)).toEqual({ A: 264_000, B: 160_000, C: 176_000 });
    expect(region(result, 'B').applied).toBe('floor');
    expect(region(result, 'A').applied).toBeNull();
    expect(result.waterLevel).toBeCloseTo(880, 9);
  });

  it('applies a floor and a cap together', () => {
    // A cap € 2.500 and B floor € 1.600: C gets the rest, € 1.900 (λ = 950: A would be 2.850 >
    // cap, B would be 950 < floor).
    const result = allocateBudget(
      scenario({
        totalCents: 600_000,
        regionLimits: { A: { capCents: 250_000 }, B: { floorCents: 160_000 } },
      }),
      areas,
    );
    expect(totals(result)).toEqual({ A: 250_000, B: 160_000, C: 190_000 });
    expect(result.regions.map((r) => r.applied)).toEqual(['cap', 'floor', null]);
    expect(result.waterLevel).toBeCloseTo(950, 9);
  });

  it('releases a cap that stops binding once a floor takes money (no oscillation)', () => {
    // W: A 200, B 100, C 100; € 4.000 → λ = 10: A 2.000, B 1.000, C 1.000. A cap of € 1.800
    // binds at first, but C's floor of € 2.500 leaves € 1.500 for A and B (λ = 5): A gets
    // € 1.000, under its cap. Pinning A at its cap for good would leave B −€ 300.
    const result = allocateBudget(
      scenario({
        totalCents: 400_000,
        regionLimits: { A: { capCents: 180_000 }, C: { floorCents: 250_000 } },
      }),
      [area('BU_A', 'A', 200, 3), area('BU_B', 'B', 100, 3), area('BU_C', 'C', 100, 3)],
    );
    expect(totals(result)).toEqual({ A: 100_000, B: 50_000, C: 250_000 });
    expect(result.regions.map((r) => r.applied)).toEqual([null, null, 'floor']);
  });

  it('counts earmarks and base in the region total that floors and caps bound', () => {
    // A: base 100 × € 2 = € 200 and an earmark of € 1.000, cap € 1.500: only € 300 of need.
    const result = allocateBudget(
      scenario({
        totalCents: 600_000,
        basePerDaebCents: 200,
        regionLimits: { A: { capCents: 150_000 } },
        earmarks: [{ buurtCode: 'BU_A', amountCents: 100_000, note: 'buurthuis' }],
      }),
      areas,
    );
    expect(buurt(result, 'BU_A')).toMatchObject({
      earmarkCents: 100_000,
      baseCents: 20_000,
      needCents: 30_000,
      totalCents: 150_000,
    });
    // The rest: 600.000 − 150.000 = 450.000 for B (base 20.000) and C (base 40.000): need
    // 390.000 split 100 : 200.
    expect(totals(result)).toEqual({ A: 150_000, B: 150_000, C: 300_000 });
  });

  it('never cuts earmarks or base to top up a floor', () => {
    // B floor € 5.000 of € 6.000, A and C hold € 500 base each: B gets everything but that.
    const result = allocateBudget(
      scenario({
        totalCents: 600_000,
        basePerDaebCents: 500,
        regionLimits: { B: { floorCents: 450_000 } },
      }),
      [area('BU_A', 'A', 100, 1), area('BU_B', 'B', 100, 3), area('BU_C', 'C', 50, 3)],
    );
    // Base: A 50.000, B 50.000, C 25.000 = 125.000; pool 475.000. Floor B 450.000 leaves
    // 150.000 for A and C, whose base alone is 75.000: their need shares 75.000 by 300 : 50.
    expect(totals(result)).toEqual({ A: 114_286, B: 450_000, C: 35_714 });
    expect(buurt(result, 'BU_A').baseCents).toBe(50_000);
    expect(buurt(result, 'BU_C').baseCents).toBe(25_000);
  });

  it('tops up a region without weighted DAEB by its DAEB dwellings', () => {
    // Region Z's buurten are all in class 5 with weight 0: only the floor gives it money.
    const result = allocateBudget(
      scenario({
        totalCents: 100_000,
        needWeights: { by: 'class', weights: { 1: 2, 5: 0 } },
        regionLimits: { Z: { floorCents: 10_000 } },
      }),
      [area('BU_N', 'N', 10, 1), area('BU_Z1', 'Z', 30, 5), area('BU_Z2', 'Z', 10, 5)],
    );
    expect(region(result, 'Z')).toMatchObject({ totalCents: 10_000, applied: 'floor' });
    expect(buurt(result, 'BU_Z1').totalCents).toBe(7_500);
    expect(buurt(result, 'BU_Z2').totalCents).toBe(2_500);
    expect(region(result, 'N').totalCents).toBe(90_000);
  });

  it('a floor that the region meets anyway is not reported as applied', () => {
    const result = allocateBudget(
      scenario({
        totalCents: 600_000,
        regionLimits: { A: { floorCents: 100_000, capCents: 400_000 } },
      }),
      areas,
    );
    expect(totals(result)).toEqual({ A: 300_000, B: 100_000, C: 200_000 });
    expect(region(result, 'A')).toMatchObject({
      applied: null,
      floorCents: 100_000,
      capCents: 400_000,
    });
  });

  it('refuses infeasible limits, naming the regions', () => {
    const floors = failure(() =>
      allocateBudget(
        scenario({
          totalCents: 600_000,
          regionLimits: { A: { floorCents: 400_000 }, B: { floorCents: 300_000 } },
        }),
        areas,
      ),
    );
    expect(floors.code).toBe('validation_failed');
    expect(floors.message).toBe(
      'regionLimits: floors cannot be met: the floors of A, B with the earmarks and base elsewhere need € 7.000,00, the area budget is € 6.000,00',
    );
    const caps = failure(() =>
      allocateBudget(
        scenario({
          totalCents: 600_000,
          regionLimits: {
            A: { capCents: 100_000 },
            B: { capCents: 100_000 },
            C: { capCents: 100_000 },
          },
        }),
        areas,
      ),
    );
    expect(caps.message).toBe(
      'regionLimits: caps too low to place the budget: with the caps of A, B, C at most € 3.000,00 of the area budget € 6.000,00 can be placed',
    );
    const belowFixed = failure(() =>
      allocateBudget(
        scenario({
          totalCents: 600_000,
          regionLimits: { A: { capCents: 10_000 } },
          earmarks: [{ buurtCode: 'BU_A', amountCents: 20_000, note: '' }],
        }),
        areas,
      ),
    );
    expect(belowFixed.message).toBe(
      "regionLimits.A.capCents: region 'A': cap € 100,00 is below its earmarks and base € 200,00",
    );
    const crossed = failure(() =>
      allocateBudget(
        scenario({ totalCents: 600_000, regionLimits: { A: { floorCents: 2, capCents: 1 } } }),
        areas,
      ),
    );
    expect(crossed.message).toBe(
      "regionLimits.A: region 'A': floor € 0,02 is above its cap € 0,01",
    );
  });

  it('refuses need money that no buurt can receive', () => {
    const error = failure(() =>
      allocateBudget(
        scenario({ totalCents: 100, needWeights: { by: 'class', weights: { 1: 0 } } }),
        [area('BU1', 'A', 10, 1)],
      ),
    );
    expect(error.message).toMatch(/^areas: no buurt has DAEB dwellings with a need weight above 0/);
    expect(() => allocateBudget(scenario({ totalCents: 100 }), [])).toThrow(/no buurten/);
    // … but an area budget of 0 over no buurten is fine.
    expect(allocateBudget(scenario({ totalCents: 0 }), []).buurten).toEqual([]);
  });
});

describe('allocateBudget: rounding', () => {
  it('gives leftover cents to the largest remainder, ties to the smaller code or key', () => {
    // 100 cents over three equal buurten: 33⅓ each, the cent to the smallest code.
    const one = allocateBudget(scenario({ totalCents: 100 }), [
      area('BU3', 'R', 1, 3),
      area('BU1', 'R', 1, 3),
      area('BU2', 'R', 1, 3),
    ]);
    expect(one.buurten.map((b) => [b.code, b.totalCents])).toEqual([
      ['BU1', 34],
      ['BU2', 33],
      ['BU3', 33],
    ]);
    expect(buurt(one, 'BU1').steps.roundingCents).toBeCloseTo(2 / 3, 12);
    // Across regions: the same, by region key.
    const three = allocateBudget(scenario({ totalCents: 200 }), [
      area('BU1', 'Zandvoort', 1, 3),
      area('BU2', 'Beverwijk', 1, 3),
      area('BU3', 'Haarlem-Noord', 1, 3),
    ]);
    expect(three.regions.map((r) => [r.regionKey, r.totalCents])).toEqual([
      ['Beverwijk', 67],
      ['Haarlem-Noord', 67],
      ['Zandvoort', 66],
    ]);
  });

  it('does not depend on the order of areas, earmarks or limits', () => {
    const areas = [
      area('BU01', 'A', 17, 1, 2),
      area('BU02', 'A', 23, 2, 4),
      area('BU03', 'B', 31, 3, 6),
      area('BU04', 'B', 7, null, null),
      area('BU05', 'C', 0, 1, 1),
    ];
    const base = scenario({
      totalCents: 1_234_567,
      basePerDaebCents: 333,
      regionLimits: { B: { capCents: 300_000 }, C: { floorCents: 50_000 } },
      earmarks: [
        { buurtCode: 'BU02', amountCents: 10_001, note: 'a' },
        { buurtCode: 'BU05', amountCents: 999, note: 'b' },
      ],
    });
    const reversed = {
      ...base,
      earmarks: [...base.earmarks!].reverse(),
    };
    const first = allocateBudget(base, areas);
    const second = allocateBudget(reversed, [...areas].reverse());
    expect(second.regions).toEqual(first.regions);
    expect(second.buurten.map((b) => b.totalCents)).toEqual(first.buurten.map((b) => b.totalCents));
  });
});

describe('allocateBudget: large amounts', () => {
  it('stays exact to the cent near the top of the integer range', () => {
    // € 90 billion in cents is about 2^53; every sum must still be exact.
    const total = 9_000_000_000_000_000;
    const result = allocateBudget(
      scenario({
        totalCents: total,
        basePerDaebCents: 1_000_000_007,
        regionLimits: { A: { capCents: 2_000_000_000_000_001 } },
        earmarks: [{ buurtCode: 'BU2', amountCents: 123_456_789_012_345, note: '' }],
      }),
      [area('BU1', 'A', 99_991, 1), area('BU2', 'B', 77_773, 2), area('BU3', 'C', 11, 5)],
    );
    expect(result.buurten.reduce((s, b) => s + b.totalCents, 0)).toBe(total);
    expect(region(result, 'A')).toMatchObject({
      totalCents: 2_000_000_000_000_001,
      applied: 'cap',
    });
    for (const r of result.regions) {
      const members = result.buurten.filter((b) => b.regionKey === r.regionKey);
      expect(members.reduce((s, b) => s + b.totalCents, 0)).toBe(r.totalCents);
    }
  });
});

describe('allocateBudget: weights', () => {
  const areas = [
    area('BU1', 'R', 100, 1, 1),
    area('BU2', 'R', 100, 3, 6),
    area('BU3', 'R', 100, null),
  ];

  it('gives unranked buurten the least-needy weight by default', () => {
    const result = allocateBudget(
      scenario({
        totalCents: 55_000,
        needWeights: { by: 'class', weights: { 1: 4, 3: 1, 5: 0.5 } },
      }),
      areas,
    );
    // Weighted: 400, 100, 50 of 550: 40.000, 10.000, 5.000.
    expect(result.buurten.map((b) => b.totalCents)).toEqual([40_000, 10_000, 5_000]);
    expect(buurt(result, 'BU3').weight).toBe(0.5);
  });

  it('uses unrankedWeight when given, also 0', () => {
    const weights: NeedWeights = { by: 'class', weights: { 1: 4, 3: 1, 5: 0.5 } };
    const two = allocateBudget(
      scenario({ totalCents: 70_000, needWeights: weights, unrankedWeight: 2 }),
      areas,
    );
    expect(two.buurten.map((b) => b.totalCents)).toEqual([40_000, 10_000, 20_000]);
    const zero = allocateBudget(
      scenario({
        totalCents: 53_000,
        needWeights: weights,
        unrankedWeight: 0,
        basePerDaebCents: 10,
      }),
      areas,
    );
    // Base 1.000 each; need 50.000 by 400 : 100 : 0.
    expect(zero.buurten.map((b) => b.totalCents)).toEqual([41_000, 11_000, 1_000]);
  });

  it('weights by decile when asked', () => {
    const result = allocateBudget(
      scenario({
        totalCents: 40_000,
        needWeights: { by: 'decile', weights: { 1: 3, 2: 3, 6: 1, 10: 0 } },
      }),
      areas,
    );
    // BU1 decile 1 → 3, BU2 decile 6 → 1, BU3 unranked → decile 10's weight 0: 300 : 100 : 0.
    expect(result.buurten.map((b) => b.totalCents)).toEqual([30_000, 10_000, 0]);
    expect(buurt(result, 'BU1').steps).toMatchObject({ weightSource: 'decile', rankValue: 1 });
  });

  it('finds the quintile by decile, or by class for class-only areas', () => {
    const result = allocateBudget(scenario({ totalCents: 100_000, classCount: 10 }), [
      area('BU1', 'R', 10, 1, 2), // decile 2: in
      area('BU2', 'R', 10, 1, 3), // decile 3: out, whatever its class
      area('BU3', 'R', 10, 2, null), // class 2 of 10: in
      area('BU4', 'R', 10, 3, null), // class 3 of 10: out
    ]);
    expect(result.buurten.map((b) => b.inMostVulnerableQuintile)).toEqual([
      true,
      false,
      true,
      false,
    ]);
    // With a class count that is not a multiple of five, class-only areas cannot be placed.
    const four = allocateBudget(scenario({ totalCents: 100, classCount: 4 }), [
      area('BU1', 'R', 1, 1),
    ]);
    expect(four.buurten[0]!.inMostVulnerableQuintile).toBe(false);
    expect(four.shareToMostVulnerableQuintile).toBe(0);
  });
});

describe('allocateBudget: earmarks and fixed lines', () => {
  it('adds several earmarks for one buurt and keeps their notes', () => {
    const result = allocateBudget(
      scenario({
        totalCents: 30_000,
        fixedLines: [
          { key: 'buurtbeheer', name: 'Buurtbeheer', amountCents: 10_000 },
          { key: 'personeel', name: 'Personele inzet', amountCents: 5_000 },
        ],
        earmarks: [
          { buurtCode: 'BU2', amountCents: 4_000, note: 'speeltuin' },
          { buurtCode: 'BU2', amountCents: 1_000, note: 'bankjes' },
          { buurtCode: 'BU1', amountCents: 10_000, note: 'buurthuis' },
        ],
      }),
      [area('BU1', 'R', 0, 1), area('BU2', 'R', 0, 1)],
    );
    // Budget = fixed + earmarks exactly: no base, no need money.
    expect(result.needPoolCents).toBe(0);
    expect(buurt(result, 'BU2')).toMatchObject({
      earmarkCents: 5_000,
      earmarkNotes: ['speeltuin', 'bankjes'],
      totalCents: 5_000,
    });
    expect(buurt(result, 'BU1').totalCents).toBe(10_000);
    expect(result.fixedCents).toBe(15_000);
    expect(result.centsPerDaeb).toBeNull();
    expect(result.regions[0]!.centsPerDaeb).toBeNull();
  });
});

describe('allocateBudget: input errors', () => {
  const areas = [area('BU1', 'A', 10, 1), area('BU2', 'B', 10, 2)];

  it('names every problem, the first in the message', () => {
    const error = failure(() =>
      allocateBudget(
        scenario({
          key: '',
          totalCents: -1,
          basePerDaebCents: 1.5,
          fixedLines: [
            { key: 'x', name: 'X', amountCents: -5 },
            { key: 'x', name: 'X again', amountCents: 5 },
          ],
          needWeights: { by: 'class', weights: { 0: 1, 1: -2 } },
          unrankedWeight: Number.NaN,
          regionLimits: { A: { floorCents: -1 } },
          earmarks: [{ buurtCode: 'BU1', amountCents: -3, note: '' }],
        }),
        areas,
      ),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.details!.field).toBe('key');
    expect(messages(error)).toEqual([
      'key: a scenario needs a key',
      'totalCents: cannot be negative (got -1)',
      'basePerDaebCents: must be a whole number of cents (got 1.5)',
      'fixedLines[0].amountCents: cannot be negative (got -5)',
      "fixedLines[1].key: 'x' appears twice",
      "needWeights.weights.0: '0' is not a class number (1 or more)",
      'needWeights.weights.1: must be a finite number ≥ 0 (got -2)',
      'unrankedWeight: must be a finite number ≥ 0 (got NaN)',
      'regionLimits.A.floorCents: cannot be negative (got -1)',
      'earmarks[0].amountCents: cannot be negative (got -3)',
    ]);
    expect(error.message).toBe('key: a scenario needs a key (and 9 more)');
  });

  it('refuses a budget smaller than fixed lines, + earmarks, + base', () => {
    const fixed = [{ key: 'alg', name: 'Algemeen', amountCents: 1_000 }];
    expect(
      failure(() => allocateBudget(scenario({ totalCents: 999, fixedLines: fixed }), areas))
        .message,
    ).toBe('totalCents: the budget € 9,99 is smaller than the fixed lines € 10,00');
    const earmarks = [{ buurtCode: 'BU1', amountCents: 500, note: '' }];
    expect(
      failure(() =>
        allocateBudget(scenario({ totalCents: 1_499, fixedLines: fixed, earmarks }), areas),
      ).message,
    ).toBe('totalCents: the budget € 14,99 is smaller than the fixed lines + earmarks € 15,00');
    expect(
      failure(() =>
        allocateBudget(
          scenario({ totalCents: 1_519, fixedLines: fixed, earmarks, basePerDaebCents: 1 }),
          areas,
        ),
      ).message,
    ).toBe(
      'totalCents: the budget € 15,19 is smaller than the fixed lines + earmarks + base per DAEB dwelling € 15,20',
    );
    // Exactly enough is fine.
    expect(
      allocateBudget(
        scenario({ totalCents: 1_520, fixedLines: fixed, earmarks, basePerDaebCents: 1 }),
        areas,
      ).needPoolCents,
    ).toBe(0);
  });

  it('refuses unknown regions, unknown earmark buurten, missing weights, clashing keys', () => {
    const error = failure(() =>
      allocateBudget(
        scenario({
          totalCents: 100_000,
          fixedLines: [{ key: 'A', name: 'A as a line', amountCents: 0 }],
          needWeights: { by: 'class', weights: { 1: 3 } },
          regionLimits: { Noord: { capCents: 5 } },
          earmarks: [{ buurtCode: 'BU9', amountCents: 5, note: '' }],
        }),
        areas,
      ),
    );
    expect(messages(error)).toEqual([
      "fixedLines[0].key: 'A' is also a region key; a report row must mean one thing",
      "regionLimits.Noord: unknown region 'Noord': no buurt in the areas belongs to it",
      "earmarks[0].buurtCode: earmark for 'BU9', a buurt not in the areas",
      'needWeights.weights: no weight for class 2 (BU2 has it)',
    ]);
  });

  it('refuses bad areas', () => {
    const error = failure(() =>
      allocateBudget(scenario({ totalCents: 1 }), [
        area('BU1', 'A', -1, 1),
        area('BU1', '', 2.5, 0, 11),
      ]),
    );
    expect(messages(error)).toEqual([
      'areas.BU1.daebUnits: must be a whole number ≥ 0 (got -1)',
      'areas.BU1: BU1 appears more than once',
      'areas.BU1.regionKey: every buurt needs a region',
      'areas.BU1.daebUnits: must be a whole number ≥ 0 (got 2.5)',
      'areas.BU1.rankClass: must be null or a whole number 1 or more (got 0)',
      'areas.BU1.rankDecile: must be null or a whole number 1–10 (got 11)',
    ]);
  });
});

describe('compareScenarios', () => {
  const areas = [area('BU1', 'A', 100, 1, 1), area('BU2', 'B', 100, 3, 6)];
  const basis = allocateBudget(
    scenario({ key: 'basis', name: 'Basis', totalCents: 40_000 }),
    areas,
  );
  const flat = allocateBudget(
    scenario({
      key: 'vlak',
      name: 'Vlak',
      totalCents: 40_000,
      needWeights: { by: 'class', weights: { 1: 1, 3: 1 } },
      fixedLines: [{ key: 'alg', name: 'Algemeen', amountCents: 10_000 }],
    }),
    [...areas, area('BU3', 'B', 100, 3, 7)],
  );

  it('puts scenarios side by side with differences against the first', () => {
    const comparison = compareScenarios([basis, flat]);
    expect(comparison.scenarios).toEqual([
      {
        key: 'basis',
        name: 'Basis',
        year: null,
        totalCents: 40_000,
        fixedCents: 0,
        areaBudgetCents: 40_000,
        daebUnits: 200,
        centsPerDaeb: 200,
        quintileCents: 30_000,
        shareToMostVulnerableQuintile: 0.75,
      },
      {
        key: 'vlak',
        name: 'Vlak',
        year: null,
        totalCents: 40_000,
        fixedCents: 10_000,
        areaBudgetCents: 30_000,
        daebUnits: 300,
        centsPerDaeb: 100,
        quintileCents: 10_000,
        shareToMostVulnerableQuintile: 1 / 3,
      },
    ]);
    expect(comparison.regions).toEqual([
      {
        regionKey: 'A',
        amounts: [30_000, 10_000],
        differences: [0, -20_000],
        centsPerDaeb: [300, 100],
        applied: [null, null],
      },
      {
        regionKey: 'B',
        amounts: [10_000, 20_000],
        differences: [0, 10_000],
        centsPerDaeb: [100, 100],
        applied: [null, null],
      },
    ]);
    expect(comparison.buurten).toEqual([
      {
        code: 'BU1',
        name: 'Buurt BU1',
        regionKey: 'A',
        amounts: [30_000, 10_000],
        differences: [0, -20_000],
      },
      {
        code: 'BU2',
        name: 'Buurt BU2',
        regionKey: 'B',
        amounts: [10_000, 10_000],
        differences: [0, 0],
      },
      {
        code: 'BU3',
        name: 'Buurt BU3',
        regionKey: 'B',
        amounts: [null, 10_000],
        differences: [null, null],
      },
    ]);
    expect(comparison.fixedLines).toEqual([
      { key: 'alg', name: 'Algemeen', amounts: [null, 10_000], differences: [null, null] },
    ]);
  });

  it('refuses no scenarios and a scenario key twice', () => {
    expect(() => compareScenarios([])).toThrow(/no scenarios to compare/);
    expect(() => compareScenarios([basis, basis])).toThrow(/'basis' appears more than once/);
  });
});

// ---------------------------------------------------------------------------------------------
// Seeded property tests: random working areas and scenarios, checked against the invariants
// and against an independent reference for the water level (bisection).

interface RandomCase {
  scenario: AllocationScenario;
  areas: BudgetArea[];
}

function randomCase(next: UniformStream, withLimits: boolean): RandomCase {
  const int = (max: number) => Math.floor(next() * (max + 1));
  const regionCount = 1 + int(5);
  const regionKeys = Array.from({ length: regionCount }, (_, i) => `R${i}`);
  const n = 1 + int(25);
  const areas = Array.from({ length: n }, (_, i) => {
    const ranked = next() < 0.85;
    const decile = 1 + int(9);
    return area(
      `BU${String(i).padStart(4, '0')}`,
      regionKeys[int(regionCount - 1)]!,
      next() < 0.1 ? 0 : int(600),
      ranked ? Math.ceil(decile / 2) : null,
      ranked ? decile : null,
    );
  });
  const fractional = next() < 0.3;
  const weight = () => (fractional ? Math.round(next() * 400) / 100 : int(5));
  const needWeights: NeedWeights =
    next() < 0.5
      ? {
          by: 'class',
          weights: { 1: weight(), 2: weight(), 3: weight(), 4: weight(), 5: weight() },
        }
      : {
          by: 'decile',
          weights: Object.fromEntries(Array.from({ length: 10 }, (_, d) => [d + 1, weight()])),
        };
  const basePerDaebCents = next() < 0.3 ? 0 : int(3_000);
  const earmarks = Array.from({ length: int(3) }, () => ({
    buurtCode: areas[int(n - 1)]!.code,
    amountCents: int(2_000_000),
    note: 'random',
  }));
  const fixedLines = Array.from({ length: int(3) }, (_, i) => ({
    key: `line${i}`,
    name: `Line ${i}`,
    amountCents: int(5_000_000),
  }));
  const daeb = areas.reduce((s, a) => s + a.daebUnits, 0);
  const floorOfBudget =
    fixedLines.reduce((s, l) => s + l.amountCents, 0) +
    earmarks.reduce((s, e) => s + e.amountCents, 0) +
    basePerDaebCents * daeb;
  const totalCents = floorOfBudget + (next() < 0.05 ? 0 : int(50_000_000));
  const usedRegions = [...new Set(areas.map((a) => a.regionKey))];
  const regionLimits: Record<string, { floorCents?: number; capCents?: number }> = {};
  if (withLimits) {
    const areaBudget = totalCents - fixedLines.reduce((s, l) => s + l.amountCents, 0);
    for (const key of usedRegions) {
      const roll = next();
      const amount = () => int(Math.round((areaBudget * 1.2) / usedRegions.length));
      if (roll < 0.3) regionLimits[key] = { capCents: amount() };
      else if (roll < 0.55) regionLimits[key] = { floorCents: amount() };
      else if (roll < 0.7) {
        const a = amount();
        const b = amount();
        regionLimits[key] = { floorCents: Math.min(a, b), capCents: Math.max(a, b) };
      }
    }
  }
  return {
    scenario: scenario({
      key: 'random',
      totalCents,
      fixedLines,
      needWeights,
      basePerDaebCents,
      regionLimits,
      earmarks,
      ...(next() < 0.3 ? { unrankedWeight: weight() } : {}),
    }),
    areas,
  };
}

/** Per region: fixed money F, weighted DAEB W, lo and hi, computed here from scratch. */
function regionModel({ scenario: s, areas }: RandomCase) {
  const weightOf = (a: BudgetArea) => {
    const rank = s.needWeights.by === 'class' ? a.rankClass : a.rankDecile;
    if (rank === null) {
      return (
        s.unrankedWeight ??
        s.needWeights.weights[Math.max(...Object.keys(s.needWeights.weights).map(Number))]!
      );
    }
    return s.needWeights.weights[rank]!;
  };
  const keys = [...new Set(areas.map((a) => a.regionKey))].sort();
  return keys.map((key) => {
    const members = areas.filter((a) => a.regionKey === key);
    const earmarks = (s.earmarks ?? [])
      .filter((e) => members.some((a) => a.code === e.buurtCode))
      .reduce((sum, e) => sum + e.amountCents, 0);
    const fixed = earmarks + members.reduce((sum, a) => sum + a.daebUnits * s.basePerDaebCents, 0);
    const weighted = members.reduce((sum, a) => sum + weightOf(a) * a.daebUnits, 0);
    const limit = s.regionLimits?.[key] ?? {};
    return {
      key,
      fixed,
      weighted,
      floor: limit.floorCents ?? null,
      cap: limit.capCents ?? null,
      lo: Math.max(fixed, limit.floorCents ?? 0),
      hi: limit.capCents ?? Infinity,
    };
  });
}

/** Is the case feasible? An independent statement of the conditions in the header. */
function feasible(c: RandomCase): boolean {
  const model = regionModel(c);
  const areaBudget =
    c.scenario.totalCents - c.scenario.fixedLines.reduce((s, l) => s + l.amountCents, 0);
  if (model.some((r) => r.cap !== null && r.cap < r.fixed)) return false;
  if (model.some((r) => r.floor !== null && r.cap !== null && r.floor > r.cap)) return false;
  if (model.reduce((s, r) => s + r.lo, 0) > areaBudget) return false;
  return model.reduce((s, r) => s + (r.weighted > 0 ? r.hi : r.lo), 0) >= areaBudget;
}

/** The water level by bisection: a reference that shares no code with allocate.ts. */
function referenceTotals(c: RandomCase): number[] {
  const model = regionModel(c);
  const areaBudget =
    c.scenario.totalCents - c.scenario.fixedLines.reduce((s, l) => s + l.amountCents, 0);
  const at = (lambda: number) =>
    model.map((r) =>
      r.weighted > 0 ? Math.min(r.hi, Math.max(r.lo, r.fixed + lambda * r.weighted)) : r.lo,
    );
  const sum = (lambda: number) => at(lambda).reduce((s, v) => s + v, 0);
  let low = 0;
  let high = 1;
  while (sum(high) < areaBudget && high < 1e15) high *= 2;
  for (let i = 0; i < 200; i += 1) {
    const mid = (low + high) / 2;
    if (sum(mid) < areaBudget) low = mid;
    else high = mid;
  }
  return at(high);
}

describe('allocateBudget: properties (seeded)', { timeout: 60_000 }, () => {
  const CASES = 600;

  it.each([
    ['without floors and caps', 21, false],
    ['with random floors and caps', 22, true],
  ] as const)('%s: every invariant holds', (_, seed, withLimits) => {
    const next = createUniformStream(seed);
    let allocated = 0;
    let refused = 0;
    for (let t = 0; t < CASES; t += 1) {
      const c = randomCase(next, withLimits);
      const ok = feasible(c);
      if (!ok) {
        const error = failure(() => allocateBudget(c.scenario, c.areas));
        expect(error.code).toBe('validation_failed');
        refused += 1;
        continue;
      }
      const result = allocateBudget(c.scenario, c.areas);
      allocated += 1;
      const fixed = c.scenario.fixedLines.reduce((s, l) => s + l.amountCents, 0);

      // Sums to the cent: buurten = area budget, regions = area budget, region = its buurten.
      expect(result.areaBudgetCents).toBe(c.scenario.totalCents - fixed);
      const buurtSum = result.buurten.reduce((s, b) => s + b.totalCents, 0);
      expect(buurtSum).toBe(result.areaBudgetCents);
      expect(buurtSum + result.fixedCents).toBe(c.scenario.totalCents);
      expect(result.regions.reduce((s, r) => s + r.totalCents, 0)).toBe(result.areaBudgetCents);
      for (const r of result.regions) {
        const members = result.buurten.filter((b) => b.regionKey === r.regionKey);
        expect(members.reduce((s, b) => s + b.totalCents, 0)).toBe(r.totalCents);
        expect(r.earmarkCents + r.baseCents + r.needCents).toBe(r.totalCents);
        // Floors and caps hold to the cent.
        if (r.floorCents !== null) expect(r.totalCents).toBeGreaterThanOrEqual(r.floorCents);
        if (r.capCents !== null) expect(r.totalCents).toBeLessThanOrEqual(r.capCents);
        if (r.applied === 'cap') expect(r.totalCents).toBe(r.capCents);
        if (r.applied === 'floor') expect(r.totalCents).toBe(r.floorCents);
      }

      // Every buurt: whole cents, earmark + base + need, earmarks honoured, need ≥ 0.
      for (const b of result.buurten) {
        expect(Number.isSafeInteger(b.totalCents)).toBe(true);
        expect(b.earmarkCents + b.baseCents + b.needCents).toBe(b.totalCents);
        expect(b.needCents).toBeGreaterThanOrEqual(0);
        const earmarked = (c.scenario.earmarks ?? [])
          .filter((e) => e.buurtCode === b.code)
          .reduce((s, e) => s + e.amountCents, 0);
        expect(b.earmarkCents).toBe(earmarked);
        expect(b.baseCents).toBe(b.daebUnits * c.scenario.basePerDaebCents);
        // Within a region, need follows weight × DAEB to within a cent.
        expect(Math.abs(b.steps.roundingCents)).toBeLessThan(1 + 1e-6);
      }

      // The water level agrees with an independent bisection, region by region.
      const reference = referenceTotals(c);
      result.regions.forEach((r, i) => {
        const tolerance = 1 + 1e-6 * Math.max(1, reference[i]!);
        expect(Math.abs(r.totalCents - reference[i]!)).toBeLessThan(tolerance);
      });

      // Without limits: each buurt within two cents (two rounding levels) of its exact share.
      if (!withLimits && result.needPoolCents > 0) {
        for (const b of result.buurten) {
          const exact = b.steps.unconstrainedNeedCents;
          expect(Math.abs(b.needCents - exact)).toBeLessThan(2 + 1e-6 * Math.max(1, exact));
        }
      }

      // The quintile share is what the buurten say.
      const quintile = result.buurten
        .filter((b) => b.inMostVulnerableQuintile)
        .reduce((s, b) => s + b.totalCents, 0);
      expect(result.quintileCents).toBe(quintile);
    }
    // Both branches were exercised.
    expect(allocated).toBeGreaterThan(CASES / 4);
    if (withLimits) expect(refused).toBeGreaterThan(10);
  });

  it('does not depend on the order of the input (seeded)', () => {
    const next = createUniformStream(23);
    for (let t = 0; t < 200; t += 1) {
      const c = randomCase(next, true);
      if (!feasible(c)) continue;
      const shuffled = [...c.areas].sort(() => next() - 0.5);
      expect(allocateBudget(c.scenario, shuffled)).toEqual(allocateBudget(c.scenario, c.areas));
    }
  });

  it('a larger budget never lowers a region’s exact amount (seeded)', () => {
    const next = createUniformStream(24);
    for (let t = 0; t < 200; t += 1) {
      const c = randomCase(next, true);
      if (!feasible(c)) continue;
      const more = {
        ...c,
        scenario: {
          ...c.scenario,
          totalCents: c.scenario.totalCents + 1 + Math.floor(next() * 1_000_000),
        },
      };
      if (!feasible(more)) continue;
      const before = allocateBudget(c.scenario, c.areas);
      const after = allocateBudget(more.scenario, more.areas);
      before.regions.forEach((r, i) => {
        expect(after.regions[i]!.exactCents).toBeGreaterThanOrEqual(
          r.exactCents - 1e-6 * Math.max(1, r.exactCents),
        );
      });
    }
  });

  it('within a region, a needier buurt with as many DAEB dwellings never gets less (seeded)', () => {
    const next = createUniformStream(25);
    for (let t = 0; t < 300; t += 1) {
      const c = randomCase(next, false);
      if (!feasible(c)) continue;
      const result = allocateBudget(c.scenario, c.areas);
      for (const a of result.buurten) {
        for (const b of result.buurten) {
          if (a.regionKey !== b.regionKey || a.daebUnits !== b.daebUnits) continue;
          if (a.weight > b.weight) expect(a.needCents).toBeGreaterThanOrEqual(b.needCents);
        }
      }
    }
  });
});
