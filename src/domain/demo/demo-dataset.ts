import type { Polygon, MultiPolygon } from 'geojson';
import type { AreaLevel } from '../shared/area-code.js';
import type { ObservationStatus } from '../shared/observation-status.js';

/**
 * The fictional demo world that `npm start` shows on first start. Generated, deterministic
 * (fixed seed), and marked as fictional: every observation's source is "demo".
 */
export interface DemoDataset {
  /** Boundary year of every demo area. */
  boundaryYear: number;
  organisations: DemoOrganisation[];
  /** Parents before children: land, gemeenten, wijken, buurten. */
  areas: DemoArea[];
  observations: DemoObservation[];
}

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: 'corporation' | 'gemeente' | 'zorg' | 'welzijn' | 'politie' | 'huurdersorganisatie';
  /** Codes of the gemeenten this organisation works in. */
  workingArea: string[];
}

export interface DemoArea {
  code: string;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  /** WGS84 lon/lat; null for the land. */
  geometry: Polygon | MultiPolygon | null;
}

export interface DemoObservation {
  areaCode: string;
  indicatorKey: string;
  year: number;
  /** null exactly when status is secret, missing or not_applicable. */
  value: number | null;
  status: ObservationStatus;
}
