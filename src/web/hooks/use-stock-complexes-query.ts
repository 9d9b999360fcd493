import type { StockComplex } from './stock-types.js';
import { useQuery } from './use-query.js';

/** The corporation's complexes in the user's scope. */
export const useStockComplexesQuery = () =>
  useQuery<{ complexes: StockComplex[] }>('/api/stock/complexes');
