import type { SuppressionReason } from '../privacy/disclosure-rules.js';
import type { FigureStatus } from '../shared/observation-status.js';

export type Locale = 'nl' | 'en';

const STATUS_LABELS: Record<Locale, Record<FigureStatus, string>> = {
  nl: {
    ok: '',
    secret: 'geheim',
    missing: 'ontbreekt',
    provisional: 'voorlopig',
    not_applicable: 'n.v.t.',
    suppressed: 'afgeschermd',
  },
  en: {
    ok: '',
    secret: 'secret',
    missing: 'missing',
    provisional: 'provisional',
    not_applicable: 'n/a',
    suppressed: 'suppressed',
  },
};

/** Words for a status, e.g. "geheim" for a figure CBS suppressed. */
export function statusLabel(status: FigureStatus, locale: Locale): string {
  return STATUS_LABELS[locale][status];
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A number the way the interface language writes it: 1.234,5 in Dutch, 1,234.5 in English.
 * @example formatNumber(167670, 0, 'nl') // '167.670'
 */
export function formatNumber(value: number, decimals: number, locale: Locale): string {
  const key = `${locale}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  // Avoid "-0": a rounded tiny negative reads as a sign error.
  const rounded = Number(value.toFixed(decimals));
  return f.format(rounded === 0 ? 0 : rounded);
}

/**
 * A figure with its status: the number when there is one, otherwise the status in words —
 * never a 0 standing in for a missing or secret value. A count hidden for being small reads
 * "<10" (the threshold in force), as partners are told.
 * @example formatObservation(null, 'secret', 0, 'nl') // 'geheim'
 * @example formatObservation(null, 'suppressed', 0, 'nl', 'small_count') // '<10'
 */
export function formatObservation(
  value: number | null | undefined,
  status: FigureStatus,
  decimals: number,
  locale: Locale,
  suppression?: SuppressionReason | null,
  minCount = 10,
): string {
  if (status === 'suppressed' && suppression === 'small_count') return `<${minCount}`;
  // undefined too: map libraries drop null properties of features.
  if (value === null || value === undefined)
    return statusLabel(status === 'ok' ? 'missing' : status, locale);
  const number = formatNumber(value, decimals, locale);
  return status === 'provisional' ? `${number} (${statusLabel('provisional', locale)})` : number;
}
