/**
 * Names of the fictional demo world. Every name is invented, in the style of Dutch
 * neighbourhood names (themed buurten: birds, trees, mills); names are unique within their
 * gemeente, wijk and buurt names together, so a search by name never finds two areas.
 * Buurt pools are ordered from the centre outwards: the first name goes to the buurt nearest the
 * town centre.
 */

export interface WijkNames {
  name: string;
  buurten: readonly string[];
}

export const DUINRAND_WIJKEN: readonly WijkNames[] = [
  {
    name: 'Centrum',
    buurten: [
      'Binnenstad',
      'Marktkwartier',
      'Kerkbuurt',
      'Stationsbuurt',
      'Vestingbuurt',
      'Begijnhof',
      'Raadhuisbuurt',
      'Poortwijk',
      'Lange Gracht',
      'Wallen',
    ],
  },
  {
    name: 'Oude Haven',
    buurten: [
      'Havenkwartier',
      'Scheepmakersbuurt',
      'Kaaiwijk',
      'Visserseiland',
      'Zeilmakersbuurt',
      'Dokbuurt',
      'Pakhuizen',
      'Loodsenbuurt',
      'Ankerplaats',
    ],
  },
  {
    name: 'Molenwijk',
    buurten: [
      'Molenwijk-Noord',
      'Molenwijk-Zuid',
      'Korenmolen',
      'Watermolen',
      'Molenhof',
      'Wiekenbuurt',
      'Maalderij',
      'Stellingbuurt',
      'Zaagmolen',
      'Oliemolen',
    ],
  },
  {
    name: 'Vogelwijk',
    buurten: [
      'Vogelbuurt',
      'Merelhof',
      'Zwaluwbuurt',
      'Reigersbos',
      'Meeuwenpark',
      'Kievitsveld',
      'Uilenhorst',
      'Spreeuwenhof',
      'Roodborstbuurt',
    ],
  },
  {
    name: 'Zuiderpark',
    buurten: [
      'Parkwijk',
      'Bomenbuurt',
      'Lindenhof',
      'Eikenlaan',
      'Beukenrode',
      'Wilgenweide',
      'Iepenhof',
      'Kastanjehof',
      'Elzenhage',
    ],
  },
  {
    name: 'Duinzicht',
    buurten: [
      'Helmgras',
      'Duinvoet',
      'Zandwal',
      'Duindoorn',
      'Strandwal',
      'Dennenrode',
      'Villapark',
      'Zeereep',
      'Duinrust',
    ],
  },
];

export const VEENOORD_WIJKEN: readonly WijkNames[] = [
  {
    name: 'Dorpskern',
    buurten: [
      'Brink',
      'Dorpsstraat',
      'Kerkplein',
      'Oude Veen',
      'Wilhelminabuurt',
      'Julianapark',
      'Marktveld',
      'Schoolbuurt',
      'Pastoriebuurt',
    ],
  },
  {
    name: 'Veenhoven',
    buurten: [
      'Turfakkers',
      'Veenweide',
      'Lisdodde',
      'Waterlelie',
      'Rietkraag',
      'Veenpluis',
      'Zonnedauw',
      'Gagelveld',
    ],
  },
  {
    name: 'Turfwijk',
    buurten: [
      'Turfwijk-Noord',
      'Turfwijk-Zuid',
      'Componistenbuurt',
      'Rivierenbuurt',
      'Sterrenbuurt',
      'Plantage',
      'Schippersbuurt',
      'Vaartkant',
    ],
  },
  {
    name: 'Buitengebied Veenoord',
    buurten: [
      'Achterveen',
      'Veenpolder',
      'Oostermeer',
      'Lange Dijk',
      'Verspreide huizen Veenoord',
      'Petgaten',
    ],
  },
];

export const KREEKZAND_WIJKEN: readonly WijkNames[] = [
  {
    name: 'Kreekzand-Dorp',
    buurten: [
      'Dorpskern Kreekzand',
      'Kreekoever',
      'Zandpad',
      'Schorrenbuurt',
      'De Gorzen',
      'Dijkzicht',
      'Kreekhof',
      'Zuiderdijk',
      'Havenkant',
    ],
  },
  {
    name: 'Buitengebied Kreekzand',
    buurten: [
      'Verspreide huizen Kreekzand',
      'Zandpolder',
      'Oude Kreek',
      'Noorderschor',
      'Buitendijks',
      'Slikken',
    ],
  },
];

export const INDUSTRIAL_ESTATE_NAME = 'Bedrijventerrein De Kreek';
export const NEW_BUILD_NAME = 'Nieuw Veenhoven';
