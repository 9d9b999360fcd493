import { levelOfCode, normaliseAreaCode } from '../shared/area-code.js';
import {
  cellOf,
  decimalOf,
  quote,
  wholeNumberOf,
  type RawRow,
  type RowProblem,
  type RowResult,
} from './row-cells.js';

/**
 * Validation of ONE imported row of a corporation's complex list (the corporation's own units
 * of management: "complex 1234, Schalkwijk-Oost, 96 woningen of which 88 DAEB"). Pure: the
 * current year comes in as a parameter, never from the clock, and uniqueness of the complex id
 * across the file is the caller's check (`duplicateComplexIds` below).
 *
 * Rules, and why:
 * - Complex id: required — it is the corporation's key that spending lines refer to. Compared
 *   trimmed and case-insensitively for uniqueness ("c-12" and "C-12" are one complex to a
 *   person, so a file holding both is a mistake).
 * - Name: optional (the id identifies; many lists have no names).
 * - A location is required, in any of three forms, so the complex can be placed in a buurt:
 *   an address text, or a Dutch postcode + house number, or coordinates. Whatever is given is
 *   checked, even when another form would have sufficed.
 * - Postcode: four digits (not starting with 0) and two letters, normalised to "2011 AB";
 *   SA, SD and SS are refused, since PostNL never issues those letter pairs.
 * - House number: a whole number 1–99999 with an optional addition (12, 12A, 12-2, 12 bis).
 * - Coordinates: one pair of columns (x/y, lon/lat and Dutch aliases; the first alias the row
 *   fills wins). The VALUES decide the system, because exports label columns loosely:
 *   RD New (EPSG:28992) when 0 ≤ x ≤ 300000 and 289000 ≤ y ≤ 629000, WGS84 (EPSG:4326) when
 *   3.2 ≤ lon ≤ 7.3 and 50.7 ≤ lat ≤ 53.7 (European Netherlands with its coastal waters). The
 *   ranges cannot overlap (no RD y is below 289000), and a pair that reads as latitude first
 *   is reported as swapped instead of being guessed.
 * - Buurt code: optional; BU + 8 characters (domain.md §9.1), upper-cased.
 * - Dwellings: a whole number ≥ 1; DAEB dwellings a whole number ≥ 0 and not more than the
 *   dwellings ("DAEB > units" is a data error, not a rounding).
 * - Year built: optional; 1500 up to currentYear + 5 (planned new-build is listed ahead).
 */

export interface ComplexRowOptions {
  /** The current year, from the caller (no clock here). */
  currentYear: number;
}

export type ComplexCoordinates =
  { system: 'wgs84'; lon: number; lat: number } | { system: 'rd'; x: number; y: number };

export interface ComplexRow {
  corporationId: string;
  name: string | null;
  address: string | null;
  /** "2011 AB". */
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
  coordinates: ComplexCoordinates | null;
  buurtCode: string | null;
  units: number;
  daebUnits: number;
  yearBuilt: number | null;
}

/** A complex row with its WGS84 point (RD New reprojected), when the row gave coordinates. */
export interface PlannedComplex extends ComplexRow {
  point: [number, number] | null;
}

export const COMPLEX_COLUMNS = {
  id: ['complex_id', 'complexnummer', 'complexnr', 'complex', 'id'],
  name: ['naam', 'name', 'complexnaam'],
  address: ['adres', 'address'],
  postcode: ['postcode', 'postal_code', 'zip'],
  houseNumber: ['huisnummer', 'house_number', 'huisnr'],
  x: ['x', 'rd_x', 'x_rd', 'lon', 'lng', 'longitude', 'lengtegraad'],
  y: ['y', 'rd_y', 'y_rd', 'lat', 'latitude', 'breedtegraad'],
  buurtCode: ['buurtcode', 'buurt_code', 'bu_code', 'buurt'],
  units: ['woningen', 'units', 'aantal_woningen', 'vhe'],
  daebUnits: ['daeb', 'woningen_daeb', 'daeb_units', 'daeb_woningen'],
  yearBuilt: ['bouwjaar', 'year_built'],
} as const;

export const RD_BOUNDS = { xMin: 0, xMax: 300_000, yMin: 289_000, yMax: 629_000 } as const;
export const WGS84_NL_BOUNDS = { lonMin: 3.2, lonMax: 7.3, latMin: 50.7, latMax: 53.7 } as const;
export const EARLIEST_YEAR_BUILT = 1500;

const POSTCODE = /^([1-9]\d{3})\s?([A-Z]{2})$/;
const HOUSE_NUMBER = /^(\d{1,5})(?:\s*[-/]?\s*([A-Z0-9]{1,6}|bis))?$/i;

