import { loadConfig } from '../../config.js';
import { startServer } from '../../api/server.js';
import { ROLE_LABELS_NL } from '../../domain/access/roles.js';
import { countUsers } from '../../db/queries/user-queries.js';
import { DEMO_PASSWORD, listDemoAccounts } from '../../services/demo-users.js';

/** `serve`: run until Ctrl+C or SIGTERM, then close the database cleanly. */
export async function serveCommand(options: { port?: string; host?: string }): Promise<number> {
  const config = loadConfig({
    ...process.env,
    ...(options.port ? { PORT: options.port } : {}),
    ...(options.host ? { HOST: options.host } : {}),
  });
  const started = Date.now();
  const server = await startServer(config);
  const where =
    server.database.engine === 'pglite'
      ? `embedded database in ${server.database.location}`
      : `PostgreSQL at ${server.database.location}`;
  process.stdout.write(`Buurtbalans draait op ${server.url}  (${where})\n`);
  if (server.database.created) process.stdout.write('Nieuwe database aangemaakt.\n');
  if (server.demo) {
    process.stdout.write(
      `Fictieve demodata geladen: ${server.demo.areas} gebieden, ${server.demo.observations} cijfers ` +
        `(${server.demo.seconds.toFixed(1)} s). Verwijderen: npx buurtbalans demo --remove\n`,
    );
  }
  const accounts = await listDemoAccounts(server.database.db);
  if (accounts.length > 0) {
    process.stdout.write(`\nInloggen met een demo-account (wachtwoord: ${DEMO_PASSWORD}):\n`);
    const width = Math.max(...accounts.map((a) => a.email.length));
    for (const a of accounts)
      process.stdout.write(
        `  ${a.email.padEnd(width)}  ${ROLE_LABELS_NL[a.role]}, ${a.organisation} (${a.scope})\n`,
      );
    process.stdout.write('\n');
  } else if ((await countUsers(server.database.db)) === 0) {
    process.stdout.write(
      'Nog geen accounts. Maak een beheerder aan: npx buurtbalans users add --email <adres> --name <naam> --role admin --organisation <sleutel>\n',
    );
  }
  process.stdout.write(
    `Klaar in ${((Date.now() - started) / 1000).toFixed(1)} s. Stoppen: Ctrl+C\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Buurtbalans stopt…\n');
  await server.close();
  return 0;
}
