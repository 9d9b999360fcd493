import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real open data beside the repository (../shared/data), read in place and never copied
 * in. BUURTBALANS_SHARED_DATA points elsewhere when needed.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DATA =
  process.env.BUURTBALANS_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');

export function sharedFile(relative: string): string {
  const file = path.join(SHARED_DATA, relative);
  if (!fs.existsSync(file))
    throw new Error(`Test data missing: ${file} (see ../shared/data/PROVENANCE.md)`);
  return file;
}