/**
 * Checks one complex row.
 * @example validateComplexRow({ complex_id: 'C-12', adres: 'Lange Herenstraat 1', woningen: '10', daeb: '8' }, { currentYear: 2025 })
 * // { ok: true, value: { corporationId: 'C-12', …, units: 10, daebUnits: 8 }, warnings: [] }
 */
export function validateComplexRow(row: RawRow, options: ComplexRowOptions): RowResult<ComplexRow> {
  const problems: RowProblem[] = [];
  const cells = {
    id: cellOf(row, COMPLEX_COLUMNS.id),
    name: cellOf(row, COMPLEX_COLUMNS.name),
    address: cellOf(row, COMPLEX_COLUMNS.address),
    postcode: cellOf(row, COMPLEX_COLUMNS.postcode),
    houseNumber: cellOf(row, COMPLEX_COLUMNS.houseNumber),
    x: cellOf(row, COMPLEX_COLUMNS.x),
    y: cellOf(row, COMPLEX_COLUMNS.y),
    buurtCode: cellOf(row, COMPLEX_COLUMNS.buurtCode),
    units: cellOf(row, COMPLEX_COLUMNS.units),
    daebUnits: cellOf(row, COMPLEX_COLUMNS.daebUnits),
    yearBuilt: cellOf(row, COMPLEX_COLUMNS.yearBuilt),
  };

  const corporationId = cells.id.text;
  if (corporationId === null) {
    problems.push({
      column: cells.id.column,
      message: 'empty complex id',
      expected: "the corporation's own complex number, unique in the file",
    });
  }

  let postcode: string | null = null;
  if (cells.postcode.text !== null) {
    postcode = normalisePostcode(cells.postcode.text);
    if (postcode === null) {
      problems.push({
        column: cells.postcode.column,
        message: `${quote(cells.postcode.text)} is not a Dutch postcode`,
        expected: 'four digits and two letters, such as 2011 AB',
      });
    }
  }
  let houseNumber: number | null = null;
  let houseNumberAddition: string | null = null;
  if (cells.houseNumber.text !== null) {
    const match = HOUSE_NUMBER.exec(cells.houseNumber.text);
    const number = match ? Number(match[1]) : 0;
    if (!match || number < 1) {
      problems.push({
        column: cells.houseNumber.column,
        message: `${quote(cells.houseNumber.text)} is not a house number`,
        expected: 'a house number such as 12, 12A or 12-2',
      });
    } else {
      houseNumber = number;
      houseNumberAddition = match[2]?.toUpperCase() ?? null;
    }
  }

  const coordinates = readCoordinates(cells.x, cells.y, problems);

  const address = cells.address.text;
  const hasPostalAddress = postcode !== null && houseNumber !== null;
  const located = address !== null || hasPostalAddress || coordinates !== null;
  const locationFailed = problems.some((p) =>
    [cells.postcode.column, cells.houseNumber.column, cells.x.column, cells.y.column].includes(
      p.column,
    ),
  );
  if (!located && !locationFailed) {
    const half =
      cells.postcode.text !== null
        ? ' (a postcode without a house number)'
        : cells.houseNumber.text !== null
          ? ' (a house number without a postcode)'
          : '';
    problems.push({
      column: cells.address.column,
      message: `no location${half}`,
      expected: 'an address, or a postcode and house number, or coordinates (x/y or lon/lat)',
    });
  }

  let buurtCode: string | null = null;
  if (cells.buurtCode.text !== null) {
    const code = normaliseAreaCode(cells.buurtCode.text);
    if (levelOfCode(code) !== 'buurt') {
      problems.push({
        column: cells.buurtCode.column,
        message: `${quote(cells.buurtCode.text)} is not a buurt code`,
        expected: 'BU + 8 characters, such as BU03920101',
      });
    } else buurtCode = code;
  }

  const units = wholeNumberOf(cells.units);
  if (units === null || units < 1) {
    problems.push({
      column: cells.units.column,
      message:
        cells.units.text === null
          ? 'empty number of dwellings'
          : `${quote(cells.units.text)} is not a number of dwellings`,
      expected: 'a whole number ≥ 1',
    });
  }
  const daebUnits = wholeNumberOf(cells.daebUnits);
  // A number cell (XLSX, JSON) can be negative; text with a minus never reads as a number.
  if (daebUnits === null || daebUnits < 0) {
    problems.push({
      column: cells.daebUnits.column,
      message:
        cells.daebUnits.text === null
          ? 'empty number of DAEB dwellings'
          : `${quote(cells.daebUnits.text)} is not a number of DAEB dwellings`,
      expected: 'a whole number ≥ 0',
    });
  } else if (units !== null && units >= 1 && daebUnits > units) {
    problems.push({
      column: cells.daebUnits.column,
      message: `DAEB > units: ${daebUnits} DAEB dwellings in a complex of ${units}`,
      expected: `at most ${units} DAEB dwellings`,
    });
  }

  let yearBuilt: number | null = null;
  if (cells.yearBuilt.text !== null) {
    const latest = options.currentYear + 5;
    const year = wholeNumberOf(cells.yearBuilt);
    if (year === null || year < EARLIEST_YEAR_BUILT || year > latest) {
      problems.push({
        column: cells.yearBuilt.column,
        message: `${quote(cells.yearBuilt.text)} is not a year of construction`,
        expected: `a year from ${EARLIEST_YEAR_BUILT} to ${latest}`,
      });
    } else yearBuilt = year;
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      corporationId: corporationId!,
      name: cells.name.text,
      address,
      postcode,
      houseNumber,
      houseNumberAddition,
      coordinates,
      buurtCode,
      units: units!,
      daebUnits: daebUnits!,
      yearBuilt,
    },
    warnings: [],
  };
}

