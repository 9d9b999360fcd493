import { describe, expect, test } from 'vitest';
import { formatIssue, ImportFailure, IssueCollector } from './import-error.js';

describe('import issues', () => {
  test('name the file, line and column and what was expected', () => {
    expect(
      formatIssue({
        file: 'kwb.csv',
        line: 12,
        column: 'a_inw',
        message: 'not a number: "veel"',
        expected: 'a number such as 1234 or 12,5',
      }),
    ).toBe(
      `kwb.csv, line 12, column 'a_inw': not a number: "veel" (expected a number such as 1234 or 12,5)`,
    );
    expect(formatIssue({ file: 'b.geojson', feature: 3, message: 'ring not closed' })).toBe(
      'b.geojson, feature 3: ring not closed',
    );
  });

  test('a collector fails once with all issues; the message counts the rest', () => {
    const c = new IssueCollector(2);
    c.add({ file: 'f', line: 2, message: 'a' });
    c.add({ file: 'f', line: 3, message: 'b' });
    c.add({ file: 'f', line: 4, message: 'c' });
    try {
      c.throwIfAny();
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ImportFailure);
      expect((error as ImportFailure).message).toBe('f, line 2: a (and 2 more problems)');
      expect((error as ImportFailure).issues).toHaveLength(2);
      expect((error as ImportFailure).code).toBe('import_invalid');
    }
  });
});
