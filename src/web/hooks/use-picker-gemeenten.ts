import { useMemo } from 'react';
import { gemeenteCodeOf } from '../../domain/shared/area-code.js';
import type { BudgetSetupView } from './use-budget-setup-query.js';
import { useAreasQuery } from './use-areas-query.js';
import { useStockQuery } from './use-stock-query.js';

export interface PickerGemeenten {
  /** The working area's gemeenten (of the regions and the complexes) and those added, by name. */
  gemeenten: { code: string; name: string }[];
  /** Opened at first: where the region has buurten, those added, or the only one. */
  openAtStart: ReadonlySet<string>;
  /** Every other gemeente, to add to the list. */
  others: { code: string; name: string }[];
}

/** The gemeenten the region editor offers buurten of (GET /api/areas?level=gemeente, /api/stock). */
export function usePickerGemeenten(
  setup: BudgetSetupView,
  regionBuurten: readonly string[],
  added: readonly string[],
): PickerGemeenten {
  const all = useAreasQuery('gemeente');
  const stock = useStockQuery();
  return useMemo(() => {
    const codes = new Set<string>(added);
    const buurten = [
      ...setup.regions.flatMap((r) => r.buurtCodes),
      ...(stock.data?.buurten.map((b) => b.code) ?? []),
    ];
    for (const code of buurten) codes.add(gemeenteCodeOf(code) ?? '');
    codes.delete('');
    const names = new Map(all.data?.areas.map((a) => [a.code, a.name]));
    const gemeenten = [...codes]
      .map((code) => ({ code, name: names.get(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const openAtStart = new Set([...regionBuurten.map((c) => gemeenteCodeOf(c)!), ...added]);
    if (gemeenten.length === 1) openAtStart.add(gemeenten[0]!.code);
    const others = (all.data?.areas ?? [])
      .filter((g) => !codes.has(g.code))
      .map((g) => ({ code: g.code, name: g.name }));
    return { gemeenten, openAtStart, others };
  }, [added, setup, stock.data, all.data, regionBuurten]);
}
