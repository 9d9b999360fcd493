import { useMemo, useState } from 'react';
import type { Locale } from '../../domain/format/format-value.js';
import { formatNumber } from '../format.js';
import type { RankChange, RankingSummary } from '../hooks/ranking-types.js';
import { useRankingDiffQuery } from '../hooks/use-ranking-diff-query.js';
import { useI18n } from '../i18n/i18n.js';
import { rankingAreaPath } from '../ranking-view-state.js';
import { Link } from '../router.js';
import { ErrorPanel, Loading } from './feedback.js';

/** A ranking's name in a list: method, version and data year. */
export const rankingOptionLabel = (r: RankingSummary, dataWord: string) =>
  `${r.method.name} v${r.method.version} · ${dataWord} ${r.dataYear}`;

/** Places as people count them: whole, or with one decimal for a split half. */
function places(n: number, locale: Locale): string {
  return formatNumber(Math.abs(n), Number.isInteger(n) ? 0 : 1, locale);
}

/**
 * A rank change in places towards more need: "▲ 3" (rose, more need), "▼ 1,5", "=".
 * `change` is rankB − rankA, so negative is a rise.
 */
function Moved({ change, locale }: { change: number | null; locale: Locale }) {
  if (change === null) return <span className="muted">–</span>;
  if (Math.abs(change) < 1e-9) return <span className="rank-change same">=</span>;
  return (
    <span className={`rank-change ${change < 0 ? 'up' : 'down'}`}>
      <span className="arrow" aria-hidden="true">
        {change < 0 ? '▲' : '▼'}
      </span>{' '}
      {places(change, locale)}
    </span>
  );
}

type SortKey = 'size' | 'name' | 'change' | 'data' | 'method';

/**
 * Two rankings side by side: per area the rank in A and in B, the change, and how much of it
 * new data caused and how much the other method, each as a small diverging bar.
 */
