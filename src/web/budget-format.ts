import { formatNumber, type Locale } from '../domain/format/format-value.js';

/** Whole euros from cents: "€ 1.234.568" (nl) or "€1,234,568" (en). */
export function formatEuros(cents: number | null, locale: Locale, decimals = 0): string {
  if (cents === null) return '–';
  const amount = formatNumber(cents / 100, decimals, locale);
  return locale === 'nl' ? `€ ${amount}` : `€${amount}`;
}

/** Euros per dwelling, with cents: "€ 128,41". */
export const formatEurosPerDwelling = (cents: number | null, locale: Locale) =>
  formatEuros(cents, locale, 2);

/** The sign of a difference in words and symbol: over (+), under (−) or even (±). */
export function differenceSign(cents: number | null): 'over' | 'under' | 'even' | null {
  if (cents === null) return null;
  if (Math.round(cents / 100) === 0) return 'even';
  return cents > 0 ? 'over' : 'under';
}

/** A signed amount, e.g. "+€ 12.500" or "−€ 3.000"; "±€ 0" when it rounds to nothing. */
export function formatSignedEuros(cents: number | null, locale: Locale): string {
  const sign = differenceSign(cents);
  if (sign === null || cents === null) return '–';
  const symbol = sign === 'over' ? '+' : sign === 'under' ? '−' : '±';
  return `${symbol}${formatEuros(Math.abs(cents), locale)}`;
}

/** A share 0…1 as a percentage with one decimal: "41,3%". */
export const formatPercent = (share: number | null, locale: Locale) =>
  share === null ? '–' : `${formatNumber(share * 100, 1, locale)}%`;
