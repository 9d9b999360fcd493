import { AppError } from '../shared/app-error.js';
import { compareKeys } from './budget-error.js';

/**
 * Splitting a whole number of cents in proportion to weights, by the largest-remainder
 * (Hamilton) method: everyone first gets the whole cents of their exact share, and the cents
 * left over go one each to the largest fractional remainders. The parts add up to the total
 * exactly — rounding never loses or creates a cent — and no part is more than one cent from
 * its exact share.
 *
 * Ties are broken by key (code-unit order, the smallest key first), so the same input always
 * gives the same cents on every machine. For that to mean anything, equal remainders must be
 * recognised as equal: with whole-number weights (the usual 3/2/1 need weights times whole DAEB
 * counts) the shares are computed exactly in BigInt, total × weight = quotient × Σweight +
 * remainder, and remainders compare exactly. Fractional weights fall back to floating point,
 * where remainders within 1e-9 cent count as equal.
 *
 * Optional bounds per claim (`min`, `max`, whole cents) keep a part inside a floor or cap that
 * the exact share already respects up to floating-point noise: a cent is then never given
 * above `max` or taken below `min`, it goes to the next claim in line instead.
 */

export interface Claim {
  /** Unique key: the tie-breaker. */
  key: string;
  /** Non-negative weight; the share is total × weight / Σ weights. */
  weight: number;
  /** Whole cents this part may not go below. */
  min?: number;
  /** Whole cents this part may not exceed. */
  max?: number;
}

export interface Apportionment {
  /** Whole cents per claim, in the order of the claims; they add up to the total. */
  cents: number[];
  /** The exact share per claim before rounding (a float, for showing the arithmetic). */
  exact: number[];
}

/** Remainders closer than this (in cents) are a tie in the floating-point path. */
const FLOAT_TIE = 1e-9;

/**
 * @example apportion(100, [{ key: 'a', weight: 1 }, { key: 'b', weight: 1 }, { key: 'c', weight: 1 }]).cents
 * // [34, 33, 33]: 33⅓ each, the one cent left goes to the first key
 */
export function apportion(total: number, claims: readonly Claim[]): Apportionment {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw internal(`the total must be whole cents ≥ 0 (got ${total})`);
  }
  let sum = 0;
  for (const claim of claims) {
    if (!Number.isFinite(claim.weight) || claim.weight < 0) {
      throw internal(`weight of ${claim.key} must be finite and ≥ 0 (got ${claim.weight})`);
    }
    sum += claim.weight;
  }
  const n = claims.length;
  if (total === 0) return { cents: new Array<number>(n).fill(0), exact: new Array(n).fill(0) };
  if (!(sum > 0)) throw internal('nothing to divide over: all weights are 0');

  const exactInteger =
    Number.isSafeInteger(sum) && claims.every((c) => Number.isSafeInteger(c.weight));
  const floors: number[] = [];
  const exact: number[] = [];
  // Remainders: BigInt numerators over Σweight (exact path) or float fractions.
  const bigRemainders: bigint[] = [];
  const floatRemainders: number[] = [];
  if (exactInteger) {
    const bigTotal = BigInt(total);
    const bigSum = BigInt(sum);
    for (const claim of claims) {
      const product = bigTotal * BigInt(claim.weight);
      floors.push(Number(product / bigSum));
      bigRemainders.push(product % bigSum);
      exact.push((total * claim.weight) / sum);
    }
  } else {
    for (const claim of claims) {
      const share = total * (claim.weight / sum);
      const whole = Math.floor(share);
      floors.push(whole);
      floatRemainders.push(share - whole);
      exact.push(share);
    }
  }

  const cents = floors.map((value, i) => clamp(value, claims[i]!.min, claims[i]!.max));
  let left = total;
  for (const value of cents) left -= value;

  const compareRemainder = (i: number, j: number): number => {
    if (exactInteger) {
      const a = bigRemainders[i]!;
      const b = bigRemainders[j]!;
      return a > b ? 1 : a < b ? -1 : 0;
    }
    const diff = floatRemainders[i]! - floatRemainders[j]!;
    return Math.abs(diff) <= FLOAT_TIE ? 0 : Math.sign(diff);
  };
  const indices = claims.map((_, i) => i);
  if (left > 0) {
    // Largest remainder first, ties to the smallest key.
    const order = indices.sort(
      (i, j) => compareRemainder(j, i) || compareKeys(claims[i]!.key, claims[j]!.key),
    );
    left = hand(order, left, (i) => cents[i]! < (claims[i]!.max ?? Infinity), cents, 1);
  } else if (left < 0) {
    // Only after a `min` pushed parts up: take back from the smallest remainders, ties from the
    // largest key — the mirror image of giving.
    const order = indices.sort(
      (i, j) => compareRemainder(i, j) || compareKeys(claims[j]!.key, claims[i]!.key),
    );
    left = -hand(order, -left, (i) => cents[i]! > (claims[i]!.min ?? -Infinity), cents, -1);
  }
  if (left !== 0) throw internal('the bounds leave no room to place every cent');
  return { cents, exact };
}

/** Gives (step 1) or takes (step −1) one cent per eligible claim in order, round after round. */
function hand(
  order: readonly number[],
  count: number,
  eligible: (i: number) => boolean,
  cents: number[],
  step: 1 | -1,
): number {
  let remaining = count;
  while (remaining > 0) {
    let moved = false;
    for (const i of order) {
      if (remaining === 0) break;
      if (!eligible(i)) continue;
      cents[i] = cents[i]! + step;
      remaining -= 1;
      moved = true;
    }
    if (!moved) break;
  }
  return remaining;
}

function clamp(value: number, min: number | undefined, max: number | undefined): number {
  let out = value;
  if (max !== undefined && out > max) out = max;
  if (min !== undefined && out < min) out = min;
  return out;
}

function internal(message: string): AppError {
  return new AppError('internal', `apportion: ${message}`);
}
