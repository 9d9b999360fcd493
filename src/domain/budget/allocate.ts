import { apportion, type Claim } from './apportion.js';
import {
  checkCents,
  checkCount,
  compareKeys,
  throwIfIssues,
  type BudgetIssue,
} from './budget-error.js';
import { divideRoundHalfAway, formatEuro, sumCents } from './money.js';

/**
 * Dividing the livability money (leefbaarheidsgelden) of one year over the working area so
 * that the most vulnerable buurten get the most (domain.md §9.8: budget ∝ need weight × DAEB
 * dwellings, with floors and caps). The arithmetic, step by step — every step is in the result
 * as data, so a board member can follow a euro from the total to a buurt:
 *
 * 1. Area budget = total − the fixed amounts of the lines without an area ("Buurtbeheer",
 *    "Personele inzet", "Algemeen"). Those lines are not divided; they are passed through.
 * 2. Earmarks come off first and go, whole, to their named buurt ("€ 40.000 for the
 *    speeltuin in BU03920101"). Several earmarks for one buurt add up.
 * 3. Base = `basePerDaebCents` × DAEB dwellings, per buurt: every social-rent dwelling gets
 *    something, whatever its buurt's rank. Paid before any need weighting.
 * 4. The need pool = area budget − earmarks − base is divided over the buurten in proportion to
 *    need weight × DAEB dwellings (weight from the ranking's class or decile, e.g. class 1 → 3,
 *    class 2 → 2, classes 3–5 → 1). A budget smaller than fixed lines + earmarks + base is
 *    refused rather than scaled down: which of them should give way is a policy choice.
 *    Unranked buurten (too few data, a new buurt) get `unrankedWeight` when given, otherwise
 *    the weight of the least-needy class or decile in `weights` (the highest number): they are
 *    not known to be vulnerable, so missing data must not earn them more, but their tenants
 *    are still tenants, so they keep the base and the lowest need weight rather than nothing.
 * 5. Region floors and caps (on a region's TOTAL: earmarks + base + need) by water-filling.
 *    Each region r holds fixed money F_r (its earmarks and base) and weighted DAEB W_r (Σ
 *    weight × DAEB of its buurten). One water level λ (cents of need per weighted DAEB unit)
 *    gives every region T_r = clamp(F_r + λ·W_r, lo_r, hi_r), with lo_r = max(F_r, floor_r)
 *    and hi_r = cap_r (∞ without a cap), and λ is the level at which Σ T_r = area budget.
 *    That is exactly where the iteration "a capped region's excess flows to the uncapped
 *    regions in proportion to their weighted DAEB; a floored region is topped up from the
 *    others in proportion to theirs; repeat until stable" comes to rest — each region not at
 *    a limit gets λ·W_r, the same rate per weighted dwelling. Rather than iterate (which can
 *    take many rounds and oscillate when a top-up pushes a capped region back under its cap),
 *    λ is found in a finite walk over the breakpoints where regions reach a floor or cap: Σ T
 *    is continuous and non-decreasing in λ, so the walk stops at the segment that holds the
 *    area budget and solves that linear piece. Floors only take from other regions' need
 *    money: earmarks and base are never cut to top up a floor.
 *    Infeasible limits are refused, naming the regions: a cap below the region's own earmarks
 *    and base, a floor above a cap, floors (plus everybody else's earmarks and base) above the
 *    area budget, or caps too low to place the whole budget.
 *    A region whose buurten have no weighted DAEB (all weights 0, or no DAEB dwellings) keeps
 *    its earmarks and base, and only a floor adds to it (split by DAEB dwellings, or equally
 *    when it has none).
 * 6. Cents, by the largest-remainder method (apportion.ts) in two levels: first the regions
 *    (those at a floor or cap get exactly that amount; the others share the rest in proportion
 *    to W_r), then within each region its need cents over its buurten in proportion to
 *    weight × DAEB. So the buurten add up EXACTLY to the area budget, each region total is
 *    exactly the sum of its buurten, floors and caps hold to the cent, and no cent is lost or
 *    created. Ties go to the smaller region key or buurt code. Two levels, not one over all
 *    buurten, because one level could round a capped region one cent over its cap.
 *
 * The share to the most vulnerable quintile is the part of the area budget that goes to
 * buurten in deciles 1–2 (the same buurten as class 1 of a five-class ranking: both are the
 * first fifth by rank); an area with a class but no decile counts when its class is in the
 * first fifth of `classCount` classes.
 *
 * Everything is deterministic and pure: inputs are sorted by code and key first, so their order
 * changes nothing.
 */

