import { migrateToLatest } from '../../db/migrate.js';
import { ensureBuiltInIndicators } from '../../services/catalogue.js';
import { withDatabase } from '../context.js';

export async function migrateCommand(): Promise<number> {
  return withDatabase(async ({ db, location }) => {
    // openDatabase migrated already; a second run reports that nothing is pending.
    const { applied } = await migrateToLatest(db);
    const indicators = await ensureBuiltInIndicators(db);
    process.stdout.write(
      `Database ${location} is up to date${applied.length ? ` (applied ${applied.join(', ')})` : ''}; ` +
        `${indicators.size} built-in indicators.\n`,
    );
    return 0;
  });
}
