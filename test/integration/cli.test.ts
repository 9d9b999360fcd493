import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, startServerProcess } from '../helpers/cli.js';

/** The real bin against a real embedded database directory. */
describe('buurtbalans CLI on an embedded data directory', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-cli-'));
    env = { BUURTBALANS_DATA_DIR: path.join(dir, 'data') };
    const first = runCli(['demo', '--json'], env);
    expect(first.status, first.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--help explains every command and exits 0; no command is a usage error', () => {
    const help = runCli(['--help'], env);
    expect(help.status).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'demo',
      'areas list',
      'areas show',
      'indicators list',
      'values',
    ]) {
      expect(help.stdout).toContain(command);
    }
    expect(runCli([], env).status).toBe(2);
    expect(runCli(['areas', '--help'], env).stdout).toContain('bbox');
  });

  test.each([
    [['frobnicate'], 2, /Unknown command "frobnicate"/],
    [['areas', 'list', '--level', 'street'], 2, /--level must be/],
    [['areas', 'list', '--colour'], 2, /Unknown option '--colour'/],
    [['areas', 'show', 'BU00000000'], 3, /No area with code BU00000000/],
    [['values', 'BU99010101', '--year', 'last'], 2, /--year must be a year/],
    [['values'], 2, /values needs an area code/],
  ])('%j exits %d with a one-line reason', (args, status, message) => {
    const result = runCli(args, env);
    expect(result.status).toBe(status);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  test('areas list by level and parent, as JSON and as a table', () => {
    const json = runCli(['areas', 'list', '--level', 'gemeente', '--json'], env);
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      boundaryYear: number;
      areas: Array<{ code: string }>;
    };
    expect(parsed.areas.map((a) => a.code)).toEqual(['GM9901', 'GM9902', 'GM9903']);
    const table = runCli(['areas', 'list', '--level', 'wijk', '--parent', 'gm9902'], env);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^code\s+level\s+name\s+parent/m);
    expect(table.stdout).toMatch(/WK9902\d\d\s+wijk/);
  });

  test('areas show gives hierarchy and a WGS84 bounding box', () => {
    const result = runCli(['areas', 'show', 'BU99010101', '--json'], env);
    expect(result.status).toBe(0);
    const area = JSON.parse(result.stdout) as {
      bbox: [number, number, number, number];
      ancestors: Array<{ code: string }>;
    };
    const [west, south, east, north] = area.bbox;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(west).toBeGreaterThan(5);
    expect(north).toBeLessThan(53);
    expect(area.ancestors.map((a) => a.code)).toEqual(['NL00', 'GM9901', 'WK990101']);
    const text = runCli(['areas', 'show', 'GM9901'], env);
    expect(text.stdout).toMatch(/bbox:\s+\[5\.\d+, 52\.\d+, 5\.\d+, 52\.\d+\]/);
  });

  test('indicators list and values of an area, suppressed values in words', () => {
    const indicators = JSON.parse(runCli(['indicators', 'list', '--json'], env).stdout) as {
      indicators: Array<{ key: string }>;
    };
    expect(indicators.indicators.map((i) => i.key)).toContain('lbm_afw');
    const values = runCli(['values', 'BU99010101', '--json'], env);
    expect(values.status).toBe(0);
    const series = (
      JSON.parse(values.stdout) as { series: Array<{ indicatorKey: string; points: unknown[] }> }
    ).series;
    expect(series.find((s) => s.indicatorKey === 'a_inw')?.points).toHaveLength(11);
    // The demo's industrial estate has too few inhabitants: CBS-style suppression.
    const buurten = JSON.parse(
      runCli(['areas', 'list', '--level', 'buurt', '--json'], env).stdout,
    ) as {
      areas: Array<{ code: string; name: string }>;
    };
    const estate = buurten.areas.find((a) => /Bedrijventerrein/.test(a.name))!;
    const out = runCli(['values', estate.code, '--year', '2022'], env).stdout;
    expect(out).toMatch(/g_ink_pi\s+.*\s2022\s+geheim\s/);
    expect(out).not.toMatch(/g_ink_pi\s+.*\s2022\s+0\s/);
  });

  test('a second process on the same data directory is refused with what to do', async () => {
    const server = await startServerProcess(env);
    try {
      const response = await fetch(`${server.url}/api/health`);
      expect(await response.json()).toEqual({ status: 'ok' });
      const blocked = runCli(['areas', 'list'], env);
      expect(blocked.status).toBe(4);
      expect(blocked.stderr).toMatch(/in use by another Buurtbalans process \(pid \d+/);
      expect(blocked.stderr).toMatch(/Stop that process first|BUURTBALANS_DATA_DIR/);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(runCli(['areas', 'list', '--level', 'gemeente'], env).status).toBe(0);
  }, 120_000);

  test('a damaged data directory stops with a message that says what to do', () => {
    const broken = path.join(dir, 'broken');
    fs.cpSync(env.BUURTBALANS_DATA_DIR!, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'pgdata', 'global', 'pg_control'), '');
    const result = runCli(['areas', 'list'], { BUURTBALANS_DATA_DIR: broken });
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/cannot be used/);
    expect(result.stderr).toMatch(/move it aside/);
    // The original is untouched and still opens.
    expect(runCli(['areas', 'list', '--level', 'gemeente'], env).status).toBe(0);
  }, 120_000);

  test('a data directory that is a file, or not writable, is refused clearly', () => {
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    const result = runCli(['areas', 'list'], { BUURTBALANS_DATA_DIR: file });
    expect(result.status).toBe(4);
    expect(result.stderr).toMatch(/is a file, not a directory/);
  });
});
