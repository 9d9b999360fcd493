import { serve, type ServerType } from '@hono/node-server';
import type { Config } from '../config.js';
import { AppError } from '../domain/shared/app-error.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import type { DemoSummary } from '../services/demo-loader.js';
import { prepareData } from '../services/startup.js';
import { createApp } from './app.js';

export interface RunningServer {
  url: string;
  database: DatabaseHandle;
  demo: DemoSummary | null;
  close(): Promise<void>;
}

/** Open the database, prepare it (migrations, catalogue, demo on first start) and listen. */
export async function startServer(config: Config): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  let server: ServerType;
  let demo: DemoSummary | null;
  try {
    ({ demo } = await prepareData(database.db, { demo: config.demo, privacy: config.privacy }));
    const app = createApp({ db: database.db, engine: database.engine, config });
    server = await listen(app.fetch, config.port, config.host);
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    database,
    demo,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  port: number,
  hostname: string,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname });
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError(
              'config_invalid',
              `Port ${port} on ${hostname} is already in use; set PORT to another port (PORT=3001 npm start)`,
            )
          : error,
      );
    });
  });
}
