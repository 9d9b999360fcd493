import { formatNumber, type Locale } from '../domain/format/format-value.js';
import type { Translate } from './i18n/i18n.js';
import type { MessageKey } from './i18n/nl.js';

/**
 * How ranking numbers read. Scores and contributions are shares of 1 in the API; people read
 * them on a scale of 0 to 100 ("score 62,4"), and a need of 0.95 as percentile 95.
 */

/** A score (0–1) as points out of 100 with one decimal: "62,4". */
export const formatScore = (score: number, locale: Locale) => formatNumber(score * 100, 1, locale);

/** A contribution as signed points: "+12,3", "−0,4", "0,0". */
export function formatPoints(contribution: number, locale: Locale): string {
  const points = formatNumber(Math.abs(contribution) * 100, 1, locale);
  const zero = Number((Math.abs(contribution) * 100).toFixed(1)) === 0;
  return zero ? points : `${contribution > 0 ? '+' : '−'}${points}`;
}

/** A need (0–1) as a whole percentile: 0.953 → "95". */
export const formatNeed = (need: number, locale: Locale) => formatNumber(need * 100, 0, locale);

/** A share (0–1) as a whole percentage: "80%". */
export const formatShare = (share: number, locale: Locale) =>
  `${formatNumber(share * 100, 0, locale)}%`;

/**
 * A method theme's name: the ranking's own words for its themes, then the catalogue's theme
 * names, then the theme key itself with a capital (methods may name any theme).
 */
export function themeLabel(t: Translate, theme: string): string {
  for (const key of [`ranking.theme.${theme}`, `theme.${theme}`]) {
    const text = t(key as MessageKey);
    if (text !== key) return text;
  }
  return theme.charAt(0).toUpperCase() + theme.slice(1);
}

/** What a ranking is over, in words: "in het werkgebied", "in heel Nederland", or the codes. */
export function withinLabel(t: Translate, within: unknown): string {
  if (within === 'country') return t('ranking.within.country');
  if (within === 'working-area' || within === null || within === undefined)
    return t('ranking.within.workingArea');
  return t('ranking.within.codes', {
    codes: Array.isArray(within) ? within.join(', ') : String(within),
  });
}

/**
 * Names in a list, with a shared "Source: " prefix said once per run of names that have it,
 * so a row of flags stays readable.
 * @example compactNames(['Leefbaarometer: Overlast', 'Leefbaarometer: Woningvoorraad', 'Bijstand'])
 * // 'Leefbaarometer: Overlast, Woningvoorraad; Bijstand'
 */
export function compactNames(names: readonly string[]): string {
  const groups: Array<{ prefix: string | null; rest: string[] }> = [];
  for (const name of names) {
    const match = /^([^:]{2,40}): (.+)$/.exec(name);
    const prefix = match ? match[1]! : null;
    const rest = match ? match[2]! : name;
    const last = groups[groups.length - 1];
    if (last && prefix !== null && last.prefix === prefix) last.rest.push(rest);
    else groups.push({ prefix, rest: [rest] });
  }
  return groups
    .map((g) => (g.prefix === null ? g.rest[0]! : `${g.prefix}: ${g.rest.join(', ')}`))
    .join('; ');
}

/** "1 plaats", "3 plaatsen": a number of places in the ranking, in words. */
export const placesText = (t: Translate, n: number) =>
  t(n === 1 ? 'ranking.place' : 'ranking.places', { n });
