import { boundariesAdapter } from './boundaries/adapter.js';
import { kwbAdapter } from './cbs-kwb/adapter.js';
import { regionsAdapter } from './cbs-regions/adapter.js';
import { statlineAdapter } from './cbs-statline/adapter.js';
import type { ImportKind } from './import-plan.js';
import { leefbaarometerAdapter } from './leefbaarometer/adapter.js';
import type { ImportAdapter } from './pipeline.js';
import { tableAdapter } from './table/adapter.js';
import { complexesAdapter } from './complexes/adapter.js';
import { spendingAdapter } from './spending/adapter.js';

/** The adapter for a kind of import; `knownKeys` is the indicator catalogue (table imports). */
export function adapterFor(kind: ImportKind, knownKeys?: ReadonlySet<string>): ImportAdapter {
  switch (kind) {
    case 'leefbaarometer':
      return leefbaarometerAdapter;
    case 'kwb':
      return kwbAdapter;
    case 'statline':
      return statlineAdapter;
    case 'regions':
      return regionsAdapter;
    case 'boundaries':
      return boundariesAdapter;
    case 'table':
      return tableAdapter(knownKeys);
    case 'complexes':
      return complexesAdapter;
    case 'spending':
      return spendingAdapter;
  }
}
