import fs from 'node:fs';
import path from 'node:path';
import { getJson, type FetchFunction } from './http.js';
import { collectPages, type PageProgress } from './paging.js';
import type { OpenDataResource } from './resources.js';

export interface DownloadOptions {
  /** Per request, body included. */
  timeoutMs: number;
  /** Fetch again even when the file is there. */
  force: boolean;
  fetch?: FetchFunction;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadProgress extends PageProgress {
  name: string;
  /** Bytes written to the file so far. */
  bytes: number;
}

export interface DownloadResult {
  name: OpenDataResource['name'];
  /** The file's path: the target directory joined with the resource's file name. */
  path: string;
  bytes: number;
  /** `fetched` now, or `kept`: the complete file was there already (no --force). */
  status: 'fetched' | 'kept';
  /** Rows (OData) or features (WFS); null for a kept file, which is not read. */
  items: number | null;
  pages: number;
}

/**
 * Download one resource into `dir`. Pages are written to `<file>.part`, which is renamed to the
 * real name only when the last page is in: a file under the real name is always complete, so
 * it is kept unless `force`. On any failure the `.part` file is removed and the error
 * (`download_failed`) thrown; other files are not touched.
 */
export async function downloadResource(
  resource: OpenDataResource,
  dir: string,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const target = path.join(dir, resource.file);
  const existing = statFile(target);
  if (existing && !options.force) {
    return {
      name: resource.name,
      path: target,
      bytes: existing.size,
      status: 'kept',
      items: null,
      pages: 0,
    };
  }
  const part = `${target}.part`;
  const handle = await fs.promises.open(part, 'w');
  let bytes = 0;
  let closed = false;
  try {
    const result = await collectPages(
      resource,
      async (url) =>
        (await getJson(resource.name, url, { timeoutMs: options.timeoutMs, fetch: options.fetch }))
          .document,
      async (chunk) => {
        if (chunk === '') return;
        const buffer = Buffer.from(chunk, 'utf8');
        await handle.write(buffer);
        bytes += buffer.length;
      },
      (progress) => options.onProgress?.({ ...progress, name: resource.name, bytes }),
    );
    await handle.sync();
    await handle.close();
    closed = true;
    await fs.promises.rename(part, target);
    return {
      name: resource.name,
      path: target,
      bytes,
      status: 'fetched',
      items: result.items,
      pages: result.pages,
    };
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await fs.promises.rm(part, { force: true });
    throw error;
  }
}

function statFile(file: string): fs.Stats | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : null;
  } catch {
    return null;
  }
}
