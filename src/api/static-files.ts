import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'hono';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new
 * build shows at the next load. Paths that are not files get index.html (client-side routes).
 * Paths are resolved inside the web directory only: `..` can never leave it.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function serveWebApp(webDir: string) {
  const root = path.resolve(webDir);
  const index = path.join(root, 'index.html');
  return async (c: Context) => {
    let relative: string;
    try {
      relative = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.text('Bad path', 400);
    }
    const target = path.resolve(root, `.${path.posix.normalize(relative)}`);
    const inside = target === root || target.startsWith(root + path.sep);
    const file = inside && isFile(target) ? target : index;
    if (!isFile(file)) {
      return c.html(
        '<!doctype html><meta charset="utf-8"><title>Buurtbalans</title><p>De webapp is nog niet gebouwd. ' +
          'Start met <code>npm start</code> (bouwt de webapp) of draai <code>npm run build</code>.</p>',
        503,
      );
    }
    const body = await fs.promises.readFile(file);
    const hashed = file.includes(`${path.sep}assets${path.sep}`);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  };
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
