// Builds the web app when dist/web is missing or older than its sources, so that
// `npm start` on a fresh clone serves a current web app without a separate build step.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'dist', 'web', 'index.html');
const inputs = ['src/web', 'src/domain', 'vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(root, p),
);

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) max = Math.max(max, newest(path.join(entry, name)));
  return max;
}

const built = fs.existsSync(target) ? fs.statSync(target).mtimeMs : 0;
if (built > 0 && inputs.every((input) => newest(input) <= built)) process.exit(0);

console.log(
  built ? 'Webapp is verouderd; opnieuw bouwen…' : 'Webapp bouwen (eenmalig, enkele seconden)…',
);
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (result.status !== 0) {
  console.error('Het bouwen van de webapp is mislukt; zie de meldingen hierboven.');
  process.exit(result.status ?? 1);
}