export type NeedBasis = 'class' | 'decile';

export interface NeedWeights {
  /** Whether the weight follows the ranking's class or its decile (1 = most need for both). */
  by: NeedBasis;
  /** Weight per class or decile number, e.g. { 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 }. */
  weights: Readonly<Record<number, number>>;
}

export interface FixedLine {
  key: string;
  name: string;
  amountCents: number;
}

export interface RegionLimit {
  floorCents?: number | null;
  capCents?: number | null;
}

export interface Earmark {
  buurtCode: string;
  amountCents: number;
  note: string;
}

export interface AllocationScenario {
  /** Identifies the scenario in comparisons. */
  key: string;
  name?: string;
  year?: number | null;
  /** Which ranking the classes and deciles of the areas come from; passed through. */
  rankingRef?: string | null;
  totalCents: number;
  fixedLines: readonly FixedLine[];
  needWeights: NeedWeights;
  /** Weight of a buurt without a class/decile; default: the least-needy weight (step 4). */
  unrankedWeight?: number | null;
  basePerDaebCents: number;
  regionLimits?: Readonly<Record<string, RegionLimit>>;
  earmarks?: readonly Earmark[];
  /** Number of classes of the ranking (default 5); only for the quintile of class-only areas. */
  classCount?: number;
}

export interface BudgetArea {
  code: string;
  name: string;
  regionKey: string;
  daebUnits: number;
  /** 1 = most need; null when not ranked. */
  rankClass: number | null;
  /** 1 = the neediest 10%; null when not ranked. */
  rankDecile: number | null;
}

export type LimitApplied = 'floor' | 'cap' | null;

/** The arithmetic of one buurt's need money, as data. */
export interface BuurtSteps {
  /** Where the weight came from: the class, the decile, or the unranked rule. */
  weightSource: NeedBasis | 'unranked';
  /** The class or decile number the weight was looked up for; null when unranked. */
  rankValue: number | null;
  weight: number;
  /** weight × DAEB dwellings. */
  weightedDaeb: number;
  /** weightedDaeb ÷ Σ weightedDaeb of all buurten: the share of the need pool before limits. */
  shareOfNeedPool: number | null;
  /** need pool × shareOfNeedPool: the need money without floors and caps (unrounded cents). */
  unconstrainedNeedCents: number;
  /** The region's need after floors/caps ÷ before (1 when no limit binds); null if no need. */
  regionFactor: number | null;
  /** This buurt's part of its region's need money (by weighted DAEB). */
  shareOfRegion: number | null;
  /** The region's need cents × shareOfRegion, before rounding. */
  exactNeedCents: number;
  /** needCents − exactNeedCents: what largest-remainder rounding added (−1 < x < 1). */
  roundingCents: number;
}

export interface BuurtAllocation {
  code: string;
  name: string;
  regionKey: string;
  daebUnits: number;
  weight: number;
  earmarkCents: number;
  earmarkNotes: string[];
  baseCents: number;
  needCents: number;
  totalCents: number;
  inMostVulnerableQuintile: boolean;
  steps: BuurtSteps;
}

export interface RegionAllocation {
  regionKey: string;
  buurtCodes: string[];
  daebUnits: number;
  weightedDaeb: number;
  earmarkCents: number;
  baseCents: number;
  needCents: number;
  totalCents: number;
  /** What the region would get without any floor or cap (unrounded cents). */
  unconstrainedCents: number;
  /** The region's amount after floors and caps, before rounding to cents. */
  exactCents: number;
  floorCents: number | null;
  capCents: number | null;
  applied: LimitApplied;
  /** totalCents ÷ DAEB dwellings, rounded half away from zero; null without DAEB dwellings. */
  centsPerDaeb: number | null;
}

export interface AllocationResult {
  scenarioKey: string;
  scenarioName: string | null;
  year: number | null;
  rankingRef: string | null;
  needWeights: NeedWeights;
  totalCents: number;
  fixedLines: FixedLine[];
  fixedCents: number;
  /** total − fixed lines: what is divided over the buurten. */
  areaBudgetCents: number;
  earmarkCents: number;
  baseCents: number;
  /** area budget − earmarks − base: divided by need weight × DAEB. */
  needPoolCents: number;
  /** λ: need cents per weighted DAEB dwelling for regions at no floor or cap. */
  waterLevel: number;
  daebUnits: number;
  /** area budget ÷ DAEB dwellings, rounded half away from zero; null without DAEB dwellings. */
  centsPerDaeb: number | null;
  quintileCents: number;
  /** quintileCents ÷ area budget; null when the area budget is 0. */
  shareToMostVulnerableQuintile: number | null;
  regions: RegionAllocation[];
  buurten: BuurtAllocation[];
}

