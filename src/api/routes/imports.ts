import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { dataViewOf, requireWholeArea } from '../../domain/access/policy.js';
import { AppError } from '../../domain/shared/app-error.js';
import { AREA_LEVELS } from '../../domain/shared/area-code.js';
import { findIndicatorIds } from '../../db/queries/indicator-queries.js';
import { adapterFor } from '../../import/adapters.js';
import { IMPORT_KINDS, type ImportOptions } from '../../import/import-plan.js';
import { inputFile } from '../../import/input-file.js';
import { runImport } from '../../import/pipeline.js';
import { auditContext, guardedRoute, principal } from '../access.js';
import type { ApiDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { errorBody } from '../errors.js';
import { ErrorSchema, YearSchema } from '../schemas.js';

// The national Leefbaarometer GeoJSON is 14 MB; a national GeoPackage with full detail more.
const MAX_UPLOAD = 256 * 1024 * 1024;

const SummarySchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    file: z.string(),
    status: z.enum(['imported', 'dry_run', 'unchanged']),
    runId: z.number().nullable(),
    boundaryYear: z.number(),
    release: z.string().nullable(),
    rowsRead: z.number(),
    areasCreated: z.number(),
    areasCreatedCodes: z.array(z.string()),
    areasUpdated: z.number(),
    codesNotMatched: z.array(z.string()),
    codesNotMatchedCount: z.number(),
    valuesWritten: z.number(),
    valuesByStatus: z.record(z.string(), z.number()),
    seriesReplaced: z.number(),
    indicatorsCreated: z.array(z.string()),
    messages: z.array(z.object({ level: z.enum(['info', 'warning']), text: z.string() })),
    seconds: z.number(),
  })
  .openapi('ImportSummary');

const booleanField = z
  .enum(['true', 'false', 'on', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === 'on' || v === '1');

const route = guardedRoute('imports:write', {
  method: 'post',
  path: '/api/imports',
  tags: ['Imports'],
  summary: 'Import a file: the same importers as `buurtbalans import`',
  description:
    'The whole file is validated first; on any problem nothing is written and the response (422, code import_invalid) lists every problem with file, line or feature, column and what was expected. The same file twice (sha256) changes nothing unless force is set.',
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            kind: z.enum(IMPORT_KINDS),
            file: z.any().openapi({
              type: 'string',
              format: 'binary',
              description: 'CSV, XLSX, GeoJSON, GeoPackage or OData JSON',
            }),
            year: YearSchema.optional(),
            level: z.enum(AREA_LEVELS).optional(),
            release: z.string().max(64).optional(),
            layer: z.string().max(128).optional(),
            codeField: z.string().max(128).optional(),
            nameField: z.string().max(128).optional(),
            mapping: z
              .string()
              .max(100_000)
              .optional()
              .openapi({ description: 'table imports: the mapping as JSON text' }),
            dryRun: booleanField,
            force: booleanField,
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'What the import did (or would do, for a dry run)',
      content: { 'application/json': { schema: SummarySchema } },
    },
    400: {
      description: 'Invalid request',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    409: {
      description: 'The import would mix Leefbaarometer releases',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    413: {
      description: 'File larger than 256 MB',
      content: { 'application/json': { schema: ErrorSchema } },
    },
    422: {
      description: 'The file is invalid; nothing was written',
      content: { 'application/json': { schema: ErrorSchema } },
    },
  },
});

export function importRoutes({ db }: ApiDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(
    '/api/imports',
    bodyLimit({
      maxSize: MAX_UPLOAD,
      onError: (c) =>
        c.json(errorBody(new AppError('bad_request', 'File larger than 256 MB')), 413),
    }),
  );
  return app.openapi(route, async (c) => {
    const form = c.req.valid('form');
    // A complex list or a year's ledger replaces records anywhere in the working area.
    if (form.kind === 'complexes' || form.kind === 'spending')
      requireWholeArea(dataViewOf(principal(c)), `A ${form.kind} file`);
    const file = form.file as unknown;
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError('validation_failed', 'file: choose a non-empty file to import', {
        field: 'file',
      });
    }
    let mapping: unknown;
    if (form.mapping) {
      try {
        mapping = JSON.parse(form.mapping);
      } catch (error) {
        throw new AppError(
          'validation_failed',
          `mapping: not valid JSON (${(error as Error).message})`,
          { field: 'mapping' },
        );
      }
    }
    if (form.kind === 'table' && mapping === undefined) {
      throw new AppError('validation_failed', 'mapping: a table import needs a mapping', {
        field: 'mapping',
      });
    }
    const options: ImportOptions = {
      ...(form.year !== undefined ? { year: form.year } : {}),
      ...(form.level ? { level: form.level } : {}),
      ...(form.release ? { release: form.release } : {}),
      ...(form.layer ? { layer: form.layer } : {}),
      ...(form.codeField ? { codeField: form.codeField } : {}),
      ...(form.nameField ? { nameField: form.nameField } : {}),
      ...(mapping !== undefined ? { mapping } : {}),
      dryRun: form.dryRun,
      force: form.force,
    };
    // Only the base name: a path in an uploaded file name never reaches messages or the log.
    const name = file.name.split(/[\\/]/).pop() || 'upload';
    const known = new Set((await findIndicatorIds(db)).keys());
    const summary = await runImport(
      db,
      adapterFor(form.kind, known),
      inputFile(name, new Uint8Array(await file.arrayBuffer())),
      options,
      () => {},
      auditContext(c),
    );
    return c.json(summary, 200);
  });
}
