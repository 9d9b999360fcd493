import { describe, expect, test } from 'vitest';
import { collectPages, MergedDocument, nextWfsStartIndex, readODataPage } from './paging.js';
import type { OpenDataResource } from './resources.js';

/** Run collectPages over canned answers by URL; returns the merged text and the URLs asked. */
async function collect(
  resource: Pick<OpenDataResource, 'name' | 'url' | 'paging'>,
  answers: Record<string, unknown>,
) {
  const asked: string[] = [];
  let text = '';
  const result = await collectPages(
    resource,
    async (url) => {
      asked.push(url);
      if (!(url in answers)) throw new Error(`unexpected request ${url}`);
      return answers[url];
    },
    async (chunk) => {
      text += chunk;
    },
  );
  return { result, asked, document: JSON.parse(text) as Record<string, unknown> };
}

describe('OData paging', () => {
  const base = 'http://cbs.test/odata/85984NED/WijkenEnBuurten?$format=json';
  const metadata = 'http://cbs.test/odata/85984NED/$metadata#Cbs.OData.WebAPI.WijkenEnBuurten';

  test('two pages joined by odata.nextLink merge into one document without the link', async () => {
    const { result, asked, document } = await collect(
      { name: 'regions', url: base, paging: { kind: 'odata' } },
      {
        [base]: {
          'odata.metadata': metadata,
          value: [
            { Key: 'NL00      ', Title: 'Nederland' },
            { Key: 'GM1680    ', Title: 'Aa en Hunze' },
          ],
          'odata.nextLink': 'http://cbs.test/odata/85984NED/WijkenEnBuurten?$format=json&$skip=2',
        },
        'http://cbs.test/odata/85984NED/WijkenEnBuurten?$format=json&$skip=2': {
          'odata.metadata': metadata,
          value: [{ Key: 'WK168000  ', Title: 'Wijk 00 Annen' }],
        },
      },
    );
    expect(asked).toHaveLength(2);
    expect(result).toEqual({ pages: 2, items: 3 });
    expect(document).toEqual({
      'odata.metadata': metadata,
      value: [
        { Key: 'NL00      ', Title: 'Nederland' },
        { Key: 'GM1680    ', Title: 'Aa en Hunze' },
        { Key: 'WK168000  ', Title: 'Wijk 00 Annen' },
      ],
    });
  });

  test('a relative nextLink is resolved against the page URL', () => {
    const page = readODataPage(
      { value: [], 'odata.nextLink': 'TypedDataSet?$skip=10000' },
      'http://cbs.test/odata/T/TypedDataSet?$format=json',
      'x',
    );
    expect(page.next).toBe('http://cbs.test/odata/T/TypedDataSet?$skip=10000');
  });

  test('a nextLink back to a page already read, or a document without value, is download_failed', async () => {
    await expect(
      collect(
        { name: 'regions', url: base, paging: { kind: 'odata' } },
        { [base]: { value: [1], 'odata.nextLink': base } },
      ),
    ).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringMatching(/already read/),
    });
    await expect(
      collect({ name: 'regions', url: base, paging: { kind: 'odata' } }, { [base]: { rows: [] } }),
    ).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringMatching(/not an OData document/),
    });
  });
});

describe('WFS paging', () => {
  test('stop condition: a short or empty page ends; numberMatched wins when the server gives it', () => {
    expect(
      nextWfsStartIndex({ fetched: 1000, returned: 1000, count: 1000, numberMatched: null }),
    ).toBe(1000);
    expect(
      nextWfsStartIndex({ fetched: 1999, returned: 999, count: 1000, numberMatched: null }),
    ).toBeNull();
    expect(
      nextWfsStartIndex({ fetched: 2000, returned: 0, count: 1000, numberMatched: null }),
    ).toBeNull();
    // A server that caps pages at 100 but says 370 match: keep going by what came.
    expect(
      nextWfsStartIndex({ fetched: 100, returned: 100, count: 1000, numberMatched: 370 }),
    ).toBe(100);
    expect(
      nextWfsStartIndex({ fetched: 370, returned: 70, count: 1000, numberMatched: 370 }),
    ).toBeNull();
  });

  const url = 'http://wfs.test/ows?service=WFS&count=2';
  const feature = (id: number) => ({
    type: 'Feature',
    id,
    properties: { code: `BU${id}` },
    geometry: null,
  });
  const page = (ids: number[], extra: Record<string, unknown> = {}) => ({
    type: 'FeatureCollection',
    ...extra,
    features: ids.map(feature),
  });

  test('pages by startIndex until a page has fewer than count features; one FeatureCollection', async () => {
    const { result, asked, document } = await collect(
      { name: 'wijken', url, paging: { kind: 'wfs', count: 2 } },
      {
        [`${url}&startIndex=0`]: page([1, 2], {
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
          numberReturned: 2,
          timeStamp: 'x',
        }),
        [`${url}&startIndex=2`]: page([3, 4]),
        [`${url}&startIndex=4`]: page([5]),
      },
    );
    expect(asked).toEqual([`${url}&startIndex=0`, `${url}&startIndex=2`, `${url}&startIndex=4`]);
    expect(result).toEqual({ pages: 3, items: 5 });
    expect(document).toEqual({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } },
      features: [1, 2, 3, 4, 5].map(feature),
    });
  });

  test('an exact multiple of count ends on the empty page after it', async () => {
    const { asked, result } = await collect(
      { name: 'wijken', url, paging: { kind: 'wfs', count: 2 } },
      { [`${url}&startIndex=0`]: page([1, 2]), [`${url}&startIndex=2`]: page([]) },
    );
    expect(asked).toHaveLength(2);
    expect(result.items).toBe(2);
  });

  test('a server that ignores startIndex, or delivers fewer than it announced, fails', async () => {
    await expect(
      collect(
        { name: 'wijken', url, paging: { kind: 'wfs', count: 2 } },
        { [`${url}&startIndex=0`]: page([1, 2]), [`${url}&startIndex=2`]: page([1, 2]) },
      ),
    ).rejects.toMatchObject({
      code: 'download_failed',
      message: expect.stringMatching(/ignores startIndex/),
    });
    await expect(
      collect(
        { name: 'wijken', url, paging: { kind: 'wfs', count: 2 } },
        {
          [`${url}&startIndex=0`]: page([1, 2], { numberMatched: 5 }),
          [`${url}&startIndex=2`]: page([], { numberMatched: 5 }),
        },
      ),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/announced 5 features but delivered 2/),
    });
    await expect(
      collect(
        { name: 'wijken', url, paging: { kind: 'wfs', count: 2 } },
        { [`${url}&startIndex=0`]: { type: 'Feature' } },
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/not a GeoJSON FeatureCollection/) });
  });
});

describe('MergedDocument', () => {
  test('no pages at all still make a valid, empty document', () => {
    const merged = new MergedDocument('features');
    expect(JSON.parse(merged.end())).toEqual({ features: [] });
  });
});
