import { listIndicators } from '../../db/queries/indicator-queries.js';
import { withDatabase } from '../context.js';
import { printJson, printTable } from '../output.js';

export async function indicatorsListCommand(options: { json?: boolean }): Promise<number> {
  return withDatabase(async ({ db }) => {
    const indicators = await listIndicators(db);
    if (options.json) {
      printJson({ indicators });
      return 0;
    }
    printTable(
      ['key', 'name', 'unit', 'direction', 'source'],
      indicators.map((i) => [i.key, i.nameNl, i.unit, i.direction, i.source]),
    );
    return 0;
  });
}
