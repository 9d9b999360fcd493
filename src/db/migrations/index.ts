import type { Migration } from 'kysely';
import * as foundation from './2026-11-21T1200_foundation.js';
import * as sourceRelease from './2026-11-21T1800_source-release.js';
import * as importRunOptions from './2026-11-22T0900_import-run-options.js';
import * as access from './2026-11-23T0900_access.js';
import * as rankings from './2026-11-24T0900_rankings.js';
import * as budget from './2026-11-25T0900_budget.js';
import * as ownFigures from './2026-12-07T0900_own-figures.js';

/**
 * Static list of migrations, in order. A static list (not a folder scan) keeps them visible
 * to bundlers and to review; names are timestamps so order is obvious.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-21T1200_foundation': foundation,
  '2026-11-21T1800_source-release': sourceRelease,
  '2026-11-22T0900_import-run-options': importRunOptions,
  '2026-11-23T0900_access': access,
  '2026-11-24T0900_rankings': rankings,
  '2026-11-25T0900_budget': budget,
  '2026-12-07T0900_own-figures': ownFigures,
};
