import type { OwnFigureKey } from '../indicators/corporation-indicators.js';
import type { SuppressionReason } from '../privacy/disclosure-rules.js';
import type { ObservationStatus } from '../shared/observation-status.js';

/** One complex as far as the figures need it. */
export interface StockItem {
  buurtCode: string;
  units: number;
  daebUnits: number;
}

/** Money booked on (or allocated to) one buurt in one year, in cents. */
export interface BuurtMoney {
  year: number;
  buurtCode: string;
  cents: number;
}

export interface OwnFiguresInput {
  /** The year the stock figures are stamped with: the complex list as it stands now. */
  stockYear: number;
  /** Every area of the boundary year the figures go on, with its parent (buurt → wijk → gemeente). */
  parents: ReadonlyMap<string, string | null>;
  /** Buurten of the working area: members of a budget region, or holding a complex. */
  workingArea: ReadonlySet<string>;
  complexes: readonly StockItem[];
  /**
   * CBS dwellings (a_woning) per area, newest year up to the stock year, and whether disclosure
   * control hides that count from restricted viewers; absent = unknown.
   */
  dwellings: ReadonlyMap<string, DwellingCount>;
  /** Shares on a base below this are hidden from restricted viewers (DisclosureRules.minBase). */
  minBase: number;
  /** Years with a spending ledger (any line, also on regions and lines without an area). */
  spendingYears: readonly number[];
  /** Spending lines booked on a buurt or on a complex (resolved to its buurt). */
  spending: readonly BuurtMoney[];
  /** Per adopted begroting, the amount of every buurt it divided money over. */
  begroting: readonly BuurtMoney[];
}

export interface DwellingCount {
  value: number;
  /** Hidden from restricted viewers by disclosure control (small count, secondary). */
  suppressed: boolean;
}

export interface OwnFigure {
  code: string;
  key: OwnFigureKey;
  year: number;
  value: number | null;
  status: ObservationStatus;
  /** For restricted viewers: why the figure is hidden, or null. */
  hidden: SuppressionReason | null;
}

/**
 * Why the share owned must be hidden from restricted viewers: the corporation's dwellings are
 * shown exactly, so share = dwellings ÷ CBS count would give back a count that disclosure
 * control hides (secondary), and a share of a handful of dwellings is no share (small_base).
 * @example shareHiddenBy({ value: 30, suppressed: false }, 50) // 'small_base'
 */
export function shareHiddenBy(
  base: DwellingCount | undefined,
  minBase: number,
): SuppressionReason | null {
  if (!base) return null;
  if (base.suppressed) return 'secondary';
  return base.value < minBase ? 'small_base' : null;
}

/**
 * The share of an area's dwellings the corporation owns, 0…1; null when the dwelling count is
 * unknown or zero. Capped at 1: more units than CBS counts dwellings means the figures are of
 * different years (new building), not that the corporation owns more than everything.
 * @example shareOwned(120, 400) // 0.3
 */
export function shareOwned(units: number, dwellings: number | null | undefined): number | null {
  if (dwellings === null || dwellings === undefined || !(dwellings > 0)) return null;
  return Math.min(units / dwellings, 1);
}

/**
 * The figures derived from the corporation's own records, for every area of the working area
 * at buurt, wijk and gemeente level (a wijk or gemeente counts when it holds a buurt of the
 * working area; the country does not: the corporation's total is no national figure).
 *
 * - Stock (stockYear): complexes, units, DAEB units — 0 where the corporation owns nothing,
 *   which is a fact, not a gap — and the share of the area's dwellings (missing without a CBS
 *   dwelling count).
 * - Spending (each ledger year): euros booked on the area's buurten and complexes, 0 where
 *   nothing was; per DAEB dwelling, n.v.t. where the corporation has no DAEB dwellings.
 * - Begroting (each adopted year): the euros the allocation gave the area's buurten.
 *
 * Buurten not among `parents` (another boundary year) are left out.
 * @example deriveOwnFigures({ stockYear: 2026, parents, workingArea, complexes, ... })
 */
