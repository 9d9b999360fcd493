import type { AreaLevel } from '../../domain/shared/area-code.js';

/** The whole view of the map page, kept in the URL so every view is a link. */
export interface ViewState {
  /** A gemeente code, or NATIONAL for the whole country. */
  gemeente: string;
  level: AreaLevel;
  indicator: string;
  /** null: the newest year with figures. */
  year: number | null;
  view: 'kaart' | 'tabel';
}

export const NATIONAL = 'NL';

/**
 * Read the view from the URL's query; anything missing or malformed takes the default.
 * @example readView(new URLSearchParams('jaar=2022'), { gemeente: 'GM9901', indicator: 'lbm_score' }).year // 2022
 */
export function readView(
  search: URLSearchParams,
  defaults: { gemeente: string; indicator: string },
): ViewState {
  const gemeente = search.get('gemeente') ?? defaults.gemeente;
  const wanted = search.get('niveau');
  const level: AreaLevel =
    wanted === 'wijk'
      ? 'wijk'
      : wanted === 'gemeente' && gemeente === NATIONAL
        ? 'gemeente'
        : 'buurt';
  const year = Number(search.get('jaar'));
  return {
    gemeente,
    level,
    indicator: search.get('indicator') ?? defaults.indicator,
    year: Number.isInteger(year) && year > 1900 && year < 2100 ? year : null,
    view: search.get('weergave') === 'tabel' ? 'tabel' : 'kaart',
  };
}

/**
 * The URL of a view; a level that the new gemeente choice cannot show falls back to buurten.
 * @example writeView({ gemeente: 'GM9901', level: 'buurt', indicator: 'a_inw', year: null, view: 'kaart' }) // '/?gemeente=GM9901&niveau=buurt&indicator=a_inw'
 */
export function writeView(view: ViewState): string {
  const level = view.level === 'gemeente' && view.gemeente !== NATIONAL ? 'buurt' : view.level;
  const search = new URLSearchParams({
    gemeente: view.gemeente,
    niveau: level,
    indicator: view.indicator,
  });
  if (view.year !== null) search.set('jaar', String(view.year));
  if (view.view === 'tabel') search.set('weergave', 'tabel');
  return `/?${search.toString()}`;
}

/**
 * The gemeente a user sees first: the first of `preferred` (their organisation's working
 * area, then the corporation's) that they may see, else the first they may see — never one
 * outside their scope.
 * @example defaultGemeente(['GM9902'], ['GM9901', 'GM9902']) // 'GM9902'
 */
export function defaultGemeente(visible: readonly string[], preferred: readonly string[]): string {
  return preferred.find((code) => visible.includes(code)) ?? visible[0] ?? NATIONAL;
}
