import type { MultiPolygon, Polygon } from 'geojson';
import type { ImportIssue } from './import-error.js';
import type { GeoSource } from './geo/geo-source.js';
import { detectDecimal } from './tabular/numbers.js';
import type { Table } from './tabular/table.js';

/**
 * One input record, whatever the file format: a table row or a geo feature, with its location
 * for error messages and its fields by (lower-cased) name. Adapters read fields through this,
 * so one validation serves CSV, XLSX, GeoJSON and GeoPackage alike.
 */
export interface SourceRecord {
  at: Pick<ImportIssue, 'line' | 'feature' | 'record'>;
  /** Field values: strings from tables, numbers/strings/null from geo attributes. */
  fields: Map<string, unknown>;
  geometry: Polygon | MultiPolygon | null;
}

export interface SourceRecords {
  file: string;
  /** Where the records came from: text tables need a decimal separator decided, others not. */
  format: 'csv' | 'xlsx' | 'geo' | 'json';
  /** CSV delimiter, null otherwise. */
  delimiter: string | null;
  /** Field names as the file spells them, in order. */
  names: string[];
  records: SourceRecord[];
  warnings: string[];
}

export function recordsFromTable(table: Table): SourceRecords {
  const keys = table.header.map((h) => h.toLowerCase());
  return {
    file: table.file,
    format: table.format,
    delimiter: table.delimiter,
    names: table.header,
    records: table.rows.map((row) => ({
      at: { line: row.line },
      fields: new Map(keys.map((k, i) => [k, row.cells[i] ?? ''])),
      geometry: null,
    })),
    warnings: table.warnings,
  };
}

export function recordsFromGeo(source: GeoSource): SourceRecords {
  const names = [...new Set(source.features.flatMap((f) => Object.keys(f.properties)))];
  return {
    file: source.file,
    format: 'geo',
    delimiter: null,
    names,
    records: source.features.map((f) => ({
      at: { feature: f.index },
      fields: new Map(Object.entries(f.properties).map(([k, v]) => [k.toLowerCase(), v])),
      geometry: f.geometry,
    })),
    warnings: source.warnings,
  };
}

/** The first of the candidate names that the file has (case-insensitive), or null. */
export function findField(records: SourceRecords, candidates: readonly string[]): string | null {
  const present = new Set(records.names.map((n) => n.toLowerCase()));
  return candidates.map((c) => c.toLowerCase()).find((c) => present.has(c)) ?? null;
}

/** A field's value as trimmed text; null for absent, null or empty. */
export function text(record: SourceRecord, field: string): string | null {
  const value = record.fields.get(field);
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

/** "line 12", "feature 3" or "record 7": where a record is, for messages. */
export function describeAt(at: SourceRecord['at']): string {
  if (at.line !== undefined) return `line ${at.line}`;
  if (at.feature !== undefined) return `feature ${at.feature}`;
  if (at.record !== undefined) return `record ${at.record}`;
  return 'an earlier record';
}

/**
 * One decimal separator for a whole text file, from every value of its figure columns: a file
 * is written in one locale, so a column of integers like "1.234" in a file with "12,5"
 * elsewhere holds thousands, not decimals. Spreadsheets and JSON carry real numbers.
 * @example fileDecimal(records, ['a_inw', 'p_huurw']) // ','
 */
export function fileDecimal(source: SourceRecords, fields: readonly string[]): '.' | ',' {
  if (source.format !== 'csv') return '.';
  const values: string[] = [];
  for (const record of source.records) {
    for (const field of fields) {
      const v = record.fields.get(field);
      if (typeof v === 'string') values.push(v);
    }
  }
  return detectDecimal(values);
}
