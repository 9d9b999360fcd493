import type { Kysely, Transaction } from 'kysely';
import { mayView, type DataView } from '../domain/access/policy.js';
import { SPENDING_COLUMNS, validateSpendingRow } from '../domain/budget/spending-row.js';
import type { RowProblem } from '../domain/budget/row-cells.js';
import type {
  SpendingLineView,
  SpendingList,
  SpendingTargetKind,
  SpendingTotal,
} from '../domain/budget/spending-view.js';
import { AppError } from '../domain/shared/app-error.js';
import { listRegions } from '../db/queries/budget-queries.js';
import {
  deleteEnteredSpendingLine,
  findSpendingLine,
  IMPORTED_BY_PREFIX,
  insertSpendingLine,
  listSpendingLines,
  type SpendingLineRow,
} from '../db/queries/spending-queries.js';
import type { Database } from '../db/tables.js';
import { audit, type AuditContext } from './auth/audit.js';
import { bumpDataVersion } from './data-version.js';
import { DEMO_BY } from './demo-budget.js';
import { refreshOwnFigures } from './own-figures.js';
import { loadSpendingTargets } from './spending-targets.js';
import { takeWriteLock } from './write-lock.js';

/**
 * Spending lines (realisatie) one by one: the year's list as a viewer may see it, a line
 * entered by hand, and removing one. A line entered here passes the import's own row check
 * (validateSpendingRow against the same lists, spending-targets.ts) and is stored without an
 * import run, so the next import of its year leaves it in place (deleteImportedSpending removes
 * only lines whose author is `import:<file>`). An imported line cannot be removed here: the
 * next import of the year would bring it back, so the ledger is where it is corrected. Nor can
 * a line of the demo data: it goes with the demo.
 */

export type { SpendingLineView, SpendingList, SpendingTargetKind, SpendingTotal };

/** What a user enters: the spending file's columns under their API names (SPENDING_COLUMNS). */
export interface SpendingEntry {
  year: number;
  date: string;
  region?: string | null;
  buurt?: string | null;
  complex?: string | null;
  line?: string | null;
  category?: string | null;
  amount: string | number;
  description?: string | null;
  prestatieafspraken?: boolean | string | null;
}

const KIND_ORDER: readonly SpendingTargetKind[] = ['region', 'buurt', 'complex', 'line'];

function toView(r: SpendingLineRow): SpendingLineView {
  const imported = r.createdBy.startsWith(IMPORTED_BY_PREFIX);
  return {
    id: r.id,
    date: r.date,
    year: r.year,
    target: { kind: r.target.kind, key: r.target.key, name: r.target.name },
    category: r.category,
    amountCents: r.amountCents,
    description: r.description,
    prestatieafspraken:
      r.coveredByAgreements === null ? 'unknown' : r.coveredByAgreements ? 'yes' : 'no',
    source: imported ? 'import' : r.createdBy === DEMO_BY ? 'demo' : 'entered',
    importFile: imported ? r.createdBy.slice(IMPORTED_BY_PREFIX.length) : null,
    createdBy: r.createdBy,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/**
 * Which lines a view may see, as the realisation shows them (budget-report.ts): lines on its
 * buurten and their complexes, on regions holding one of its buurten; no lines without an area.
 */
async function visibility(db: Kysely<Database> | Transaction<Database>, view: DataView) {
  if (view.scope.all) return () => true;
  const visibleRegions = new Set(
    (await listRegions(db))
      .filter((r) => r.buurtCodes.some((code) => mayView(view.scope, code)))
      .map((r) => r.key),
  );
  return (r: SpendingLineRow) => {
    const t = r.target;
    if (t.kind === 'region') return visibleRegions.has(t.key);
    if (t.kind === 'buurt') return mayView(view.scope, t.key);
    if (t.kind === 'complex') return mayView(view.scope, t.buurtCode);
    return false;
  };
}

/** The year's lines the view may see, by date, with totals per place booked on. */
export async function listSpendingView(
  db: Kysely<Database>,
  view: DataView,
  year: number,
  withAuthors = true,
): Promise<SpendingList> {
  const visible = await visibility(db, view);
  const lines = (await listSpendingLines(db, year))
    .filter(visible)
    .map(toView)
    .map((l) => (withAuthors ? l : { ...l, createdBy: null }));
  const totals = new Map<string, SpendingTotal>();
  for (const line of lines) {
    const id = `${line.target.kind}:${line.target.key}`;
    const total = totals.get(id) ?? { ...line.target, lines: 0, amountCents: 0 };
    total.lines += 1;
    total.amountCents += line.amountCents;
    totals.set(id, total);
  }
  return {
    year,
    lines,
    totals: [...totals.values()].sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name),
    ),
    totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
  };
}

