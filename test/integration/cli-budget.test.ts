import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT } from '../../src/cli/output.js';
import { runCli } from '../helpers/cli.js';

/** import complexes|spending and budget … through the real bin on an embedded database. */
describe('buurtbalans budget commands', () => {
  let dir: string;
  let env: Record<string, string>;
  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    fs.writeFileSync(target, text);
    return target;
  };
  const json = <T>(args: string[]): T => {
    const result = runCli([...args, '--json'], env);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  const totalComplexes = () =>
    json<{ total: { complexes: number } }>(['budget', 'stock']).total.complexes;
  let ranking: number;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-cli-budget-'));
    env = { BUURTBALANS_DATA_DIR: path.join(dir, 'data') };
    const demo = runCli(['demo', '--json'], env);
    expect(demo.status, demo.stderr).toBe(0);
    const rankings = json<{ rankings: Array<{ id: number; level: string; dataYear: number }> }>([
      'rankings',
      'list',
    ]);
    ranking = rankings.rankings.find((r) => r.level === 'buurt' && r.dataYear === 2024)!.id;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('scenario preview computes without storing; add stores; a second add is a conflict; delete removes a draft', () => {
    const scenario = file(
      'proef.json',
      JSON.stringify({
        year: 2026,
        name: 'Proef CLI',
        ranking,
        total: '1.000.000',
        needWeights: { by: 'class', weights: { 1: 3, 2: 2, 3: 1, 4: 1, 5: 1 } },
      }),
    );
    const preview = json<{ result: { areaBudgetCents: number }; nameTaken: boolean }>([
      'budget',
      'scenario',
      'preview',
      scenario,
    ]);
    expect(preview).toMatchObject({ result: { areaBudgetCents: 100_000_000 }, nameTaken: false });
    expect(
      json<{ scenarios: unknown[] }>(['budget', 'scenario', 'list', '--year', '2026']).scenarios,
    ).toEqual([]);
    const made = json<{ id: number }>(['budget', 'scenario', 'add', scenario]);
    const again = runCli(['budget', 'scenario', 'add', scenario], env);
    expect(again.status).toBe(EXIT.failure);
    expect(again.stderr).toMatch(/already a scenario "Proef CLI" for 2026/);
    const text = runCli(['budget', 'scenario', 'preview', scenario], env);
    expect(text.stdout).toMatch(/Not stored\..*'add' would refuse it/s);
    expect(runCli(['budget', 'scenario', 'delete', String(made.id)], env).status).toBe(0);
    expect(
      json<{ scenarios: unknown[] }>(['budget', 'scenario', 'list', '--year', '2026']).scenarios,
    ).toEqual([]);
    const adopted = json<{ scenarios: Array<{ id: number; adopted: boolean }> }>([
      'budget',
      'scenario',
      'list',
      '--year',
      '2025',
    ]).scenarios.find((s) => s.adopted)!;
    const refused = runCli(['budget', 'scenario', 'delete', String(adopted.id)], env);
    expect(refused.status).toBe(EXIT.failure);
    expect(refused.stderr).toMatch(/adopted 2025 begroting/);
  });

  test('a broken complex list names every bad row by line and column and writes nothing', () => {
    const before = totalComplexes();
    const broken = file(
      'complexen.csv',
      'complex_id;adres;buurtcode;woningen;daeb\n' +
        'X-1;Dorpsstraat 1;BU99010101;40;30\n' +
        'X-2;Dorpsstraat 2;BU99010101;-5;0\n' +
        'X-3;Dorpsstraat 3;BU99010101;10;12\n' +
        'X-4;Dorpsstraat 4;BU00000000;10;5\n',
    );
    const result = runCli(['import', 'complexes', broken], env);
    expect(result.status).toBe(EXIT.invalidInput);
    expect(result.stderr).toMatch(/complexen\.csv, line 3, column 'woningen'/);
    expect(result.stderr).toMatch(/complexen\.csv, line 4, column 'daeb'/);
    expect(totalComplexes()).toBe(before);
  });

  test('a broken spending file names the amount in text and the date outside the year; nothing is written', () => {
    const report = () =>
      json<{ rows: Array<{ kind: string; realisatieY: { cents: number | null } }> }>([
        'budget',
        'report',
        '--year',
        '2025',
      ]).rows.find((r) => r.kind === 'total')!.realisatieY.cents;
    const before = report();
    const broken = file(
      'uitgaven-2025.csv',
      'datum;regio;buurtcode;complex;post;categorie;bedrag\n' +
        '2025-03-01;;BU99010101;;;schoonmaak;twaalf euro\n' +
        '2024-12-31;;BU99010101;;;schoonmaak;100\n',
    );
    const result = runCli(['import', 'spending', broken, '--year', '2025'], env);
    expect(result.status).toBe(EXIT.invalidInput);
    expect(result.stderr).toMatch(/line 2, column 'bedrag'/);
    expect(result.stderr).toMatch(/line 3, column 'datum'/);
    expect(report()).toBe(before);
  });

  test('report --csv and --xlsx write the annual-report table; --cap warns above the amount', () => {
    const csv = path.join(dir, 'jaarverslag-2025.csv');
    const xlsx = path.join(dir, 'jaarverslag-2025.xlsx');
    expect(runCli(['budget', 'report', '--year', '2025', '--csv', csv], env).status).toBe(0);
    const text = fs.readFileSync(csv, 'utf8');
    expect(text).toMatch(/Alle leefbaarheidsuitgaven;/);
    expect(text).toMatch(/Uitgaven per zelfstandige woning;\d+,\d{2}/);
    expect(runCli(['budget', 'report', '--year', '2025', '--xlsx', xlsx], env).status).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const capped = json<{ capWarnings: unknown[] }>([
      'budget',
      'report',
      '--year',
      '2025',
      '--cap',
      '100',
    ]);
    expect(capped.capWarnings.length).toBeGreaterThan(0);
    const none = json<{ capWarnings: unknown[] }>(['budget', 'report', '--year', '2025']);
    expect(none.capWarnings).toEqual([]);
  });
});
