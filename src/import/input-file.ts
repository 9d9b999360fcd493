import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/shared/app-error.js';
import type { InputFile } from './import-plan.js';

/** Wrap bytes from anywhere (disk, upload) as an input file with its sha256. */
export function inputFile(name: string, bytes: Uint8Array): InputFile {
  return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Read a file from disk; a missing or unreadable path is a usage error naming it. */
export function readInputFile(filePath: string): InputFile {
  try {
    return inputFile(path.basename(filePath), fs.readFileSync(filePath));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'bad_request',
      code === 'ENOENT'
        ? `File not found: ${filePath}`
        : `Cannot read ${filePath} (${code ?? String(error)})`,
      { file: filePath },
    );
  }
}

/**
 * A year in a file name (kwb-2023.xlsx, buurt_2024.gpkg, lbm2024_…), for files that do not say
 * their boundary year inside; null when there is none or more than one.
 * @example yearFromFileName('wijk_2024_nl_wgs84.geojson') // 2024
 */
export function yearFromFileName(name: string): number | null {
  const years = [...name.matchAll(/(?<!\d)(19[89]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  const distinct = [...new Set(years)];
  return distinct.length === 1 ? distinct[0]! : null;
}
