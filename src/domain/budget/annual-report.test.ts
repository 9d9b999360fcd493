import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { createUniformStream } from '../ranking/random.js';
import { allocateBudget, budgetFromAllocation } from './allocate.js';
import {
  annualReport,
  reportCsv,
  type AmountRow,
  type AnnualReport,
  type AnnualReportInput,
  type PerDwellingRow,
} from './annual-report.js';

const REGIONS = [
  { key: 'beverwijk', name: 'Beverwijk' },
  { key: 'haarlem-noord', name: 'Haarlem-Noord' },
  { key: 'schalkwijk', name: 'Schalkwijk' },
  { key: 'zandvoort', name: 'Zandvoort' },
];
const LINES = [
  { key: 'buurtbeheer', name: 'Buurtbeheer' },
  { key: 'personeel', name: 'Personele inzet' },
  { key: 'algemeen', name: 'Algemeen' },
];

/** A year like an annual report's: realisatie 2025 adds up to exactly € 1.874.000,00. */
const INPUT: AnnualReportInput = {
  year: 2025,
  regions: REGIONS,
  lines: LINES,
  budget: {
    beverwijk: 412_000_00,
    'haarlem-noord': 530_000_00,
    schalkwijk: 610_000_00,
    zandvoort: 98_000_00,
    buurtbeheer: 150_000_00,
    personeel: 60_000_00,
    algemeen: 25_000_00,
  },
  spent: {
    beverwijk: 405_312_40,
    'haarlem-noord': 541_870_15,
    schalkwijk: 598_443_55,
    zandvoort: 101_250_00,
    buurtbeheer: 148_900_00,
    personeel: 57_300_90,
    algemeen: 20_923_00,
  },
  spentPrevious: {
    beverwijk: 390_123_45,
    'haarlem-noord': 509_900_10,
    schalkwijk: 574_000_00,
    zandvoort: 99_500_55,
    buurtbeheer: 143_000_00,
    personeel: 58_000_00,
    algemeen: 21_000_00,
  },
  daebUnits: { Y: 14_594, 'Y-1': 14_702 },
};

const amountRow = (report: AnnualReport, key: string) =>
  report.rows.find((r) => r.key === key) as AmountRow;
const perDwelling = (report: AnnualReport) =>
  report.rows.find((r) => r.kind === 'per_daeb') as PerDwellingRow;

