import type { Direction, Indicator, Theme, ValueKind } from './indicator.js';

/**
 * The CBS Kerncijfers wijken en buurten figures Buurtbalans knows, under their `kwb-YYYY`
 * mnemonic (the column names of the flat kwb file), with the StatLine key stem that carries the
 * same figure in the OData tables (the numeric suffix changes every year: `AantalInwoners_5`).
 * Meanings and units from the 85984NED data properties (shared/data/cbs-kwb-2024) and
 * domain.md §4.4. Stems that CBS uses twice in one table (Nederland, Appartement, …) are left
 * out: they cannot be mapped by stem.
 */
interface KwbEntry {
  key: string;
  stem: string | null;
  nl: string;
  en: string;
  unit: string;
  kind: ValueKind;
  direction: Direction;
  theme: Theme;
  decimals: number;
}

const e = (
  key: string,
  stem: string | null,
  nl: string,
  en: string,
  unit: string,
  kind: ValueKind,
  direction: Direction,
  theme: Theme,
  decimals = 0,
): KwbEntry => ({ key, stem, nl, en, unit, kind, direction, theme, decimals });

export const KWB_FIGURES: readonly KwbEntry[] = [
  e(
    'a_inw',
    'AantalInwoners',
    'Inwoners',
    'Inhabitants',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e('a_man', 'Mannen', 'Mannen', 'Men', 'aantal', 'count', 'neutral', 'bevolking'),
  e('a_vrouw', 'Vrouwen', 'Vrouwen', 'Women', 'aantal', 'count', 'neutral', 'bevolking'),
  e(
    'a_00_14',
    'k_0Tot15Jaar',
    'Inwoners 0 tot 15 jaar',
    'Inhabitants aged 0–14',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'a_15_24',
    'k_15Tot25Jaar',
    'Inwoners 15 tot 25 jaar',
    'Inhabitants aged 15–24',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'a_25_44',
    'k_25Tot45Jaar',
    'Inwoners 25 tot 45 jaar',
    'Inhabitants aged 25–44',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'a_45_64',
    'k_45Tot65Jaar',
    'Inwoners 45 tot 65 jaar',
    'Inhabitants aged 45–64',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'a_65_oo',
    'k_65JaarOfOuder',
    'Inwoners 65 jaar of ouder',
    'Inhabitants aged 65 or over',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'a_hh',
    'HuishoudensTotaal',
    'Huishoudens',
    'Households',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'a_1p_hh',
    'Eenpersoonshuishoudens',
    'Eenpersoonshuishoudens',
    'Single-person households',
    'aantal',
    'count',
    'neutral',
    'bevolking',
  ),
  e(
    'g_hhgro',
    'GemiddeldeHuishoudensgrootte',
    'Gemiddelde huishoudensgrootte',
    'Mean household size',
    'aantal',
    'rate',
    'neutral',
    'bevolking',
    1,
  ),
  e(
    'bev_dich',
    'Bevolkingsdichtheid',
    'Bevolkingsdichtheid',
    'Population density',
    'inwoners per km²',
    'rate',
    'neutral',
    'bevolking',
  ),
  e(
    'a_woning',
    'Woningvoorraad',
    'Woningvoorraad',
    'Dwellings',
    'aantal',
    'count',
    'neutral',
    'wonen',
  ),
  e(
    'g_wozbag',
    'GemiddeldeWOZWaardeVanWoningen',
    'Gemiddelde WOZ-waarde',
    'Mean property value (WOZ)',
    '× € 1.000',
    'amount',
    'neutral',
    'wonen',
  ),
  e(
    'p_leegsw',
    'PercentageOnbewoond',
    'Onbewoonde woningen',
    'Unoccupied dwellings',
    '%',
    'percentage',
    'higher_is_worse',
    'wonen',
  ),
  e(
    'p_koopw',
    'Koopwoningen',
    'Koopwoningen',
    'Owner-occupied dwellings',
    '%',
    'percentage',
    'neutral',
    'wonen',
  ),
  e(
    'p_huurw',
    'HuurwoningenTotaal',
    'Huurwoningen',
    'Rented dwellings',
    '%',
    'percentage',
    'neutral',
    'wonen',
  ),
  e(
    'p_wcorpw',
    'InBezitWoningcorporatie',
    'Corporatiewoningen',
    'Housing association dwellings',
    '%',
    'percentage',
    'neutral',
    'wonen',
  ),
  e(
    'p_ov_hw',
    'InBezitOverigeVerhuurders',
    'Huurwoningen overige verhuurders',
    'Dwellings of other landlords',
    '%',
    'percentage',
    'neutral',
    'wonen',
  ),
  e(
    'p_arb_pp',
    'Nettoarbeidsparticipatie',
    'Nettoarbeidsparticipatie',
    'Net labour participation',
    '%',
    'percentage',
    'higher_is_better',
    'inkomen',
  ),
  e(
    'a_opl_lg',
    'OpleidingsniveauLaag',
    'Opleidingsniveau laag',
    'Low education level',
    'aantal',
    'count',
    'neutral',
    'sociaal',
  ),
  e(
    'a_opl_md',
    'OpleidingsniveauMiddelbaar',
    'Opleidingsniveau middelbaar',
    'Middle education level',
    'aantal',
    'count',
    'neutral',
    'sociaal',
  ),
  e(
    'a_opl_hg',
    'OpleidingsniveauHoog',
    'Opleidingsniveau hoog',
    'High education level',
    'aantal',
    'count',
    'neutral',
    'sociaal',
  ),
  e(
    'a_inkont',
    'AantalInkomensontvangers',
    'Inkomensontvangers',
    'Income recipients',
    'aantal',
    'count',
    'neutral',
    'inkomen',
  ),
  e(
    'g_ink_po',
    'GemiddeldInkomenPerInkomensontvanger',
    'Gemiddeld inkomen per inkomensontvanger',
    'Mean income per income recipient',
    '× € 1.000',
    'amount',
    'higher_is_better',
    'inkomen',
    1,
  ),
  e(
    'g_ink_pi',
    'GemiddeldInkomenPerInwoner',
    'Gemiddeld inkomen per inwoner',
    'Mean income per inhabitant',
    '× € 1.000',
    'amount',
    'higher_is_better',
    'inkomen',
    1,
  ),
  e(
    'p_ink_li',
    'k_40PersonenMetLaagsteInkomen',
    'Personen met laagste 40% inkomen',
    'Persons in the lowest 40% of income',
    '%',
    'percentage',
    'higher_is_worse',
    'inkomen',
    1,
  ),
  e(
    'p_ink_hi',
    'k_20PersonenMetHoogsteInkomen',
    'Personen met hoogste 20% inkomen',
    'Persons in the highest 20% of income',
    '%',
    'percentage',
    'higher_is_better',
    'inkomen',
    1,
  ),
  e(
    'g_hh_sti',
    'GemGestandaardiseerdInkomenVanHuish',
    'Gemiddeld gestandaardiseerd huishoudinkomen',
    'Mean standardised household income',
    '× € 1.000',
    'amount',
    'higher_is_better',
    'inkomen',
    1,
  ),
  e(
    'p_hh_li',
    'k_40HuishoudensMetLaagsteInkomen',
    'Huishoudens met laag inkomen',
    'Low-income households',
    '%',
    'percentage',
    'higher_is_worse',
    'inkomen',
    1,
  ),
  e(
    'p_hh_hi',
    'k_20HuishoudensMetHoogsteInkomen',
    'Huishoudens met hoogste 20% inkomen',
    'Households in the highest 20% of income',
    '%',
    'percentage',
    'higher_is_better',
    'inkomen',
    1,
  ),
  e(
    'p_hh_lkk',
    'HuishoudensMetEenLaagInkomen',
    'Huishoudens met lage koopkracht',
    'Households with low purchasing power',
    '%',
    'percentage',
    'higher_is_worse',
    'inkomen',
    1,
  ),
  e(
    'p_hh_osm',
    'HuishOnderOfRondSociaalMinimum',
    'Huishoudens rond sociaal minimum',
    'Households around the social minimum',
    '%',
    'percentage',
    'higher_is_worse',
    'inkomen',
    1,
  ),
  e(
    'p_hh_110',
    'HuishoudensTot110VanSociaalMinimum',
    'Huishoudens tot 110% van sociaal minimum',
    'Households up to 110% of the social minimum',
    '%',
    'percentage',
    'higher_is_worse',
    'inkomen',
    1,
  ),
  e(
    'p_hh_120',
    'HuishoudensTot120VanSociaalMinimum',
    'Huishoudens tot 120% van sociaal minimum',
    'Households up to 120% of the social minimum',
    '%',
    'percentage',
    'higher_is_worse',
    'inkomen',
    1,
  ),
  e(
    'm_hh_ver',
    'MediaanVermogenVanParticuliereHuish',
    'Mediaan vermogen huishoudens',
    'Median household wealth',
    '× € 1.000',
    'amount',
    'higher_is_better',
    'inkomen',
    1,
  ),
  e(
    'a_soz_wb',
    'PersonenPerSoortUitkeringBijstand',
    'Personen met bijstand',
    'Persons on social assistance',
    'aantal',
    'count',
    'higher_is_worse',
    'sociaal',
  ),
  e(
    'a_soz_ao',
    'PersonenPerSoortUitkeringAO',
    'Personen met arbeidsongeschiktheidsuitkering',
    'Persons on disability benefit',
    'aantal',
    'count',
    'higher_is_worse',
    'sociaal',
  ),
  e(
    'a_soz_ww',
    'PersonenPerSoortUitkeringWW',
    'Personen met WW-uitkering',
    'Persons on unemployment benefit',
    'aantal',
    'count',
    'higher_is_worse',
    'sociaal',
  ),
  e(
    'a_soz_ow',
    'PersonenPerSoortUitkeringAOW',
    'Personen met AOW',
    'Persons receiving state pension',
    'aantal',
    'count',
    'neutral',
    'sociaal',
  ),
  e(
    'a_jz_tn',
    'JongerenMetJeugdzorgInNatura',
    'Jongeren met jeugdzorg',
    'Young people in youth care',
    'aantal',
    'count',
    'higher_is_worse',
    'sociaal',
  ),
  e(
    'p_jz_tn',
    'PercentageJongerenMetJeugdzorg',
    'Jongeren met jeugdzorg (%)',
    'Young people in youth care (%)',
    '%',
    'percentage',
    'higher_is_worse',
    'sociaal',
    1,
  ),
  e(
    'a_wmo_t',
    'WmoClienten',
    'Wmo-cliënten',
    'Wmo clients',
    'aantal',
    'count',
    'higher_is_worse',
    'sociaal',
  ),
  e(
    'p_wmo_t',
    'WmoClientenRelatief',
    'Wmo-cliënten per 1.000 inwoners',
    'Wmo clients per 1,000 inhabitants',
    'per 1.000 inwoners',
    'rate',
    'higher_is_worse',
    'sociaal',
  ),
  e('a_opp_ha', 'OppervlakteTotaal', 'Oppervlakte', 'Area', 'ha', 'count', 'neutral', 'omgeving'),
  e(
    'ste_mvs',
    'MateVanStedelijkheid',
    'Stedelijkheid (1 zeer sterk – 5 niet)',
    'Urbanity (1 very strong – 5 none)',
    'klasse 1–5',
    'class',
    'neutral',
    'omgeving',
  ),
  e(
    'ste_oad',
    'Omgevingsadressendichtheid',
    'Omgevingsadressendichtheid',
    'Address density',
    'adressen per km²',
    'rate',
    'neutral',
    'omgeving',
  ),
  e(
    'g_afs_hp',
    'AfstandTotHuisartsenpraktijk',
    'Afstand tot huisartsenpraktijk',
    'Distance to GP practice',
    'km',
    'rate',
    'higher_is_worse',
    'voorzieningen',
    1,
  ),
  e(
    'g_afs_gs',
    'AfstandTotGroteSupermarkt',
    'Afstand tot grote supermarkt',
    'Distance to large supermarket',
    'km',
    'rate',
    'higher_is_worse',
    'voorzieningen',
    1,
  ),
  e(
    'g_afs_sc',
    'AfstandTotSchool',
    'Afstand tot school',
    'Distance to school',
    'km',
    'rate',
    'higher_is_worse',
    'voorzieningen',
    1,
  ),
];

const CBS = 'CBS Kerncijfers wijken en buurten';

// Longer explanations where the short name leaves room for a wrong reading.
const DESCRIPTIONS: Record<string, [string, string]> = {
  a_inw: [
    'Aantal inwoners op 1 januari. CBS rondt aantallen per buurt af op 5.',
    'Number of inhabitants on 1 January. CBS rounds buurt counts to 5.',
  ],
  p_hh_li: [
    'Aandeel particuliere huishoudens in de laagste 40% van het gestandaardiseerd inkomen van Nederland.',
    'Share of private households in the national lowest 40% of standardised income.',
  ],
  p_hh_lkk: [
    'Aandeel huishoudens met een inkomen onder de lage-inkomensgrens (lage koopkracht).',
    'Share of households with an income below the low-income threshold (low purchasing power).',
  ],
  p_hh_osm: [
    'Aandeel huishoudens met een inkomen onder of rond het sociaal minimum (tot 105%). CBS publiceert dit niet meer vanaf de tabel van 2024.',
    'Share of households with an income below or around the social minimum (up to 105%). Not published from the 2024 table on.',
  ],
  p_wcorpw: [
    'Aandeel woningen in bezit van woningcorporaties.',
    'Share of dwellings owned by housing associations.',
  ],
  g_ink_pi: [
    'Gemiddeld persoonlijk inkomen per inwoner, in duizenden euro’s. Inkomenscijfers lopen ongeveer twee jaar achter.',
    'Mean personal income per inhabitant, in thousands of euros. Income figures lag about two years.',
  ],
  a_soz_wb: [
    'Aantal personen met een bijstandsuitkering (Participatiewet).',
    'Number of persons receiving social assistance (Participatiewet).',
  ],
};

/**
 * The base (denominator) of the KWB shares, for disclosure control. The household shares are
 * of households with an income, a little fewer than a_hh: the check errs on the side of showing
 * what CBS itself published. Shares without a clear base here are CBS's own, already
 * disclosure-controlled figures.
 */
const SHARE_BASES: Record<string, string> = {
  p_leegsw: 'a_woning',
  p_koopw: 'a_woning',
  p_huurw: 'a_woning',
  p_wcorpw: 'a_woning',
  p_ov_hw: 'a_woning',
  p_ink_li: 'a_inkont',
  p_ink_hi: 'a_inkont',
  p_hh_li: 'a_hh',
  p_hh_hi: 'a_hh',
  p_hh_lkk: 'a_hh',
  p_hh_osm: 'a_hh',
  p_hh_110: 'a_hh',
  p_hh_120: 'a_hh',
};

/** The KWB figures as catalogue entries. */
export function kwbIndicators(): Indicator[] {
  return KWB_FIGURES.map((f) => ({
    key: f.key,
    nameNl: f.nl,
    nameEn: f.en,
    unit: f.unit,
    kind: f.kind,
    source: CBS,
    direction: f.direction,
    theme: f.theme,
    decimals: f.decimals,
    descriptionNl:
      DESCRIPTIONS[f.key]?.[0] ?? `${f.nl} (CBS Kerncijfers wijken en buurten, ${f.key}).`,
    descriptionEn:
      DESCRIPTIONS[f.key]?.[1] ?? `${f.en} (CBS Kerncijfers wijken en buurten, ${f.key}).`,
    classIndicatorKey: null,
    classScheme: null,
    baseIndicatorKey: SHARE_BASES[f.key] ?? null,
  }));
}

/**
 * StatLine titles (the column headers of a "CSV met statistische symbolen" download) of the
 * stems above, from the 85984NED data properties. Matched without the unit in brackets and
 * without a topic prefix ("Bevolking/Aantal inwoners (aantal)" → "aantal inwoners").
 */
const TITLES: Record<string, string> = {
  AantalInwoners: 'Aantal inwoners',
  Mannen: 'Mannen',
  Vrouwen: 'Vrouwen',
  k_0Tot15Jaar: '0 tot 15 jaar',
  k_15Tot25Jaar: '15 tot 25 jaar',
  k_25Tot45Jaar: '25 tot 45 jaar',
  k_45Tot65Jaar: '45 tot 65 jaar',
  k_65JaarOfOuder: '65 jaar of ouder',
  HuishoudensTotaal: 'Huishoudens totaal',
  Eenpersoonshuishoudens: 'Eenpersoonshuishoudens',
  GemiddeldeHuishoudensgrootte: 'Gemiddelde huishoudensgrootte',
  Bevolkingsdichtheid: 'Bevolkingsdichtheid',
  Woningvoorraad: 'Woningvoorraad',
  GemiddeldeWOZWaardeVanWoningen: 'Gemiddelde WOZ-waarde van woningen',
  PercentageOnbewoond: 'Percentage onbewoond',
  Koopwoningen: 'Koopwoningen',
  HuurwoningenTotaal: 'Huurwoningen totaal',
  InBezitWoningcorporatie: 'In bezit woningcorporatie',
  InBezitOverigeVerhuurders: 'In bezit overige verhuurders',
  Nettoarbeidsparticipatie: 'Nettoarbeidsparticipatie',
  OpleidingsniveauLaag: 'Opleidingsniveau laag',
  OpleidingsniveauMiddelbaar: 'Opleidingsniveau middelbaar',
  OpleidingsniveauHoog: 'Opleidingsniveau hoog',
  AantalInkomensontvangers: 'Aantal inkomensontvangers',
  GemiddeldInkomenPerInkomensontvanger: 'Gemiddeld inkomen per inkomensontvanger',
  GemiddeldInkomenPerInwoner: 'Gemiddeld inkomen per inwoner',
  k_40PersonenMetLaagsteInkomen: '40% personen met laagste inkomen',
  k_20PersonenMetHoogsteInkomen: '20% personen met hoogste inkomen',
  GemGestandaardiseerdInkomenVanHuish: 'Gem. gestandaardiseerd inkomen van huish',
  k_40HuishoudensMetLaagsteInkomen: '40% huishoudens met laagste inkomen',
  k_20HuishoudensMetHoogsteInkomen: '20% huishoudens met hoogste inkomen',
  HuishoudensMetEenLaagInkomen: 'Huishoudens met een laag inkomen',
  HuishOnderOfRondSociaalMinimum: 'Huish. onder of rond sociaal minimum',
  HuishoudensTot110VanSociaalMinimum: 'Huishoudens tot 110% van sociaal minimum',
  HuishoudensTot120VanSociaalMinimum: 'Huishoudens tot 120% van sociaal minimum',
  MediaanVermogenVanParticuliereHuish: 'Mediaan vermogen van particuliere huish.',
  PersonenPerSoortUitkeringBijstand: 'Personen per soort uitkering; Bijstand',
  PersonenPerSoortUitkeringAO: 'Personen per soort uitkering; AO',
  PersonenPerSoortUitkeringWW: 'Personen per soort uitkering; WW',
  PersonenPerSoortUitkeringAOW: 'Personen per soort uitkering; AOW',
  JongerenMetJeugdzorgInNatura: 'Jongeren met jeugdzorg in natura',
  PercentageJongerenMetJeugdzorg: 'Percentage jongeren met jeugdzorg',
  WmoClienten: 'Wmo-cliënten',
  WmoClientenRelatief: 'Wmo-cliënten relatief',
  OppervlakteTotaal: 'Oppervlakte totaal',
  MateVanStedelijkheid: 'Mate van stedelijkheid',
  Omgevingsadressendichtheid: 'Omgevingsadressendichtheid',
  AfstandTotHuisartsenpraktijk: 'Afstand tot huisartsenpraktijk',
  AfstandTotGroteSupermarkt: 'Afstand tot grote supermarkt',
  AfstandTotSchool: 'Afstand tot school',
};

const normaliseTitle = (title: string) =>
  title
    .split('/')
    .pop()!
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim()
    .toLowerCase();

const KEY_BY_TITLE = new Map(
  KWB_FIGURES.flatMap((f) => {
    const title = f.stem ? TITLES[f.stem] : undefined;
    return title ? [[normaliseTitle(title), f.key] as const] : [];
  }),
);

/**
 * The mnemonic for a StatLine column header that is a title rather than a key.
 * @example kwbKeyForStatlineTitle('Wonen/In bezit woningcorporatie (%)') // 'p_wcorpw'
 */
export function kwbKeyForStatlineTitle(title: string): string | null {
  return KEY_BY_TITLE.get(normaliseTitle(title)) ?? null;
}

/** A kwb mnemonic given as is (flat kwb files), or null. */
export function isKwbKey(column: string): boolean {
  return KWB_FIGURES.some((f) => f.key === column.trim().toLowerCase());
}

/**
 * The mnemonic for a StatLine key: the stem before the numeric suffix (`AantalInwoners_5` →
 * `AantalInwoners` → `a_inw`); null when Buurtbalans does not know the figure.
 * @example kwbKeyForStatlineKey('InBezitWoningcorporatie_43') // 'p_wcorpw'
 */
export function kwbKeyForStatlineKey(statlineKey: string): string | null {
  const stem = statlineKey.trim().replace(/_\d+$/, '');
  return KWB_FIGURES.find((f) => f.stem === stem)?.key ?? null;
}
