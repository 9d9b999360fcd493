import { describe, expect, test } from 'vitest';
import { assembleLayerBody, type LayerHead, type LayerRow } from './assemble-layer.js';
import type { MapLayerResponse } from './map-layer.js';

const head: LayerHead = {
  indicator: {
    key: 'p_hh_li',
    nameNl: 'x',
    nameEn: 'x',
    unit: '%',
    decimals: 0,
    direction: 'higher_is_worse',
    kind: 'percentage',
    source: 'CBS',
  },
  level: 'buurt',
  parent: null,
  boundaryYear: 2024,
  year: 2022,
  years: [2020, 2022],
  detail: 2,
  bbox: [5, 52, 6, 53],
};
const square = '{"type":"Polygon","coordinates":[[[5,52],[5.1,52],[5.1,52.1],[5,52]]]}';
const row = (
  code: string,
  value: number | null,
  status: LayerRow['status'] = value === null ? 'secret' : 'ok',
): LayerRow => ({
  code,
  name: `Buurt ${code}`,
  geojson: square,
  bbox: [5, 52, 5.1, 52.1],
  value,
  status,
  source: 'cbs',
  classValue: null,
  suppression: null,
});

describe('assembleLayerBody', () => {
  test('valid GeoJSON with the legend beside the features; geometry spliced unchanged', () => {
    const rows = [
      row('BU1', 10),
      row('BU2', 20),
      row('BU3', 30),
      row('BU4', 40),
      row('BU5', 50),
      row('BU6', null),
    ];
    const body = JSON.parse(assembleLayerBody(head, rows, null)) as MapLayerResponse;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(body.features[0]!.geometry).toEqual(JSON.parse(square));
    expect(body.features.map((f) => f.properties.class)).toEqual([1, 2, 3, 4, 5, null]);
    expect(body.summary).toEqual({ areas: 6, byStatus: { ok: 5, secret: 1 } });
    // Higher is worse: the highest class is the unfavourable orange.
    expect(body.classification.classes[4]!.colour).toBe('#e66101');
  });

  test('an area without any figure is missing with a null value, never 0', () => {
    const body = JSON.parse(
      assembleLayerBody(head, [{ ...row('BU1', null), status: null, source: null }], null),
    ) as MapLayerResponse;
    expect(body.features[0]!.properties).toMatchObject({
      value: null,
      status: 'missing',
      class: null,
      year: 2022,
    });
  });

  test('Leefbaarometer classes come from the stored class, not from quantiles', () => {
    const rows = [
      { ...row('BU1', 0.1), classValue: 7 },
      { ...row('BU2', 0.2), classValue: 9 },
      { ...row('BU3', null), classValue: 3 },
    ];
    const body = JSON.parse(assembleLayerBody(head, rows, 'lbm_score')) as MapLayerResponse;
    // BU3 has its published class without a value: coloured by class, value still null.
    expect(body.features.map((f) => f.properties.class)).toEqual([7, 9, 3]);
    expect(body.features[2]!.properties.value).toBeNull();
    expect(body.classification.method).toBe('fixed');
    expect(body.classification.classes.map((c) => c.count)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 1]);
  });

  test('names with quotes and backslashes stay valid JSON', () => {
    const body = assembleLayerBody(head, [{ ...row('BU1', 1), name: 'De "Kade" \\ Zuid' }], null);
    expect((JSON.parse(body) as MapLayerResponse).features[0]!.properties.name).toBe(
      'De "Kade" \\ Zuid',
    );
  });
});
