import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { claimDataDir, PGLITE_VERSION, writeMarker } from './data-dir.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-datadir-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('claimDataDir', () => {
  test('the pinned PGlite version is the one installed', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['@electric-sql/pglite']).toBe(PGLITE_VERSION);
  });

  test('a new directory is created, locked, and released', () => {
    const dir = path.join(tempDir(), 'data');
    const claim = claimDataDir(dir);
    expect(claim.isNew).toBe(true);
    expect(fs.existsSync(path.join(dir, 'buurtbalans.lock'))).toBe(true);
    claim.release();
    expect(fs.existsSync(path.join(dir, 'buurtbalans.lock'))).toBe(false);
  });

  test('a lock left by a process that is gone is taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'buurtbalans.lock'),
      JSON.stringify({
        pid: 2 ** 22 + 12345,
        host: os.hostname(),
        startedAt: '2026-01-01T00:00:00Z',
      }),
    );
    const claim = claimDataDir(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'buurtbalans.lock'), 'utf8')).pid).toBe(
      process.pid,
    );
    claim.release();
  });

  test('a lock held by a live process is refused with its pid', () => {
    const dir = tempDir();
    const parent = process.ppid;
    fs.writeFileSync(
      path.join(dir, 'buurtbalans.lock'),
      JSON.stringify({ pid: parent, host: os.hostname(), startedAt: 'now' }),
    );
    expect(() => claimDataDir(dir)).toThrow(
      new RegExp(`in use by another Buurtbalans process \\(pid ${parent}`),
    );
  });

  test('a second claim from the same process is refused; the first still holds', () => {
    const dir = tempDir();
    const claim = claimDataDir(dir);
    expect(() => claimDataDir(dir)).toThrow(/in use by another Buurtbalans process/);
    claim.release();
    claimDataDir(dir).release();
  });

  test('a lock from another machine is never taken over', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'buurtbalans.lock'),
      JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'now' }),
    );
    expect(() => claimDataDir(dir)).toThrow(/pid 1 on elsewhere.*remove the lock file by hand/);
  });

  test('a fresh unreadable lock counts as held; an old one is taken over', () => {
    const dir = tempDir();
    const lock = path.join(dir, 'buurtbalans.lock');
    fs.writeFileSync(lock, '');
    expect(() => claimDataDir(dir)).toThrow(/unknown process; its lock file is unreadable/);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    claimDataDir(dir).release();
  });

  test('leftovers of an interrupted first start are cleared, and the start counts as new', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pgdata.partial-999'));
    fs.writeFileSync(path.join(dir, 'pgdata.partial-999', 'PG_VERSION'), '17\n');
    const claim = claimDataDir(dir);
    expect(claim.isNew).toBe(true);
    expect(fs.existsSync(path.join(dir, 'pgdata.partial-999'))).toBe(false);
    claim.release();
  });

  test('a directory made by another PGlite version is refused with what to do', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pgdata'));
    fs.writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), '17\n');
    writeMarker(dir);
    const marker = JSON.parse(fs.readFileSync(path.join(dir, 'buurtbalans-data.json'), 'utf8'));
    fs.writeFileSync(
      path.join(dir, 'buurtbalans-data.json'),
      JSON.stringify({ ...marker, pglite: '0.4.1' }),
    );
    expect(() => claimDataDir(dir)).toThrow(/created by PGlite 0\.4\.1.*pg_dump/);
    expect(fs.existsSync(path.join(dir, 'buurtbalans.lock'))).toBe(false);
  });

  test('files without a database in pgdata are not overwritten', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pgdata'));
    fs.writeFileSync(path.join(dir, 'pgdata', 'notes.txt'), 'mine');
    expect(() => claimDataDir(dir)).toThrow(/holds files but no database/);
    expect(fs.readFileSync(path.join(dir, 'pgdata', 'notes.txt'), 'utf8')).toBe('mine');
  });
});
