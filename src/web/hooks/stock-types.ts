import type {
  BuurtStock,
  RegionStock,
  StockOverview,
  StoredComplex,
} from '../../domain/budget/stock-types.js';

/** GET /api/stock/complexes: one complex; GET /api/stock: the stock per buurt and region. */
export type {
  StoredComplex as StockComplex,
  BuurtStock as StockBuurt,
  RegionStock as StockRegion,
  StockOverview,
};
