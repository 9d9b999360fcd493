import { IssueCollector } from '../import-error.js';
import type { ImportOptions } from '../import-plan.js';
import { yearFromFileName } from '../input-file.js';

/**
 * The year a file is for: --year, else the year in its name (kwb-2023.csv), else a fallback the
 * format knows (a StatLine table id). A file that says nothing is an error, never a guess.
 * @example yearOf({}, 'buurt_2024.gpkg', null) // 2024
 */
export function yearOf(
  options: ImportOptions,
  fileName: string,
  fallback: number | null,
  what = 'the boundary year',
): number {
  const year = options.year ?? yearFromFileName(fileName) ?? fallback;
  if (year === null) {
    const issues = new IssueCollector();
    issues.add({
      file: fileName,
      message: `the file does not say which year it is for`,
      expected: `${what}: give it as the year (--year on the command line), or put it in the file name as in buurt_2024.gpkg`,
    });
    issues.throwIfAny();
  }
  return year!;
}
