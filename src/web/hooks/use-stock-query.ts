import type { StockOverview } from './stock-types.js';
import { useQuery } from './use-query.js';

/** The stock per buurt and budget region, in the user's scope. */
export const useStockQuery = () => useQuery<StockOverview>('/api/stock');
