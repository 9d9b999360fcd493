import type { Transaction } from 'kysely';
import { AppError } from '../../domain/shared/app-error.js';
import {
  deleteImportedSpending,
  insertSpending,
  listLines,
  listRegions,
} from '../../db/queries/budget-queries.js';
import { listComplexes } from '../../db/queries/stock-queries.js';
import type { Database } from '../../db/tables.js';
import { IssueCollector } from '../import-error.js';
import type { ImportPlan, InputFile } from '../import-plan.js';
import type { ImportAdapter } from '../pipeline.js';
import { recordsFromTable } from '../records.js';
import { yearOf } from '../shared/year.js';
import { readTable } from '../tabular/read-table.js';
import { checkSpendingRows, planSpending } from './map-rows.js';

/** Spending lines of one budget year (`--year`, or the year in the file name). */
export const spendingAdapter: ImportAdapter = {
  kind: 'spending',
  async parse(file, options) {
    const year = yearOf(options, file.name, null, 'the budget year');
    return planSpending(recordsFromTable(await readTable(file.name, file.bytes)), year);
  },
};

/**
 * Inside the import's transaction: every region, line and complex must exist and every buurt
 * must belong to a budget region; then the year's earlier imported lines are replaced by the
 * file's (lines entered by hand stay).
 */
export async function writeSpending(
  trx: Transaction<Database>,
  plan: ImportPlan,
  file: InputFile,
  runId: number | null,
): Promise<{ boundaryYear: number; written: number; messages: ImportPlan['messages'] }> {
  const records = plan.records;
  if (records?.kind !== 'spending') throw new AppError('internal', 'not a spending plan');
  const regions = await listRegions(trx);
  const lines = await listLines(trx);
  const complexes = await listComplexes(trx);
  const issues = new IssueCollector();
  const valid = checkSpendingRows(
    file.name,
    records.rows,
    {
      year: records.year,
      regions,
      lines,
      complexIds: complexes.map((c) => c.corporationId),
      buurtCodes: regions.flatMap((r) => r.buurtCodes),
    },
    issues,
  );
  issues.throwIfAny();
  const regionId = new Map(regions.map((r) => [r.key, r.id]));
  const lineId = new Map(lines.map((l) => [l.key, l.id]));
  const complexId = new Map(complexes.map((c) => [c.corporationId, c.id]));
  const replaced = await deleteImportedSpending(trx, records.year);
  const written = await insertSpending(
    trx,
    valid.map(({ row }) => ({
      date: row.date,
      year: records.year,
      regionId: row.target.kind === 'region' ? regionId.get(row.target.regionKey)! : null,
      buurtCode: row.target.kind === 'buurt' ? row.target.buurtCode : null,
      complexId: row.target.kind === 'complex' ? complexId.get(row.target.complexId)! : null,
      lineId: row.target.kind === 'line' ? lineId.get(row.target.lineKey)! : null,
      category: row.category,
      amountCents: row.amountCents,
      description: row.description,
      coveredByAgreements: row.coveredByPrestatieafspraken,
      createdBy: `import:${file.name}`,
    })),
    runId,
  );
  const corrections = valid.filter((v) => v.row.correction).length;
  return {
    boundaryYear: records.year,
    written,
    messages: [
      {
        level: 'info',
        text: `${written} spending lines of ${records.year} written${replaced ? `, replacing ${replaced} lines of earlier imports of that year` : ''}${corrections ? `; ${corrections} negative amounts booked as corrections` : ''}.`,
      },
    ],
  };
}
