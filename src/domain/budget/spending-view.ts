/**
 * The year's spending lines as the API returns them (services/spending.ts, GET
 * /api/budget/spending) and the web app reads them.
 */

/** What a line is booked on. */
export type SpendingTargetKind = 'region' | 'buurt' | 'complex' | 'line';

/** One spending line as a viewer sees it. */
export interface SpendingLineView {
  id: number;
  /** yyyy-mm-dd. */
  date: string;
  year: number;
  /** key: the region or line key, the buurt code or the complex id. */
  target: { kind: SpendingTargetKind; key: string; name: string };
  category: string;
  /** Negative: a correction. */
  amountCents: number;
  description: string | null;
  /** Covered by the prestatieafspraken. */
  prestatieafspraken: 'yes' | 'no' | 'unknown';
  /** From an import of the ledger, the demo data, or entered by hand (only these can go). */
  source: 'import' | 'demo' | 'entered';
  /** The file of the import that wrote the line; null otherwise. */
  importFile: string | null;
  /** Who entered or imported it; null for readers who may not change budgets. */
  createdBy: string | null;
  createdAt: string;
}

export interface SpendingTotal {
  kind: SpendingTargetKind;
  key: string;
  name: string;
  lines: number;
  amountCents: number;
}

export interface SpendingList {
  year: number;
  lines: SpendingLineView[];
  /** Per place booked on, in the order regions, buurten, complexes, lines; then by name. */
  totals: SpendingTotal[];
  totalCents: number;
}