// The validator names a problem's column as the row spells it or by its first alias; the API
// names fields by the keys of SPENDING_COLUMNS, so every alias maps back to its key.
const FIELD_OF_COLUMN = new Map(
  Object.entries(SPENDING_COLUMNS).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias.toLowerCase(), field] as const),
  ),
);
const fieldOf = (problem: RowProblem) =>
  FIELD_OF_COLUMN.get(problem.column.toLowerCase()) ?? problem.column;
const sentence = (p: RowProblem) =>
  `${fieldOf(p)}: ${p.message}${p.expected ? ` (expected ${p.expected})` : ''}`;

/**
 * Stores one line entered by hand, checked by the import's rules against what the user may
 * book on; a problem is a validation error naming the field. Audited; the figures derived from
 * spending and the data version follow in the same transaction.
 */
export async function enterSpending(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  entry: SpendingEntry,
): Promise<SpendingLineView> {
  const { year, ...row } = entry;
  return db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const targets = await loadSpendingTargets(trx, view);
    const result = validateSpendingRow(row, { year, ...targets.options });
    if (!result.ok) {
      const first = result.problems[0]!;
      throw new AppError('validation_failed', sentence(first), {
        field: fieldOf(first),
        issues: result.problems.map((p) => ({ field: fieldOf(p), message: sentence(p) })),
      });
    }
    const createdBy = actor.actor?.email ?? 'unknown';
    const id = await insertSpendingLine(trx, targets.toInput(result.value, year, createdBy));
    const line = toView((await findSpendingLine(trx, id))!);
    await audit(trx, actor, 'budget_changed', `spending ${id}`, {
      change: 'added',
      year,
      date: line.date,
      target: `${line.target.kind} ${line.target.key}`,
      category: line.category,
      amountCents: line.amountCents,
    });
    await refreshOwnFigures(trx);
    await bumpDataVersion(trx);
    return line;
  });
}

/** Removes a line entered by hand; an imported one is a conflict. Audited. */
export async function removeSpending(
  db: Kysely<Database>,
  actor: AuditContext,
  view: DataView,
  id: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await takeWriteLock(trx);
    const found = await findSpendingLine(trx, id);
    const visible = await visibility(trx, view);
    // A line outside the scope is as absent as one that does not exist.
    if (!found || !visible(found))
      throw new AppError('not_found', `No spending line ${id}`, { id });
    const line = toView(found);
    if (line.source === 'import')
      throw new AppError(
        'conflict',
        `Spending line ${id} came from the import of ${line.importFile}; the next import of ${line.year} replaces it, so correct it in the ledger and import the year again`,
        { id, importFile: line.importFile },
      );
    if (line.source === 'demo')
      throw new AppError(
        'conflict',
        `Spending line ${id} is demo data; it goes with the demo (buurtbalans demo --remove)`,
        { id },
      );
    // Seeing a region's line is not enough to remove it: that needs all its buurten in scope,
    // the same rule as entering one (spending-targets.ts).
    if (line.target.kind === 'region' && !view.scope.all) {
      const { regions } = await loadSpendingTargets(trx, view);
      if (!regions.some((r) => r.key === line.target.key))
        throw new AppError(
          'forbidden',
          `Spending line ${id} is booked on region ${line.target.name}, which lies partly outside your areas`,
        );
    }
    if (!(await deleteEnteredSpendingLine(trx, id)))
      throw new AppError('not_found', `No spending line ${id}`, { id });
    await audit(trx, actor, 'budget_changed', `spending ${id}`, {
      change: 'deleted',
      year: line.year,
      date: line.date,
      target: `${line.target.kind} ${line.target.key}`,
      category: line.category,
      amountCents: line.amountCents,
    });
    await refreshOwnFigures(trx);
    await bumpDataVersion(trx);
  });
}