/**
 * Floating-point slack (in cents) when deciding whether a floor or cap binds: far below a cent,
 * far above the rounding error of F + λ·W (about 1e-16 relative). A region within the slack of
 * its limit is left free, and apportion's bounds keep it on the right side to the cent.
 */
const slack = (cents: number): number => 1e-6 + 1e-12 * Math.abs(cents);

interface RegionWork {
  key: string;
  members: number[];
  fixed: number;
  weighted: number;
  floor: number | null;
  cap: number | null;
  lo: number;
  hi: number;
}

/**
 * Divides a scenario's budget over the areas (see the header for the arithmetic).
 * @throws AppError('validation_failed', details { field, issues }) for negative or non-whole
 * amounts, duplicate codes, a budget smaller than fixed lines + earmarks (+ base), a floor or
 * cap for a region without buurten, an earmark for a buurt not in the areas, a class or decile
 * without a weight, and floors/caps that cannot be met (naming the regions).
 */
export function allocateBudget(
  scenario: AllocationScenario,
  areas: readonly BudgetArea[],
): AllocationResult {
  const issues: BudgetIssue[] = [];
  validateScenario(scenario, issues);
  const sorted = [...areas].sort((a, b) => compareKeys(String(a.code), String(b.code)));
  validateAreas(sorted, issues);
  throwIfIssues(issues);

  const limits = scenario.regionLimits ?? {};
  const earmarks = scenario.earmarks ?? [];
  const classCount = scenario.classCount ?? 5;
  const index = new Map(sorted.map((area, i) => [area.code, i]));
  const regionKeys = [...new Set(sorted.map((area) => area.regionKey))].sort(compareKeys);
  const regionSet = new Set(regionKeys);

  for (const [i, line] of scenario.fixedLines.entries()) {
    if (regionSet.has(line.key)) {
      issues.push({
        field: `fixedLines[${i}].key`,
        message: `'${line.key}' is also a region key; a report row must mean one thing`,
      });
    }
  }
  for (const key of Object.keys(limits).sort(compareKeys)) {
    if (!regionSet.has(key)) {
      issues.push({
        field: `regionLimits.${key}`,
        message: `unknown region '${key}': no buurt in the areas belongs to it`,
      });
    }
  }
  const earmarkCents = new Array<number>(sorted.length).fill(0);
  const earmarkNotes = sorted.map((): string[] => []);
  earmarks.forEach((earmark, i) => {
    const at = index.get(earmark.buurtCode);
    if (at === undefined) {
      issues.push({
        field: `earmarks[${i}].buurtCode`,
        message: `earmark for '${earmark.buurtCode}', a buurt not in the areas`,
      });
      return;
    }
    earmarkCents[at] = earmarkCents[at]! + earmark.amountCents;
    earmarkNotes[at]!.push(earmark.note);
  });
  const weights = sorted.map((area) => weightOf(scenario, area, issues));
  throwIfIssues(issues);

  // Steps 1–3.
  const fixedCents = sumCents(scenario.fixedLines.map((line) => line.amountCents));
  const areaBudget = scenario.totalCents - fixedCents;
  const earmarkTotal = sumCents(earmarkCents);
  const baseCents = sorted.map((area) => area.daebUnits * scenario.basePerDaebCents);
  if (!baseCents.every(Number.isSafeInteger)) {
    issues.push({ field: 'basePerDaebCents', message: 'base × DAEB dwellings is too large' });
    throwIfIssues(issues);
  }
  const baseTotal = sumCents(baseCents);
  const euro = (cents: number) => formatEuro(cents);
  if (areaBudget < 0) {
    issues.push({
      field: 'totalCents',
      message: `the budget ${euro(scenario.totalCents)} is smaller than the fixed lines ${euro(fixedCents)}`,
    });
  } else if (areaBudget < earmarkTotal) {
    issues.push({
      field: 'totalCents',
      message: `the budget ${euro(scenario.totalCents)} is smaller than the fixed lines + earmarks ${euro(fixedCents + earmarkTotal)}`,
    });
  } else if (areaBudget < earmarkTotal + baseTotal) {
    issues.push({
      field: 'totalCents',
      message: `the budget ${euro(scenario.totalCents)} is smaller than the fixed lines + earmarks + base per DAEB dwelling ${euro(fixedCents + earmarkTotal + baseTotal)}`,
    });
  }
  throwIfIssues(issues);
  const needPool = areaBudget - earmarkTotal - baseTotal;

  // Step 5: regions, their limits, feasibility, the water level.
  const weighted = sorted.map((area, i) => weights[i]!.weight * area.daebUnits);
  const regions: RegionWork[] = regionKeys.map((key) => {
    const members = sorted.flatMap((area, i) => (area.regionKey === key ? [i] : []));
    const fixed = sumCents(members.map((i) => earmarkCents[i]! + baseCents[i]!));
    const limit = Object.hasOwn(limits, key) ? limits[key] : undefined;
    const floor = limit?.floorCents ?? null;
    const cap = limit?.capCents ?? null;
    return {
      key,
      members,
      fixed,
      weighted: members.reduce((sum, i) => sum + weighted[i]!, 0),
      floor,
      cap,
      lo: Math.max(fixed, floor ?? 0),
      hi: cap ?? Infinity,
    };
  });
  if (sorted.length === 0 && areaBudget > 0) {
    issues.push({ field: 'areas', message: `no buurten to divide ${euro(areaBudget)} over` });
  }
  checkFeasible(regions, areaBudget, issues);
  throwIfIssues(issues);
  const lambda = solveWaterLevel(regions, areaBudget);

  // Which regions sit at a floor or cap at that level.
  const pinned = regions.map((region): { total: number; applied: LimitApplied } | null => {
    if (region.weighted === 0) {
      const floored = region.floor !== null && region.floor > region.fixed;
      return { total: region.lo, applied: floored ? 'floor' : null };
    }
    const level = region.fixed + lambda * region.weighted;
    if (level > region.hi + slack(region.hi)) {
      return { total: region.hi, applied: 'cap' };
    }
    if (level < region.lo - slack(region.lo)) {
      return { total: region.lo, applied: region.lo > region.fixed ? 'floor' : null };
    }
    return null;
  });

  // Step 6a: region cents. Pinned regions get their limit; the others share the rest.
  const freeIndices = regions.flatMap((_, r) => (pinned[r] === null ? [r] : []));
  let rest = areaBudget;
  regions.forEach((region, r) => {
    rest -= pinned[r]?.total ?? region.fixed;
  });
  const freeClaims: Claim[] = freeIndices.map((r) => ({
    key: regions[r]!.key,
    weight: regions[r]!.weighted,
    min: regions[r]!.lo - regions[r]!.fixed,
    ...(Number.isFinite(regions[r]!.hi) ? { max: regions[r]!.hi - regions[r]!.fixed } : {}),
  }));
  const freeSplit = apportion(rest, freeClaims);
  const regionTotals = regions.map((region, r) => pinned[r]?.total ?? region.fixed);
  const regionExact = [...regionTotals];
  freeIndices.forEach((r, j) => {
    regionTotals[r] = regionTotals[r]! + freeSplit.cents[j]!;
    regionExact[r] = regionExact[r]! + freeSplit.exact[j]!;
  });

  // Step 6b: buurt cents within each region.
  const totalWeighted = weighted.reduce((sum, w) => sum + w, 0);
  const needCents = new Array<number>(sorted.length).fill(0);
  const exactNeed = new Array<number>(sorted.length).fill(0);
  const shareOfRegion = new Array<number | null>(sorted.length).fill(null);
  const regionFactor = new Array<number | null>(sorted.length).fill(null);
  const regionResults: RegionAllocation[] = regions.map((region, r) => {
    const regionNeed = regionTotals[r]! - region.fixed;
    const claims = needClaims(region, sorted, weighted);
    const claimSum = claims.reduce((sum, c) => sum + c.weight, 0);
    const split = apportion(regionNeed, claims);
    const unconstrainedNeed = totalWeighted > 0 ? (needPool * region.weighted) / totalWeighted : 0;
    const factor =
      unconstrainedNeed > 0 ? (regionExact[r]! - region.fixed) / unconstrainedNeed : null;
    region.members.forEach((i, j) => {
      needCents[i] = split.cents[j]!;
      exactNeed[i] = split.exact[j]!;
      shareOfRegion[i] = claimSum > 0 ? claims[j]!.weight / claimSum : null;
      regionFactor[i] = factor;
    });
    const daebUnits = region.members.reduce((sum, i) => sum + sorted[i]!.daebUnits, 0);
    const total = regionTotals[r]!;
    return {
      regionKey: region.key,
      buurtCodes: region.members.map((i) => sorted[i]!.code),
      daebUnits,
      weightedDaeb: region.weighted,
      earmarkCents: sumCents(region.members.map((i) => earmarkCents[i]!)),
      baseCents: sumCents(region.members.map((i) => baseCents[i]!)),
      needCents: regionNeed,
      totalCents: total,
      unconstrainedCents: region.fixed + unconstrainedNeed,
      exactCents: regionExact[r]!,
      floorCents: region.floor,
      capCents: region.cap,
      applied: pinned[r]?.applied ?? null,
      centsPerDaeb: daebUnits > 0 ? divideRoundHalfAway(total, daebUnits) : null,
    };
  });

  const buurten: BuurtAllocation[] = sorted.map((area, i) => {
    const total = earmarkCents[i]! + baseCents[i]! + needCents[i]!;
    const share = totalWeighted > 0 ? weighted[i]! / totalWeighted : null;
    return {
      code: area.code,
      name: area.name,
      regionKey: area.regionKey,
      daebUnits: area.daebUnits,
      weight: weights[i]!.weight,
      earmarkCents: earmarkCents[i]!,
      earmarkNotes: earmarkNotes[i]!,
      baseCents: baseCents[i]!,
      needCents: needCents[i]!,
      totalCents: total,
      inMostVulnerableQuintile: inQuintile(area, classCount),
      steps: {
        weightSource: weights[i]!.source,
        rankValue: weights[i]!.rankValue,
        weight: weights[i]!.weight,
        weightedDaeb: weighted[i]!,
        shareOfNeedPool: share,
        unconstrainedNeedCents: share === null ? 0 : needPool * share,
        regionFactor: regionFactor[i]!,
        shareOfRegion: shareOfRegion[i]!,
        exactNeedCents: exactNeed[i]!,
        roundingCents: needCents[i]! - exactNeed[i]!,
      },
    };
  });

  const daebUnits = sorted.reduce((sum, area) => sum + area.daebUnits, 0);
  const quintileCents = sumCents(
    buurten.filter((b) => b.inMostVulnerableQuintile).map((b) => b.totalCents),
  );
  return {
    scenarioKey: scenario.key,
    scenarioName: scenario.name ?? null,
    year: scenario.year ?? null,
    rankingRef: scenario.rankingRef ?? null,
    needWeights: { by: scenario.needWeights.by, weights: { ...scenario.needWeights.weights } },
    totalCents: scenario.totalCents,
    fixedLines: scenario.fixedLines.map((line) => ({ ...line })),
    fixedCents,
    areaBudgetCents: areaBudget,
    earmarkCents: earmarkTotal,
    baseCents: baseTotal,
    needPoolCents: needPool,
    waterLevel: lambda,
    daebUnits,
    centsPerDaeb: daebUnits > 0 ? divideRoundHalfAway(areaBudget, daebUnits) : null,
    quintileCents,
    shareToMostVulnerableQuintile: areaBudget > 0 ? quintileCents / areaBudget : null,
    regions: regionResults,
    buurten,
  };
}

