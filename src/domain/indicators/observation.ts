import type { SuppressionReason } from '../privacy/disclosure-rules.js';
import type { FigureStatus } from '../shared/observation-status.js';

/** One figure of one area for one year, with where it came from. */
export interface Observation {
  year: number;
  /** null exactly when status is secret, missing, not_applicable or suppressed: never 0. */
  value: number | null;
  status: FigureStatus;
  /** Why a figure is hidden from a restricted viewer (status suppressed); null otherwise. */
  suppression: SuppressionReason | null;
  source: string;
  sourceRelease: string | null;
}

/** All figures of one indicator for one area, oldest year first. */
export interface Series {
  indicatorKey: string;
  points: Observation[];
}
