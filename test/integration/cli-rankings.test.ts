import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** methods, rank, rankings and veerkracht through the real bin on an embedded database. */
describe('buurtbalans ranking commands', () => {
  let dir: string;
  let env: Record<string, string>;
  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, text);
    return target;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-cli-rank-'));
    env = { BUURTBALANS_DATA_DIR: path.join(dir, 'data') };
    const demo = runCli(['demo', '--json'], env);
    expect(demo.status, demo.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('rank --json prints the ranking and its areas as the issue documents', () => {
    const csv = path.join(dir, 'ranking.csv');
    const result = runCli(
      [
        'rank',
        '--method',
        'leefbaarheid-en-kwetsbaarheid',
        '--year',
        '2024',
        '--draws',
        '100',
        '--json',
        '--csv',
        csv,
      ],
      env,
    );
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as {
      ranking: { id: number; method: { key: string; version: number }; draws: number };
      areas: Array<Record<string, unknown>>;
    };
    expect(out.ranking).toMatchObject({
      method: { key: 'leefbaarheid-en-kwetsbaarheid', version: 1 },
      draws: 100,
    });
    expect(out.areas).toHaveLength(78);
    expect(Object.keys(out.areas[0]!)).toEqual(
      expect.arrayContaining([
        'code',
        'rank',
        'score',
        'percentile',
        'decile',
        'class',
        'rankLow',
        'rankHigh',
        'flags',
      ]),
    );
    expect(out.areas[0]).toMatchObject({ rank: 1, class: 1, decile: 1 });
    expect(fs.readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(/^\uFEFFrang;code;naam;/);

    const verify = runCli(['rankings', 'verify', String(out.ranking.id)], env);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/alle getallen gelijk/);
  });

  test('methods add: a new version only when the numbers change; broken files name what is wrong', () => {
    const method = {
      key: 'onv-demo',
      name: 'Onveiligheid',
      universe: { level: 'buurt', within: ['GM9901'] },
      indicators: [{ key: 'lbm_onv', direction: 'higher_is_better', weight: 1 }],
    };
    const good = file('onv.json', JSON.stringify(method));
    expect(runCli(['methods', 'add', good], env).stdout).toMatch(/onv-demo@1 opgeslagen/);
    expect(runCli(['methods', 'add', good], env).stdout).toMatch(/al gelijk/);
    const renamed = file('onv2.json', JSON.stringify({ ...method, name: 'Andere naam' }));
    // Only the name changed: still a new version, the old one stays as it was.
    expect(runCli(['methods', 'add', renamed], env).stdout).toMatch(/onv-demo@2 opgeslagen/);

    const invalid = runCli(
      [
        'methods',
        'add',
        file('bad.json', JSON.stringify({ ...method, indicators: [{ key: 'a_inw', weight: 0 }] })),
      ],
      env,
    );
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.json: not a valid method/);
    expect(invalid.stderr).toMatch(/indicators\[0\]\.weight: must be greater than 0/);
    expect(invalid.stderr).toMatch(/indicators\[0\]\.key: 'a_inw' is a count/);

    const broken = runCli(
      ['methods', 'add', file('broken.json', '{\n  "key": "x",\n  "name" 3\n}')],
      env,
    );
    expect(broken.status).toBe(5);
    expect(broken.stderr).toMatch(/broken\.json: line 3, column \d+: not valid JSON/);

    const list = runCli(['methods', 'list', '--json'], env);
    const keys = (JSON.parse(list.stdout) as { methods: Array<{ key: string }> }).methods.map(
      (m) => m.key,
    );
    expect(keys).toEqual(expect.arrayContaining(['leefbaarheid-en-kwetsbaarheid', 'onv-demo']));
    expect(runCli(['methods', 'show', 'onv-demo@7'], env).status).toBe(3);
  });

  test('veerkracht prints the quadrants with the disclaimer; bad options are usage errors', () => {
    const result = runCli(['veerkracht', '--from', '2014', '--to', '2016', '--level', 'wijk'], env);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Signaal voor het gesprek, geen diagnose/);
    expect(runCli(['veerkracht', '--from', '2014'], env).status).toBe(2);
    expect(
      runCli(
        [
          'rank',
          '--method',
          'leefbaarheid-en-kwetsbaarheid',
          '--year',
          '2024',
          '--universe',
          'Haarlem',
        ],
        env,
      ).stderr,
    ).toMatch(/--universe must be/);
  });
});