export function RankingCompare({
  rankings,
  b,
  a,
  onChange,
}: {
  rankings: RankingSummary[];
  b: number;
  a: number | null;
  onChange(next: { a: number; b: number }): void;
}) {
  const { t, locale } = useI18n();
  const diff = useRankingDiffQuery(a, b);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'size',
    ascending: false,
  });
  const data = diff.stale ? undefined : diff.data;
  const rows = useMemo(() => {
    const list = (data?.areas ?? []).filter(
      (r) => showUnchanged || r.status !== 'both' || (r.change ?? 0) !== 0,
    );
    const value = (r: RankChange): number | null =>
      sort.key === 'size'
        ? r.change === null
          ? null
          : Math.abs(r.change)
        : sort.key === 'change'
          ? r.change === null
            ? null
            : -r.change
          : sort.key === 'data'
            ? r.dataPart === null
              ? null
              : -r.dataPart
            : sort.key === 'method'
              ? r.methodPart === null
                ? null
                : -r.methodPart
              : null;
    const direction = sort.ascending ? 1 : -1;
    return [...list].sort((x, y) => {
      if (sort.key === 'name') return x.name.localeCompare(y.name, 'nl') * direction;
      const vx = value(x);
      const vy = value(y);
      if (vx === null && vy === null) return (x.rankB ?? Infinity) - (y.rankB ?? Infinity);
      if (vx === null) return 1;
      if (vy === null) return -1;
      return (vx - vy) * direction || (x.rankB ?? Infinity) - (y.rankB ?? Infinity);
    });
  }, [data, showUnchanged, sort]);
  const scaleMax = Math.max(
    1,
    ...(data?.areas ?? []).flatMap((r) => [Math.abs(r.dataPart ?? 0), Math.abs(r.methodPart ?? 0)]),
  );
  const label = (r: RankingSummary) => rankingOptionLabel(r, t('ranking.data'));
  const others = rankings.filter((r) => r.id !== b);

  if (others.length === 0) return <p className="notice">{t('ranking.compare.none')}</p>;

  const header = (key: SortKey, text: string, className?: string) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={className}
        aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : key === 'name' })}
          aria-label={t('table.sortBy', { column: text })}
        >
          {text}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section className="ranking-compare" aria-labelledby="compare-title">
      <h2 id="compare-title" className="visually-hidden">
        {t('ranking.view.compare')}
      </h2>
      <div className="ranking-filters compare-pick">
        <div className="field">
          <label htmlFor="compare-a">{t('ranking.compare.a')}</label>
          <select
            id="compare-a"
            value={a ?? ''}
            onChange={(e) => onChange({ a: Number(e.target.value), b })}
          >
            {a === null ? <option value="">–</option> : null}
            {others.map((r) => (
              <option key={r.id} value={r.id}>
                {label(r)}
              </option>
            ))}
          </select>
        </div>
        <span className="compare-arrow" aria-hidden="true">
          →
        </span>
        <div className="field">
          <label htmlFor="compare-b">{t('ranking.compare.b')}</label>
          <select
            id="compare-b"
            value={b}
            onChange={(e) =>
              onChange({ a: a ?? Number(e.target.value), b: Number(e.target.value) })
            }
          >
            {rankings
              .filter((r) => r.id !== a)
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r)}
                </option>
              ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={showUnchanged}
            onChange={(e) => setShowUnchanged(e.target.checked)}
          />
          {t('ranking.compare.showUnchanged')}
        </label>
      </div>
      {diff.error ? (
        <ErrorPanel error={diff.error} onRetry={diff.reload} />
      ) : !data ? (
        <Loading label={t('ranking.loading')} />
      ) : (
        <>
          <p className="ranking-summary" data-testid="compare-summary">
            {t('ranking.compare.summary', {
              compared: data.summary.compared,
              moved: data.summary.moved,
              up: data.summary.up,
              down: data.summary.down,
            })}
            {data.summary.onlyA + data.summary.onlyB > 0
              ? ` ${t('ranking.compare.only', { a: data.summary.onlyA, b: data.summary.onlyB })}`
              : ''}
          </p>
          <p className="hint">
            {data.sameMethod
              ? t('ranking.compare.sameMethod')
              : data.sameData
                ? t('ranking.compare.sameData')
                : t('ranking.compare.split')}
          </p>
          <p className="compare-key hint" aria-hidden="true">
            <span className="key-swatch data" /> {t('ranking.compare.dataPart')}{' '}
            <span className="key-swatch method" /> {t('ranking.compare.methodPart')} ·{' '}
            {t('ranking.compare.barKey')}
          </p>
          <div className="table-wrap">
            <table className="data-table compare-table" data-testid="compare-table">
              <caption>
                {t('ranking.compare.caption', { a: label(data.a), b: label(data.b) })}
              </caption>
              <thead>
                <tr>
                  {header('name', t('ranking.col.area'))}
                  <th scope="col" className="num">
                    {t('ranking.compare.rankA', { year: data.a.dataYear })}
                  </th>
                  <th scope="col" className="num">
                    {t('ranking.compare.rankB', { year: data.b.dataYear })}
                  </th>
                  {header('change', t('ranking.col.change'))}
                  {header('data', t('ranking.compare.dataPart'))}
                  {header('method', t('ranking.compare.methodPart'))}
                  <th scope="col">
                    <span className="visually-hidden">{t('ranking.compare.bars')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.code}>
                    <th scope="row">
                      <Link to={rankingAreaPath(data.b.id, r.code)}>{r.name}</Link>
                      <span className="sub code">{r.code}</span>
                    </th>
                    <td className="num">{r.rankA ?? '–'}</td>
                    <td className="num">{r.rankB ?? '–'}</td>
                    <td>
                      {r.status === 'both' ? (
                        <Moved change={r.change} locale={locale} />
                      ) : (
                        <span className="muted">
                          {r.status === 'only_a'
                            ? t('ranking.compare.onlyA')
                            : t('ranking.compare.onlyB')}
                        </span>
                      )}
                    </td>
                    <td>
                      <Moved change={r.dataPart} locale={locale} />
                    </td>
                    <td>
                      <Moved change={r.methodPart} locale={locale} />
                    </td>
                    <td>
                      {r.status === 'both' ? (
                        <PartsBar
                          data={r.dataPart ?? 0}
                          method={r.methodPart ?? 0}
                          max={scaleMax}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 ? (
              <p className="empty-rows">{t('ranking.compare.noChanges')}</p>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

/**
 * Two thin diverging bars from a centre line: new data on top, the other method below; to the
 * right is a rise towards more need (a lower rank number).
 */
function PartsBar({ data, method, max }: { data: number; method: number; max: number }) {
  const w = 140;
  const mid = w / 2;
  const scale = (v: number) => (-v / max) * (mid - 2);
  const bar = (v: number, y: number, className: string) => {
    const d = scale(v);
    return (
      <rect
        x={d >= 0 ? mid : mid + d}
        y={y}
        width={Math.max(Math.abs(d), v === 0 ? 0 : 1.5)}
        height={7}
        className={className}
      />
    );
  };
  return (
    <svg width={w} height={20} aria-hidden="true" className="parts-bar">
      {bar(data, 2, 'data')}
      {bar(method, 11, 'method')}
      <line x1={mid} x2={mid} y1={0} y2={20} className="axis" />
    </svg>
  );
}
