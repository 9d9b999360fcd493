import type { DisclosureRules, SuppressionReason } from './disclosure-rules.js';

/** One area's count for one indicator, one data year and one boundary year. */
export interface CountCell {
  code: string;
  /** The area this one lies in; null, or a code that is not among the cells, for a top area. */
  parentCode: string | null;
  /**
   * The published count; null when there is none. A null is unknown to everyone, which helps
   * to protect its neighbours, but it is never ours to protect. A value that is not a finite
   * number counts as null.
   */
  value: number | null;
}

export type CountSuppressionReason = Extract<SuppressionReason, 'small_count' | 'secondary'>;

/**
 * Which counts to hide so that no count below `minCount` can be seen or worked out.
 *
 * Primary: every count below minCount (0 too) is hidden as `small_count`. Secondary: counts
 * add up (a parent is the sum of its children), so every parent with children among the cells
 * gives an equation, and more counts are hidden (`secondary`) until the equations give away
 * nothing that the labels do not.
 *
 * The labels are knowledge too: restricted viewers see why a count is hidden, so a
 * `small_count` lies in [0, minCount − 1] ("<10"), a `secondary` count is at least minCount
 * (it was a visible count) and a null is at least 0. Combined with the equations, they must
 * leave every small count free to be anything from 0 to minCount − 1, and every secondary
 * count a range of at least minCount − 1 values. That is what a secondary count gets in the
 * plainest case (a visible total, one small count and one secondary count making up the rest:
 * the two move together over minCount values); narrower, "afgeschermd" would all but publish
 * the count, and at width 0 it is derivable.
 *
 * For tree-shaped equations the adversary's exact bounds follow from two numbers per cell,
 * kept up to date bottom-up: the least (`low`) and the most (`high`) the cell can be given its
 * own label or value and its subtree. Hidden and unknown cells are looked through that way: a
 * hidden wijk's bounds are its buurten's where those are tighter than its own label. For a
 * visible total T with a hidden cell below it,
 * - room = T − Σ low(children) is how far, at least, every hidden count below T can rise
 *   above its lower bound (a small count to room, a secondary count to low + room);
 * - headroom = Σ high(children) − T is how much the other parts can absorb: a small count
 *   directly below T is at least minCount − 1 − headroom (deeper down, at least as low).
 * Until nothing changes, the deepest equation first, one more visible count is hidden when
 * (a) a hidden count is the only unknown of an equation (it is determined); the count hidden
 *     is the smallest visible one in the equation (ties: code order), else the parent;
 * (b) a visible total has room below minCount. With only small counts below, room is the
 *     revealed sum ("these two add up to 3"); every secondary count takes minCount off it
 *     ("A + B = 10 with A < 10 and B ≥ 10" gives A = 0 and B = 10). minCount − 1 would be
 *     enough for the ranges; minCount keeps the rule that a sum of small counts below minCount
 *     is never revealed. Hidden: of the visible counts that bound the total from below, the
 *     smallest that frees enough room on its own (a hidden count still counts as minCount),
 *     else the largest, else the total itself when all of them together would not do (its
 *     parent's equation then takes over, with more counts to draw on);
 * (c) a visible total has headroom below minCount − 1 ("two counts below 10 make 15" tells
 *     that each is at least 6). Hidden: the smallest visible count that bounds the total from
 *     above (hidden, it is unbounded or bounded more loosely), else the total itself;
 * (d) a secondary count has a range narrower than minCount − 1: its own bounds cut by what
 *     the rest of the tree leaves it (its parent's range less its siblings' bounds, walked up
 *     to the nearest visible total). Hidden: the smallest visible count behind a side that
 *     binds, in its subtree or beside it on the way up, else that visible total.
 * A newly hidden count that its visible children add up to gets one of them hidden at once.
 *
 * (b) and (c) suffice for small counts, with deeper cells and hidden totals on the way
 * included: their bounds chain through low and high. Only what the labels tell by themselves
 * is left: a total of at least minCount made of exactly two parts below minCount tells that
 * each is at least 1, and hidden, it lies in [minCount, 2·minCount − 2]: (d) finds no visible
 * count to hide there and lets it be (a secondary count tied to it alone, which would mirror
 * that range, it does widen).
 *
 * Derivability (rule (a)) follows the tree both ways: a null counts as unknown only while it
 * cannot be derived itself (from its children, or from its parent and siblings), which for
 * tree-shaped equations is exactly linear determinacy.
 *
 * Deterministic: cells are put in code order first, so input order does not matter. Fast:
 * each hidden count re-checks only the equations of the cell and its ancestors, and a final
 * pass over all equations confirms the fixpoint (about 15 ms for 18,000 areas).
 * @example
 * suppressCounts(
 *   [
 *     { code: 'WK039201', parentCode: null, value: 60 },
 *     { code: 'BU03920101', parentCode: 'WK039201', value: 4 },
 *     { code: 'BU03920102', parentCode: 'WK039201', value: 26 },
 *     { code: 'BU03920103', parentCode: 'WK039201', value: 30 },
 *   ],
 *   { minCount: 10 },
 * ) // Map { 'BU03920101' => 'small_count', 'BU03920102' => 'secondary' }
 */
