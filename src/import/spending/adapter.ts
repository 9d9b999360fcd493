import type { Transaction } from 'kysely';
import { AppError } from '../../domain/shared/app-error.js';
import { deleteImportedSpending, insertSpending } from '../../db/queries/budget-queries.js';
import { IMPORTED_BY_PREFIX } from '../../db/queries/spending-queries.js';
import type { Database } from '../../db/tables.js';
import { loadSpendingTargets } from '../../services/spending-targets.js';
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
  const targets = await loadSpendingTargets(trx);
  const issues = new IssueCollector();
  const valid = checkSpendingRows(
    file.name,
    records.rows,
    { year: records.year, ...targets.options },
    issues,
  );
  issues.throwIfAny();
  const replaced = await deleteImportedSpending(trx, records.year);
  const written = await insertSpending(
    trx,
    valid.map(({ row }) => targets.toInput(row, records.year, `${IMPORTED_BY_PREFIX}${file.name}`)),
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
