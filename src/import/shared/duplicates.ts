import type { IssueCollector } from '../import-error.js';
import { describeAt, type SourceRecord } from '../records.js';

/**
 * Remembers where each key was first seen and reports a second occurrence in one format for
 * every adapter: "X appears twice (first on line 3)".
 */
export class DuplicateCheck {
  private readonly seen = new Map<string, SourceRecord['at']>();

  constructor(
    private readonly file: string,
    private readonly issues: IssueCollector,
    private readonly expected: string,
  ) {}

  /** True when the key is new; otherwise adds an issue at `record` and returns false. */
  first(key: string, label: string, record: Pick<SourceRecord, 'at'>, column?: string): boolean {
    const earlier = this.seen.get(key);
    if (earlier) {
      this.issues.add({
        file: this.file,
        ...record.at,
        ...(column ? { column } : {}),
        message: `${label} appears twice (first on ${describeAt(earlier)})`,
        expected: this.expected,
      });
      return false;
    }
    this.seen.set(key, record.at);
    return true;
  }
}