/**
 * The annual-report budget (begroting) of an adopted scenario: cents per region key and per
 * fixed-line key, the `budget` input of annualReport.
 */
export function budgetFromAllocation(result: AllocationResult): Record<string, number> {
  const budget: Record<string, number> = {};
  for (const region of result.regions) budget[region.regionKey] = region.totalCents;
  for (const line of result.fixedLines) budget[line.key] = line.amountCents;
  return budget;
}

export interface ComparedScenario {
  key: string;
  name: string | null;
  year: number | null;
  totalCents: number;
  fixedCents: number;
  areaBudgetCents: number;
  daebUnits: number;
  centsPerDaeb: number | null;
  quintileCents: number;
  shareToMostVulnerableQuintile: number | null;
}

export interface ComparedAmounts {
  /** Cents per scenario, in the order given; null where the scenario does not have the item. */
  amounts: (number | null)[];
  /** amount − the first scenario's amount; null when either is missing. */
  differences: (number | null)[];
}

export interface ScenarioComparison {
  scenarios: ComparedScenario[];
  regions: (ComparedAmounts & {
    regionKey: string;
    centsPerDaeb: (number | null)[];
    /** The limit that bound per scenario; null also where the scenario lacks the region. */
    applied: LimitApplied[];
  })[];
  buurten: (ComparedAmounts & { code: string; name: string; regionKey: string })[];
  fixedLines: (ComparedAmounts & { key: string; name: string })[];
}