/**
 * A Dutch postcode as "1234 AB", or null.
 * @example normalisePostcode('2011ab') // '2011 AB'
 */
export function normalisePostcode(text: string): string | null {
  const match = POSTCODE.exec(text.trim().toUpperCase());
  if (!match) return null;
  if (['SA', 'SD', 'SS'].includes(match[2]!)) return null;
  return `${match[1]} ${match[2]}`;
}

/** The form a complex id is compared in for uniqueness: trimmed, upper-case. */
export function normaliseComplexId(id: string): string {
  return id.trim().toUpperCase();
}

/**
 * Complex ids that occur more than once, with the 0-based positions of every occurrence, in
 * order of first occurrence. The caller maps positions to lines.
 * @example duplicateComplexIds(['A', 'b', 'a']) // [{ id: 'A', indices: [0, 2] }]
 */
export function duplicateComplexIds(ids: readonly string[]): { id: string; indices: number[] }[] {
  const seen = new Map<string, { id: string; indices: number[] }>();
  ids.forEach((id, i) => {
    const key = normaliseComplexId(id);
    const entry = seen.get(key);
    if (entry) entry.indices.push(i);
    else seen.set(key, { id: id.trim(), indices: [i] });
  });
  return [...seen.values()].filter((entry) => entry.indices.length > 1);
}

/**
 * Which system a coordinate pair is in, from the values alone; null when neither fits.
 * @example coordinateSystemOf(121000, 487000) // 'rd'
 * @example coordinateSystemOf(4.9, 52.37) // 'wgs84'
 */
export function coordinateSystemOf(first: number, second: number): 'rd' | 'wgs84' | null {
  if (
    first >= RD_BOUNDS.xMin &&
    first <= RD_BOUNDS.xMax &&
    second >= RD_BOUNDS.yMin &&
    second <= RD_BOUNDS.yMax
  ) {
    return 'rd';
  }
  if (
    first >= WGS84_NL_BOUNDS.lonMin &&
    first <= WGS84_NL_BOUNDS.lonMax &&
    second >= WGS84_NL_BOUNDS.latMin &&
    second <= WGS84_NL_BOUNDS.latMax
  ) {
    return 'wgs84';
  }
  return null;
}

function readCoordinates(
  xCell: ReturnType<typeof cellOf>,
  yCell: ReturnType<typeof cellOf>,
  problems: RowProblem[],
): ComplexCoordinates | null {
  if (xCell.text === null && yCell.text === null) return null;
  const expected =
    'RD New x 0–300000 and y 289000–629000, or WGS84 longitude 3.2–7.3 and latitude 50.7–53.7';
  if (xCell.text === null || yCell.text === null) {
    const missing = xCell.text === null ? xCell : yCell;
    problems.push({
      column: missing.column,
      message: 'only one of the two coordinates is filled in',
      expected: 'both coordinates, or neither',
    });
    return null;
  }
  const x = decimalOf(xCell);
  const y = decimalOf(yCell);
  if (x === null || y === null) {
    const bad = x === null ? xCell : yCell;
    problems.push({
      column: bad.column,
      message: `${quote(bad.text!)} is not a coordinate`,
      expected: 'a number such as 121000 or 52.37',
    });
    return null;
  }
  const system = coordinateSystemOf(x, y);
  if (system === 'rd') return { system, x, y };
  if (system === 'wgs84') return { system, lon: x, lat: y };
  const swapped = coordinateSystemOf(y, x) === 'wgs84';
  problems.push({
    column: xCell.column,
    message: swapped
      ? `${x}, ${y} looks like latitude, longitude: the coordinates seem swapped`
      : `${x}, ${y} is not a location in the Netherlands`,
    expected: swapped
      ? `longitude first (${xCell.column} = ${y}, ${yCell.column} = ${x})`
      : expected,
  });
  return null;
}
