import { useId, useMemo, useState } from 'react';
import type { Indicator } from '../../domain/indicators/indicator.js';
import { errorText } from '../error-text.js';
import type { StoredMethod } from '../hooks/use-methods-query.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/nl.js';
import {
  indicatorsWithoutData,
  moveCounts,
  sortedMoves,
  type Move,
} from '../method-preview-moves.js';
import { areaPath, Link } from '../router.js';
import type { PreviewState } from './method-editor.js';
import { indicatorName } from './indicator-name.js';

// Rows shown before "show all": enough to see the big movers without a long scroll.
const FIRST_ROWS = 12;

/** The live preview next to the method form: how ranks move against the stored version. */
export function MethodPreviewPanel({
  state,
  hasProblems,
  years,
  year,
  onYear,
  catalogue,
  newest,
}: {
  state: PreviewState;
  hasProblems: boolean;
  years: number[];
  year: number | null;
  onYear(year: number): void;
  catalogue: ReadonlyMap<string, Indicator>;
  newest: StoredMethod | null;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const [all, setAll] = useState(false);
  const preview = state.preview;
  const moves = useMemo(() => (preview ? sortedMoves(preview.areas) : []), [preview]);
  const counts = useMemo(() => (preview ? moveCounts(preview.areas) : null), [preview]);
  const name = (key: string) => {
    const entry = catalogue.get(key);
    return entry ? indicatorName(entry, locale) : key;
  };
  const without = preview ? indicatorsWithoutData(preview) : [];
  const older = preview
    ? Object.entries(preview.years).filter(([, y]) => y !== null && y !== preview.dataYear)
    : [];
  const level = preview?.definition.universe.level ?? 'buurt';
  const outdated = !state.current || state.error !== null;
  const rows = all ? moves : moves.slice(0, FIRST_ROWS);
  // A new method has no stored version to move against: then only its own ranks.
  const compared = preview?.baseline !== null && preview?.baseline !== undefined;

  return (
    <section className="card preview-panel" aria-labelledby={`${id}-title`} data-testid="preview">
      <h2 id={`${id}-title`}>{t('methods.previewTitle')}</h2>
      <div className="field preview-year">
        <label htmlFor={`${id}-year`}>{t('methods.dataYear')}</label>
        <select
          id={`${id}-year`}
          value={year ?? ''}
          disabled={years.length === 0}
          onChange={(e) => onYear(Number(e.target.value))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">
        {preview?.baseline
          ? t('methods.previewAgainst', { n: preview.baseline.version })
          : newest
            ? t('methods.previewAgainst', { n: newest.version })
            : t('methods.previewNew')}
      </p>
      <p className="preview-status" role="status" data-testid="preview-status">
        {hasProblems
          ? t('methods.previewWaiting')
          : state.error
            ? errorText(state.error, t).message
            : !state.current
              ? t('methods.previewBusy')
              : ''}
      </p>
      {preview && counts && !hasProblems ? (
        <div className={outdated ? 'stale-block' : undefined} aria-busy={!state.current}>
          {compared ? (
            <>
              <ul className="move-counts" data-testid="move-counts">
                <CountTile kind="up" n={counts.up + counts.entered} t={t} />
                <CountTile kind="down" n={counts.down + counts.left} t={t} />
                <CountTile kind="same" n={counts.same} t={t} />
                <CountTile kind="notRanked" n={counts.notRanked} t={t} />
              </ul>
              <p className="hint">{t('methods.upMeans')}</p>
            </>
          ) : (
            <ul className="move-counts two" data-testid="move-counts">
              <CountTile kind="ranked" n={preview.ranked} t={t} />
              <CountTile kind="notRanked" n={preview.notRanked} t={t} />
            </ul>
          )}
          {without.length > 0 ? (
            <p className="notice warning-notice" data-testid="no-data-notice">
              {t('methods.noDataFor', {
                year: preview.dataYear,
                names: without.map(name).join(', '),
              })}
            </p>
          ) : null}
          {older.length > 0 ? (
            <p className="hint">
              {t('methods.olderYears', {
                list: older.map(([key, y]) => `${name(key)} (${y})`).join(', '),
              })}
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="data-table preview-table" data-testid="preview-table">
              <caption>
                {t(compared ? 'methods.previewCaption' : 'methods.previewCaptionNew', {
                  what: t(`map.level.${level}` as MessageKey).toLowerCase(),
                  year: preview.dataYear,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.name')}</th>
                  {preview.baseline ? (
                    <th scope="col" className="num">
                      {t('methods.rankWas', { n: preview.baseline.version })}
                    </th>
                  ) : null}
                  <th scope="col" className="num">
                    {compared ? t('methods.rankNew') : t('methods.rank')}
                  </th>
                  {compared ? (
                    <th scope="col" className="num">
                      {t('methods.rankMove')}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((move) => (
                  <tr key={move.code} data-kind={move.kind}>
                    <th scope="row">
                      <Link to={areaPath(move.code)}>{move.name}</Link>
                    </th>
                    {compared ? <td className="num">{move.baselineRank ?? '–'}</td> : null}
                    <td
                      className="num"
                      title={
                        move.ranked
                          ? undefined
                          : t('methods.notRankedWhy', { names: move.missing.map(name).join(', ') })
                      }
                    >
                      {move.ranked ? move.rank : t('methods.notRankedShort')}
                    </td>
                    {compared ? (
                      <td className="num">
                        <MoveText move={move} t={t} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moves.length > FIRST_ROWS ? (
            <button type="button" className="link-button" onClick={() => setAll(!all)}>
              {all ? t('methods.showFewer') : t('methods.showAll', { n: moves.length })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function CountTile({
  kind,
  n,
  t,
}: {
  kind: 'up' | 'down' | 'same' | 'notRanked' | 'ranked';
  n: number;
  t: Translate;
}) {
  const key = `methods.count.${kind}${n === 1 ? '.one' : ''}` as MessageKey;
  return (
    <li className={`count-tile ${kind}`} data-kind={kind}>
      <strong>{n}</strong> {t(key)}
    </li>
  );
}

function MoveText({ move, t }: { move: Move; t: Translate }) {
  switch (move.kind) {
    case 'up':
      return (
        <span className="move up">
          <span aria-hidden="true">▲ </span>
          {move.places}
          <span className="visually-hidden"> {t('methods.move.upSr')}</span>
        </span>
      );
    case 'down':
      return (
        <span className="move down">
          <span aria-hidden="true">▼ </span>
          {Math.abs(move.places!)}
          <span className="visually-hidden"> {t('methods.move.downSr')}</span>
        </span>
      );
    case 'same':
      return <span className="move same">{t('methods.move.same')}</span>;
    case 'entered':
      return <span className="move up">{t('methods.move.entered')}</span>;
    case 'left':
      return <span className="move down">{t('methods.move.left')}</span>;
    default:
      return <span className="move same">–</span>;
  }
}
