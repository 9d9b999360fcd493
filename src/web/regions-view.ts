import { ApiError } from './api-client.js';
import type { Translate } from './i18n/i18n.js';

/** The pure parts of "Regio's en posten": keys, what a choice of buurten moves, refusals. */

/** The page's address; here so that the Bezit page can link to it without importing the page. */
export const REGIONS_PATH = '/bezit/regios';

/** The server's key rule (services/budget-setup.ts). */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface RegionRef {
  key: string;
  name: string;
  buurtCodes: readonly string[];
}

/**
 * A key from a name: lower case, accents dropped, everything else a single dash; a taken key
 * gets -2, -3, … (regions and lines share one key space: a report row must mean one thing).
 * @example suggestKey("'s-Gravenzande Zuid", new Set()) // 's-gravenzande-zuid'
 */
export function suggestKey(name: string, taken: ReadonlySet<string>): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  if (!base) return '';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/** Case- and accent-blind containment, for the filter over wijk and buurt names and codes. */
export function matchesFilter(text: string, filter: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return fold(text).includes(fold(filter.trim()));
}

export interface MoveSummary {
  /** Buurten taken from other regions, per region (in the order of the list). */
  moves: { key: string; name: string; count: number }[];
  /** Regions that would keep no buurt. */
  emptied: { key: string; name: string }[];
  /** Buurten this region gives up (they then belong to no region). */
  leaving: number;
}

/** What saving `chosen` as the buurten of region `key` (null: a new one) does to the others. */
export function moveSummary(
  key: string | null,
  chosen: ReadonlySet<string>,
  regions: readonly RegionRef[],
): MoveSummary {
  const summary: MoveSummary = { moves: [], emptied: [], leaving: 0 };
  for (const region of regions) {
    if (region.key === key) {
      summary.leaving = region.buurtCodes.filter((c) => !chosen.has(c)).length;
      continue;
    }
    const taken = region.buurtCodes.filter((c) => chosen.has(c)).length;
    if (taken === 0) continue;
    summary.moves.push({ key: region.key, name: region.name, count: taken });
    if (taken === region.buurtCodes.length)
      summary.emptied.push({ key: region.key, name: region.name });
  }
  return summary;
}

/** "2024", "2024 en 2025", "2023, 2024 en 2025". */
export function listYears(years: readonly unknown[], and: string): string {
  const all = years.map(String);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} ${and} ${all.at(-1)}`;
}

const numberOf = (value: unknown) => (typeof value === 'number' ? value : 0);
const yearsOf = (value: unknown) => (Array.isArray(value) ? (value as number[]) : []);

/**
 * The 409 of a removal (services/budget-setup-remove.ts), said in the interface language from
 * its details: how many spending lines, which years, which adopted begrotingen. Null for any
 * other error.
 */
export function removalRefusal(error: unknown, t: Translate): string | null {
  if (!(error instanceof ApiError) || error.code !== 'conflict') return null;
  const d = error.details;
  if (d.kind !== 'region' && d.kind !== 'line') return null;
  const and = t('regions.and');
  const reasons: string[] = [];
  const spent = numberOf(d.spendingLines);
  if (spent > 0)
    reasons.push(
      t(spent === 1 ? 'regions.refusal.spending.one' : 'regions.refusal.spending.many', {
        n: spent,
        years: listYears(yearsOf(d.spendingYears), and),
      }),
    );
  const adopted = yearsOf(d.adoptedYears);
  if (adopted.length > 0)
    reasons.push(
      t(d.kind === 'region' ? 'regions.refusal.adoptedRegion' : 'regions.refusal.adoptedLine', {
        years: listYears(adopted, and),
      }),
    );
  // Moving the buurten elsewhere only helps when nothing else keeps the region.
  const inBuurten = numberOf(d.buurtSpendingLines);
  if (inBuurten > 0 && reasons.length === 0)
    reasons.push(
      t(inBuurten === 1 ? 'regions.refusal.buurten.one' : 'regions.refusal.buurten.many', {
        n: inBuurten,
        years: listYears(yearsOf(d.buurtSpendingYears), and),
      }),
    );
  if (reasons.length === 0) return null;
  const buurtYears = inBuurten > 0 && spent === 0 && adopted.length === 0;
  const years = [
    ...new Set([
      ...yearsOf(d.spendingYears),
      ...adopted,
      ...(buurtYears ? yearsOf(d.buurtSpendingYears) : []),
    ]),
  ].sort((a, b) => a - b);
  const head = t(d.kind === 'region' ? 'regions.refusal.region' : 'regions.refusal.line', {
    name: String(d.name ?? d.key ?? ''),
    reasons: reasons.join('; '),
  });
  return `${head} ${t('regions.refusal.report', { years: listYears(years, and) })}`;
}