export function deriveOwnFigures(input: OwnFiguresInput): OwnFigure[] {
  const chain = (buurt: string): string[] => {
    const codes: string[] = [];
    for (let code: string | null | undefined = buurt; code; code = input.parents.get(code)) {
      if (!input.parents.has(code) || code.startsWith('NL')) break;
      codes.push(code);
    }
    return codes;
  };
  const areas = new Set<string>();
  for (const buurt of input.workingArea) for (const code of chain(buurt)) areas.add(code);
  const ordered = [...areas].sort();
  const figures: OwnFigure[] = [];
  const put = (
    code: string,
    key: OwnFigureKey,
    year: number,
    value: number | null,
    status: ObservationStatus = 'ok',
    hidden: SuppressionReason | null = null,
  ) => figures.push({ code, key, year, value, status, hidden });

  const sumUp = <T>(
    items: readonly T[],
    buurtOf: (item: T) => string,
    amount: (item: T) => number,
  ) => {
    const sums = new Map<string, number>();
    for (const item of items)
      for (const code of chain(buurtOf(item))) sums.set(code, (sums.get(code) ?? 0) + amount(item));
    return sums;
  };
  const complexes = sumUp(
    input.complexes,
    (c) => c.buurtCode,
    () => 1,
  );
  const units = sumUp(
    input.complexes,
    (c) => c.buurtCode,
    (c) => c.units,
  );
  const daeb = sumUp(
    input.complexes,
    (c) => c.buurtCode,
    (c) => c.daebUnits,
  );

  for (const code of ordered) {
    put(code, 'corp_complexen', input.stockYear, complexes.get(code) ?? 0);
    put(code, 'corp_woningen', input.stockYear, units.get(code) ?? 0);
    put(code, 'corp_daeb', input.stockYear, daeb.get(code) ?? 0);
    const base = input.dwellings.get(code);
    const share = shareOwned(units.get(code) ?? 0, base?.value);
    if (share === null) put(code, 'corp_aandeel', input.stockYear, null, 'missing');
    else
      put(
        code,
        'corp_aandeel',
        input.stockYear,
        share * 100,
        'ok',
        shareHiddenBy(base, input.minBase),
      );
  }

  for (const year of [...new Set(input.spendingYears)].sort()) {
    const spent = sumUp(
      input.spending.filter((s) => s.year === year),
      (s) => s.buurtCode,
      (s) => s.cents,
    );
    for (const code of ordered) {
      const cents = spent.get(code) ?? 0;
      put(code, 'corp_uitgaven', year, cents / 100);
      const dwellings = daeb.get(code) ?? 0;
      if (dwellings > 0) put(code, 'corp_uitgaven_per_daeb', year, cents / 100 / dwellings);
      else put(code, 'corp_uitgaven_per_daeb', year, null, 'not_applicable');
    }
  }

  const budgetYears = [...new Set(input.begroting.map((b) => b.year))].sort();
  for (const year of budgetYears) {
    const allocated = sumUp(
      input.begroting.filter((b) => b.year === year),
      (b) => b.buurtCode,
      (b) => b.cents,
    );
    for (const [code, cents] of [...allocated].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      put(code, 'corp_begroting', year, cents / 100);
  }
  return figures;
}

/** An own figure as stored: its observation, or what a refresh wants stored. */
export interface StoredOwnFigure {
  observationId: number;
  areaId: number;
  indicatorId: number;
  year: number;
  value: number | null;
  status: string;
}
export type WantedOwnFigure = Omit<StoredOwnFigure, 'observationId'>;

/**
 * What a refresh must write: the wanted figures that are new or differ, and the stored ones no
 * longer wanted. Writing only these keeps an edit of one complex from rewriting the thousands
 * of figures it does not change (PGlite pays ~35 µs per row written; bench/own-figures.ts).
 * @example planOwnFigureWrites([], [wanted]) // { write: [wanted], remove: [] }
 */
export function planOwnFigureWrites(
  stored: readonly StoredOwnFigure[],
  wanted: readonly WantedOwnFigure[],
): { write: WantedOwnFigure[]; remove: number[] } {
  const key = (f: WantedOwnFigure) => `${f.indicatorId}|${f.areaId}|${f.year}`;
  const have = new Map(stored.map((f) => [key(f), f]));
  const write: WantedOwnFigure[] = [];
  for (const f of wanted) {
    const old = have.get(key(f));
    have.delete(key(f));
    if (!old || old.value !== f.value || old.status !== f.status) write.push(f);
  }
  return { write, remove: [...have.values()].map((f) => f.observationId) };
}