/**
 * Scenarios side by side: per region, buurt and fixed line the amount in each scenario and the
 * difference with the FIRST scenario (the reference, e.g. last year's begroting), plus per
 * scenario the share to the most vulnerable quintile and the amount per DAEB dwelling. Items
 * in some scenarios only (a buurt added in one) get null where absent, never 0.
 * @throws AppError('validation_failed') without scenarios or with a scenario key twice.
 */
export function compareScenarios(results: readonly AllocationResult[]): ScenarioComparison {
  const issues: BudgetIssue[] = [];
  if (results.length === 0) issues.push({ field: 'results', message: 'no scenarios to compare' });
  const seen = new Set<string>();
  results.forEach((result, i) => {
    if (seen.has(result.scenarioKey)) {
      issues.push({
        field: `results[${i}].scenarioKey`,
        message: `scenario '${result.scenarioKey}' appears more than once`,
      });
    }
    seen.add(result.scenarioKey);
  });
  throwIfIssues(issues);

  const side = <T>(keysOf: (r: AllocationResult) => [string, T][]) => {
    const maps = results.map((r) => new Map(keysOf(r)));
    const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort(compareKeys);
    return { maps, keys };
  };
  const compared = (amounts: (number | null)[]): ComparedAmounts => {
    const first = amounts[0] ?? null;
    return {
      amounts,
      differences: amounts.map((a) => (a === null || first === null ? null : a - first)),
    };
  };

  const regionSide = side((r) => r.regions.map((g) => [g.regionKey, g]));
  const buurtSide = side((r) => r.buurten.map((b) => [b.code, b]));
  const lineSide = side((r) => r.fixedLines.map((l) => [l.key, l]));
  return {
    scenarios: results.map((r) => ({
      key: r.scenarioKey,
      name: r.scenarioName,
      year: r.year,
      totalCents: r.totalCents,
      fixedCents: r.fixedCents,
      areaBudgetCents: r.areaBudgetCents,
      daebUnits: r.daebUnits,
      centsPerDaeb: r.centsPerDaeb,
      quintileCents: r.quintileCents,
      shareToMostVulnerableQuintile: r.shareToMostVulnerableQuintile,
    })),
    regions: regionSide.keys.map((key) => {
      const entries = regionSide.maps.map((m) => m.get(key));
      return {
        regionKey: key,
        ...compared(entries.map((e) => e?.totalCents ?? null)),
        centsPerDaeb: entries.map((e) => e?.centsPerDaeb ?? null),
        applied: entries.map((e) => e?.applied ?? null),
      };
    }),
    buurten: buurtSide.keys.map((code) => {
      const entries = buurtSide.maps.map((m) => m.get(code));
      const any = entries.find((e) => e !== undefined)!;
      return {
        code,
        name: any.name,
        regionKey: any.regionKey,
        ...compared(entries.map((e) => e?.totalCents ?? null)),
      };
    }),
    fixedLines: lineSide.keys.map((key) => {
      const entries = lineSide.maps.map((m) => m.get(key));
      const any = entries.find((e) => e !== undefined)!;
      return { key, name: any.name, ...compared(entries.map((e) => e?.amountCents ?? null)) };
    }),
  };
}

