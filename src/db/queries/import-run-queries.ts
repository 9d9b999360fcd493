import type { Kysely, Transaction } from 'kysely';
import type { Database, ImportMessage } from '../tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ImportRun {
  id: number;
  kind: string;
  fileName: string | null;
  sha256: string | null;
  rows: number | null;
  status: 'running' | 'succeeded' | 'failed';
  messages: ImportMessage[];
  summary: Record<string, unknown>;
  startedAt: Date;
  finishedAt: Date | null;
}

export async function startImportRun(
  db: Db,
  run: {
    kind: string;
    fileName: string | null;
    sha256: string | null;
    options?: Record<string, unknown>;
  },
): Promise<number> {
  const row = await db
    .insertInto('import_run')
    .values({
      kind: run.kind,
      file_name: run.fileName,
      sha256: run.sha256,
      status: 'running',
      options: JSON.stringify(run.options ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishImportRun(
  db: Db,
  id: number,
  outcome: {
    status: 'succeeded' | 'failed';
    rows: number | null;
    messages: ImportMessage[];
    summary: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .updateTable('import_run')
    .set({
      status: outcome.status,
      rows: outcome.rows,
      messages: JSON.stringify(outcome.messages),
      summary: JSON.stringify(outcome.summary),
      finished_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function listImportRuns(db: Db, limit = 100): Promise<ImportRun[]> {
  const rows = await db
    .selectFrom('import_run')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    sha256: r.sha256,
    rows: r.rows,
    status: r.status as ImportRun['status'],
    messages: r.messages,
    summary: r.summary,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}

export async function countImportRuns(db: Db): Promise<number> {
  const row = await db
    .selectFrom('import_run')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