describe('annualReport', () => {
  const report = annualReport(INPUT);

  it('lists regions, then lines, then the total, DAEB dwellings and the amount per dwelling', () => {
    expect(report.rows.map((r) => [r.kind, r.label])).toEqual([
      ['region', 'Beverwijk'],
      ['region', 'Haarlem-Noord'],
      ['region', 'Schalkwijk'],
      ['region', 'Zandvoort'],
      ['line', 'Buurtbeheer'],
      ['line', 'Personele inzet'],
      ['line', 'Algemeen'],
      ['total', 'Alle leefbaarheidsuitgaven'],
      ['daeb_units', 'Aantal zelfstandige woningen DAEB'],
      ['per_daeb', 'Uitgaven per zelfstandige woning'],
    ]);
    expect(report.title).toBe('Leefbaarheidsuitgaven (x € 1.000)');
    expect(report.columns).toEqual([
      { key: 'begrotingY', label: 'Begroting 2025' },
      { key: 'realisatieY', label: 'Realisatie 2025' },
      { key: 'realisatieYMinus1', label: 'Realisatie 2024' },
    ]);
  });

  it('shows € 1.874 thousand over 14.594 dwellings as € 128,41 per dwelling', () => {
    const total = amountRow(report, 'total');
    expect(total.realisatieY).toEqual({ cents: 187_400_000, thousands: 1874, display: '1.874' });
    // 187.400.000 / 14.594 = 12.840,89 cents → € 128,41.
    expect(perDwelling(report).realisatieY).toEqual({
      cents: 12_841,
      euros: 128.41,
      display: '128,41',
      exceedsCap: false,
    });
    expect(report.rows.find((r) => r.kind === 'daeb_units')).toMatchObject({
      begrotingY: { units: 14_594, display: '14.594' },
      realisatieY: { units: 14_594, display: '14.594' },
      realisatieYMinus1: { units: 14_702, display: '14.702' },
    });
    // Begroting 188.500.000 / 14.594 = 12.916,27 → € 129,16; realisatie 2024 179.552.410 /
    // 14.702 (the dwellings of 2024) = 12.212,79 → € 122,13.
    expect(perDwelling(report).begrotingY.display).toBe('129,16');
    expect(perDwelling(report).realisatieYMinus1.display).toBe('122,13');
  });

  it('computes the amount per dwelling from unrounded amounts', () => {
    // € 1.873.500,00 prints as 1.874 thousand too, but per dwelling it is 187.350.000 / 14.594
    // = 12.837,47 cents → € 128,37, not the € 128,41 that the rounded thousands would give.
    const lower = annualReport({
      ...INPUT,
      spent: { ...INPUT.spent, algemeen: INPUT.spent!.algemeen! - 500_00 },
    });
    expect(amountRow(lower, 'total').realisatieY.display).toBe('1.874');
    expect(perDwelling(lower).realisatieY.display).toBe('128,37');
  });

  it('rounds each row half away from zero and the total from the unrounded sum', () => {
    expect(
      report.rows
        .filter((r): r is AmountRow => r.kind === 'region' || r.kind === 'line')
        .map((r) => [r.realisatieY.thousands, r.realisatieYMinus1.thousands]),
    ).toEqual([
      [405, 390], // 405.312,40 | 390.123,45
      [542, 510], // 541.870,15 | 509.900,10
      [598, 574], // 598.443,55 | 574.000,00
      [101, 100], // 101.250,00 | 99.500,55 → 100 (the half rounds up)
      [149, 143],
      [57, 58], // 57.300,90
      [21, 21], // 20.923,00
    ]);
    // The rounded rows of 2025 add up to 1.873; the total, rounded once, is 1.874.
    expect(report.roundingDifferences).toEqual({
      begrotingY: 0,
      realisatieY: 1,
      realisatieYMinus1: 0,
    });
  });

  it('rounds three rows of € 400 to 0 each and their total € 1.200 to 1', () => {
    const small = annualReport({
      year: 2025,
      regions: [
        { key: 'a', name: 'A' },
        { key: 'b', name: 'B' },
        { key: 'c', name: 'C' },
      ],
      lines: [],
      budget: { a: 40_000, b: 40_000, c: 40_000 },
      spent: { a: 50_000, b: -50_000, c: 49_999 },
      spentPrevious: {},
      daebUnits: { Y: 0, 'Y-1': 0 },
    });
    expect(amountRow(small, 'a').begrotingY.thousands).toBe(0);
    expect(amountRow(small, 'total').begrotingY).toEqual({
      cents: 120_000,
      thousands: 1,
      display: '1',
    });
    expect(small.roundingDifferences.begrotingY).toBe(1);
    // Halves away from zero: € 500 → 1, −€ 500 → −1.
    expect(['a', 'b', 'c'].map((k) => amountRow(small, k).realisatieY.thousands)).toEqual([
      1, -1, 0,
    ]);
    // No dwellings: no amount per dwelling, and absent keys count as 0.
    expect(perDwelling(small).begrotingY).toEqual({
      cents: null,
      euros: null,
      display: '',
      exceedsCap: false,
    });
    expect(amountRow(small, 'total').realisatieYMinus1.cents).toBe(0);
  });

  it('reports realisatie − begroting per row', () => {
    expect(amountRow(report, 'haarlem-noord').difference).toEqual({
      cents: 11_870_15,
      thousands: 12,
      display: '12',
    });
    // 1.874.000 − 1.885.000 = −€ 11.000: 11 thousand under budget.
    expect(amountRow(report, 'total').difference.cents).toBe(-1_100_000);
    expect(amountRow(report, 'total').difference.display).toBe('-11');
  });

  it('gives per region begroting, realisatie, difference and per DAEB dwelling', () => {
    const withUnits = annualReport({
      ...INPUT,
      regionDaebUnits: { beverwijk: 3_000, schalkwijk: 0 },
    });
    expect(withUnits.regionDetail[0]).toEqual({
      key: 'beverwijk',
      name: 'Beverwijk',
      budgetCents: 412_000_00,
      spentCents: 405_312_40,
      differenceCents: -6_687_60,
      daebUnits: 3_000,
      budgetPerDaebCents: 13_733, // 41.200.000 / 3.000 = 13.733,3
      spentPerDaebCents: 13_510, // 40.531.240 / 3.000 = 13.510,41
    });
    expect(withUnits.regionDetail[1]).toMatchObject({
      key: 'haarlem-noord',
      daebUnits: null,
      budgetPerDaebCents: null,
    });
    expect(withUnits.regionDetail[2]).toMatchObject({ daebUnits: 0, spentPerDaebCents: null });
  });

  describe('the cap per DAEB dwelling', () => {
    it('is off by default', () => {
      expect(report.capPerDaebCents).toBeNull();
      expect(report.capWarnings).toEqual([]);
    });

    it('warns per column above the cap', () => {
      const capped = annualReport({ ...INPUT, capPerDaebCents: 125_00 });
      expect(capped.capWarnings).toEqual([
        {
          column: 'begrotingY',
          perDwellingCents: 12_916,
          capCents: 12_500,
          message: 'Begroting 2025: € 129,16 per DAEB dwelling is above the cap of € 125,00',
        },
        {
          column: 'realisatieY',
          perDwellingCents: 12_841,
          capCents: 12_500,
          message: 'Realisatie 2025: € 128,41 per DAEB dwelling is above the cap of € 125,00',
        },
      ]);
      expect(perDwelling(capped).realisatieYMinus1.exceedsCap).toBe(false);
    });

    it('compares unrounded cents: exactly at the cap is fine, a cent above warns', () => {
      const at = (cents: number) =>
        annualReport({
          year: 2025,
          regions: [{ key: 'r', name: 'R' }],
          lines: [],
          budget: { r: cents },
          spent: {},
          spentPrevious: {},
          daebUnits: { Y: 1_000, 'Y-1': 1_000 },
          capPerDaebCents: 12_500,
        });
      expect(at(12_500_000).capWarnings).toEqual([]);
      const over = at(12_500_001);
      // € 125,000001 per dwelling: shown as € 125,00 and still above the cap.
      expect(perDwelling(over).begrotingY).toMatchObject({ display: '125,00', exceedsCap: true });
      expect(over.capWarnings).toHaveLength(1);
    });
  });

  it('refuses keys outside the report, duplicate keys, bad amounts and counts', () => {
    let error: AppError | null = null;
    try {
      annualReport({
        ...INPUT,
        year: 2025.5,
        lines: [...LINES, { key: 'zandvoort', name: '' }],
        budget: { ...INPUT.budget, onbekend: 5 },
        spent: { ...INPUT.spent, beverwijk: 1.5 },
        daebUnits: { Y: -1, 'Y-1': 2.5 },
        capPerDaebCents: 0,
        regionDaebUnits: { algemeen: 3 },
      });
    } catch (caught) {
      error = caught as AppError;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe('validation_failed');
    expect(
      (error!.details!.issues as { field: string; message: string }[]).map(
        (i) => `${i.field}: ${i.message}`,
      ),
    ).toEqual([
      'year: must be a whole year (got 2025.5)',
      "lines[3].key: 'zandvoort' appears twice among the regions and lines",
      "lines[3].name: 'zandvoort' needs a name",
      "budget.onbekend: 'onbekend' is not a region or line of the report; its money would be missing from the total",
      'spent.beverwijk: must be a whole number of cents (got 1.5)',
      'daebUnits.Y: must be a whole number ≥ 0 (got -1)',
      "daebUnits['Y-1']: must be a whole number ≥ 0 (got 2.5)",
      'capPerDaebCents: a cap of 0 forbids all spending; leave it empty for no cap',
      "regionDaebUnits.algemeen: 'algemeen' is not a region of the report",
    ]);
  });
});

describe('reportCsv', () => {
  it('writes the table as Dutch CSV: BOM, semicolons, decimal comma, CRLF', () => {
    expect(reportCsv(annualReport(INPUT))).toBe(
      '\uFEFF' +
        [
          'Leefbaarheidsuitgaven (x € 1.000);Begroting 2025;Realisatie 2025;Realisatie 2024',
          'Beverwijk;412;405;390',
          'Haarlem-Noord;530;542;510',
          'Schalkwijk;610;598;574',
          'Zandvoort;98;101;100',
          'Buurtbeheer;150;149;143',
          'Personele inzet;60;57;58',
          'Algemeen;25;21;21',
          'Alle leefbaarheidsuitgaven;1885;1874;1796',
          'Aantal zelfstandige woningen DAEB;14594;14594;14702',
          'Uitgaven per zelfstandige woning;129,16;128,41;122,13',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('writes negative figures as numbers and an unknown amount per dwelling as empty', () => {
    const csv = reportCsv(
      annualReport({
        year: 2024,
        regions: [{ key: 'r', name: '=Regio' }],
        lines: [],
        budget: {},
        spent: { r: -150_000 },
        spentPrevious: {},
        daebUnits: { Y: 3, 'Y-1': 0 },
      }),
    );
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Leefbaarheidsuitgaven (x € 1.000);Begroting 2024;Realisatie 2024;Realisatie 2023',
    );
    // A label that a spreadsheet would run as a formula is defused by format/csv.ts.
    expect(lines[1]).toBe("'=Regio;0;-2;0");
    // −150.000 / 3 = −50.000 cents = −€ 500,00; 0 dwellings in 2023: empty.
    expect(lines[4]).toBe('Uitgaven per zelfstandige woning;0;-500;');
  });
});

describe('annualReport from an adopted allocation', () => {
  it('takes the begroting from budgetFromAllocation', () => {
    const allocation = allocateBudget(
      {
        key: 'vastgesteld',
        totalCents: 1_000_000_00,
        fixedLines: [{ key: 'algemeen', name: 'Algemeen', amountCents: 100_000_00 }],
        needWeights: { by: 'class', weights: { 1: 3, 2: 2, 3: 1 } },
        basePerDaebCents: 10_00,
      },
      [
        {
          code: 'BU1',
          name: 'a',
          regionKey: 'noord',
          daebUnits: 3_000,
          rankClass: 1,
          rankDecile: 1,
        },
        {
          code: 'BU2',
          name: 'b',
          regionKey: 'zuid',
          daebUnits: 4_000,
          rankClass: 3,
          rankDecile: 9,
        },
      ],
    );
    const report = annualReport({
      year: 2026,
      regions: [
        { key: 'noord', name: 'Noord' },
        { key: 'zuid', name: 'Zuid' },
      ],
      lines: [{ key: 'algemeen', name: 'Algemeen' }],
      budget: budgetFromAllocation(allocation),
      spent: {},
      spentPrevious: {},
      daebUnits: { Y: 7_000, 'Y-1': 7_000 },
    });
    expect(amountRow(report, 'total').begrotingY.cents).toBe(1_000_000_00);
    // Base 30.000 + 40.000; need 830.000 by 9.000 : 4.000.
    expect(amountRow(report, 'noord').begrotingY.cents).toBe(30_000_00 + 574_615_38);
    expect(amountRow(report, 'zuid').begrotingY.cents).toBe(40_000_00 + 255_384_62);
  });
});

describe('annualReport: properties (seeded)', () => {
  it('keeps the arithmetic exact for random years', () => {
    const next = createUniformStream(31);
    const int = (max: number) => Math.floor(next() * (max + 1));
    for (let t = 0; t < 500; t += 1) {
      const regions = Array.from({ length: 1 + int(6) }, (_, i) => ({
        key: `r${i}`,
        name: `R${i}`,
      }));
      const lines = Array.from({ length: int(4) }, (_, i) => ({ key: `l${i}`, name: `L${i}` }));
      const amounts = () =>
        Object.fromEntries(
          [...regions, ...lines].map((item) => [
            item.key,
            Math.floor((next() - 0.1) * 10 ** (2 + int(9))),
          ]),
        );
      const input: AnnualReportInput = {
        year: 2000 + int(40),
        regions,
        lines,
        budget: amounts(),
        spent: amounts(),
        spentPrevious: amounts(),
        daebUnits: { Y: int(40_000), 'Y-1': int(40_000) },
        capPerDaebCents: next() < 0.5 ? null : 1 + int(30_000),
      };
      const report = annualReport(input);
      const items = report.rows.filter(
        (r): r is AmountRow => r.kind === 'region' || r.kind === 'line',
      );
      const total = amountRow(report, 'total');
      const per = perDwelling(report);
      const units = {
        begrotingY: input.daebUnits.Y,
        realisatieY: input.daebUnits.Y,
        realisatieYMinus1: input.daebUnits['Y-1'],
      };
      for (const column of ['begrotingY', 'realisatieY', 'realisatieYMinus1'] as const) {
        const sum = items.reduce((s, r) => s + r[column].cents!, 0);
        expect(total[column].cents).toBe(sum);
        for (const row of [...items, total]) {
          // Thousands = round half away from zero of cents / 100.000, checked in BigInt.
          const c = BigInt(row[column].cents!);
          const q = c / 100_000n;
          const r = c % 100_000n;
          const away = (r < 0n ? -r : r) * 2n >= 100_000n ? q + (c < 0n ? -1n : 1n) : q;
          expect(row[column].thousands).toBe(Number(away));
        }
        // Rounded rows are each off by at most half a thousand.
        expect(Math.abs(report.roundingDifferences[column])).toBeLessThanOrEqual(
          Math.ceil(items.length / 2),
        );
        const n = units[column];
        if (n === 0) {
          expect(per[column].cents).toBeNull();
        } else {
          // From the unrounded total: within half a cent of the exact quotient.
          expect(Math.abs(per[column].cents! - sum / n)).toBeLessThanOrEqual(0.5 + 1e-9);
          const cap = input.capPerDaebCents ?? null;
          expect(per[column].exceedsCap).toBe(
            cap !== null && BigInt(sum) > BigInt(cap) * BigInt(n),
          );
        }
      }
      expect(report.capWarnings.map((w) => w.column)).toEqual(
        (['begrotingY', 'realisatieY', 'realisatieYMinus1'] as const).filter(
          (column) => per[column].exceedsCap,
        ),
      );
      const csvLines = reportCsv(report).split('\r\n');
      expect(csvLines).toHaveLength(report.rows.length + 2); // header, rows, trailing ''
    }
  });

  it('a year without spending or without an adopted begroting is an empty column, never zeros', () => {
    const report = annualReport({ ...INPUT, budget: null, spentPrevious: null });
    const total = amountRow(report, 'total');
    expect(total.begrotingY).toEqual({ cents: null, thousands: null, display: '–' });
    expect(total.realisatieYMinus1.display).toBe('–');
    expect(total.realisatieY.cents).not.toBeNull();
    expect(total.difference.cents).toBeNull();
    expect(perDwelling(report).realisatieYMinus1).toMatchObject({ cents: null, display: '' });
    expect(reportCsv(report).split('\r\n')[1]).toMatch(/^[^;]+;;\d+;$/);
  });
});