function validateScenario(scenario: AllocationScenario, issues: BudgetIssue[]): void {
  if (typeof scenario.key !== 'string' || scenario.key.trim() === '') {
    issues.push({ field: 'key', message: 'a scenario needs a key' });
  }
  checkCents(issues, 'totalCents', scenario.totalCents);
  checkCents(issues, 'basePerDaebCents', scenario.basePerDaebCents);
  const lineKeys = new Set<string>();
  scenario.fixedLines.forEach((line, i) => {
    if (typeof line.key !== 'string' || line.key.trim() === '') {
      issues.push({ field: `fixedLines[${i}].key`, message: 'a fixed line needs a key' });
    } else if (lineKeys.has(line.key)) {
      issues.push({ field: `fixedLines[${i}].key`, message: `'${line.key}' appears twice` });
    }
    lineKeys.add(line.key);
    checkCents(issues, `fixedLines[${i}].amountCents`, line.amountCents);
  });
  const { by, weights } = scenario.needWeights;
  if (by !== 'class' && by !== 'decile') {
    issues.push({ field: 'needWeights.by', message: `must be 'class' or 'decile' (got ${by})` });
  }
  const keys = Object.keys(weights);
  if (keys.length === 0) {
    issues.push({ field: 'needWeights.weights', message: 'needs a weight for at least one class' });
  }
  for (const key of keys) {
    const number = Number(key);
    const max = by === 'decile' ? 10 : Infinity;
    if (!Number.isInteger(number) || number < 1 || number > max || String(number) !== key) {
      issues.push({
        field: `needWeights.weights.${key}`,
        message: `'${key}' is not a ${by} number (1${by === 'decile' ? '–10' : ' or more'})`,
      });
    }
    checkWeight(issues, `needWeights.weights.${key}`, (weights as Record<string, unknown>)[key]);
  }
  if (scenario.unrankedWeight !== undefined && scenario.unrankedWeight !== null) {
    checkWeight(issues, 'unrankedWeight', scenario.unrankedWeight);
  }
  if (
    scenario.classCount !== undefined &&
    (!Number.isInteger(scenario.classCount) || scenario.classCount < 1)
  ) {
    issues.push({ field: 'classCount', message: `must be a whole number ≥ 1` });
  }
  for (const [key, limit] of Object.entries(scenario.regionLimits ?? {})) {
    const floor = limit.floorCents ?? null;
    const cap = limit.capCents ?? null;
    const floorOk = floor === null || checkCents(issues, `regionLimits.${key}.floorCents`, floor);
    const capOk = cap === null || checkCents(issues, `regionLimits.${key}.capCents`, cap);
    if (floorOk && capOk && floor !== null && cap !== null && floor > cap) {
      issues.push({
        field: `regionLimits.${key}`,
        message: `region '${key}': floor ${formatEuro(floor)} is above its cap ${formatEuro(cap)}`,
      });
    }
  }
  (scenario.earmarks ?? []).forEach((earmark, i) => {
    checkCents(issues, `earmarks[${i}].amountCents`, earmark.amountCents);
    if (typeof earmark.buurtCode !== 'string' || earmark.buurtCode === '') {
      issues.push({ field: `earmarks[${i}].buurtCode`, message: 'an earmark needs a buurt code' });
    }
  });
}

