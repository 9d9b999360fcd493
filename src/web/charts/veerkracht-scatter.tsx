import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Locale } from '../../domain/format/format-value.js';
import type { Quadrant } from '../../domain/veerkracht/quadrants.js';
import {
  keyboardOrder,
  nextIndex,
  plotScales,
  signed,
  paddedDomain,
  tickDecimals,
} from './scatter-scales.js';

export interface VeerkrachtPoint {
  code: string;
  name: string;
  /** Change in vulnerability (SD, + = more vulnerable residents). */
  x: number;
  /** Change in nuisance (SD, + = more nuisance). */
  y: number;
  quadrant: Quadrant;
  focus: boolean;
}

const W = 600;
const H = 440;
const M = { top: 14, right: 18, bottom: 50, left: 60 };

/**
 * The veerkracht scatter: change in vulnerability against change in nuisance, with the stable
 * band shaded and the quadrant edges dashed. Focus areas have a dark ring. Keyboard: the plot
 * is one tab stop; arrow keys walk the points left to right and a live line reads the point.
 */
export function VeerkrachtScatter({
  points,
  stableBand,
  colours,
  quadrantLabels,
  axisLabels,
  label,
  instructions,
  describe,
  locale,
  onSelect,
}: {
  points: VeerkrachtPoint[];
  stableBand: number;
  colours: Record<Quadrant, string>;
  quadrantLabels: Record<Quadrant, string>;
  axisLabels: { x: string; y: string };
  label: string;
  instructions: string;
  describe(point: VeerkrachtPoint): string;
  locale: Locale;
  onSelect?(code: string): void;
}) {
  const id = useId();
  const [active, setActive] = useState<string | null>(null);
  const ordered = useMemo(() => keyboardOrder(points), [points]);
  const xDomain = paddedDomain(
    points.map((p) => p.x),
    stableBand * 2,
  );
  const yDomain = paddedDomain(
    points.map((p) => p.y),
    stableBand * 2,
  );
  const scale = plotScales(
    { x: xDomain.domain, y: yDomain.domain },
    { left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom },
  );
  const activePoint = ordered.find((p) => p.code === active) ?? null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && activePoint && onSelect) {
      onSelect(activePoint.code);
      return;
    }
    if (event.key === 'Escape') {
      setActive(null);
      return;
    }
    const index = ordered.findIndex((p) => p.code === active);
    const next = nextIndex(event.key, index === -1 ? null : index, ordered.length);
    if (next === null) return;
    event.preventDefault();
    setActive(ordered[next]!.code);
  };

  const bandX = [scale.x(-stableBand), scale.x(stableBand)] as const;
  const bandY = [scale.y(stableBand), scale.y(-stableBand)] as const;
  const corner = {
    left: M.left + 8,
    right: W - M.right - 8,
    top: M.top + 16,
    bottom: H - M.bottom - 10,
  };

  // Focus areas last, so their rings lie on top; the active point on top of all.
  const drawn = [...points].sort(
    (a, b) =>
      Number(a.code === active) - Number(b.code === active) || Number(a.focus) - Number(b.focus),
  );

  return (
    <div className="scatter-wrap">
      <svg
        className="veerkracht-scatter"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-label={label}
        aria-describedby={`${id}-help ${id}-live`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => setActive(null)}
        data-testid="veerkracht-scatter"
      >
        <rect
          x={M.left}
          y={M.top}
          width={W - M.left - M.right}
          height={H - M.top - M.bottom}
          className="plot-bg"
        />
        <rect
          x={bandX[0]}
          y={M.top}
          width={bandX[1] - bandX[0]}
          height={H - M.top - M.bottom}
          className="stable-band"
        />
        <rect
          x={M.left}
          y={bandY[0]}
          width={W - M.left - M.right}
          height={bandY[1] - bandY[0]}
          className="stable-band"
        />
        {xDomain.ticks.map((tick) => (
          <g key={`x${tick}`}>
            <line
              x1={scale.x(tick)}
              x2={scale.x(tick)}
              y1={M.top}
              y2={H - M.bottom}
              className={tick === 0 ? 'zero' : 'grid'}
            />
            <text x={scale.x(tick)} y={H - M.bottom + 16} className="axis" textAnchor="middle">
              {signed(tick, locale, tickDecimals(xDomain.ticks))}
            </text>
          </g>
        ))}
        {yDomain.ticks.map((tick) => (
          <g key={`y${tick}`}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={scale.y(tick)}
              y2={scale.y(tick)}
              className={tick === 0 ? 'zero' : 'grid'}
            />
            <text
              x={M.left - 6}
              y={scale.y(tick)}
              className="axis"
              textAnchor="end"
              dominantBaseline="middle"
            >
              {signed(tick, locale, tickDecimals(yDomain.ticks))}
            </text>
          </g>
        ))}
        <line
          x1={scale.x(stableBand)}
          x2={scale.x(stableBand)}
          y1={M.top}
          y2={H - M.bottom}
          className="quadrant-edge"
        />
        <line
          x1={M.left}
          x2={W - M.right}
          y1={scale.y(stableBand)}
          y2={scale.y(stableBand)}
          className="quadrant-edge"
        />
        <text x={corner.right} y={corner.top} textAnchor="end" className="quadrant-label">
          {quadrantLabels.onder_druk}
        </text>
        <text x={corner.left} y={corner.top} className="quadrant-label">
          {quadrantLabels.overlast_stijgt}
        </text>
        <text x={corner.right} y={corner.bottom} textAnchor="end" className="quadrant-label">
          {quadrantLabels.veerkrachtig}
        </text>
        <text x={corner.left} y={corner.bottom} className="quadrant-label">
          {quadrantLabels.stabiel}
        </text>
        <text x={(M.left + W - M.right) / 2} y={H - 8} className="axis-title" textAnchor="middle">
          {axisLabels.x}
        </text>
        <text
          className="axis-title"
          textAnchor="middle"
          transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
        >
          {axisLabels.y}
        </text>
        {drawn.map((p) => (
          <circle
            key={p.code}
            cx={scale.x(p.x)}
            cy={scale.y(p.y)}
            r={p.focus ? 6.5 : 5}
            fill={colours[p.quadrant]}
            className={`point${p.focus ? ' focus' : ''}${p.code === active ? ' active' : ''}`}
            data-code={p.code}
            data-quadrant={p.quadrant}
            onMouseEnter={() => setActive(p.code)}
            onMouseLeave={() => setActive((a) => (a === p.code ? null : a))}
            onClick={() => onSelect?.(p.code)}
          />
        ))}
        {activePoint ? (
          // A ring around the point, not a new fill: colour keeps meaning the quadrant.
          <circle
            cx={scale.x(activePoint.x)}
            cy={scale.y(activePoint.y)}
            r={11}
            className="active-ring"
            aria-hidden="true"
          />
        ) : null}
      </svg>
      {activePoint ? (
        <div
          className="map-tooltip scatter-tooltip"
          aria-hidden="true"
          style={{
            left: `${(scale.x(activePoint.x) / W) * 100}%`,
            top: `${(scale.y(activePoint.y) / H) * 100}%`,
            // Towards the middle of the plot, so it never leaves the card.
            transform: `translate(${scale.x(activePoint.x) > W * 0.55 ? 'calc(-100% - 12px)' : '12px'}, ${
              scale.y(activePoint.y) > H * 0.6 ? 'calc(-100% - 12px)' : '12px'
            })`,
          }}
        >
          <TooltipText text={describe(activePoint)} />
        </div>
      ) : null}
      <p id={`${id}-help`} className="hint scatter-help">
        {instructions}
      </p>
      <p id={`${id}-live`} className="visually-hidden" aria-live="polite">
        {activePoint ? describe(activePoint) : ''}
      </p>
    </div>
  );
}

/** "Name: the rest" as a bold name over the rest. */
function TooltipText({ text }: { text: string }) {
  const at = text.indexOf(': ');
  if (at === -1) return <>{text}</>;
  return (
    <>
      <strong>{text.slice(0, at)}</strong>
      <span>{text.slice(at + 2)}</span>
    </>
  );
}
