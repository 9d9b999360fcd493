import type { Kysely, Transaction } from 'kysely';
import {
  DEFAULT_DISCLOSURE_RULES,
  type DisclosureRules,
  type SuppressionReason,
} from '../domain/privacy/disclosure-rules.js';
import { suppressCounts, type CountCell } from '../domain/privacy/suppress-counts.js';
import { suppressShares } from '../domain/privacy/suppress-shares.js';
import {
  listAreaTree,
  listDisclosureIndicators,
  listFiguresOfYear,
  listIndicatorYears,
  listSuppressedCodes,
  replaceSuppressions,
  type DisclosureIndicator,
  type FigureCell,
} from '../db/queries/disclosure-queries.js';
import { getMeta, setMeta } from '../db/queries/meta-queries.js';
import type { Database } from '../db/tables.js';
import { bumpDataVersion } from './data-version.js';

type Db = Kysely<Database> | Transaction<Database>;
type Rules = Pick<DisclosureRules, 'minCount' | 'minBase'>;
const META_KEY = 'disclosure_rules';

/** What changed: indicator keys with the years written. */
export type TouchedFigures = ReadonlyMap<string, ReadonlySet<number>>;

/**
 * Decide again what restricted viewers may not see, for the figures a write touched: the
 * counts and shares written, and the shares whose base was written. Runs inside the writing
 * transaction, so figures and their disclosure control change together. Secondary suppression
 * needs all areas of an indicator and year at once, which is why this happens at write time
 * and not per request.
 */
export async function refreshSuppression(trx: Db, touched: TouchedFigures): Promise<number> {
  const rules = await storedRules(trx);
  const indicators = await listDisclosureIndicators(trx);
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const pairs = new Map<string, { indicator: DisclosureIndicator; year: number }>();
  const add = (indicator: DisclosureIndicator, year: number) =>
    pairs.set(`${indicator.id}|${year}`, { indicator, year });
  for (const [key, years] of touched) {
    const indicator = byKey.get(key);
    for (const year of years) {
      if (indicator) add(indicator, year);
      // A share depends on its base and its numerator: new figures there can hide or reveal it.
      for (const share of indicators) {
        const dependsOn = [share.baseIndicatorId, share.numeratorIndicatorId];
        if (dependsOn.some((id) => id !== null && byId.get(id)?.key === key)) add(share, year);
      }
    }
  }
  let hidden = 0;
  const trees = new Map<number, Array<{ code: string; parentCode: string | null }>>();
  for (const { indicator, year } of countsFirst([...pairs.values()]))
    hidden += await refreshPair(trx, rules, indicator, year, trees);
  return hidden;
}

/** Everything again, in the caller's transaction: after the rules changed, or for a database
 * written before they existed. */
export async function refreshAllSuppression(trx: Transaction<Database>): Promise<number> {
  const indicators = await listDisclosureIndicators(trx);
  const years = await listIndicatorYears(
    trx,
    indicators.map((i) => i.id),
  );
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const rules = await storedRules(trx);
  const trees = new Map<number, Array<{ code: string; parentCode: string | null }>>();
  let hidden = 0;
  const pairs = years.map(({ indicatorId, year }) => ({ indicator: byId.get(indicatorId)!, year }));
  for (const { indicator, year } of countsFirst(pairs))
    hidden += await refreshPair(trx, rules, indicator, year, trees);
  return hidden;
}

/**
 * At start: the rules in force are the configured ones. When they differ from those the stored
 * decisions were made with, every decision is made again — rules and decisions in one
 * transaction, so an interrupted recompute is redone at the next start — and cached layers of
 * every instance are invalidated (data version).
 */
