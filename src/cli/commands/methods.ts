import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError } from '../../domain/shared/app-error.js';
import type { MethodIssue } from '../../domain/ranking/method.js';
import {
  getMethod,
  listMethods,
  parseMethodRef,
  saveMethod,
} from '../../services/ranking-methods.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { printJson, printTable, ReportedError } from '../output.js';

/** `methods add <file>`: a new method, or a new version of one; the same content adds nothing. */
export async function methodsAddCommand(
  file: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  if (!file) throw new AppError('bad_request', 'methods add needs a JSON file: methods add <file>');
  const json = readMethodFile(file);
  return withDatabase(async ({ db }) => {
    let saved;
    try {
      saved = await saveMethod(db, cliAuditContext(), json);
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') {
        const issues = (error.details?.issues as MethodIssue[] | undefined) ?? [];
        process.stderr.write(`buurtbalans: ${path.basename(file)}: not a valid method\n`);
        for (const issue of issues) process.stderr.write(`  ${issue.field}: ${issue.message}\n`);
        if (issues.length === 0) process.stderr.write(`  ${error.message}\n`);
        throw new ReportedError(error);
      }
      throw error;
    }
    const { method, created } = saved;
    if (options.json) printJson({ method: { ...method, createdAt: method.createdAt }, created });
    else
      process.stdout.write(
        created
          ? `Methode ${method.key}@${method.version} opgeslagen (${method.name}).\n`
          : `Methode ${method.key}@${method.version} is al gelijk aan dit bestand; niets toegevoegd.\n`,
      );
    return 0;
  });
}

/** Read and parse a method file; a JSON syntax error names the file, line and column. */
function readMethodFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError(
      'not_found',
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    let where = '';
    if (at) {
      const before = text.replace(/^\uFEFF/, '').slice(0, Number(at[1]));
      const lines = before.split('\n');
      where = ` line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}:`;
    }
    throw new AppError(
      'import_invalid',
      `${path.basename(file)}:${where} not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')}); expected a method object such as {"key": …, "universe": …, "indicators": […]}`,
      { file },
    );
  }
}

export async function methodsListCommand(options: { json?: boolean }): Promise<number> {
  return withDatabase(async ({ db }) => {
    const methods = await listMethods(db);
    if (options.json) {
      printJson({
        methods: methods.map(({ definition: _definition, fingerprint: _f, ...m }) => m),
      });
      return 0;
    }
    printTable(
      ['method', 'version', 'name', 'rankings', 'built-in', 'created by', 'created'],
      methods.map((m) => [
        m.key,
        m.version,
        m.name,
        m.rankings,
        m.builtIn ? 'yes' : 'no',
        m.createdBy,
        m.createdAt.toISOString().slice(0, 16).replace('T', ' '),
      ]),
    );
    return 0;
  });
}

/** `methods show <key>[@version]`: the full definition as JSON (what `methods add` reads). */
export async function methodsShowCommand(
  ref: string | undefined,
  options: { json?: boolean },
): Promise<number> {
  if (!ref)
    throw new AppError('bad_request', 'methods show needs a method: methods show <key>[@version]');
  return withDatabase(async ({ db }) => {
    const method = await getMethod(db, parseMethodRef(ref));
    if (options.json) {
      printJson({ method });
      return 0;
    }
    process.stdout.write(
      `# ${method.key}@${method.version} — ${method.name}` +
        `${method.builtIn ? ' (meegeleverd)' : ''}, ${method.rankings} rangorde(s)\n`,
    );
    printJson(method.definition);
    return 0;
  });
}
