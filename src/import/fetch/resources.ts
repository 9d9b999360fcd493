import { TABLE_FOR_YEAR } from '../cbs-statline/tables.js';
import type { ImportKind } from '../import-plan.js';

/**
 * The public files of one year and where they live: CBS StatLine OData (region list and
 * Kerncijfers), the CBS wijk- en buurtkaart on PDOK (WFS) and the Leefbaarometer 3.0 WFS
 * (domain.md §1.7, §4.3). Pure: no I/O; the base addresses come from the configuration.
 */

export const RESOURCE_NAMES = [
  'regions',
  'kerncijfers',
  'wijken',
  'buurten',
  'leefbaarometer',
] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

export interface OpenDataBases {
  /** CBS OData v3 API, e.g. https://opendata.cbs.nl/ODataApi/odata */
  cbsOdataUrl: string;
  /** PDOK wijkenbuurten service root, e.g. https://service.pdok.nl/cbs/wijkenbuurten */
  pdokUrl: string;
  /** Leefbaarometer 3.0 OGC service, e.g. https://geo.leefbaarometer.nl/lbm3/ows */
  lbmUrl: string;
}

/**
 * How a resource is split over responses:
 * - `odata`: CBS returns at most 10,000 rows and an `odata.nextLink` to the rest;
 * - `wfs`: the client pages with `startIndex` and `count` (`url` carries `count`; the page
 *   URL appends `&startIndex=N`, see {@link pageUrl}).
 */
export type Paging = { kind: 'odata' } | { kind: 'wfs'; count: number };

export interface OpenDataResource {
  name: ResourceName;
  /** The first request (OData) or the request without its startIndex (WFS). */
  url: string;
  paging: Paging;
  /** File name inside the target directory. */
  file: string;
  /** `buurtbalans import` arguments to run on the file, with `{file}` for its path. */
  importArgs: string[];
  /** Order of the import commands: regions, then boundaries, then figures. */
  importOrder: number;
}

export interface SkippedResource {
  name: ResourceName;
  reason: string;
}

export interface OpenDataPlan {
  year: number;
  resources: OpenDataResource[];
  skipped: SkippedResource[];
}

/** WFS page size: PDOK serves at most 1,000 features per request. */
export const WFS_COUNT = 1000;