export async function applyDisclosureRules(
  db: Kysely<Database>,
  rules: Rules,
): Promise<{ recomputed: boolean; hidden: number }> {
  const stored = await getMeta<Rules>(db, META_KEY);
  if (stored && stored.minCount === rules.minCount && stored.minBase === rules.minBase)
    return { recomputed: false, hidden: 0 };
  const hidden = await db.transaction().execute(async (trx) => {
    await setMeta(trx, META_KEY, { minCount: rules.minCount, minBase: rules.minBase });
    const n = await refreshAllSuppression(trx);
    await bumpDataVersion(trx);
    return n;
  });
  return { recomputed: true, hidden };
}

/** Counts before shares: a share is hidden where the count it is made of is hidden. */
function countsFirst<T extends { indicator: DisclosureIndicator }>(pairs: T[]): T[] {
  return [...pairs].sort(
    (a, b) => Number(a.indicator.kind !== 'count') - Number(b.indicator.kind !== 'count'),
  );
}

/** The disclosure rules the stored decisions were made with (the configured ones after start). */
export async function rulesInForce(db: Db): Promise<Rules> {
  return storedRules(db);
}

async function storedRules(db: Db): Promise<Rules> {
  return (await getMeta<Rules>(db, META_KEY)) ?? DEFAULT_DISCLOSURE_RULES;
}

async function refreshPair(
  trx: Db,
  rules: Rules,
  indicator: DisclosureIndicator,
  year: number,
  trees: Map<number, Array<{ code: string; parentCode: string | null }>>,
): Promise<number> {
  const figures = await listFiguresOfYear(trx, indicator.id, year);
  const hidden: Array<{ observationId: number; reason: SuppressionReason }> = [];
  // Sums hold within one boundary year: the areas of other years are other trees.
  const byBoundaryYear = new Map<number, FigureCell[]>();
  for (const f of figures) {
    const list = byBoundaryYear.get(f.boundaryYear) ?? [];
    list.push(f);
    byBoundaryYear.set(f.boundaryYear, list);
  }
  const bases =
    indicator.kind !== 'count' && indicator.baseIndicatorId !== null
      ? new Map(
          (await listFiguresOfYear(trx, indicator.baseIndicatorId, year)).map((b) => [
            `${b.boundaryYear}|${b.code}`,
            b.value,
          ]),
        )
      : null;
  const numeratorHidden =
    indicator.kind !== 'count' && indicator.numeratorIndicatorId !== null
      ? await listSuppressedCodes(trx, indicator.numeratorIndicatorId, year)
      : null;
  for (const [boundaryYear, cells] of byBoundaryYear) {
    const idOf = new Map(cells.map((c) => [c.code, c.observationId]));
    let reasons: Map<string, SuppressionReason>;
    if (indicator.kind === 'count') {
      let tree = trees.get(boundaryYear);
      if (!tree) trees.set(boundaryYear, (tree = await listAreaTree(trx, boundaryYear)));
      const value = new Map(cells.map((c) => [c.code, c.value]));
      // Every area of the year takes part: one without a figure is unknown to everyone.
      const countCells: CountCell[] = tree.map((a) => ({
        code: a.code,
        parentCode: a.parentCode,
        value: value.get(a.code) ?? null,
      }));
      reasons = suppressCounts(countCells, rules);
    } else {
      reasons = new Map<string, SuppressionReason>(
        suppressShares(
          cells.map((c) => ({
            code: c.code,
            value: c.value,
            base: bases?.get(`${boundaryYear}|${c.code}`) ?? null,
          })),
          {
            minBase: rules.minBase,
            baseConfigured: indicator.baseIndicatorId !== null,
            publicSource: indicator.builtIn,
          },
        ),
      );
      if (numeratorHidden)
        for (const c of cells)
          if (
            c.value !== null &&
            !reasons.has(c.code) &&
            numeratorHidden.has(`${boundaryYear}|${c.code}`)
          )
            reasons.set(c.code, 'secondary');
    }
    for (const [code, reason] of reasons) {
      const observationId = idOf.get(code);
      if (observationId !== undefined) hidden.push({ observationId, reason });
    }
  }
  await replaceSuppressions(trx, indicator.id, year, hidden);
  return hidden.length;
}
