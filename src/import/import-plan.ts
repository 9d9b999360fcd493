import type { MultiPolygon, Polygon } from 'geojson';
import type { Indicator } from '../domain/indicators/indicator.js';
import type { AreaLevel } from '../domain/shared/area-code.js';
import type { ObservationStatus } from '../domain/shared/observation-status.js';
import type { PlannedComplex } from '../domain/budget/complex-row.js';

export const IMPORT_KINDS = [
  'leefbaarometer',
  'kwb',
  'statline',
  'regions',
  'boundaries',
  'table',
  'complexes',
  'spending',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Options the user gives with a file (CLI flags or the upload form). */
export interface ImportOptions {
  /** Boundary year (and for single-year tables the data year). */
  year?: number;
  level?: AreaLevel;
  /** Release key, e.g. lbm3-2024; derived from the file when absent. */
  release?: string;
  /** GeoPackage layer. */
  layer?: string;
  /** Property or column holding the area code / name (boundary files). */
  codeField?: string;
  nameField?: string;
  /** Column mapping for `table` imports (a JSON file's content). */
  mapping?: unknown;
  dryRun?: boolean;
  /** Import even when this exact file (same sha256) was imported before. */
  force?: boolean;
}

/** An input file with its content and fingerprint. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
  sha256: string;
}

/** An area a file names, as far as the file knows it. */
export interface PlannedArea {
  code: string;
  level: AreaLevel;
  /** null: the file has no name for it (borrowed from another boundary year, or the code). */
  name: string | null;
  parentCode: string | null;
  geometry: Polygon | MultiPolygon | null;
}

export interface PlannedObservation {
  areaCode: string;
  indicatorKey: string;
  year: number;
  value: number | null;
  status: ObservationStatus;
}

export interface ReleaseInfo {
  key: string;
  label: string;
  details: Record<string, unknown>;
}

/**
 * What a file means, independent of the database: produced by an adapter from the file alone,
 * after validation, then written by the pipeline in one transaction.
 */
export interface ImportPlan {
  kind: ImportKind;
  /** Short source name stored with every figure: "leefbaarometer", "cbs", or the table's own. */
  source: string;
  release: ReleaseInfo | null;
  boundaryYear: number;
  rowsRead: number;
  areas: PlannedArea[];
  /** Whether the file's names (and geometry) overwrite what is stored for existing areas. */
  areasAuthoritative: boolean;
  /** Indicators that must exist (created or updated from the file's mapping). */
  indicators: Indicator[];
  observations: PlannedObservation[];
  /**
   * Series this file replaces as a whole: every figure of these indicators at this level that
   * belongs to another release is deleted (the Leefbaarometer never mixes releases).
   */
  replaceSeries: { indicatorKeys: string[]; level: AreaLevel } | null;
  messages: Array<{ level: 'info' | 'warning'; text: string }>;
  /**
   * The corporation's own records (complexes, spending lines) instead of figures: checked
   * against the database (buurten, regions, complexes) inside the import's transaction.
   */
  records?: OwnRecords;
}

/** A row of an own-records file with the line it came from. */
export interface Located<T> {
  line: number;
  row: T;
}

export type OwnRecords =
  | {
      kind: 'complexes';
      /** The boundary year of the buurten to place in; null: the newest with geometry. */
      boundaryYear: number | null;
      /** The file's own names of the buurt and x (or lon) columns, for messages. */
      columns: { buurt: string; x: string };
      rows: Located<PlannedComplex>[];
    }
  | {
      kind: 'spending';
      year: number;
      /** Cells by column name, as read; validated again with the database's lists. */
      rows: Located<ReadonlyMap<string, string>>[];
    };

/** What an import did (or, in a dry run, would do). */
export interface ImportSummary {
  kind: ImportKind;
  file: string;
  status: 'imported' | 'dry_run' | 'unchanged';
  runId: number | null;
  boundaryYear: number;
  release: string | null;
  rowsRead: number;
  areasCreated: number;
  /** Codes of the areas created (first 50): new to this boundary year. */
  areasCreatedCodes: string[];
  areasUpdated: number;
  /** Codes in the file that the boundary year did not hold before (first 50). */
  codesNotMatched: string[];
  codesNotMatchedCount: number;
  valuesWritten: number;
  valuesByStatus: Record<string, number>;
  seriesReplaced: number;
  indicatorsCreated: string[];
  messages: Array<{ level: 'info' | 'warning'; text: string }>;
  seconds: number;
}
