import type { Indicator } from './indicator.js';

/**
 * The built-in indicator catalogue: the stable keys that methods, files and the API use.
 * CBS figures keep their `kwb-YYYY` mnemonic whatever file layout they arrive in;
 * Leefbaarometer figures are `lbm_*`, their 1–9 classes `lbm_*_class`. Imports of other
 * tables add their own indicators next to these.
 */

const CBS = 'CBS Kerncijfers wijken en buurten';
const LBM = 'Leefbaarometer 3.0, Ministerie van BZK';

type Entry = Omit<Indicator, 'classIndicatorKey' | 'classScheme'> &
  Partial<Pick<Indicator, 'classIndicatorKey' | 'classScheme'>>;

const cbs: Entry[] = [
  {
    key: 'a_inw',
    nameNl: 'Inwoners',
    nameEn: 'Inhabitants',
    unit: 'aantal',
    kind: 'count',
    source: CBS,
    direction: 'neutral',
    theme: 'bevolking',
    decimals: 0,
    descriptionNl: 'Aantal inwoners op 1 januari. CBS rondt aantallen per buurt af op 5.',
    descriptionEn: 'Number of inhabitants on 1 January. CBS rounds buurt counts to 5.',
  },
  {
    key: 'a_hh',
    nameNl: 'Huishoudens',
    nameEn: 'Households',
    unit: 'aantal',
    kind: 'count',
    source: CBS,
    direction: 'neutral',
    theme: 'bevolking',
    decimals: 0,
    descriptionNl: 'Aantal particuliere huishoudens op 1 januari.',
    descriptionEn: 'Number of private households on 1 January.',
  },
  {
    key: 'a_woning',
    nameNl: 'Woningvoorraad',
    nameEn: 'Dwellings',
    unit: 'aantal',
    kind: 'count',
    source: CBS,
    direction: 'neutral',
    theme: 'wonen',
    decimals: 0,
    descriptionNl: 'Aantal woningen op 1 januari.',
    descriptionEn: 'Number of dwellings on 1 January.',
  },
  {
    key: 'p_huurw',
    nameNl: 'Huurwoningen',
    nameEn: 'Rented dwellings',
    unit: '%',
    kind: 'percentage',
    source: CBS,
    direction: 'neutral',
    theme: 'wonen',
    decimals: 0,
    descriptionNl: 'Aandeel huurwoningen in de woningvoorraad.',
    descriptionEn: 'Share of rented dwellings in the housing stock.',
  },
  {
    key: 'p_wcorpw',
    nameNl: 'Corporatiewoningen',
    nameEn: 'Housing association dwellings',
    unit: '%',
    kind: 'percentage',
    source: CBS,
    direction: 'neutral',
    theme: 'wonen',
    decimals: 0,
    descriptionNl: 'Aandeel woningen in bezit van woningcorporaties.',
    descriptionEn: 'Share of dwellings owned by housing associations.',
  },
  {
    key: 'g_wozbag',
    nameNl: 'Gemiddelde WOZ-waarde',
    nameEn: 'Mean property value (WOZ)',
    unit: '× € 1.000',
    kind: 'amount',
    source: CBS,
    direction: 'neutral',
    theme: 'wonen',
    decimals: 0,
    descriptionNl: 'Gemiddelde WOZ-waarde van woningen, in duizenden euro’s.',
    descriptionEn: 'Mean WOZ value of dwellings, in thousands of euros.',
  },
  {
    key: 'g_ink_pi',
    nameNl: 'Gemiddeld inkomen per inwoner',
    nameEn: 'Mean income per inhabitant',
    unit: '× € 1.000',
    kind: 'amount',
    source: CBS,
    direction: 'higher_is_better',
    theme: 'inkomen',
    decimals: 1,
    descriptionNl: 'Gemiddeld persoonlijk inkomen per inwoner, in duizenden euro’s.',
    descriptionEn: 'Mean personal income per inhabitant, in thousands of euros.',
  },
  {
    key: 'p_hh_li',
    nameNl: 'Huishoudens met laag inkomen',
    nameEn: 'Low-income households',
    unit: '%',
    kind: 'percentage',
    source: CBS,
    direction: 'higher_is_worse',
    theme: 'inkomen',
    decimals: 0,
    descriptionNl:
      'Aandeel particuliere huishoudens in de laagste 40% van het gestandaardiseerd inkomen van Nederland.',
    descriptionEn: 'Share of private households in the national lowest 40% of standardised income.',
  },
  {
    key: 'p_hh_osm',
    nameNl: 'Huishoudens rond sociaal minimum',
    nameEn: 'Households around the social minimum',
    unit: '%',
    kind: 'percentage',
    source: CBS,
    direction: 'higher_is_worse',
    theme: 'inkomen',
    decimals: 0,
    descriptionNl:
      'Aandeel huishoudens met een inkomen onder of rond het sociaal minimum (tot 105%).',
    descriptionEn:
      'Share of households with an income below or around the social minimum (up to 105%).',
  },
  {
    key: 'a_soz_wb',
    nameNl: 'Personen met bijstand',
    nameEn: 'Persons on social assistance',
    unit: 'aantal',
    kind: 'count',
    source: CBS,
    direction: 'higher_is_worse',
    theme: 'sociaal',
    decimals: 0,
    descriptionNl: 'Aantal personen met een bijstandsuitkering (Participatiewet).',
    descriptionEn: 'Number of persons receiving social assistance (Participatiewet).',
  },
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
export const BUILT_IN_INDICATORS: readonly Indicator[] = [...lbm, ...cbs].map((entry) => ({
  classIndicatorKey: null,
  classScheme: null,
  ...entry,
}));
