import { Migrator, type Kysely } from 'kysely';
import { AppError } from '../domain/shared/app-error.js';
import { MIGRATIONS } from './migrations/index.js';
import type { Database } from './tables.js';

export interface MigrationOutcome {
  applied: string[];
}

/** Bring the schema to the newest version; a failed migration rolls back and names itself. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new AppError(
      'internal',
      `Migration ${failed?.migrationName ?? '(unknown)'} failed: ${error instanceof Error ? error.message : String(error)}`,
      undefined,
      error,
    );
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
  };
}
