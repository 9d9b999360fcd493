import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(root, 'bin', 'buurtbalans.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `buurtbalans` bin in a child process with the given environment. */
export function runCli(args: string[], env: Record<string, string>): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningServer {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<number | null>;
}

/** Start `buurtbalans serve` on a free port and wait until it listens. */
export function startServerProcess(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', PORT: '0', ...env },
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /draait op (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          pid: child.pid!,
          output: () => output,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
