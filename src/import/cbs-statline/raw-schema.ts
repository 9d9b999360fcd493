/**
 * StatLine Kerncijfers layouts. The OData data set (JSON or its CSV) names columns by key:
 * `WijkenEnBuurten` (the region code, right-padded), `Gemeentenaam_1`, `SoortRegio_2`,
 * `Codering_3`, then figures like `AantalInwoners_5` whose suffix changes every year. The
 * "CSV met statistische symbolen" download names columns by title ("Wijken en buurten" holds
 * the region *name* there, "Codering" the code) and uses the CBS symbols in its cells.
 */
export const CODE_FIELD = /^codering(_\d+)?$/i;
export const KEY_CODE_FIELD = 'wijkenenbuurten';
export const TITLE_NAME_FIELD = 'wijken en buurten';
export const LEVEL_FIELD = /^soortregio(_\d+)?$|^soort regio/i;

/** Dimension and structure fields of a Kerncijfers data set: never figures. */
export const STRUCTURE =
  /^(id|wijkenenbuurten|gemeentenaam|soortregio|codering|indelingswijziging\w*|meestvoorkomendepostcode|dekkingspercentage)(_\d+)?$|^(wijken en buurten|gemeentenaam|soort regio|codering|indelingswijziging.*|meest voorkomende postcode|dekkingspercentage)(\s*\(.*\))?$/i;
