import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../domain/shared/app-error.js';
import { areasListCommand, areasShowCommand } from './commands/areas.js';
import {
  budgetRealisationCommand,
  budgetReportCommand,
  budgetScenarioCommand,
  budgetSetupCommand,
  budgetStockCommand,
  type BudgetFlags,
} from './commands/budget.js';
import { demoCommand } from './commands/demo.js';
import { fetchOpenDataCommand, type FetchOpenDataFlags } from './commands/fetch-open-data.js';
import { importCommand, type ImportFlags } from './commands/import.js';
import { indicatorsListCommand } from './commands/indicators.js';
import { migrateCommand } from './commands/migrate.js';
import { methodsAddCommand, methodsListCommand, methodsShowCommand } from './commands/methods.js';
import {
  rankCommand,
  rankingsDiffCommand,
  rankingsExportCommand,
  rankingsListCommand,
  rankingsVerifyCommand,
  veerkrachtCommand,
  type RankFlags,
  type VeerkrachtFlags,
} from './commands/rankings.js';
import { organisationsAddCommand, organisationsListCommand } from './commands/organisations.js';
import {
  usersAddCommand,
  usersListCommand,
  usersResetPasswordCommand,
  usersSetDisabledCommand,
  type UserFlags,
} from './commands/users.js';
import { serveCommand } from './commands/serve.js';
import { valuesCommand } from './commands/values.js';
import { EXIT, reportError } from './output.js';
import { HELP, OVERVIEW } from './usage.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON: Options = { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } };

