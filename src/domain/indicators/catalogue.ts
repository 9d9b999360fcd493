import { kwbIndicators } from './cbs-kwb.js';
import { CORPORATION_INDICATORS } from './corporation-indicators.js';
import type { Indicator } from './indicator.js';

/**
 * The built-in indicator catalogue: the stable keys that methods, files and the API use.
 * CBS figures keep their `kwb-YYYY` mnemonic whatever file layout they arrive in;
 * Leefbaarometer figures are `lbm_*`, their 1–9 classes `lbm_*_class`. Imports of other
 * tables add their own indicators next to these.
 */

const LBM = 'Leefbaarometer 3.0, Ministerie van BZK';

type Entry = Omit<Indicator, 'classIndicatorKey' | 'classScheme'> &
  Partial<Pick<Indicator, 'classIndicatorKey' | 'classScheme'>>;

// Derived from two CBS figures of the same year; not a CBS mnemonic, so it lives here.
const derived: Entry[] = [
  {
    key: 'soz_wb_per_1000',
    nameNl: 'Bijstand per 1.000 inwoners',
    nameEn: 'Social assistance per 1,000 inhabitants',
    unit: 'per 1.000 inwoners',
    kind: 'rate',
    source: 'Afgeleid uit CBS Kerncijfers wijken en buurten',
    direction: 'higher_is_worse',
    theme: 'sociaal',
    decimals: 1,
    descriptionNl:
      'Personen met bijstand per 1.000 inwoners; berekend uit a_soz_wb en a_inw van hetzelfde jaar.',
    descriptionEn:
      'Persons on social assistance per 1,000 inhabitants; computed from a_soz_wb and a_inw of the same year.',
    baseIndicatorKey: 'a_inw',
    numeratorIndicatorKey: 'a_soz_wb',
  },
];

const dimension = (
  key: string,
  nl: string,
  en: string,
  theme: Indicator['theme'],
  whatNl: string,
  whatEn: string,
): Entry[] => [
  {
    key,
    nameNl: `Leefbaarometer: ${nl}`,
    nameEn: `Leefbaarometer: ${en}`,
    unit: 'afwijking',
    kind: 'score',
    source: LBM,
    direction: 'higher_is_better',
    theme,
    decimals: 3,
    descriptionNl: `Bijdrage van de dimensie ${nl.toLowerCase()} (${whatNl}) als afwijking van het landelijk referentieniveau; positief is beter.`,
    descriptionEn: `Contribution of the ${en.toLowerCase()} dimension (${whatEn}) as a deviation from the national reference; positive is better.`,
    classIndicatorKey: `${key}_class`,
  },
  {
    key: `${key}_class`,
    nameNl: `Leefbaarometer: ${nl} (klasse)`,
    nameEn: `Leefbaarometer: ${en} (class)`,
    unit: 'klasse 1–9',
    kind: 'class',
    source: LBM,
    direction: 'higher_is_better',
    theme,
    decimals: 0,
    descriptionNl: `Klasse 1–9 van de dimensie ${nl.toLowerCase()}; 5 is rond het gemiddelde.`,
    descriptionEn: `Class 1–9 of the ${en.toLowerCase()} dimension; 5 is around average.`,
    classScheme: 'lbm_dimension',
  },
];

const lbm: Entry[] = [
  {
    key: 'lbm_score',
    nameNl: 'Leefbaarometer: totaalscore',
    nameEn: 'Leefbaarometer: total score',
    unit: 'score',
    kind: 'score',
    source: LBM,
    direction: 'higher_is_better',
    theme: 'leefbaarheid',
    decimals: 3,
    descriptionNl:
      'Absolute Leefbaarometer-score: het referentieniveau van de release plus de afwijking. Alleen vergelijkbaar binnen één release.',
    descriptionEn:
      'Absolute Leefbaarometer score: the release’s reference level plus the deviation. Comparable within one release only.',
    classIndicatorKey: 'lbm_score_class',
  },
  {
    key: 'lbm_score_class',
    nameNl: 'Leefbaarometer: oordeel (klasse)',
    nameEn: 'Leefbaarometer: rating (class)',
    unit: 'klasse 1–9',
    kind: 'class',
    source: LBM,
    direction: 'higher_is_better',
    theme: 'leefbaarheid',
    decimals: 0,
    descriptionNl:
      'Klasse 1 (zeer onvoldoende) tot 9 (uitstekend), zoals de Leefbaarometer die publiceert (kscore).',
    descriptionEn:
      'Class 1 (very insufficient) to 9 (excellent) as published by the Leefbaarometer (kscore).',
    classScheme: 'lbm_score',
  },
  {
    key: 'lbm_afw',
    nameNl: 'Leefbaarometer: afwijking totaal',
    nameEn: 'Leefbaarometer: total deviation',
    unit: 'afwijking',
    kind: 'score',
    source: LBM,
    direction: 'higher_is_better',
    theme: 'leefbaarheid',
    decimals: 3,
    descriptionNl:
      'Totale leefbaarheid als afwijking van het landelijk referentieniveau: de som van de vijf dimensies. Positief is beter.',
    descriptionEn:
      'Total livability as a deviation from the national reference: the sum of the five dimensions. Positive is better.',
    classIndicatorKey: 'lbm_afw_class',
  },
  {
    key: 'lbm_afw_class',
    nameNl: 'Leefbaarometer: afwijking totaal (klasse)',
    nameEn: 'Leefbaarometer: total deviation (class)',
    unit: 'klasse 1–9',
    kind: 'class',
    source: LBM,
    direction: 'higher_is_better',
    theme: 'leefbaarheid',
    decimals: 0,
    descriptionNl:
      'Klasse 1–9 van de totale afwijking (kafw), symmetrisch rond 0; 5 is rond het gemiddelde.',
    descriptionEn:
      'Class 1–9 of the total deviation (kafw), symmetric around 0; 5 is around average.',
    classScheme: 'lbm_dimension',
  },
  ...dimension(
    'lbm_won',
    'Woningvoorraad',
    'Housing stock',
    'wonen',
    'woningtypen, bouwperiode, eigendom',
    'dwelling types, age, tenure',
  ),
  ...dimension(
    'lbm_fys',
    'Fysieke omgeving',
    'Physical environment',
    'omgeving',
    'geluid, groen, water, dichtheid',
    'noise, green, water, density',
  ),
  ...dimension(
    'lbm_vrz',
    'Voorzieningen',
    'Amenities',
    'voorzieningen',
    'nabijheid van winkels, zorg, ov, cultuur',
    'proximity of shops, care, transport, culture',
  ),
  ...dimension(
    'lbm_soc',
    'Sociale samenhang',
    'Social cohesion',
    'sociaal',
    'verhuizingen, samenstelling, sociaal-economische mix',
    'residential mobility, composition, socio-economic mix',
  ),
  ...dimension(
    'lbm_onv',
    'Overlast en onveiligheid',
    'Nuisance and insecurity',
    'veiligheid',
    'criminaliteit, overlast, verstoringen',
    'crime, nuisance, disturbances',
  ),
];

/** All built-in indicators, in the order the interface lists them. */
export const BUILT_IN_INDICATORS: readonly Indicator[] = [
  ...[...lbm, ...derived].map((entry) => ({
    classIndicatorKey: null,
    classScheme: null,
    ...entry,
  })),
  ...kwbIndicators(),
  ...CORPORATION_INDICATORS,
];
