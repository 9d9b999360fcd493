import { AppError } from '../../domain/shared/app-error.js';
import { createOrganisation, listOrganisations } from '../../services/organisations.js';
import { cliAuditContext, withDatabase } from '../context.js';
import { printJson, printTable } from '../output.js';

export async function organisationsListCommand(flags: { json?: boolean }): Promise<number> {
  return withDatabase(async ({ db }) => {
    const organisations = await listOrganisations(db);
    if (flags.json) {
      printJson({ organisations });
      return 0;
    }
    printTable(
      ['key', 'name', 'kind', 'working area'],
      organisations.map((o) => [o.key, o.name, o.kind, o.workingArea.join(',')]),
    );
    return 0;
  });
}

export async function organisationsAddCommand(flags: {
  key?: string;
  name?: string;
  kind?: string;
  'working-area'?: string;
}): Promise<number> {
  const missing = (['key', 'name', 'kind'] as const).filter((f) => !flags[f]);
  if (missing.length > 0)
    throw new AppError(
      'bad_request',
      `organisations add needs ${missing.map((m) => `--${m}`).join(', ')}; run buurtbalans organisations --help`,
    );
  return withDatabase(async ({ db }) => {
    await createOrganisation(db, cliAuditContext(), {
      key: flags.key!,
      name: flags.name!,
      kind: flags.kind!,
      workingArea: (flags['working-area'] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    });
    process.stdout.write(`Organisatie ${flags.key} aangemaakt.\n`);
    return 0;
  });
}
