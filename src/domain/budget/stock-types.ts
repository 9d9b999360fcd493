/**
 * The corporation's stock as the server keeps it and the API returns it: one complex
 * (db/queries/stock-queries.ts, GET /api/stock/complexes) and the counts per buurt and budget
 * region (services/stock.ts, GET /api/stock). The web app reads the same shapes.
 */

/** One complex of the corporation's stock, as stored. */
export interface StoredComplex {
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

export interface StockCounts {
  complexes: number;
  units: number;
  daebUnits: number;
}

export interface BuurtStock extends StockCounts {
  code: string;
  name: string;
  regionKey: string | null;
  /** The buurt's dwellings (newest a_woning figure); null when missing or secret. */
  dwellings: number | null;
  dwellingsYear: number | null;
  /** units ÷ dwellings; null when the dwellings are missing (never guessed). */
  shareOwned: number | null;
  /**
   * For restricted viewers: the CBS count (and so the share) is left out because disclosure
   * control hides it or its base is small — the exact own units would give it back.
   */
  dwellingsHidden: boolean;
}

export interface RegionStock extends StockCounts {
  key: string;
  name: string;
  buurten: number;
  /** Σ units ÷ Σ dwellings over buurten with a dwelling figure; null when none has one (never 0). */
  shareOwned: number | null;
  /** Buurten of the region with complexes but no dwelling figure (left out of the share). */
  buurtenWithoutDwellings: number;
}

export interface StockOverview {
  buurten: BuurtStock[];
  regions: RegionStock[];
  total: StockCounts;
}
