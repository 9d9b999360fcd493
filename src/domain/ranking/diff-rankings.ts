import { AppError } from '../shared/app-error.js';
import { compareStrings } from './method.js';

/**
 * Why did an area's rank change between two rankings? Ranking A applies method a to data a,
 * ranking B method b to data b; both the data (a new year) and the method (new weights) may
 * differ. The change `B − A` of an area's rank number is split into a data part and a method
 * part by two cross rankings, which the service layer computes with computeRanking:
 *
 *   A = rank under method a on data a      X = rank under method b on data a
 *   B = rank under method b on data b      Y = rank under method a on data b
 *
 * Going A → X → B changes the method first (X − A) and then the data (B − X); going
 * A → Y → B changes the data first (Y − A) and then the method (B − Y). The two paths give
 * different splits whenever data and method interact (a new weight matters more on the new
 * data), so neither order is the right one. The split used is the Shapley value: the average
 * of the two orders,
 *
 *   dataPart   = ½·[(Y − A) + (B − X)]
 *   methodPart = ½·[(X − A) + (B − Y)]
 *
 * It does not depend on an arbitrary order, treats data and method alike, and the parts add
 * up to the change exactly: dataPart + methodPart = B − A (ranks are whole numbers, so the
 * halves are exact in floating point). With the same method X = A and Y = B, so methodPart = 0
 * and dataPart = B − A; with the same data X = B and Y = A, so dataPart = 0.
 *
 * Ranks are rank numbers (1 = most need): a negative change moves an area towards more need
 * ("up"). When the rankings rank different numbers of areas, rank numbers shift with that
 * number too; the split then attributes that shift like any other.
 */

export interface RankChangeInput {
  code: string;
  rankA: number | null;
  rankB: number | null;
  /** X: method b applied to data a. */
  rankMethodBDataA: number | null;
  /** Y: method a applied to data b. */
  rankMethodADataB: number | null;
}

export interface RankChange {
  code: string;
  rankA: number | null;
  rankB: number | null;
  /** rankB − rankA; negative = moved towards more need. Null unless ranked in both. */
  change: number | null;
  /** Null unless ranked in both rankings and in both cross rankings. */
  dataPart: number | null;
  methodPart: number | null;
  /** Ranked in both, only in A, or only in B. */
  status: 'both' | 'only_a' | 'only_b';
}

export interface RankChangeSummary {
  /** Areas ranked in both A and B. */
  compared: number;
  /** Of those, areas whose rank number changed. */
  moved: number;
  /** Moved towards more need (rank number down). */
  up: number;
  /** Moved towards less need (rank number up). */
  down: number;
  /** The largest move towards more need (most negative change; ties by code), or null. */
  largestUp: RankChange | null;
  /** The largest move towards less need (most positive change; ties by code), or null. */
  largestDown: RankChange | null;
  onlyA: number;
  onlyB: number;
}

/**
 * Split each area's rank change into a data part and a method part (see the file comment).
 * Areas ranked in neither A nor B are left out. Sorted by |change| descending, then code
 * (code-unit order); areas without a change (only in A or only in B) come last, by code.
 * Throws `AppError('validation_failed')` on a duplicate code or a rank that is not a whole
 * number ≥ 1.
 * @example
 * splitRankChanges([{ code: 'BU1', rankA: 10, rankB: 4, rankMethodBDataA: 7, rankMethodADataB: 8 }])
 * // [{ code: 'BU1', rankA: 10, rankB: 4, change: -6, dataPart: -2.5, methodPart: -3.5, status: 'both' }]
 */
export function splitRankChanges(inputs: readonly RankChangeInput[]): RankChange[] {
  const seen = new Set<string>();
  const changes: RankChange[] = [];
  inputs.forEach((input, i) => {
    if (seen.has(input.code)) {
      throw new AppError(
        'validation_failed',
        `changes[${i}].code: duplicate code '${input.code}'`,
        {
          field: `changes[${i}].code`,
        },
      );
    }
    seen.add(input.code);
    for (const field of ['rankA', 'rankB', 'rankMethodBDataA', 'rankMethodADataB'] as const) {
      const rank = input[field];
      if (rank !== null && !(Number.isInteger(rank) && rank >= 1)) {
        throw new AppError(
          'validation_failed',
          `changes[${i}].${field}: must be a whole number of at least 1, or null`,
          { field: `changes[${i}].${field}` },
        );
      }
    }

    const { code, rankA: a, rankB: b } = input;
    if (a === null && b === null) return;
    if (a === null || b === null) {
      changes.push({
        code,
        rankA: a,
        rankB: b,
        change: null,
        dataPart: null,
        methodPart: null,
        status: a === null ? 'only_b' : 'only_a',
      });
      return;
    }
    const x = input.rankMethodBDataA;
    const y = input.rankMethodADataB;
    const split = x !== null && y !== null;
    changes.push({
      code,
      rankA: a,
      rankB: b,
      change: b - a,
      dataPart: split ? (y - a + (b - x)) / 2 : null,
      methodPart: split ? (x - a + (b - y)) / 2 : null,
      status: 'both',
    });
  });

  return changes.sort((p, q) => {
    if ((p.change === null) !== (q.change === null)) return p.change === null ? 1 : -1;
    if (p.change !== null && q.change !== null) {
      const larger = Math.abs(q.change) - Math.abs(p.change);
      if (larger !== 0) return larger;
    }
    return compareStrings(p.code, q.code);
  });
}

/** Counts and the largest moves of a list of rank changes (as splitRankChanges returns). */
export function summariseRankChanges(changes: readonly RankChange[]): RankChangeSummary {
  const summary: RankChangeSummary = {
    compared: 0,
    moved: 0,
    up: 0,
    down: 0,
    largestUp: null,
    largestDown: null,
    onlyA: 0,
    onlyB: 0,
  };
  // Ties between equally large moves go to the lower code, whatever the input order.
  const better = (candidate: RankChange, current: RankChange | null, sign: 1 | -1) =>
    current === null ||
    sign * candidate.change! > sign * current.change! ||
    (candidate.change === current.change && compareStrings(candidate.code, current.code) < 0);
  for (const change of changes) {
    if (change.status === 'only_a') summary.onlyA += 1;
    else if (change.status === 'only_b') summary.onlyB += 1;
    else {
      summary.compared += 1;
      const delta = change.change!;
      if (delta === 0) continue;
      summary.moved += 1;
      if (delta < 0) {
        summary.up += 1;
        if (better(change, summary.largestUp, -1)) summary.largestUp = change;
      } else {
        summary.down += 1;
        if (better(change, summary.largestDown, 1)) summary.largestDown = change;
      }
    }
  }
  return summary;
}
