import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { sharedFile } from '../helpers/shared-data.js';

/** `buurtbalans import` as an operator runs it: exit codes, summaries, located problems. */
describe('buurtbalans import', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-cli-import-'));
    env = { BUURTBALANS_DATA_DIR: path.join(dir, 'data') };
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a region list, then Leefbaarometer figures, with a readable summary and JSON', () => {
    const regions = runCli(
      ['import', 'regions', sharedFile('cbs-kwb-2024/kwb2024_regiocodes.csv')],
      env,
    );
    expect(regions.status, regions.stderr).toBe(0);
    expect(regions.stdout).toMatch(
      /Imported kwb2024_regiocodes\.csv \(regions, boundary year 2024\)/,
    );
    expect(regions.stdout).toMatch(/areas\s+18,310 created/);
    const lbm = runCli(
      [
        'import',
        'leefbaarometer',
        sharedFile('leefbaarometer-2024/lbm2024_buurt_7gemeenten.geojson'),
        '--json',
      ],
      env,
    );
    expect(lbm.status, lbm.stderr).toBe(0);
    const summary = JSON.parse(lbm.stdout) as {
      status: string;
      rowsRead: number;
      codesNotMatchedCount: number;
      release: string;
    };
    expect(summary).toMatchObject({
      status: 'imported',
      rowsRead: 370,
      codesNotMatchedCount: 0,
      release: 'lbm3-2024',
    });
    expect(lbm.stderr).toBe('');
    const again = runCli(
      [
        'import',
        'leefbaarometer',
        sharedFile('leefbaarometer-2024/lbm2024_buurt_7gemeenten.geojson'),
      ],
      env,
    );
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(
      /imported before with the same options \(run \d+\); nothing changed\. Use --force/,
    );
  }, 120_000);

  test('a simple wide table from the command line, and a dry run that writes nothing', () => {
    const file = sharedFile('cbs-kwb-2024/kwb2024_bevolking_buurt.csv');
    const dry = runCli(
      [
        'import',
        'table',
        file,
        '--code',
        'bu_code',
        '--column',
        'aantal_inwoners=a_inw',
        '--year',
        '2024',
        '--dry-run',
      ],
      env,
    );
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/Dry run of kwb2024_bevolking_buurt\.csv: nothing was written/);
    const values = runCli(['values', 'GM0392'], env);
    expect(values.stdout).not.toMatch(/a_inw/);
    const real = runCli(
      [
        'import',
        'table',
        file,
        '--code',
        'bu_code',
        '--column',
        'aantal_inwoners=a_inw',
        '--year',
        '2024',
      ],
      env,
    );
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/values written\s+14,574/);
  }, 120_000);

  test('a broken file: exit 5, the first problem on one line, the others listed', () => {
    const broken = path.join(dir, 'lbm-kapot.csv');
    fs.writeFileSync(
      broken,
      'wk_code,jaar,lbm,afw,fys,onv,soc,vrz,won\nWK039201,2022,4.2,0.2,0.01,0.02,0.03,0.04,0\nWK039202,twee,4.2,0.1,0.02,0.02,0.02,0.02,0.02\n',
    );
    const result = runCli(['import', 'leefbaarometer', broken], env);
    expect(result.status).toBe(5);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^buurtbalans: lbm-kapot\.csv, line 2, column 'afw': afw 0\.2 is not the sum of the five dimensions.*\(and 1 more problem\)$/,
    );
    expect(lines[1]).toMatch(/^  lbm-kapot\.csv, line 3, column 'jaar': "twee" is not a year/);
    expect(lines).toHaveLength(2);
  }, 60_000);

  test.each([
    [['import'], 2, /import needs a kind/],
    [['import', 'zip', 'x.csv'], 2, /import needs a kind: leefbaarometer, kwb/],
    [
      ['import', 'regions', '/nonexistent/regio.csv'],
      2,
      /File not found: \/nonexistent\/regio\.csv/,
    ],
    [['import', 'table', '/dev/null'], 2, /needs --mapping file\.json, or --code/],
  ])('%j exits %d', (args, status, message) => {
    const result = runCli(args, env);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
  });
});