function validateAreas(sorted: readonly BudgetArea[], issues: BudgetIssue[]): void {
  sorted.forEach((area, i) => {
    const field = `areas.${area.code}`;
    if (typeof area.code !== 'string' || area.code === '') {
      issues.push({ field: 'areas', message: 'an area needs a code' });
    } else if (i > 0 && sorted[i - 1]!.code === area.code) {
      issues.push({ field, message: `${area.code} appears more than once` });
    }
    if (typeof area.regionKey !== 'string' || area.regionKey.trim() === '') {
      issues.push({ field: `${field}.regionKey`, message: 'every buurt needs a region' });
    }
    checkCount(issues, `${field}.daebUnits`, area.daebUnits);
    for (const [name, value, max] of [
      ['rankClass', area.rankClass, Infinity],
      ['rankDecile', area.rankDecile, 10],
    ] as const) {
      if (value !== null && (!Number.isInteger(value) || value < 1 || value > max)) {
        issues.push({
          field: `${field}.${name}`,
          message: `must be null or a whole number 1${max === 10 ? '–10' : ' or more'} (got ${value})`,
        });
      }
    }
  });
}

function checkWeight(issues: BudgetIssue[], field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    issues.push({ field, message: `must be a finite number ≥ 0 (got ${String(value)})` });
  }
}

function weightOf(
  scenario: AllocationScenario,
  area: BudgetArea,
  issues: BudgetIssue[],
): { weight: number; source: NeedBasis | 'unranked'; rankValue: number | null } {
  const { by, weights } = scenario.needWeights;
  const rank = by === 'class' ? area.rankClass : area.rankDecile;
  if (rank === null) {
    if (scenario.unrankedWeight !== undefined && scenario.unrankedWeight !== null) {
      return { weight: scenario.unrankedWeight, source: 'unranked', rankValue: null };
    }
    const leastNeedy = Math.max(...Object.keys(weights).map(Number));
    return { weight: weights[leastNeedy] ?? 0, source: 'unranked', rankValue: null };
  }
  if (!Object.hasOwn(weights, String(rank))) {
    issues.push({
      field: 'needWeights.weights',
      message: `no weight for ${by} ${rank} (${area.code} has it)`,
    });
    return { weight: 0, source: by, rankValue: rank };
  }
  return { weight: weights[rank]!, source: by, rankValue: rank };
}