/** Parse one command's arguments; unknown flags are usage errors naming the flag. */
function parse(args: string[], options: Options) {
  try {
    return parseArgs({
      args,
      options: { ...COMMON, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new AppError('bad_request', error instanceof Error ? error.message : String(error));
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${OVERVIEW}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const help = HELP[command];
  if (!help)
    throw new AppError('bad_request', `Unknown command "${command}"; run buurtbalans --help`);
  const yearOpt: Options = { 'boundary-year': { type: 'string' } };
  switch (command) {
    case 'serve': {
      const { values } = parse(rest, { port: { type: 'string' }, host: { type: 'string' } });
      if (values.help) return printHelp(help);
      return serveCommand(values as { port?: string; host?: string });
    }
    case 'migrate': {
      const { values } = parse(rest, {});
      if (values.help) return printHelp(help);
      return migrateCommand();
    }
    case 'demo': {
      const { values } = parse(rest, { remove: { type: 'boolean' } });
      if (values.help) return printHelp(help);
      return demoCommand(values as { remove?: boolean; json?: boolean });
    }
    case 'areas': {
      const [sub, ...subArgs] = rest;
      if (sub === 'list') {
        const { values } = parse(subArgs, {
          level: { type: 'string' },
          parent: { type: 'string' },
          ...yearOpt,
        });
        if (values.help) return printHelp(help);
        return areasListCommand(values as Parameters<typeof areasListCommand>[0]);
      }
      if (sub === 'show') {
        const { values, positionals } = parse(subArgs, yearOpt);
        if (values.help) return printHelp(help);
        return areasShowCommand(positionals[0], values as Parameters<typeof areasShowCommand>[1]);
      }
      if (sub === '--help' || sub === '-h') return printHelp(help);
      throw new AppError(
        'bad_request',
        `areas needs "list" or "show"; run buurtbalans areas --help`,
      );
    }
    case 'indicators': {
      const [sub, ...subArgs] = rest;
      const { values } = parse(subArgs, {});
      if (sub === '--help' || sub === '-h' || values.help) return printHelp(help);
      if (sub !== 'list')
        throw new AppError(
          'bad_request',
          'indicators needs "list"; run buurtbalans indicators --help',
        );
      return indicatorsListCommand(values as { json?: boolean });
    }
    case 'import': {
      const { values, positionals } = parse(rest, {
        year: { type: 'string' },
        level: { type: 'string' },
        release: { type: 'string' },
        layer: { type: 'string' },
        'code-field': { type: 'string' },
        'name-field': { type: 'string' },
        mapping: { type: 'string' },
        code: { type: 'string' },
        column: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        force: { type: 'boolean' },
      });
      if (values.help) return printHelp(help);
      return importCommand(positionals[0], positionals[1], values as ImportFlags);
    }
    case 'fetch-open-data': {
      const { values, positionals } = parse(rest, {
        year: { type: 'string' },
        to: { type: 'string' },
        only: { type: 'string' },
        force: { type: 'boolean' },
      });
      if (values.help) return printHelp(help);
      if (positionals.length > 0)
        throw new AppError(
          'bad_request',
          `fetch-open-data takes no arguments besides its options, not "${positionals[0]}"`,
        );
      return fetchOpenDataCommand(values as FetchOpenDataFlags);
    }
    case 'users': {
      const [sub, ...subArgs] = rest;
      const { values, positionals } = parse(subArgs, {
        email: { type: 'string' },
        name: { type: 'string' },
        organisation: { type: 'string' },
        role: { type: 'string' },
        scope: { type: 'string' },
        'all-areas': { type: 'boolean' },
      });
      if (sub === '--help' || sub === '-h' || values.help) return printHelp(help);
      if (sub === 'list') return usersListCommand(values);
      if (sub === 'add') return usersAddCommand(values as UserFlags);
      if (sub === 'reset-password') return usersResetPasswordCommand(positionals[0], values);
      if (sub === 'disable') return usersSetDisabledCommand(positionals[0], true);
      if (sub === 'enable') return usersSetDisabledCommand(positionals[0], false);
      throw new AppError(
        'bad_request',
        'users needs list, add, reset-password, disable or enable; run buurtbalans users --help',
      );
    }
    case 'organisations': {
      const [sub, ...subArgs] = rest;
      const { values } = parse(subArgs, {
        key: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        'working-area': { type: 'string' },
      });
      if (sub === '--help' || sub === '-h' || values.help) return printHelp(help);
      if (sub === 'list') return organisationsListCommand(values);
      if (sub === 'add')
        return organisationsAddCommand(values as Parameters<typeof organisationsAddCommand>[0]);
      throw new AppError(
        'bad_request',
        'organisations needs list or add; run buurtbalans organisations --help',
      );
    }
    case 'values': {
      const { values, positionals } = parse(rest, { year: { type: 'string' }, ...yearOpt });
      if (values.help) return printHelp(help);
      return valuesCommand(positionals[0], values as Parameters<typeof valuesCommand>[1]);
    }
    case 'methods': {
      const [sub, ...subArgs] = rest;
      const { values, positionals } = parse(subArgs, {});
      if (sub === '--help' || sub === '-h' || values.help) return printHelp(help);
      if (sub === 'list') return methodsListCommand(values);
      if (sub === 'show') return methodsShowCommand(positionals[0], values);
      if (sub === 'add') return methodsAddCommand(positionals[0], values);
      throw new AppError(
        'bad_request',
        'methods needs list, show or add; run buurtbalans methods --help',
      );
    }
    case 'rank': {
      const { values, positionals } = parse(rest, {
        method: { type: 'string' },
        year: { type: 'string' },
        universe: { type: 'string' },
        draws: { type: 'string' },
        csv: { type: 'string' },
      });
      if (values.help) return printHelp(help);
      if (positionals.length > 0)
        throw new AppError('bad_request', `rank takes only options, not "${positionals[0]}"`);
      return rankCommand(values as RankFlags);
    }
    case 'rankings': {
      const [sub, ...subArgs] = rest;
      const { values, positionals } = parse(subArgs, {
        csv: { type: 'string' },
        xlsx: { type: 'string' },
      });
      if (sub === '--help' || sub === '-h' || values.help) return printHelp(help);
      if (sub === 'list') return rankingsListCommand(values);
      if (sub === 'diff') return rankingsDiffCommand(positionals[0], positionals[1], values);
      if (sub === 'verify') return rankingsVerifyCommand(positionals[0], values);
      if (sub === 'export')
        return rankingsExportCommand(positionals[0], values as { csv?: string; xlsx?: string });
      throw new AppError(
        'bad_request',
        'rankings needs list, diff, verify or export; run buurtbalans rankings --help',
      );
    }
    case 'veerkracht': {
      const { values, positionals } = parse(rest, {
        from: { type: 'string' },
        to: { type: 'string' },
        level: { type: 'string' },
        universe: { type: 'string' },
        nuisance: { type: 'string' },
      });
      if (values.help) return printHelp(help);
      if (positionals.length > 0)
        throw new AppError('bad_request', `veerkracht takes only options, not "${positionals[0]}"`);
      return veerkrachtCommand(values as VeerkrachtFlags);
    }
    case 'budget': {
      const [sub, ...subArgs] = rest;
      const { values, positionals } = parse(subArgs, {
        year: { type: 'string' },
        csv: { type: 'string' },
        xlsx: { type: 'string' },
        cap: { type: 'string' },
      });
      const flags = values as BudgetFlags;
      if (!sub || sub === '--help' || sub === '-h' || values.help) return printHelp(help);
      if (sub === 'setup') return budgetSetupCommand(positionals[0], flags);
      if (sub === 'regions') return budgetSetupCommand(undefined, flags);
      if (sub === 'stock') return budgetStockCommand(flags);
      if (sub === 'scenario') return budgetScenarioCommand(positionals[0], positionals[1], flags);
      if (sub === 'realisation') return budgetRealisationCommand(flags);
      if (sub === 'report') return budgetReportCommand(flags);
      throw new AppError(
        'bad_request',
        'budget needs setup, regions, stock, scenario, realisation or report; run buurtbalans budget --help',
      );
    }
    default:
      throw new AppError('bad_request', `Unknown command "${command}"; run buurtbalans --help`);
  }
}

function printHelp(text: string): number {
  process.stdout.write(`${text}\n`);
  return EXIT.ok;
}

// `buurtbalans rank … | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  process.exitCode = reportError(error);
}
