import { formatNumber, type Locale } from '../domain/format/format-value.js';
import type { StoredMethod } from './hooks/use-methods-query.js';
import type { Translate } from './i18n/i18n.js';
import { nl, type MessageKey } from './i18n/nl.js';

/** The path of a method's page (the newest version, or `version`). */
export const methodPath = (key: string, version?: number) =>
  `/methoden/${encodeURIComponent(key)}${version !== undefined ? `?versie=${version}` : ''}`;

/** The path of a stored ranking (the Rangorde pages). */
export const rankingPath = (id: number) => `/rangorde/${id}`;

/** Versions grouped per key, newest version first; keys in the order the API gives them. */
export function groupMethods(methods: readonly StoredMethod[]): StoredMethod[][] {
  const groups = new Map<string, StoredMethod[]>();
  for (const m of methods) groups.set(m.key, [...(groups.get(m.key) ?? []), m]);
  return [...groups.values()].map((versions) =>
    [...versions].sort((a, b) => b.version - a.version),
  );
}

/**
 * A date as the interface language writes it, in the Netherlands' time zone.
 * @example formatDate('2025-03-04T10:00:00Z', 'nl') // '4 maart 2025'
 */
export function formatDate(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
}

/** A theme's name: the catalogue's themes have a text; a method's own themes are shown as named. */
export function themeName(theme: string, t: Translate): string {
  const key = `theme.${theme}`;
  if (key in nl) return t(key as MessageKey);
  return theme.charAt(0).toUpperCase() + theme.slice(1);
}

/**
 * A share as a percentage in the interface language, without decimals unless it is small.
 * @example formatShare(0.125, 'nl') // '13%'
 */
export function formatShare(share: number, locale: Locale): string {
  const percent = share * 100;
  return `${formatNumber(percent, percent > 0 && percent < 1 ? 1 : 0, locale)}%`;
}