function inQuintile(area: BudgetArea, classCount: number): boolean {
  if (area.rankDecile !== null) return area.rankDecile <= 2;
  if (area.rankClass !== null && classCount % 5 === 0) return area.rankClass <= classCount / 5;
  return false;
}

/**
 * The claims on a region's need cents: weight × DAEB per buurt; a region without weighted DAEB
 * (only a floor gives it need money) splits by DAEB dwellings, or equally without any.
 */
function needClaims(
  region: RegionWork,
  sorted: readonly BudgetArea[],
  weighted: number[],
): Claim[] {
  const byDaeb = region.members.reduce((sum, i) => sum + sorted[i]!.daebUnits, 0);
  return region.members.map((i) => ({
    key: sorted[i]!.code,
    weight: region.weighted > 0 ? weighted[i]! : byDaeb > 0 ? sorted[i]!.daebUnits : 1,
  }));
}

function checkFeasible(
  regions: readonly RegionWork[],
  areaBudget: number,
  issues: BudgetIssue[],
): void {
  const euro = (cents: number) => formatEuro(cents);
  for (const region of regions) {
    if (region.cap !== null && region.cap < region.fixed) {
      issues.push({
        field: `regionLimits.${region.key}.capCents`,
        message: `region '${region.key}': cap ${euro(region.cap)} is below its earmarks and base ${euro(region.fixed)}`,
      });
    }
  }
  if (issues.length > 0) return;
  const lowest = regions.reduce((sum, r) => sum + r.lo, 0);
  if (lowest > areaBudget) {
    const floored = regions.filter((r) => r.floor !== null && r.floor > r.fixed).map((r) => r.key);
    issues.push({
      field: 'regionLimits',
      message: `floors cannot be met: the floors of ${floored.join(', ')} with the earmarks and base elsewhere need ${euro(lowest)}, the area budget is ${euro(areaBudget)}`,
    });
    return;
  }
  const highest = regions.reduce((sum, r) => sum + (r.weighted > 0 ? r.hi : r.lo), 0);
  if (highest < areaBudget) {
    const capped = regions.filter((r) => r.cap !== null && r.weighted > 0).map((r) => r.key);
    if (capped.length > 0) {
      issues.push({
        field: 'regionLimits',
        message: `caps too low to place the budget: with the caps of ${capped.join(', ')} at most ${euro(highest)} of the area budget ${euro(areaBudget)} can be placed`,
      });
    } else {
      issues.push({
        field: 'areas',
        message: `no buurt has DAEB dwellings with a need weight above 0 to receive the need money ${euro(areaBudget - highest)}`,
      });
    }
  }
}

/**
 * λ ≥ 0 with Σ clamp(F_r + λ·W_r, lo_r, hi_r) = area budget (regions with W_r = 0 fixed at
 * lo_r). Feasibility was checked, so the walk over the breakpoints ends in a segment holding
 * the budget, or beyond the last one where only uncapped regions still rise.
 */
function solveWaterLevel(regions: readonly RegionWork[], areaBudget: number): number {
  const varying = regions.filter((r) => r.weighted > 0);
  let target = areaBudget;
  for (const region of regions) if (region.weighted === 0) target -= region.lo;
  const level = (lambda: number): number =>
    varying.reduce(
      (sum, r) => sum + Math.min(r.hi, Math.max(r.lo, r.fixed + lambda * r.weighted)),
      0,
    );
  const breakpoints = [
    ...new Set(
      varying.flatMap((r) => [
        (r.lo - r.fixed) / r.weighted,
        ...(Number.isFinite(r.hi) ? [(r.hi - r.fixed) / r.weighted] : []),
      ]),
    ),
  ].sort((a, b) => a - b);
  let previous = 0;
  let atPrevious = level(0);
  if (atPrevious >= target) return 0;
  for (const point of breakpoints) {
    if (point <= previous) continue;
    const atPoint = level(point);
    if (atPoint >= target) {
      return previous + ((point - previous) * (target - atPrevious)) / (atPoint - atPrevious);
    }
    previous = point;
    atPrevious = atPoint;
  }
  const slope = varying.reduce((sum, r) => sum + (Number.isFinite(r.hi) ? 0 : r.weighted), 0);
  return slope > 0 ? previous + (target - atPrevious) / slope : previous;
}