export function suppressCounts(
  cells: readonly CountCell[],
  rules: Pick<DisclosureRules, 'minCount'>,
): Map<string, CountSuppressionReason> {
  const tree = buildTree(cells);
  const { n, value, isNull, parent, childStart, childList } = tree;
  const { minCount } = rules;

  const PRIMARY = 1;
  const SECONDARY = 2;
  const reason = new Uint8Array(n);
  /** 1 for every cell we hide; a hidden cell always has a value. */
  const hidden = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    if (!isNull[i] && value[i]! < minCount) {
      hidden[i] = 1;
      reason[i] = PRIMARY;
    }
  }

  // Derived state, kept up to date as cells get hidden (only a cell and its ancestors change).
  /** 1 when the cell is visible or follows from its children (recursively). */
  const knownBelow = new Uint8Array(n);
  /** How many children are not knownBelow. */
  const unknownChildren = new Int32Array(n);
  /** The least the cell can be, from its label and its subtree (its value when visible). */
  const low = new Float64Array(n);
  /** The most the cell can be, from its label and its subtree; Infinity when unbounded. */
  const high = new Float64Array(n);
  /** Σ low and Σ high of the children: what the children say about the cell. */
  const childLow = new Float64Array(n);
  const childHigh = new Float64Array(n);
  /** Σ high over the children with a finite high, and how many have none: Σ high less one. */
  const childHighFinite = new Float64Array(n);
  const childUnbounded = new Int32Array(n);
  /** 1 when the cell is hidden, or is not visible and has such a cell below it. */
  const holdsHidden = new Uint8Array(n);
  /** 1 when a child holds a hidden cell: only then do room and headroom matter. */
  const childHolds = new Uint8Array(n);

  const visible = (i: number): boolean => isNull[i] === 0 && hidden[i] === 0;
  const hasChildren = (i: number): boolean => childStart[i + 1]! > childStart[i]!;
  /** What the label of a cell that is not visible tells: secondary ≥ minCount, else ≥ 0. */
  const labelLow = (i: number): number => (reason[i] === SECONDARY ? minCount : 0);
  /** Small counts are below minCount; secondary counts and nulls have no upper bound. */
  const labelHigh = (i: number): number => (reason[i] === PRIMARY ? minCount - 1 : Infinity);

  /** Recompute a cell's derived state from its children; true when a parent must follow. */
  const recompute = (i: number): boolean => {
    let unknown = 0;
    let sumLow = 0;
    let sumHigh = 0;
    let unbounded = 0;
    let holds = 0;
    for (let k = childStart[i]!; k < childStart[i + 1]!; k += 1) {
      const c = childList[k]!;
      if (!knownBelow[c]) unknown += 1;
      sumLow += low[c]!;
      if (high[c] === Infinity) unbounded += 1;
      else sumHigh += high[c]!;
      holds |= holdsHidden[c]!;
    }
    const kids = hasChildren(i);
    const shown = visible(i);
    const known = shown || (kids && unknown === 0) ? 1 : 0;
    let lo = shown ? value[i]! : labelLow(i);
    let hi = shown ? value[i]! : labelHigh(i);
    if (!shown && kids) {
      lo = Math.max(lo, sumLow);
      if (unbounded === 0) hi = Math.min(hi, sumHigh);
    }
    const h = hidden[i] || (!shown && holds) ? 1 : 0;
    const changed =
      knownBelow[i] !== known || low[i] !== lo || high[i] !== hi || holdsHidden[i] !== h;
    unknownChildren[i] = unknown;
    childLow[i] = sumLow;
    childHigh[i] = unbounded > 0 ? Infinity : sumHigh;
    childHighFinite[i] = sumHigh;
    childUnbounded[i] = unbounded;
    childHolds[i] = holds;
    knownBelow[i] = known;
    low[i] = lo;
    high[i] = hi;
    holdsHidden[i] = h;
    return changed;
  };

  /**
   * Whether the cell follows from its parent and siblings. Computed when asked, by walking up:
   * it depends on ancestors and their siblings, too much to keep up to date on every hide.
   */
  const knownAbove = (i: number): boolean => {
    const p = parent[i]!;
    if (p < 0) return false;
    if (unknownChildren[p]! - (knownBelow[i] ? 0 : 1) !== 0) return false;
    return visible(p) || knownAbove(p);
  };

  /** The visible child with the smallest value, ties in code order; -1 when there is none. */
  const smallestVisibleChild = (p: number, except: number): number => {
    let best = -1;
    for (let k = childStart[p]!; k < childStart[p + 1]!; k += 1) {
      const c = childList[k]!;
      if (c !== except && visible(c) && (best < 0 || value[c]! < value[best]!)) best = c;
    }
    return best;
  };

  /** The first child that is known without being visible (a derivable null or hidden cell). */
  const derivedChild = (p: number, except: number): number => {
    for (let k = childStart[p]!; k < childStart[p + 1]!; k += 1) {
      const c = childList[k]!;
      if (c !== except && knownBelow[c] && !visible(c)) return c;
    }
    return -1;
  };

  /** A visible cell whose hiding stops `c` from following from its children. */
  const breakBelow = (c: number): number => {
    const v = smallestVisibleChild(c, -1);
    if (v >= 0) return v;
    const d = derivedChild(c, -1);
    return d >= 0 ? breakBelow(d) : -1;
  };

  /** A visible cell whose hiding stops `c` from following from its parent and siblings. */
  const breakAbove = (c: number): number => {
    const p = parent[c]!;
    if (p < 0) return -1;
    const v = smallestVisibleChild(p, c);
    if (v >= 0) return v;
    if (visible(p)) return p;
    const d = derivedChild(p, c);
    return d >= 0 ? breakBelow(d) : breakAbove(p);
  };

  /** One more cell to hide in the equation of parent `p`, so that `u` gets a fellow unknown. */
  const pickInEquation = (p: number, u: number): number => {
    const v = smallestVisibleChild(p, u);
    if (v >= 0) return v;
    if (u !== p && visible(p)) return p;
    const d = derivedChild(p, u);
    if (d >= 0) return breakBelow(d);
    return u !== p && knownAbove(p) ? breakAbove(p) : -1;
  };

  /**
   * Calls `visit` for the visible cells whose values make up a bound of `p`: its visible
   * children, and those of the cells below that are not visible but whose children bound
   * them more tightly than their own label (`through`), recursively.
   */
  const boundingCells = (
    p: number,
    through: (c: number) => boolean,
    visit: (c: number) => void,
  ): void => {
    for (let k = childStart[p]!; k < childStart[p + 1]!; k += 1) {
      const c = childList[k]!;
      if (visible(c)) visit(c);
      else if (hasChildren(c) && through(c)) boundingCells(c, through, visit);
    }
  };

  /**
   * One more cell to hide for rule (b) at visible total `p`, whose room is `deficit` short.
   * Hiding a visible count v that bounds the total frees at most v − minCount of room (it
   * still counts as at least minCount), so the smallest one that frees enough alone goes;
   * else the largest, and the loop comes back for more. When all of them together would not
   * free enough, the total itself goes: its parent's equation then takes over, with more
   * counts to draw on.
   */
  const pickForRoom = (p: number, deficit: number): number => {
    let closing = -1;
    let largest = -1;
    let freeable = 0;
    boundingCells(
      p,
      (c) => childLow[c]! > labelLow(c),
      (c) => {
        const gain = value[c]! - minCount;
        freeable += Math.max(0, gain);
        if (gain >= deficit && (closing < 0 || before(c, closing))) closing = c;
        if (
          largest < 0 ||
          value[c]! > value[largest]! ||
          (value[c] === value[largest] && c < largest)
        ) {
          largest = c;
        }
      },
    );
    if (closing >= 0) return closing;
    return largest >= 0 && freeable >= deficit ? largest : p;
  };

  /**
   * One more cell to hide for rule (c) at visible total `p`: the smallest visible count that
   * bounds it from above (hidden, it has no upper bound, or a looser one from its children),
   * else the total itself.
   */
  const pickForHeadroom = (p: number): number => {
    let best = -1;
    boundingCells(
      p,
      (c) => childHigh[c]! < labelHigh(c),
      (c) => {
        if (best < 0 || before(c, best)) best = c;
      },
    );
    return best >= 0 ? best : p;
  };

  /**
   * The range that the rest of the tree leaves cell `c`, its own subtree left out: the
   * parent's range less the siblings' bounds, up to the nearest visible ancestor. Walks up,
   * a few steps, so it is computed when asked rather than kept up to date.
   */
  const rangeAbove = (c: number): [number, number] => {
    const p = parent[c]!;
    if (p < 0) return [-Infinity, Infinity];
    let lo = value[p]!;
    let hi = value[p]!;
    if (!visible(p)) {
      const [aboveLo, aboveHi] = rangeAbove(p);
      lo = Math.max(labelLow(p), aboveLo);
      hi = Math.min(labelHigh(p), aboveHi);
    }
    const own = high[c]!;
    const othersHigh =
      childUnbounded[p]! - (own === Infinity ? 1 : 0) > 0
        ? Infinity
        : childHighFinite[p]! - (own === Infinity ? 0 : own);
    return [lo - othersHigh, hi - (childLow[p]! - low[c]!)];
  };

  /**
   * For rule (d): a cell to hide when the secondary count `c` can be narrowed down to fewer
   * than minCount values, or -1 when it cannot, or when nothing left to hide would widen it.
   * Its range is its own bounds (label and subtree) cut by the range from above; the cell
   * hidden is the smallest visible count behind a side that binds. When no visible count
   * lies behind either, the labels alone fix the range (a secondary count made of two small
   * counts lies in [minCount, 2·minCount − 2]), and so does one tied to such counts alone.
   */
  const widen = (c: number): number => {
    const [aboveLo, aboveHi] = rangeAbove(c);
    const lo = Math.max(low[c]!, aboveLo);
    const hi = Math.min(high[c]!, aboveHi);
    if (hi - lo >= minCount - 1) return -1;
    // Its own subtree caps it: a visible count in it, hidden, lifts the cap.
    if (high[c]! <= aboveHi || (low[c]! >= aboveLo && childLow[c]! > labelLow(c))) {
      const x = smallestBounding(c, -1);
      if (x >= 0) return x;
    }
    // Neither side is bound from above, and nothing visible is left below: labels alone.
    if (aboveLo < low[c]! && aboveHi > high[c]!) return -1;
    return widenAbove(c);
  };

  /**
   * A cell to hide so that the range the rest of the tree leaves `c` gets wider: a visible
   * count beside it (or beside a hidden or unknown ancestor on the way up), else the visible
   * total that all of this is taken from. A parent that is narrow itself is widened first:
   * what it gains, `c` gains too, and the cells beside `c` may then stay visible.
   */
  const widenAbove = (c: number): number => {
    const p = parent[c]!;
    if (p < 0) return -1;
    if (visible(p)) {
      const x = smallestBounding(p, c);
      return x >= 0 ? x : p;
    }
    const [aboveLo, aboveHi] = rangeAbove(p);
    const lo = Math.max(low[p]!, aboveLo);
    const hi = Math.min(high[p]!, aboveHi);
    if (hi - lo < minCount - 1 && (aboveLo >= low[p]! || aboveHi <= high[p]!)) {
      const x = widenAbove(p);
      if (x >= 0) return x;
    }
    const x = smallestBounding(p, c);
    return x >= 0 ? x : widenAbove(p);
  };

  /**
   * The smallest visible count among the children of `p` (except `except`) and, below the
   * children that are not visible, those that bound them (the children of a derivable null,
   * the visible buurten of a hidden wijk); -1 when there is none.
   */
  const smallestBounding = (p: number, except: number): number => {
    let best = -1;
    const visit = (c: number): void => {
      if (best < 0 || before(c, best)) best = c;
    };
    for (let k = childStart[p]!; k < childStart[p + 1]!; k += 1) {
      const c = childList[k]!;
      if (c === except) continue;
      if (visible(c)) visit(c);
      else if (hasChildren(c) && high[c]! - low[c]! < Infinity) {
        boundingCells(c, (d) => high[d]! - low[d]! < Infinity, visit);
      }
    }
    return best;
  };

  /** Smaller value first, ties in code order. */
  const before = (a: number, b: number): boolean =>
    value[a]! < value[b]! || (value[a] === value[b] && a < b);

  /** The cell to hide for the first rule the equation of parent `p` breaks; -1 when none. */
  const violation = (p: number): number => {
    // (a) a hidden parent that follows from its children
    if (hidden[p] && unknownChildren[p] === 0) return pickInEquation(p, p);
    // (b) and (c) only at visible totals: a total derived from above is the visible ancestor's
    // total less known counts, so that ancestor's room and headroom are at most its own.
    // Before (a) for a child: a lone small count has too little room as well, and the count
    // (b) picks frees room where (a)'s smallest one may not (beside a lone 0 under 138, hiding
    // 10 leaves "0 + ≥10 = 10", so 20 would follow; hiding 20 alone does).
    if (visible(p) && childHolds[p]) {
      const room = value[p]! - childLow[p]!;
      if (room < minCount) return pickForRoom(p, minCount - room);
      if (childHigh[p]! - value[p]! < minCount - 1) return pickForHeadroom(p);
    }
    // (a) a hidden child that is the only unknown under a known total
    if (unknownChildren[p] === 1 && (visible(p) || knownAbove(p))) {
      for (let k = childStart[p]!; k < childStart[p + 1]!; k += 1) {
        const c = childList[k]!;
        if (!knownBelow[c] && hidden[c]) return pickInEquation(p, c);
      }
    }
    // (d) every secondary count keeps a range of minCount − 1
    if (reason[p] === SECONDARY && parent[p]! < 0) {
      const x = widen(p);
      if (x >= 0) return x;
    }
    for (let k = childStart[p]!; k < childStart[p + 1]!; k += 1) {
      const c = childList[k]!;
      if (reason[c] !== SECONDARY) continue;
      const x = widen(c);
      if (x >= 0) return x;
    }
    return -1;
  };

  for (const i of tree.deepestFirst) recompute(i);

  const queue = new RankQueue(tree.equations.length);
  const push = (p: number): void => queue.push(tree.equationRank[p]!);
  function hide(x: number): void {
    hidden[x] = 1;
    reason[x] = SECONDARY;
    if (hasChildren(x)) push(x);
    let c = x;
    let changed = recompute(x);
    for (let p = parent[c]!; p >= 0; c = p, p = parent[c]!) {
      push(p);
      if (!changed) break;
      changed = recompute(p);
    }
    // A hidden count that its visible children add up to is not hidden at all: finish the job
    // at once (as rule (a) would in its own equation), before other equations count on it.
    if (knownBelow[x]) {
      const y = pickInEquation(x, x);
      if (y >= 0) hide(y);
    }
  }

  for (let rank = 0; rank < tree.equations.length; rank += 1) queue.push(rank);
  for (;;) {
    for (let rank = queue.pop(); rank !== undefined; rank = queue.pop()) {
      const p = tree.equations[rank]!;
      const x = violation(p);
      if (x >= 0) {
        hide(x);
        push(p);
      }
    }
    // Hiding a cell can, through derivable nulls, break an equation further away than its
    // ancestors; a full pass catches that, and ends the loop when every equation holds.
    let broken = false;
    for (let rank = 0; rank < tree.equations.length; rank += 1) {
      if (violation(tree.equations[rank]!) >= 0) {
        queue.push(rank);
        broken = true;
      }
    }
    if (!broken) break;
  }

  const result = new Map<string, CountSuppressionReason>();
  for (let i = 0; i < n; i += 1) {
    if (reason[i] === PRIMARY) result.set(tree.codes[i]!, 'small_count');
    else if (reason[i] === SECONDARY) result.set(tree.codes[i]!, 'secondary');
  }
  return result;
}

