import { useCallback, useMemo } from 'react';
import type { Indicator } from '../../domain/indicators/indicator.js';
import { indicatorName } from '../components/indicator-name.js';
import { useI18n } from '../i18n/i18n.js';
import { useIndicatorsQuery } from './use-indicators-query.js';

/**
 * The catalogue by key and a name lookup in the interface language, as the rest of the app
 * names indicators; a key the catalogue lacks reads as itself.
 */
export function useIndicatorNames(): {
  catalogue: Map<string, Indicator>;
  nameOf(key: string): string;
  loading: boolean;
  error: Error | undefined;
} {
  const { locale } = useI18n();
  const query = useIndicatorsQuery();
  const catalogue = useMemo(
    () => new Map((query.data?.indicators ?? []).map((i) => [i.key, i])),
    [query.data],
  );
  const nameOf = useCallback(
    (key: string) => {
      const indicator = catalogue.get(key);
      return indicator ? indicatorName(indicator, locale) : key;
    },
    [catalogue, locale],
  );
  return { catalogue, nameOf, loading: !query.data && !query.error, error: query.error };
}
