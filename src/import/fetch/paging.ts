import { AppError } from '../../domain/shared/app-error.js';
import { pageUrl, type OpenDataResource } from './resources.js';
import { redactUrl } from './url.js';

/**
 * Paging and merging of the two kinds of paged JSON: CBS OData (`value` rows, the rest behind
 * `odata.nextLink`) and WFS GeoJSON (`features`, the rest by `startIndex`). Pages are written
 * out one by one as one merged document, so a national layer never sits in memory whole.
 * No I/O here: the caller passes the function that fetches one page and the one that writes.
 */

/** One page, read: the document's other members, its items, and where the next page is. */
export interface ODataPage {
  header: Record<string, unknown>;
  items: unknown[];
  next: string | null;
}

export interface WfsPage {
  header: Record<string, unknown>;
  items: unknown[];
  /** The server's count of all matching features, when it reports one (GeoServer does). */
  numberMatched: number | null;
}

/** The download of a resource failed; the message names the resource, the reason and the URL. */
export function downloadFailed(
  name: string,
  url: string,
  reason: string,
  status?: number,
): AppError {
  const safe = redactUrl(url);
  return new AppError('download_failed', `Download of ${name} failed: ${reason} (${safe})`, {
    resource: name,
    url: safe,
    ...(status !== undefined ? { status } : {}),
  });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An OData JSON page: `{"odata.metadata": …, "value": […], "odata.nextLink"?: …}`. The next
 * link is resolved against the page's URL (CBS gives it absolute; relative is allowed too).
 */
export function readODataPage(document: unknown, url: string, name: string): ODataPage {
  if (!isObject(document) || !Array.isArray(document.value)) {
    throw downloadFailed(name, url, 'the answer is JSON but not an OData document with "value"');
  }
  const { value, 'odata.nextLink': nextLink, ...header } = document;
  let next: string | null = null;
  if (typeof nextLink === 'string' && nextLink !== '') {
    try {
      next = new URL(nextLink, url).href;
    } catch {
      throw downloadFailed(name, url, `odata.nextLink "${nextLink}" is not a URL`);
    }
  }
  return { header, items: value as unknown[], next };
}

// Members that describe one page, not the merged collection.
const WFS_PAGE_MEMBERS = [
  'numberMatched',
  'numberReturned',
  'totalFeatures',
  'timeStamp',
  'links',
  'bbox',
];

/** A WFS GeoJSON page: a FeatureCollection, with `numberMatched` if the server counts. */
export function readWfsPage(document: unknown, url: string, name: string): WfsPage {
  if (
    !isObject(document) ||
    document.type !== 'FeatureCollection' ||
    !Array.isArray(document.features)
  ) {
    throw downloadFailed(name, url, 'the answer is JSON but not a GeoJSON FeatureCollection');
  }
  const { features, ...rest } = document;
  const header = Object.fromEntries(
    Object.entries(rest).filter(([k]) => !WFS_PAGE_MEMBERS.includes(k)),
  );
  const matched = document.numberMatched;
  return {
    header,
    items: features as unknown[],
    numberMatched:
      typeof matched === 'number' && Number.isInteger(matched) && matched >= 0 ? matched : null,
  };
}

/**
 * Where the next WFS page starts, or null when the layer is complete. A page with fewer than
 * `count` features is the last one; a server that reports `numberMatched` is instead paged until
 * that many have come, which also covers a server that caps pages below `count`. Pages advance
 * by the features actually returned.
 * @example nextWfsStartIndex({ fetched: 1000, returned: 1000, count: 1000, numberMatched: null }) // 1000
 * @example nextWfsStartIndex({ fetched: 1370, returned: 370, count: 1000, numberMatched: null }) // null
 */
export function nextWfsStartIndex(page: {
  fetched: number;
  returned: number;
  count: number;
  numberMatched: number | null;
}): number | null {
  if (page.returned === 0) return null;
  if (page.numberMatched !== null) return page.fetched < page.numberMatched ? page.fetched : null;
  return page.returned < page.count ? null : page.fetched;
}

/**
 * One JSON document assembled from pages: the first page's other members, then the items of
 * every page under `key` (one per line). `add` and `end` return the text to append.
 */
export class MergedDocument {
  private started = false;
  private written = 0;

  constructor(private readonly key: 'value' | 'features') {}

  get count(): number {
    return this.written;
  }

  add(header: Record<string, unknown>, items: readonly unknown[]): string {
    let out = '';
    if (!this.started) {
      out = this.open(header);
      this.started = true;
    }
    for (const item of items) {
      out += `${this.written === 0 ? '' : ','}\n${JSON.stringify(item)}`;
      this.written += 1;
    }
    return out;
  }

  end(): string {
    return `${this.started ? '' : this.open({})}\n]}\n`;
  }

  private open(header: Record<string, unknown>): string {
    const rest = Object.fromEntries(Object.entries(header).filter(([k]) => k !== this.key));
    // {"a":1,"value":[]} without the closing "]}": the items follow.
    return JSON.stringify({ ...rest, [this.key]: [] }).slice(0, -2);
  }
}

export interface PageProgress {
  pages: number;
  items: number;
  /** All items of the resource when the server says (WFS numberMatched), else null. */
  total: number | null;
}

export interface PagedResult {
  pages: number;
  items: number;
}

/**
 * Fetch every page of a resource through `getJson` and pass the merged document to `write` in
 * pieces. Throws `download_failed` on a page of the wrong shape, on paging that does not
 * advance, or when a WFS delivers a different number of features than it announced.
 */
export async function collectPages(
  resource: Pick<OpenDataResource, 'name' | 'url' | 'paging'>,
  getJson: (url: string) => Promise<unknown>,
  write: (chunk: string) => Promise<void>,
  onPage?: (progress: PageProgress) => void,
): Promise<PagedResult> {
  const name = resource.name;
  let pages = 0;
  if (resource.paging.kind === 'odata') {
    const merged = new MergedDocument('value');
    const seen = new Set<string>();
    let url: string | null = resource.url;
    while (url !== null) {
      if (seen.has(url))
        throw downloadFailed(name, url, 'odata.nextLink points to a page already read');
      seen.add(url);
      const page = readODataPage(await getJson(url), url, name);
      await write(merged.add(page.header, page.items));
      pages += 1;
      onPage?.({ pages, items: merged.count, total: null });
      url = page.next;
    }
    await write(merged.end());
    return { pages, items: merged.count };
  }

  const { count } = resource.paging;
  const merged = new MergedDocument('features');
  let startIndex = 0;
  let previousFirst: string | null = null;
  let announced: number | null = null;
  let url = pageUrl(resource, startIndex);
  for (;;) {
    url = pageUrl(resource, startIndex);
    const page = readWfsPage(await getJson(url), url, name);
    const first = page.items.length > 0 ? JSON.stringify(page.items[0]) : null;
    if (startIndex > 0 && first !== null && first === previousFirst) {
      throw downloadFailed(name, url, 'the server ignores startIndex (the same page came twice)');
    }
    previousFirst = first;
    announced = page.numberMatched ?? announced;
    await write(merged.add(page.header, page.items));
    pages += 1;
    onPage?.({ pages, items: merged.count, total: announced });
    const next = nextWfsStartIndex({
      fetched: merged.count,
      returned: page.items.length,
      count,
      numberMatched: page.numberMatched,
    });
    if (next === null) break;
    startIndex = next;
  }
  if (announced !== null && merged.count !== announced) {
    throw downloadFailed(
      name,
      url,
      `the server announced ${announced} features but delivered ${merged.count}`,
    );
  }
  await write(merged.end());
  return { pages, items: merged.count };
}
