/** GET /api/stock/complexes: one complex (db/queries/stock-queries.ts StoredComplex). */
export interface StockComplex {
  id: number;
  corporationId: string;
  name: string | null;
  address: string | null;
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
  lon: number | null;
  lat: number | null;
  buurtCode: string;
  boundaryYear: number;
  /** 'file': the buurt code was given; 'point': placed by its coordinates. */
  placedBy: 'file' | 'point';
  units: number;
  daebUnits: number;
  yearBuilt: number | null;
}

interface StockCounts {
  complexes: number;
  units: number;
  daebUnits: number;
}

/** GET /api/stock (services/stock.ts StockOverview). */
export interface StockBuurt extends StockCounts {
  code: string;
  name: string;
  regionKey: string | null;
  dwellings: number | null;
  dwellingsYear: number | null;
  shareOwned: number | null;
  /** For restricted viewers: the CBS count is left out (disclosure control). */
  dwellingsHidden: boolean;
}

export interface StockRegion extends StockCounts {
  key: string;
  name: string;
  buurten: number;
  /** null when no buurt of the region has a dwelling figure (never 0). */
  shareOwned: number | null;
  buurtenWithoutDwellings: number;
}

export interface StockOverview {
  buurten: StockBuurt[];
  regions: StockRegion[];
  total: StockCounts;
}
