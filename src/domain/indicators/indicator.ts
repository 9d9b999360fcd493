/** The indicator catalogue's shape, shared by database, API and web. */

export const DIRECTIONS = ['higher_is_better', 'higher_is_worse', 'neutral'] as const;
/**
 * Which way is good. `neutral` is for plain quantities such as the number of inhabitants,
 * where neither more nor less is better; maps then use a neutral sequential palette.
 */
export type Direction = (typeof DIRECTIONS)[number];

export const VALUE_KINDS = ['count', 'percentage', 'amount', 'score', 'class', 'rate'] as const;
/** What a value is; decides formatting and how a parent's value may be derived. */
export type ValueKind = (typeof VALUE_KINDS)[number];

export const THEMES = [
  'bevolking',
  'wonen',
  'inkomen',
  'sociaal',
  'leefbaarheid',
  'veiligheid',
  'voorzieningen',
  'omgeving',
  'corporatie',
] as const;
export type Theme = (typeof THEMES)[number];

/** The order themes are shown in: livability and its dimensions first, context last. */
export const THEME_DISPLAY_ORDER: readonly Theme[] = [
  'leefbaarheid',
  'veiligheid',
  'sociaal',
  'omgeving',
  'voorzieningen',
  'wonen',
  'corporatie',
  'inkomen',
  'bevolking',
];

/** Sort key of a theme; unknown themes (from imported tables) go last. */
export function themeRank(theme: string): number {
  const index = (THEME_DISPLAY_ORDER as readonly string[]).indexOf(theme);
  return index === -1 ? THEME_DISPLAY_ORDER.length : index;
}

export interface Indicator {
  /** Stable key used by files, methods and the API (CBS mnemonic or `lbm_*`). */
  key: string;
  nameNl: string;
  nameEn: string;
  /** Unit as the source gives it, in Dutch (`%`, `aantal`, `× € 1.000`, `score`, `klasse`). */
  unit: string;
  kind: ValueKind;
  /** Publisher of the figure, e.g. "CBS Kerncijfers wijken en buurten". */
  source: string;
  direction: Direction;
  theme: Theme;
  /** Decimals to show; values are stored unrounded. */
  decimals: number;
  descriptionNl: string;
  descriptionEn: string;
  /** For an indicator whose map classes come from another stored indicator (Leefbaarometer 1–9). */
  classIndicatorKey: string | null;
  /** For a class indicator: the scheme naming its classes. */
  classScheme: ClassSchemeKey | null;
  /**
   * For a share: the indicator holding its base (denominator), e.g. a_woning for p_wcorpw.
   * Disclosure control hides shares with a small base. Absent: no base known.
   */
  baseIndicatorKey?: string | null;
  /**
   * For a share or rate: the count it is made of, where that count is an indicator too. Where
   * disclosure control hides the count, it hides the share (share × base would give it back).
   */
  numeratorIndicatorKey?: string | null;
  /** Figures about vulnerable residents: hidden from nobody with access, but every view is audited. */
  sensitive?: boolean;
  /**
   * Whether small-number disclosure control applies (default true). False only for figures
   * about the corporation's own property and money, which say nothing about residents.
   */
  disclosureControl?: boolean;
}

export const CLASS_SCHEMES = ['lbm_score', 'lbm_dimension'] as const;
export type ClassSchemeKey = (typeof CLASS_SCHEMES)[number];
