import type { BBox } from '../geometry/bbox.js';
import type { AreaLevel } from '../shared/area-code.js';

/** An area as the application sees it: a CBS code within one boundary year. */
export interface Area {
  code: string;
  boundaryYear: number;
  level: AreaLevel;
  name: string;
  parentCode: string | null;
  gemeenteCode: string | null;
  /** [west, south, east, north] in WGS84, null without geometry. */
  bbox: BBox | null;
  /** Who created the area: "demo", "cbs", "leefbaarometer", … */
  source: string;
}

/** An area reference small enough for lists and breadcrumbs. */
export interface AreaRef {
  code: string;
  level: AreaLevel;
  name: string;
}
