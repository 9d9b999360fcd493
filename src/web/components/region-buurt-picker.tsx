import { useId, useMemo, useState } from 'react';
import type { Area } from '../../domain/areas/area.js';
import { useAreasQuery } from '../hooks/use-areas-query.js';
import { useI18n } from '../i18n/i18n.js';
import { matchesFilter } from '../regions-view.js';
import { ErrorPanel } from './feedback.js';

export interface BuurtOwner {
  key: string;
  name: string;
}

interface Shared {
  chosen: ReadonlySet<string>;
  /** The other region each buurt is in now (the edited region's own buurten are not here). */
  ownerOf: ReadonlyMap<string, BuurtOwner>;
  filter: string;
  onChange(codes: readonly string[], on: boolean): void;
}

/**
 * The buurten to choose from, per gemeente (each opens and closes) and wijk (one checkbox for
 * all its buurten). A gemeente's wijken and buurten are fetched when it is listed, so a working
 * area of several gemeenten with hundreds of buurten stays one screen per gemeente.
 */
export function RegionBuurtPicker({
  gemeenten,
  openAtStart,
  ...shared
}: Shared & {
  gemeenten: readonly { code: string; name: string }[];
  openAtStart: ReadonlySet<string>;
}) {
  return (
    <div className="buurt-picker">
      {gemeenten.map((g) => (
        <GemeenteGroup
          key={g.code}
          gemeente={g}
          openAtStart={openAtStart.has(g.code)}
          {...shared}
        />
      ))}
    </div>
  );
}

interface WijkGroup {
  code: string;
  name: string;
  /** Every buurt of the wijk: the wijk's checkbox is about all of them. */
  codes: string[];
  /** The buurten the filter leaves on screen. */
  shown: Area[];
}

function groupsOf(wijken: readonly Area[], buurten: readonly Area[], filter: string): WijkGroup[] {
  const filtering = filter.trim() !== '';
  const groups = new Map<string, WijkGroup>();
  for (const w of wijken) groups.set(w.code, { code: w.code, name: w.name, codes: [], shown: [] });
  for (const b of buurten) {
    const parent = b.parentCode ?? '';
    let group = groups.get(parent);
    if (!group) groups.set(parent, (group = { code: parent, name: parent, codes: [], shown: [] }));
    group.codes.push(b.code);
  }
  return [...groups.values()]
    .map((group) => {
      const all = buurten.filter((b) => (b.parentCode ?? '') === group.code);
      const wijkMatches = !filtering || matchesFilter(`${group.name} ${group.code}`, filter);
      return {
        ...group,
        shown: wijkMatches ? all : all.filter((b) => matchesFilter(`${b.name} ${b.code}`, filter)),
      };
    })
    .filter((group) => group.shown.length > 0);
}

function GemeenteGroup({
  gemeente,
  openAtStart,
  chosen,
  ownerOf,
  filter,
  onChange,
}: Shared & { gemeente: { code: string; name: string }; openAtStart: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const wijken = useAreasQuery('wijk', gemeente.code);
  const buurten = useAreasQuery('buurt', gemeente.code);
  const [open, setOpen] = useState(openAtStart);
  const filtering = filter.trim() !== '';
  const gemeenteMatches = filtering && matchesFilter(`${gemeente.name} ${gemeente.code}`, filter);
  const groups = useMemo(
    () =>
      groupsOf(wijken.data?.areas ?? [], buurten.data?.areas ?? [], gemeenteMatches ? '' : filter),
    [wijken.data, buurten.data, filter, gemeenteMatches],
  );
  const loaded = wijken.data !== undefined && buurten.data !== undefined;
  // A search opens the gemeenten where it finds something and closes the others; set while
  // rendering (React's way to follow a changed prop), the toggle still works in between.
  const found = groups.length;
  const search = filtering && loaded ? `${filter}\n${found}` : null;
  const [searched, setSearched] = useState<string | null>(null);
  if (search !== null && search !== searched) {
    setSearched(search);
    setOpen(found > 0);
  }

  const prefix = `BU${gemeente.code.slice(2)}`;
  const chosenHere = [...chosen].filter((c) => c.startsWith(prefix)).length;
  const status = loaded
    ? t('regions.gemeenteChosen', { chosen: chosenHere, total: buurten.data!.areas.length })
    : t('regions.gemeenteChosenLoading', { chosen: chosenHere });
  const error = wijken.error ?? buurten.error;
  return (
    <section className="picker-gemeente" data-gemeente={gemeente.code}>
      <h3>
        <button
          type="button"
          className="picker-toggle"
          aria-expanded={open}
          aria-controls={`${id}-body`}
          onClick={() => setOpen((o) => !o)}
        >
          <span className="chevron" aria-hidden="true" />
          {gemeente.name} <span className="count">{status}</span>
        </button>
      </h3>
      <div id={`${id}-body`} hidden={!open}>
        {!open ? null : error ? (
          <ErrorPanel
            error={error}
            onRetry={() => {
              wijken.reload();
              buurten.reload();
            }}
          />
        ) : !loaded ? (
          <p className="hint">{t('regions.areasLoading')}</p>
        ) : groups.length === 0 ? (
          <p className="hint">{t('regions.noMatch', { filter: filter.trim() })}</p>
        ) : (
          groups.map((group) => (
            <Wijk
              key={group.code}
              group={group}
              chosen={chosen}
              ownerOf={ownerOf}
              onChange={onChange}
            />
          ))
        )}
      </div>
    </section>
  );
}

function Wijk({ group, chosen, ownerOf, onChange }: Omit<Shared, 'filter'> & { group: WijkGroup }) {
  const { t } = useI18n();
  const picked = group.codes.filter((c) => chosen.has(c)).length;
  const all = picked === group.codes.length;
  return (
    <fieldset className="picker-wijk">
      <legend>
        <label className="check">
          <input
            type="checkbox"
            checked={all}
            ref={(element) => {
              // "Some of its buurten": neither ticked nor empty.
              if (element) element.indeterminate = picked > 0 && !all;
            }}
            onChange={() => onChange(group.codes, !all)}
          />
          {t('regions.wijkLabel', { name: group.name, n: group.codes.length })}
        </label>
      </legend>
      <ul className="picker-buurten">
        {group.shown.map((b) => {
          const owner = ownerOf.get(b.code);
          const on = chosen.has(b.code);
          return (
            <li key={b.code}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => onChange([b.code], e.target.checked)}
                />
                <span className="picker-name">{b.name}</span> <span className="code">{b.code}</span>
                {owner ? (
                  <span className={on ? 'picker-owner moves' : 'picker-owner'}>
                    {t(on ? 'regions.movesFrom' : 'regions.inRegion', { region: owner.name })}
                  </span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
