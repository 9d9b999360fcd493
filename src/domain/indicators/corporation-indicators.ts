import type { Indicator } from './indicator.js';

/**
 * Figures Buurtbalans derives from the corporation's own records — its complexes, its spending
 * lines and the adopted begroting — so that the map, the table and the area profile show them
 * like any open figure, with source and year. They are recomputed whenever those records change
 * (services/own-figures.ts); none is imported. They describe property and money, not residents,
 * so small-number disclosure control does not apply (see the 2026-12-07 migration).
 */
export const CORPORATION_SOURCE = 'Eigen gegevens corporatie (bezit en leefbaarheidsbudget)';

/** The CBS indicator holding an area's number of dwellings: the base of the share owned. */
export const DWELLINGS_INDICATOR = 'a_woning';

/** Stored figures of these indicators carry this source; nothing else writes them. */
export const OWN_FIGURES_SOURCE = 'corporatie';

export const OWN_STOCK_KEYS = [
  'corp_complexen',
  'corp_woningen',
  'corp_daeb',
  'corp_aandeel',
] as const;
export const OWN_MONEY_KEYS = [
  'corp_begroting',
  'corp_uitgaven',
  'corp_uitgaven_per_daeb',
] as const;
export type OwnFigureKey = (typeof OWN_STOCK_KEYS)[number] | (typeof OWN_MONEY_KEYS)[number];

type Entry = Pick<Indicator, 'key' | 'nameNl' | 'nameEn' | 'unit' | 'kind' | 'decimals'> &
  Pick<Indicator, 'descriptionNl' | 'descriptionEn'> &
  Partial<Indicator>;

const entries: Entry[] = [
  {
    key: 'corp_complexen',
    nameNl: 'Complexen van de corporatie',
    nameEn: "The corporation's complexes",
    unit: 'aantal',
    kind: 'count',
    decimals: 0,
    descriptionNl:
      'Aantal complexen van de corporatie in het gebied, volgens de complexenlijst zoals die in het jaar het laatst gold.',
    descriptionEn:
      "Number of the corporation's complexes in the area, from the complex list as it last stood in the year.",
  },
  {
    key: 'corp_woningen',
    nameNl: 'Woningen van de corporatie',
    nameEn: "The corporation's dwellings",
    unit: 'aantal',
    kind: 'count',
    decimals: 0,
    descriptionNl:
      'Verhuureenheden (woningen) van de corporatie in het gebied, opgeteld over haar complexen.',
    descriptionEn:
      "The corporation's rental units (dwellings) in the area, summed over its complexes.",
  },
  {
    key: 'corp_daeb',
    nameNl: 'DAEB-woningen van de corporatie',
    nameEn: "The corporation's DAEB dwellings",
    unit: 'aantal',
    kind: 'count',
    decimals: 0,
    descriptionNl:
      'Zelfstandige woningen in het DAEB-bezit (sociale huur) van de corporatie; de basis voor de verdeling van het leefbaarheidsgeld.',
    descriptionEn:
      "The corporation's DAEB (social rent) dwellings; the basis on which the livability money is divided.",
  },
  {
    key: 'corp_aandeel',
    nameNl: 'Aandeel woningen van de corporatie',
    nameEn: 'Share of dwellings owned by the corporation',
    unit: '%',
    kind: 'percentage',
    decimals: 1,
    descriptionNl:
      'Woningen van de corporatie als deel van alle woningen in het gebied (CBS, het nieuwste jaar tot en met het peiljaar). Ontbreekt waar CBS geen woningaantal heeft.',
    descriptionEn:
      "The corporation's dwellings as a share of all dwellings in the area (CBS, newest year up to the reference year). Missing where CBS has no dwelling count.",
    baseIndicatorKey: 'a_woning',
    numeratorIndicatorKey: 'corp_woningen',
  },
  {
    key: 'corp_begroting',
    nameNl: 'Leefbaarheidsbegroting (vastgesteld)',
    nameEn: 'Livability budget (adopted)',
    unit: 'euro',
    kind: 'count',
    decimals: 0,
    descriptionNl:
      'Het bedrag dat de vastgestelde begroting van het jaar aan het gebied toedeelt (geoormerkt, basis per DAEB-woning en behoefte); posten zonder gebied tellen niet mee.',
    descriptionEn:
      "The amount the year's adopted begroting allocates to the area (earmarks, base per DAEB dwelling and need); lines without an area are not included.",
  },
  {
    key: 'corp_uitgaven',
    nameNl: 'Leefbaarheidsuitgaven (realisatie)',
    nameEn: 'Livability spending (realised)',
    unit: 'euro',
    kind: 'count',
    decimals: 0,
    descriptionNl:
      'Uitgaven die op een buurt of een complex in het gebied zijn geboekt. Uitgaven op een hele regio of een post zonder gebied staan niet op de kaart: die zijn niet aan één buurt toe te rekenen.',
    descriptionEn:
      'Spending booked on a buurt or a complex in the area. Spending on a whole region or a line without an area is not on the map: it cannot be attributed to one buurt.',
  },
  {
    key: 'corp_uitgaven_per_daeb',
    nameNl: 'Leefbaarheidsuitgaven per DAEB-woning',
    nameEn: 'Livability spending per DAEB dwelling',
    unit: 'euro per woning',
    kind: 'amount',
    decimals: 2,
    descriptionNl:
      'Uitgaven op buurten en complexen in het gebied, gedeeld door de DAEB-woningen van de corporatie daar (huidige complexenlijst); n.v.t. waar zij er geen heeft. Uitgaven op een hele regio of een post zonder gebied tellen niet mee.',
    descriptionEn:
      "Spending on buurten and complexes in the area over the corporation's DAEB dwellings there (current complex list); n/a where it has none. Spending on a whole region or a line without an area is not included.",
  },
];

/** The corporation's own figures as catalogue entries (theme "corporatie", direction neutral). */
// The two euro sums are kind 'count' on purpose: like a count they add up over areas, and a
// buurt's sum set beside its gemeente's says nothing (the area profile compares neither);
// 'amount' in this catalogue means an average in euros (WOZ value, income).
export const CORPORATION_INDICATORS: readonly Indicator[] = entries.map((e) => ({
  source: CORPORATION_SOURCE,
  direction: 'neutral',
  theme: 'corporatie',
  classIndicatorKey: null,
  classScheme: null,
  disclosureControl: false,
  ...e,
}));
