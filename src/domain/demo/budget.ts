import type { DemoDataset } from './demo-dataset.js';
import { createRandom, deriveSeed, hashUnit } from './random.js';

/**
 * The fictional corporation's own stock and budget setup for the demo: complexes in the demo
 * buurten (about as many corporation dwellings as the buurt's figures say, p_wcorpw), budget
 * regions of up to three wijken per gemeente, and the three lines without an area.
 * Deterministic: the same dataset gives the same stock.
 */

export const DEMO_COMPLEX_PREFIX = 'DEMO-';
export const DEMO_REGION_PREFIX = 'demo-';
const SEED = 20_251_125;

export interface DemoComplex {
  corporationId: string;
  name: string;
  address: string;
  buurtCode: string;
  units: number;
  daebUnits: number;
  yearBuilt: number;
}

export interface DemoRegion {
  key: string;
  name: string;
  buurtCodes: string[];
}

export const DEMO_LINES = [
  { key: 'buurtbeheer', name: 'Buurtbeheer' },
  { key: 'personeel', name: 'Personele inzet' },
  { key: 'algemeen', name: 'Algemeen' },
] as const;

const LETTERS = ['Noord', 'Zuid', 'Oost', 'West'];

export function demoStock(dataset: DemoDataset): {
  complexes: DemoComplex[];
  regions: DemoRegion[];
} {
  const newest = (code: string, key: string): number | null => {
    let best: { year: number; value: number } | null = null;
    for (const o of dataset.observations)
      if (o.areaCode === code && o.indicatorKey === key && o.value !== null)
        if (!best || o.year > best.year) best = { year: o.year, value: o.value };
    return best?.value ?? null;
  };
  const buurten = dataset.areas.filter((a) => a.level === 'buurt');
  const complexes: DemoComplex[] = [];
  const random = createRandom(deriveSeed(SEED, 'complexes'));
  for (const buurt of buurten) {
    const dwellings = newest(buurt.code, 'a_woning') ?? 0;
    const corporationShare = (newest(buurt.code, 'p_wcorpw') ?? 20) / 100;
    let left = Math.round(dwellings * corporationShare * 0.8);
    let n = 0;
    while (left >= 8) {
      const units = Math.min(left, random.int(12, 110));
      left -= units;
      n += 1;
      const yearBuilt = random.int(1952, 2021);
      complexes.push({
        corporationId: `${DEMO_COMPLEX_PREFIX}${buurt.code.slice(2)}-${String(n).padStart(2, '0')}`,
        name: `${buurt.name} ${n}`,
        address: `${buurt.name}laan ${random.int(1, 180)} (fictief)`,
        buurtCode: buurt.code,
        units,
        daebUnits: Math.round(
          units * (yearBuilt > 2005 ? random.uniform(0.55, 0.85) : random.uniform(0.85, 1)),
        ),
        yearBuilt,
      });
    }
  }
  const regions: DemoRegion[] = [];
  for (const gemeente of dataset.areas.filter((a) => a.level === 'gemeente')) {
    const wijken = dataset.areas.filter(
      (a) => a.level === 'wijk' && a.parentCode === gemeente.code,
    );
    const groups = Math.ceil(wijken.length / 3);
    for (let g = 0; g < groups; g += 1) {
      const members = wijken.filter((_, i) => Math.floor((i * groups) / wijken.length) === g);
      const codes = new Set(members.map((w) => w.code));
      regions.push({
        key: `${DEMO_REGION_PREFIX}${gemeente.code.toLowerCase()}-${g + 1}`,
        name: groups === 1 ? gemeente.name : `${gemeente.name} ${LETTERS[g] ?? g + 1}`,
        buurtCodes: buurten
          .filter((b) => b.parentCode && codes.has(b.parentCode))
          .map((b) => b.code),
      });
    }
  }
  return { complexes, regions };
}

const CATEGORIES = [
  'schoonmaak',
  'sociaal beheer',
  'groenonderhoud',
  'buurtinitiatieven',
  'veiligheid',
];

export interface DemoSpending {
  date: string;
  target:
    | { kind: 'region'; regionKey: string }
    | { kind: 'buurt'; buurtCode: string }
    | { kind: 'complex'; complexId: string }
    | { kind: 'line'; lineKey: string };
  category: string;
  amountCents: number;
  description: string;
}

/**
 * Spending lines of a year from its begroting (cents per region and line key): each key gets
 * 88–108 % of its budget, in six or more bookings over the year — a region's mostly on its
 * buurten and complexes, two region-wide —, and a small correction. Deterministic per year and key.
 */
export function demoSpending(
  year: number,
  budget: Readonly<Record<string, number>>,
  regions: readonly DemoRegion[],
  complexesOfBuurt: Readonly<Record<string, readonly string[]>>,
): DemoSpending[] {
  const lines: DemoSpending[] = [];
  for (const key of Object.keys(budget).sort()) {
    const seed = deriveSeed(SEED, `${year}:${key}`);
    const random = createRandom(seed);
    const factor = 0.88 + 0.2 * hashUnit(seed, year, 1);
    const total = Math.round(budget[key]! * factor);
    const region = regions.find((r) => r.key === key);
    // Most of a region's money is booked where it is spent — on a buurt or one of its
    // complexes — as a corporation's ledger is; two bookings stay region-wide.
    const buurten = (region?.buurtCodes ?? []).filter(
      (b) => (complexesOfBuurt[b] ?? []).length > 0,
    );
    const count = Math.max(random.int(6, 9), Math.min(buurten.length + 2, 40));
    const weights = Array.from({ length: count }, () => random.uniform(0.5, 1.5));
    const sum = weights.reduce((a, b) => a + b, 0);
    let booked = 0;
    for (let i = 0; i < count; i += 1) {
      const amount = i === count - 1 ? total - booked : Math.round((total * weights[i]!) / sum);
      booked += amount;
      const month = 1 + Math.floor((i * 12) / count);
      const day = random.int(1, 28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      let target: DemoSpending['target'] = region
        ? { kind: 'region', regionKey: key }
        : { kind: 'line', lineKey: key };
      if (region && i >= 2 && buurten.length > 0) {
        const buurt = buurten[(i - 2) % buurten.length]!;
        const complexes = complexesOfBuurt[buurt] ?? [];
        target =
          i % 2 === 0 && complexes.length > 0
            ? { kind: 'complex', complexId: complexes[i % complexes.length]! }
            : { kind: 'buurt', buurtCode: buurt };
      }
      lines.push({
        date,
        target,
        category: region ? CATEGORIES[random.int(0, CATEGORIES.length - 1)]! : key,
        amountCents: amount,
        description: `Fictieve boeking ${i + 1}`,
      });
    }
    if (region) {
      // A credit note: booked back, so the total stays.
      lines.push({
        date: `${year}-11-15`,
        target: { kind: 'region', regionKey: key },
        category: 'schoonmaak',
        amountCents: -12_500,
        description: 'Creditnota (fictief)',
      });
      lines.push({
        date: `${year}-11-16`,
        target: { kind: 'region', regionKey: key },
        category: 'schoonmaak',
        amountCents: 12_500,
        description: 'Herboeking (fictief)',
      });
    }
  }
  return lines;
}