/** The cells as an index-based tree, in code order so that results never depend on input order. */
interface CountTree {
  n: number;
  codes: string[];
  value: Float64Array;
  isNull: Uint8Array;
  /** Parent index, -1 for a top cell. */
  parent: Int32Array;
  /** Children of i are childList[childStart[i]] .. childList[childStart[i + 1] - 1], in code order. */
  childStart: Int32Array;
  childList: Int32Array;
  /** All cells, deepest first, then code order: children come before their parent. */
  deepestFirst: Int32Array;
  /** The cells with children (one equation each), in the order they are first checked. */
  equations: Int32Array;
  /** Position of a cell in `equations`, -1 for a cell without children. */
  equationRank: Int32Array;
}

function buildTree(cells: readonly CountCell[]): CountTree {
  // Plain comparison, not localeCompare: the order must not depend on the machine's locale.
  const sorted = [...cells].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const n = sorted.length;
  const indexOf = new Map<string, number>();
  const codes = sorted.map((cell, i) => {
    if (indexOf.has(cell.code)) throw new Error(`suppressCounts: area ${cell.code} occurs twice`);
    indexOf.set(cell.code, i);
    return cell.code;
  });
  const value = new Float64Array(n);
  const isNull = new Uint8Array(n);
  const parent = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  sorted.forEach((cell, i) => {
    if (cell.value === null || !Number.isFinite(cell.value)) isNull[i] = 1;
    else value[i] = cell.value;
    const p = cell.parentCode === null ? undefined : indexOf.get(cell.parentCode);
    if (p !== undefined) {
      parent[i] = p;
      childCount[p] = childCount[p]! + 1;
    }
  });
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) childStart[i + 1] = childStart[i]! + childCount[i]!;
  const childList = new Int32Array(childStart[n]!);
  const fill = childStart.slice(0, n);
  for (let i = 0; i < n; i += 1) {
    const p = parent[i]!;
    if (p < 0) continue;
    childList[fill[p]!] = i;
    fill[p] = fill[p]! + 1;
  }

  // Depth by walking up; a walk that meets itself is a cycle, which no area hierarchy has.
  const depth = new Int32Array(n).fill(-1);
  const onPath = new Uint8Array(n);
  for (let i = 0; i < n; i += 1) {
    const path: number[] = [];
    let c = i;
    while (c >= 0 && depth[c]! < 0) {
      if (onPath[c]) throw new Error(`suppressCounts: area ${codes[c]} is its own ancestor`);
      onPath[c] = 1;
      path.push(c);
      c = parent[c]!;
    }
    let d = c < 0 ? -1 : depth[c]!;
    for (let k = path.length - 1; k >= 0; k -= 1) {
      d += 1;
      depth[path[k]!] = d;
      onPath[path[k]!] = 0;
    }
  }

  const deepestFirst = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => depth[b]! - depth[a]! || a - b,
  );
  const equations = deepestFirst.filter((i) => childCount[i]! > 0);
  const equationRank = new Int32Array(n).fill(-1);
  equations.forEach((p, rank) => {
    equationRank[p] = rank;
  });
  return {
    n,
    codes,
    value,
    isNull,
    parent,
    childStart,
    childList,
    deepestFirst,
    equations,
    equationRank,
  };
}

/**
 * A min-heap of equation ranks without duplicates: the pending equation checked next is always
 * the deepest (lowest rank), so a cell is hidden locally before a total higher up is considered.
 */
class RankQueue {
  private readonly heap: number[] = [];
  private readonly queued: Uint8Array;

  constructor(size: number) {
    this.queued = new Uint8Array(size);
  }

  push(rank: number): void {
    if (this.queued[rank]) return;
    this.queued[rank] = 1;
    const heap = this.heap;
    let i = heap.push(rank) - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (heap[up]! <= rank) break;
      heap[i] = heap[up]!;
      i = up;
    }
    heap[i] = rank;
  }

  pop(): number | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    this.queued[top] = 0;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && heap[right]! < heap[left]! ? right : left;
        if (heap[child]! >= last) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
