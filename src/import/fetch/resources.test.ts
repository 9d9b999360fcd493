import { describe, expect, test } from 'vitest';
import { importCommands, openDataResources, pageUrl, parseOnly } from './resources.js';

const bases = {
  cbsOdataUrl: 'http://local.test/cbs/',
  pdokUrl: 'http://local.test/pdok',
  lbmUrl: 'http://local.test/lbm3/ows',
};

describe('openDataResources', () => {
  test('2024: all five resources with the official URL shapes on a custom base', () => {
    const plan = openDataResources(2024, bases);
    expect(plan.skipped).toEqual([]);
    expect(
      plan.resources.map((r) => ({
        name: r.name,
        first: pageUrl(r, 0),
        file: r.file,
        paging: r.paging,
      })),
    ).toEqual([
      {
        name: 'regions',
        first: 'http://local.test/cbs/85984NED/WijkenEnBuurten?$format=json',
        file: 'cbs-2024-regions.json',
        paging: { kind: 'odata' },
      },
      {
        name: 'kerncijfers',
        first: 'http://local.test/cbs/85984NED/TypedDataSet?$format=json',
        file: 'cbs-2024-kerncijfers-85984NED.json',
        paging: { kind: 'odata' },
      },
      {
        name: 'wijken',
        first:
          'http://local.test/pdok/2024/wfs/v1_0?service=WFS&version=2.0.0&request=GetFeature&typeNames=wijken&outputFormat=json&srsName=EPSG:4326&count=1000&startIndex=0',
        file: 'cbs-2024-wijken.geojson',
        paging: { kind: 'wfs', count: 1000 },
      },
      {
        name: 'buurten',
        first:
          'http://local.test/pdok/2024/wfs/v1_0?service=WFS&version=2.0.0&request=GetFeature&typeNames=buurten&outputFormat=json&srsName=EPSG:4326&count=1000&startIndex=0',
        file: 'cbs-2024-buurten.geojson',
        paging: { kind: 'wfs', count: 1000 },
      },
      {
        name: 'leefbaarometer',
        first:
          'http://local.test/lbm3/ows?service=WFS&version=2.0.0&request=GetFeature&typeNames=lbm3:buurtscore24&outputFormat=application/json&srsName=EPSG:4326&count=1000&startIndex=0',
        file: 'lbm-2024-buurt.geojson',
        paging: { kind: 'wfs', count: 1000 },
      },
    ]);
    const wijken = plan.resources.find((r) => r.name === 'wijken')!;
    expect(pageUrl(wijken, 2000)).toMatch(/&count=1000&startIndex=2000$/);
  });

  test('2024: import commands in order regions, boundaries, figures', () => {
    const plan = openDataResources(2024, bases);
    const commands = importCommands(plan.resources, (r) => `dl/${r.file}`);
    expect(commands.map((c) => c.join(' '))).toEqual([
      'import regions dl/cbs-2024-regions.json --year 2024',
      'import boundaries dl/cbs-2024-wijken.geojson --year 2024',
      'import boundaries dl/cbs-2024-buurten.geojson --year 2024',
      'import statline dl/cbs-2024-kerncijfers-85984NED.json --year 2024',
      'import leefbaarometer dl/lbm-2024-buurt.geojson',
    ]);
  });

  test('2023: no Leefbaarometer measurement, with a note saying why', () => {
    const plan = openDataResources(2023, bases);
    expect(plan.resources.map((r) => r.name)).toEqual([
      'regions',
      'kerncijfers',
      'wijken',
      'buurten',
    ]);
    expect(plan.resources[0]!.url).toBe(
      'http://local.test/cbs/85618NED/WijkenEnBuurten?$format=json',
    );
    expect(plan.skipped).toEqual([
      {
        name: 'leefbaarometer',
        reason: expect.stringMatching(/2023 is not a Leefbaarometer measurement year/),
      },
    ]);
  });

  test('2018: an even year before the 3.0 WFS layers is skipped too', () => {
    expect(openDataResources(2018, bases).skipped[0]?.reason).toMatch(/from 2020 on/);
  });

  test('2031: no StatLine table id, so no CBS tables; PDOK and Leefbaarometer stay', () => {
    const plan = openDataResources(2031, bases);
    expect(plan.resources.map((r) => r.name)).toEqual(['wijken', 'buurten']);
    expect(plan.skipped.map((s) => s.name)).toEqual(['regions', 'kerncijfers', 'leefbaarometer']);
    expect(plan.skipped[0]!.reason).toMatch(/no StatLine table id .* for 2031/);
    const even = openDataResources(2032, bases);
    expect(even.resources.find((r) => r.name === 'leefbaarometer')?.url).toContain(
      'typeNames=lbm3:buurtscore32',
    );
  });

  test('--only limits resources and notes alike', () => {
    const plan = openDataResources(2023, bases, ['leefbaarometer', 'wijken']);
    expect(plan.resources.map((r) => r.name)).toEqual(['wijken']);
    expect(plan.skipped.map((s) => s.name)).toEqual(['leefbaarometer']);
  });
});

describe('parseOnly', () => {
  test('names, deduplicated and case-insensitive; unknown ones reported', () => {
    expect(parseOnly('Regions, wijken,regions')).toEqual({
      names: ['regions', 'wijken'],
      unknown: [],
    });
    expect(parseOnly('wijken,streets')).toEqual({ names: ['wijken'], unknown: ['streets'] });
  });
});
