import type { MethodDefinition } from './method.js';

/**
 * The method Buurtbalans ships with. Its weights are a starting point for a board's own choice,
 * and the description says why each weight is what it is. This file imports only types from
 * method.ts: method.ts builds METHOD_EXAMPLE from DEFAULT_METHOD, and a value import back would
 * be an import cycle.
 */

/** Class labels of the five default classes, most need first. */
export const DEFAULT_CLASS_LABELS_NL: readonly string[] = [
  'zeer hoge prioriteit',
  'hoge prioriteit',
  'gemiddelde prioriteit',
  'lage prioriteit',
  'zeer lage prioriteit',
];

export const DEFAULT_CLASS_LABELS_EN: readonly string[] = [
  'very high priority',
  'high priority',
  'medium priority',
  'low priority',
  'very low priority',
];

/**
 * Leefbaarheid en kwetsbaarheid: the five Leefbaarometer dimensions and three CBS figures on
 * low income and social assistance, in two equally heavy themes. Origin or migration background
 * is deliberately not a criterion.
 */
export const DEFAULT_METHOD: MethodDefinition = {
  key: 'leefbaarheid-en-kwetsbaarheid',
  name: 'Leefbaarheid en kwetsbaarheid',
  description: [
    'Deze methode rangschikt de buurten in het werkgebied naar de behoefte aan inzet op leefbaarheid; rang 1 is de buurt met de meeste behoefte.',
    'Ze combineert twee even zware thema’s: leefbaarheid (de vijf dimensies van de Leefbaarometer, samen gewicht 10) en kwetsbaarheid (drie CBS-cijfers over inkomen en bijstand, samen ook gewicht 10), omdat de veerkrachtbenadering van Aedes de concentratie van kwetsbare bewoners naast de leefbaarheid van de buurt legt.',
    'Binnen leefbaarheid weegt overlast en onveiligheid het zwaarst (3), omdat het leefbaarheidsbudget van de corporatie daar vooral op gericht is; woningvoorraad, sociale samenhang en voorzieningen wegen elk 2, en de fysieke omgeving weegt 1, omdat de corporatie daar de minste invloed op heeft.',
    'Binnen kwetsbaarheid wegen het aandeel huishoudens met een laag inkomen en het aantal bijstandsontvangers per 1.000 inwoners elk 4; het aandeel huishoudens rond het sociaal minimum weegt 2, omdat het grotendeels overlapt met het lage inkomen en het CBS het vanaf de tabel van 2024 niet meer publiceert.',
    'Herkomst en migratieachtergrond zijn bewust geen criterium: de methode kijkt naar omstandigheden in de buurt, niet naar wie er woont.',
    'Elk cijfer wordt omgezet in een percentielrang binnen het werkgebied, zodat eenheden en uitschieters de uitkomst niet bepalen.',
    'Een buurt wordt alleen gerangschikt als cijfers met samen minstens 80% van het gewicht bekend zijn: een buurt zonder de CBS-cijfers valt af in plaats van op het halve beeld te worden beoordeeld.',
    'Naast de rang krijgt elke buurt een vlag bij elk cijfer waarop ze bij de 10% met de meeste behoefte hoort, en een bandbreedte van de rang die laat zien hoe vast die rang staat als de gewichten tot de helft anders zouden zijn.',
  ].join(' '),
  universe: { level: 'buurt', within: 'working-area' },
  normalisation: 'percentile',
  antiCompensation: false,
  completeness: { minWeightShare: 0.8 },
  classes: {
    count: 5,
    labelsNl: [...DEFAULT_CLASS_LABELS_NL],
    labelsEn: [...DEFAULT_CLASS_LABELS_EN],
  },
  flags: { percentile: 0.9 },
  uncertainty: { draws: 1000, perturbation: 0.5, seed: 1 },
  themeWeights: null,
  indicators: [
    { key: 'lbm_onv', direction: 'higher_is_better', weight: 3, theme: 'leefbaarheid' },
    { key: 'lbm_won', direction: 'higher_is_better', weight: 2, theme: 'leefbaarheid' },
    { key: 'lbm_soc', direction: 'higher_is_better', weight: 2, theme: 'leefbaarheid' },
    { key: 'lbm_vrz', direction: 'higher_is_better', weight: 2, theme: 'leefbaarheid' },
    { key: 'lbm_fys', direction: 'higher_is_better', weight: 1, theme: 'leefbaarheid' },
    { key: 'p_hh_li', direction: 'higher_is_worse', weight: 4, theme: 'kwetsbaarheid' },
    { key: 'soz_wb_per_1000', direction: 'higher_is_worse', weight: 4, theme: 'kwetsbaarheid' },
    { key: 'p_hh_osm', direction: 'higher_is_worse', weight: 2, theme: 'kwetsbaarheid' },
  ],
};
