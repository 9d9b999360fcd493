import type { Transaction } from 'kysely';
import { boxOfPoints, placeComplexes } from '../../domain/budget/place-complexes.js';
import { rdPointToWgs84 } from '../../domain/geometry/rd-new.js';
import { AppError } from '../../domain/shared/app-error.js';
import {
  findBuurtGeometriesInBox,
  findExistingBuurtCodes,
  findLatestBuurtGeometryYear,
  upsertComplexes,
} from '../../db/queries/stock-queries.js';
import type { Database } from '../../db/tables.js';
import { ImportFailure } from '../import-error.js';
import type { ImportPlan, InputFile } from '../import-plan.js';
import type { ImportAdapter } from '../pipeline.js';
import { recordsFromTable } from '../records.js';
import { readTable } from '../tabular/read-table.js';
import { placementIssue, planComplexes } from './map-rows.js';

/**
 * The corporation's complex list (CSV or XLSX). `--year` is the boundary year of the buurten to
 * place the complexes in (default: the newest with stored boundaries).
 */
export const complexesAdapter: ImportAdapter = {
  kind: 'complexes',
  async parse(file, options) {
    return planComplexes(recordsFromTable(await readTable(file.name, file.bytes)), {
      currentYear: new Date().getFullYear(),
      boundaryYear: options.year ?? null,
      toWgs84: rdPointToWgs84,
    });
  },
};

/**
 * Inside the import's transaction: places every complex in a buurt (its code, or its point on
 * the stored boundaries), fails with every row problem, or inserts new complexes and updates
 * known ones (by complex id). Complexes not in the file stay.
 */
export async function writeComplexes(
  trx: Transaction<Database>,
  plan: ImportPlan,
  file: InputFile,
  runId: number | null,
): Promise<{ boundaryYear: number; written: number; messages: ImportPlan['messages'] }> {
  const records = plan.records;
  if (records?.kind !== 'complexes') throw new AppError('internal', 'not a complex plan');
  const boundaryYear = records.boundaryYear ?? (await findLatestBuurtGeometryYear(trx));
  if (boundaryYear === null) {
    throw new ImportFailure([
      {
        file: file.name,
        message: 'there are no buurten with boundaries to place the complexes in',
        expected: 'the CBS region list and buurt boundaries imported first',
      },
    ]);
  }
  const codes = [
    ...new Set(records.rows.flatMap((r) => (r.row.buurtCode ? [r.row.buurtCode] : []))),
  ];
  const knownCodes = await findExistingBuurtCodes(trx, boundaryYear, codes);
  const box = boxOfPoints(
    records.rows.flatMap((r) => (r.row.buurtCode === null && r.row.point ? [r.row.point] : [])),
  );
  const shapes = box ? await findBuurtGeometriesInBox(trx, boundaryYear, box) : [];
  const { placed, problems } = placeComplexes(
    records.rows.map((r) => r.row),
    { knownCodes, shapes, boundaryYear },
  );
  const issues = problems.map((p) => placementIssue(file.name, records, p));
  if (issues.length > 0) throw new ImportFailure(issues.slice(0, 50), issues.length);
  const { created, updated } = await upsertComplexes(
    trx,
    placed.map(({ row, buurtCode, by }) => ({
      corporationId: row.corporationId,
      name: row.name,
      address: row.address,
      postcode: row.postcode,
      houseNumber: row.houseNumber,
      houseNumberAddition: row.houseNumberAddition,
      lon: row.point?.[0] ?? null,
      lat: row.point?.[1] ?? null,
      buurtCode,
      boundaryYear,
      placedBy: by,
      units: row.units,
      daebUnits: row.daebUnits,
      yearBuilt: row.yearBuilt,
    })),
    runId,
  );
  const byPoint = placed.filter((p) => p.by === 'point').length;
  return {
    boundaryYear,
    written: created + updated,
    messages: [
      {
        level: 'info',
        text: `${created} complexes added, ${updated} updated; ${byPoint} placed in a buurt by their coordinates (boundary year ${boundaryYear}).`,
      },
    ],
  };
}