/** Leefbaarometer 3.0 WFS layers exist for the measurement years: every even year from 2020. */
export function isLeefbaarometerYear(year: number): boolean {
  return year >= 2020 && year % 2 === 0;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

function wfsUrl(base: string, typeName: string, outputFormat: string, count: number): string {
  return (
    `${base}?service=WFS&version=2.0.0&request=GetFeature&typeNames=${typeName}` +
    `&outputFormat=${outputFormat}&srsName=EPSG:4326&count=${count}`
  );
}

/**
 * The resources of `year`, in download order, and the ones skipped for that year with the
 * reason. `only` limits both lists to the named resources.
 * @example openDataResources(2024, bases).resources.map((r) => r.file)[0] // 'cbs-2024-regions.json'
 */
export function openDataResources(
  year: number,
  bases: OpenDataBases,
  only?: readonly ResourceName[],
): OpenDataPlan {
  const cbs = trimSlash(bases.cbsOdataUrl);
  const pdok = trimSlash(bases.pdokUrl);
  const lbm = trimSlash(bases.lbmUrl);
  const resources: OpenDataResource[] = [];
  const skipped: SkippedResource[] = [];
  const next = (kind: ImportKind, withYear: boolean) => [
    kind,
    '{file}',
    ...(withYear ? ['--year', String(year)] : []),
  ];

  const tableId = TABLE_FOR_YEAR[year];
  if (tableId) {
    resources.push(
      {
        name: 'regions',
        url: `${cbs}/${tableId}/WijkenEnBuurten?$format=json`,
        paging: { kind: 'odata' },
        file: `cbs-${year}-regions.json`,
        importArgs: next('regions', true),
        importOrder: 0,
      },
      {
        name: 'kerncijfers',
        url: `${cbs}/${tableId}/TypedDataSet?$format=json`,
        paging: { kind: 'odata' },
        file: `cbs-${year}-kerncijfers-${tableId}.json`,
        importArgs: next('statline', true),
        importOrder: 3,
      },
    );
  } else {
    const known = Object.keys(TABLE_FOR_YEAR).join(', ');
    for (const name of ['regions', 'kerncijfers'] as const) {
      skipped.push({
        name,
        reason: `no StatLine table id of Kerncijfers wijken en buurten is known for ${year} (known: ${known})`,
      });
    }
  }

  for (const [name, order] of [
    ['wijken', 1],
    ['buurten', 2],
  ] as const) {
    resources.push({
      name,
      url: wfsUrl(`${pdok}/${year}/wfs/v1_0`, name, 'json', WFS_COUNT),
      paging: { kind: 'wfs', count: WFS_COUNT },
      file: `cbs-${year}-${name}.geojson`,
      importArgs: next('boundaries', true),
      importOrder: order,
    });
  }

  if (isLeefbaarometerYear(year)) {
    const yy = String(year % 100).padStart(2, '0');
    resources.push({
      name: 'leefbaarometer',
      url: wfsUrl(lbm, `lbm3:buurtscore${yy}`, 'application/json', WFS_COUNT),
      paging: { kind: 'wfs', count: WFS_COUNT },
      file: `lbm-${year}-buurt.geojson`,
      importArgs: next('leefbaarometer', false),
      importOrder: 4,
    });
  } else {
    skipped.push({
      name: 'leefbaarometer',
      reason:
        year < 2020
          ? `the Leefbaarometer 3.0 WFS has layers for the measurement years from 2020 on; for ${year} use the open-data CSV (leefbaarometer.nl)`
          : `${year} is not a Leefbaarometer measurement year (every even year: 2020, 2022, 2024, …)`,
    });
  }

  const wanted = (name: ResourceName) => !only || only.includes(name);
  // Declaration order is download order: CBS first (regions, figures), then the geometry.
  const order = (name: ResourceName) => RESOURCE_NAMES.indexOf(name);
  return {
    year,
    resources: resources
      .filter((r) => wanted(r.name))
      .sort((a, b) => order(a.name) - order(b.name)),
    skipped: skipped.filter((s) => wanted(s.name)),
  };
}

/**
 * The URL of one request: the resource URL for OData (later pages come from `odata.nextLink`),
 * with `&startIndex=N` appended for WFS.
 * @example pageUrl(wijken, 1000) // '…&count=1000&startIndex=1000'
 */
export function pageUrl(
  resource: Pick<OpenDataResource, 'url' | 'paging'>,
  startIndex: number,
): string {
  return resource.paging.kind === 'wfs' ? `${resource.url}&startIndex=${startIndex}` : resource.url;
}

/**
 * `--only regions,wijken` as names; an unknown name is refused with the known ones.
 * Returns the unknown names (empty when all are fine) so the caller can word the error.
 */
export function parseOnly(text: string): { names: ResourceName[]; unknown: string[] } {
  const parts = text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p !== '');
  const names: ResourceName[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    if ((RESOURCE_NAMES as readonly string[]).includes(part)) {
      if (!names.includes(part as ResourceName)) names.push(part as ResourceName);
    } else unknown.push(part);
  }
  return { names, unknown };
}

/** The import commands for the fetched files, in the order to run them. */
export function importCommands(
  resources: readonly OpenDataResource[],
  pathOf: (resource: OpenDataResource) => string,
): string[][] {
  return [...resources]
    .sort((a, b) => a.importOrder - b.importOrder)
    .map((r) => ['import', ...r.importArgs.map((a) => (a === '{file}' ? pathOf(r) : a))]);
}
