import type { ObservationStatus } from '../shared/observation-status.js';

/** One figure of one area for one year, with where it came from. */
export interface Observation {
  year: number;
  /** null exactly when status is secret, missing or not_applicable: never 0 in its place. */
  value: number | null;
  status: ObservationStatus;
  source: string;
  sourceRelease: string | null;
}

/** All figures of one indicator for one area, oldest year first. */
export interface Series {
  indicatorKey: string;
  points: Observation[];
}
