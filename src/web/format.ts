import { formatNumber, formatObservation, type Locale } from '../domain/format/format-value.js';
import type { SuppressionReason } from '../domain/privacy/disclosure-rules.js';
import type { FigureStatus } from '../domain/shared/observation-status.js';

interface UnitInfo {
  unit: string;
  decimals: number;
}

// Units that read as words after the number; the rest (aantal, score, klasse) need no suffix.
const SILENT_UNITS = new Set(['aantal', 'score', 'afwijking', 'klasse 1–9']);

/** The unit as a suffix: "%" sticks to the number, others follow with a space. */
export function unitSuffix(unit: string): string {
  if (!unit || SILENT_UNITS.has(unit)) return '';
  return unit === '%' ? '%' : ` ${unit}`;
}

/**
 * A figure with its unit, or its status in words. Units stay as the source gives them
 * (× € 1.000 stays explicit). A small count hidden by disclosure control reads "<10" (the
 * threshold in force), any other hidden figure "afgeschermd".
 */
export function formatFigure(
  value: number | null | undefined,
  status: FigureStatus,
  info: UnitInfo,
  locale: Locale,
  suppression?: SuppressionReason | null,
  minCount?: number,
): string {
  const text = formatObservation(value, status, info.decimals, locale, suppression, minCount);
  return value === null || value === undefined ? text : `${text}${unitSuffix(info.unit)}`;
}

/** A signed difference, e.g. "+2,4%" or "−0,031". */
export function formatDifference(diff: number, info: UnitInfo, locale: Locale): string {
  const abs = formatNumber(Math.abs(diff), info.decimals, locale);
  const zero = Number(Math.abs(diff).toFixed(info.decimals)) === 0;
  const sign = zero ? '±' : diff > 0 ? '+' : '−';
  return `${sign}${abs}${info.unit === '%' ? (locale === 'nl' ? ' procentpunt' : ' percentage points') : unitSuffix(info.unit)}`;
}

export { formatNumber };
