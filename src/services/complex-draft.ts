import { validateComplexRow, type PlannedComplex } from '../domain/budget/complex-row.js';
import { rdPointToWgs84 } from '../domain/geometry/rd-new.js';
import { AppError } from '../domain/shared/app-error.js';

/**
 * One complex as the API and the web form send it (`POST`/`PUT /api/stock/complexes`). Every
 * field may be text or a number, as a form has it: the import's row validator decides what is
 * valid, so a typed "abc" gets the same message a file cell would.
 */
export interface ComplexDraft {
  complexId?: string | null;
  name?: string | null;
  address?: string | null;
  postcode?: string | null;
  houseNumber?: string | number | null;
  /** RD New x or WGS84 longitude; the values decide which (as in the import). */
  x?: string | number | null;
  /** RD New y or WGS84 latitude. */
  y?: string | number | null;
  buurtCode?: string | null;
  units?: string | number | null;
  daebUnits?: string | number | null;
  yearBuilt?: string | number | null;
}

export type DraftField = keyof ComplexDraft;

/** A problem with one field of a draft; `field` is the API's name for it. */
export interface FieldIssue {
  field: DraftField;
  message: string;
  expected?: string;
}

// Each API field is handed to the validator under the import's first column alias, so its
// problems (which name the column) map back to the field.
const COLUMN_OF: Record<DraftField, string> = {
  complexId: 'complex_id',
  name: 'naam',
  address: 'adres',
  postcode: 'postcode',
  houseNumber: 'huisnummer',
  x: 'x',
  y: 'y',
  buurtCode: 'buurtcode',
  units: 'woningen',
  daebUnits: 'daeb',
  yearBuilt: 'bouwjaar',
};
const FIELD_OF = new Map(
  Object.entries(COLUMN_OF).map(([field, column]) => [column, field as DraftField]),
);

/** A 400 naming every field with a problem; `details.field` is the first (for the form focus). */
export function invalidDraft(issues: readonly FieldIssue[]): AppError {
  return new AppError(
    'validation_failed',
    issues.map((i) => `${i.field}: ${i.message}`).join('; '),
    { field: issues[0]?.field ?? null, issues },
  );
}

/**
 * The import's rules for one complex (validateComplexRow), plus the import's "must be
 * placeable" rule: a buurt code or coordinates, since addresses are not geocoded. RD New
 * coordinates become a WGS84 point. Throws validation_failed with every field's problem.
 */
export function checkComplexDraft(draft: ComplexDraft, currentYear: number): PlannedComplex {
  const row = Object.fromEntries(
    Object.entries(COLUMN_OF).map(([field, column]) => [column, draft[field as DraftField]]),
  );
  const result = validateComplexRow(row, { currentYear });
  if (!result.ok)
    throw invalidDraft(
      result.problems.map((p) => ({
        field: FIELD_OF.get(p.column) ?? 'complexId',
        message: p.message,
        ...(p.expected !== undefined ? { expected: p.expected } : {}),
      })),
    );
  const value = result.value;
  const c = value.coordinates;
  const point: [number, number] | null =
    c === null ? null : c.system === 'wgs84' ? [c.lon, c.lat] : rdPointToWgs84(c.x, c.y);
  if (value.buurtCode === null && point === null)
    throw invalidDraft([
      {
        field: 'buurtCode',
        message: `complex ${value.corporationId} cannot be placed: no buurt code and no coordinates (addresses are not geocoded)`,
        expected: 'a buurt code, or coordinates (x/y in RD New or lon/lat in WGS84)',
      },
    ]);
  return { ...value, point };
}
