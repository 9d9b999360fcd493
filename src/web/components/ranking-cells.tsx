import { formatNumber } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { compactNames, placesText } from '../ranking-format.js';
import { rankGain } from '../ranking-rows.js';

/** Pieces of the ranking table, also used on an area's explanation. */

/** A class with its map colour and label. */
export function ClassChip({ colour, label }: { colour: string; label: string }) {
  return (
    <span className="class-chip">
      <span className="swatch" style={{ background: colour }} aria-hidden="true" />
      {label}
    </span>
  );
}

/**
 * The rank interval as a bar on the 1..N scale (rank 1 left) with a dot at the rank, and the
 * numbers as text: the bar is decoration, the text says it.
 */
export function RankInterval({
  low,
  high,
  rank,
  total,
  width = 96,
  showText = true,
}: {
  low: number;
  high: number;
  rank: number;
  total: number;
  width?: number;
  /** False where a sentence next to the bar says the numbers. */
  showText?: boolean;
}) {
  const { t, locale } = useI18n();
  const pad = 4;
  const x = (r: number) => pad + ((r - 1) / Math.max(1, total - 1)) * (width - 2 * pad);
  const text =
    low === high
      ? formatNumber(low, 0, locale)
      : `${formatNumber(low, 0, locale)}–${formatNumber(high, 0, locale)}`;
  return (
    <span className="rank-interval" title={t('ranking.interval.title', { low, high, n: total })}>
      <svg width={width} height={12} aria-hidden="true" className="rank-interval-bar">
        <line x1={pad} x2={width - pad} y1={6} y2={6} className="track" />
        <rect
          x={x(low) - 2}
          y={2}
          width={Math.max(4, x(high) - x(low) + 4)}
          height={8}
          rx={4}
          className="range"
        />
        <circle cx={x(rank)} cy={6} r={2.6} className="dot" />
      </svg>
      {showText ? <span className="rank-interval-text">{text}</span> : null}
    </span>
  );
}

/**
 * The change since the previous ranking: an arrow (up = more need, i.e. a lower rank number)
 * with the places, the old and new rank as text, and words for screen readers.
 */
export function RankChange({
  previousRank,
  rank,
  hasPrevious,
}: {
  previousRank: number | null;
  rank: number | null;
  hasPrevious: boolean;
}) {
  const { t } = useI18n();
  if (!hasPrevious || rank === null) return <span className="muted">–</span>;
  if (previousRank === null)
    return <span className="rank-change new">{t('ranking.change.new')}</span>;
  const gain = rankGain({ previousRank, rank })!;
  const kind = gain > 0 ? 'up' : gain < 0 ? 'down' : 'same';
  const words =
    kind === 'up'
      ? t('ranking.change.up', { places: placesText(t, gain), from: previousRank, to: rank })
      : kind === 'down'
        ? t('ranking.change.down', { places: placesText(t, -gain), from: previousRank, to: rank })
        : t('ranking.change.same', { to: rank });
  return (
    <span className={`rank-change ${kind}`} title={words}>
      <span aria-hidden="true">
        <span className="arrow">{kind === 'up' ? '▲' : kind === 'down' ? '▼' : '='}</span>
        {kind === 'same' ? '' : ` ${Math.abs(gain)}`}
        <span className="from-to">
          {' '}
          ({previousRank} → {rank})
        </span>
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}

/**
 * Flagged indicators by name, as one compact line (a shared "Leefbaarometer: " said once);
 * `full` lists every name on its own line instead.
 */
export function FlagList({
  flags,
  nameOf,
  full = false,
}: {
  flags: string[];
  nameOf(key: string): string;
  full?: boolean;
}) {
  if (flags.length === 0) return <span className="muted">–</span>;
  if (!full)
    return (
      <span className="flag-line">
        <span className="flag-mark" aria-hidden="true">
          ⚑
        </span>
        {compactNames(flags.map(nameOf))}
      </span>
    );
  return (
    <ul className="flag-list">
      {flags.map((key) => (
        <li key={key}>
          <span className="flag-mark" aria-hidden="true">
            ⚑
          </span>
          {nameOf(key)}
        </li>
      ))}
    </ul>
  );
}
