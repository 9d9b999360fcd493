import type { Locale } from '../../domain/format/format-value.js';

/** The indicator's name in the interface language. */
export function indicatorName(
  indicator: { nameNl: string; nameEn: string },
  locale: Locale,
): string {
  return locale === 'nl' ? indicator.nameNl : indicator.nameEn;
}
