import { useMemo, useState } from 'react';
import type { Indicator } from '../../domain/indicators/indicator.js';
import {
  VEERKRACHT_DISCLAIMER_EN,
  VEERKRACHT_DISCLAIMER_NL,
} from '../../domain/veerkracht/disclaimer.js';
import { QUADRANT_LABELS, QUADRANTS, type Quadrant } from '../../domain/veerkracht/quadrants.js';
import { signed } from '../charts/scatter-scales.js';
import { VeerkrachtScatter, type VeerkrachtPoint } from '../charts/veerkracht-scatter.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { VeerkrachtTable } from '../components/veerkracht-table.js';
import { useAreaShapes } from '../hooks/use-area-shapes.js';
import { useAvailableIndicatorsQuery } from '../hooks/use-available-indicators-query.js';
import { useIndicatorsQuery } from '../hooks/use-indicators-query.js';
import type { Meta } from '../hooks/use-meta-query.js';
import {
  useVeerkrachtQuery,
  type MissingInput,
  type VeerkrachtArea,
} from '../hooks/use-veerkracht-query.js';
import { useI18n, type Translate } from '../i18n/i18n.js';
import type { Locale } from '../../domain/format/format-value.js';
import { QuadrantMap, type QuadrantFeature } from '../map/quadrant-map.js';
import { areaPath, navigate, useLocation } from '../router.js';
import { useUser } from '../session.js';
import {
  changesIn,
  DEFAULT_INPUT_KEYS,
  missingList,
  ownGaps,
  defaultYears,
  FOCUS_OUTLINE,
  QUADRANT_COLOURS,
  quadrantCounts,
  readVeerkrachtView,
  UNDETERMINED_SWATCH,
  writeVeerkrachtView,
  yearOptions,
  type Variant,
  type VeerkrachtView,
} from '../veerkracht-view.js';
import '../veerkracht.css';

/** /veerkracht: the veerkracht signal between two years as a map, a scatter and a table. */
export function VeerkrachtPage({ meta }: { meta: Meta }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { search } = useLocation();
  const asked = readVeerkrachtView(search);
  const indicators = useIndicatorsQuery();
  const available = useAvailableIndicatorsQuery(asked.level, null);
  const catalogue = useMemo(
    () => new Map((indicators.data?.indicators ?? []).map((i) => [i.key, i])),
    [indicators.data],
  );
  // The inputs the server uses (its answer names them); before the first answer, the defaults.
  const [answeredKeys, setAnsweredKeys] = useState<readonly string[] | null>(null);
  const inputKeys = answeredKeys ?? DEFAULT_INPUT_KEYS;
  const options = useMemo(
    () => yearOptions(available.data?.indicators ?? [], inputKeys),
    [available.data, inputKeys],
  );
  const start = useMemo(
    () => defaultYears(available.data?.indicators ?? [], inputKeys),
    [available.data, inputKeys],
  );
  const view: VeerkrachtView = {
    ...asked,
    from: asked.from ?? start?.from ?? null,
    to: asked.to ?? start?.to ?? null,
  };
  const valid = view.from !== null && view.to !== null && view.to > view.from;
  const update = (change: Partial<VeerkrachtView>) =>
    navigate(writeVeerkrachtView({ ...view, ...change }), { replace: true });

  const result = useVeerkrachtQuery(
    valid ? { from: view.from!, to: view.to!, level: view.level } : null,
  );
  const data = result.data;
  // The answer names the inputs it used; the year pickers follow them.
  const answerKeys = data ? [...data.config.vulnerability, data.config.nuisance.key] : null;
  if (answerKeys && answerKeys.join() !== inputKeys.join()) setAnsweredKeys(answerKeys);

  // Shapes: per gemeente of the working area for users who see everything; otherwise the
  // user's own areas (the server returns only those anyway).
  const workingArea = meta.organisations.find((o) => o.kind === 'corporation')?.workingArea ?? null;
  const parents = user.scope.all ? workingArea : user.scope.codes;
  const shapes = useAreaShapes(
    view.level,
    parents && parents.length > 0 ? parents : null,
    data ? data.config.nuisance.key : null,
  );

  const byCode = useMemo(() => new Map((data?.areas ?? []).map((a) => [a.code, a])), [data]);
  const features = useMemo<QuadrantFeature[]>(() => {
    if (!shapes.data) return [];
    return shapes.data.features
      .filter((f) => byCode.has(f.properties.code))
      .map((f, id) => {
        const area = byCode.get(f.properties.code)!;
        return {
          type: 'Feature',
          id,
          properties: {
            code: area.code,
            name: area.name,
            quadrant: area.quadrant[view.variant] ?? 'none',
            focus: area.focus === true,
          },
          geometry: f.geometry,
        };
      });
  }, [shapes.data, byCode, view.variant]);

  const points = useMemo<VeerkrachtPoint[]>(
    () =>
      (data?.areas ?? []).flatMap((a) => {
        const c = changesIn(a, view.variant);
        const q = a.quadrant[view.variant];
        return c.vulnerability !== null && c.nuisance !== null && q !== null
          ? [
              {
                code: a.code,
                name: a.name,
                x: c.vulnerability,
                y: c.nuisance,
                quadrant: q,
                focus: a.focus === true,
              },
            ]
          : [];
      }),
    [data, view.variant],
  );

  const quadrantLabel = (q: Quadrant) =>
    locale === 'nl' ? QUADRANT_LABELS[q].nl : QUADRANT_LABELS[q].en;
  const describe = (area: VeerkrachtArea, variant: Variant) => {
    const c = changesIn(area, variant);
    const q = area.quadrant[variant];
    const parts = [
      `${area.name}: ${q ? quadrantLabel(q) : t('veerkracht.undetermined')}`,
      `${t('veerkracht.changeV')} ${c.vulnerability === null ? '–' : signed(c.vulnerability, locale)}`,
      `${t('veerkracht.changeN')} ${c.nuisance === null ? '–' : signed(c.nuisance, locale)}`,
    ];
    if (area.focus) parts.push(t('veerkracht.focusArea'));
    return parts.join(' · ');
  };

  const disclaimer =
    data?.disclaimer[locale] ??
    (locale === 'nl' ? VEERKRACHT_DISCLAIMER_NL : VEERKRACHT_DISCLAIMER_EN);
  const unit = t(view.level === 'wijk' ? 'veerkracht.unit.wijk' : 'veerkracht.unit.buurt');
  const counts = data ? quadrantCounts(data.areas, view.variant) : null;
  const focusCount = data ? data.areas.filter((a) => a.focus === true).length : 0;
  const reference =
    view.variant === 'relative'
      ? t('veerkracht.reference.relative')
      : data?.referenceAbsolute === 'mean-of-areas'
        ? t('veerkracht.reference.mean')
        : t('veerkracht.reference.country');

  return (
    <div className="page veerkracht-page">
      <header className="veerkracht-head">
        <h1>{t('veerkracht.title')}</h1>
        <p className="lead">{t('veerkracht.lead')}</p>
      </header>
      <p className="disclaimer" role="note" data-testid="veerkracht-disclaimer">
        <strong>{t('veerkracht.disclaimerTitle')}</strong> {disclaimer}
      </p>

      <form
        className="card veerkracht-controls"
        aria-label={t('veerkracht.settings')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor="vk-from">{t('veerkracht.from')}</label>
          <select
            id="vk-from"
            value={view.from ?? ''}
            disabled={options.length < 2}
            onChange={(e) => {
              const from = Number(e.target.value);
              const to =
                view.to !== null && view.to > from
                  ? view.to
                  : (options.find((y) => y > from) ?? null);
              update({ from, to });
            }}
          >
            {options.slice(0, -1).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="vk-to">{t('veerkracht.to')}</label>
          <select
            id="vk-to"
            value={view.to ?? ''}
            disabled={options.length < 2}
            onChange={(e) => update({ to: Number(e.target.value) })}
          >
            {options
              .filter((y) => view.from === null || y > view.from)
              .map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
          </select>
        </div>
        <fieldset className="field segmented">
          <legend>{t('veerkracht.level')}</legend>
          {(['buurt', 'wijk'] as const).map((level) => (
            <label key={level} className={view.level === level ? 'active' : undefined}>
              <input
                type="radio"
                name="vk-level"
                value={level}
                checked={view.level === level}
                onChange={() => update({ level })}
              />
              {t(`map.level.${level}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field segmented">
          <legend>{t('veerkracht.variant')}</legend>
          {(['absolute', 'relative'] as const).map((variant) => (
            <label key={variant} className={view.variant === variant ? 'active' : undefined}>
              <input
                type="radio"
                name="vk-variant"
                value={variant}
                checked={view.variant === variant}
                onChange={() => update({ variant })}
              />
              {t(`veerkracht.variant.${variant}`)}
            </label>
          ))}
        </fieldset>
        <p className="hint controls-note">{t(`veerkracht.variantHelp.${view.variant}`)}</p>
      </form>

      {available.error ? <ErrorPanel error={available.error} onRetry={available.reload} /> : null}
      {available.data && !start && !valid ? (
        <p className="notice">{t('veerkracht.noYears')}</p>
      ) : null}
      {result.error ? <ErrorPanel error={result.error} onRetry={result.reload} /> : null}
      {!data && !result.error && valid ? <Loading label={t('veerkracht.loading')} /> : null}

      {data && counts ? (
        <div className={result.stale ? 'stale-view' : undefined} aria-busy={result.stale}>
          {data.missingEverywhere.length > 0 ? (
            <p className="notice warning-notice" data-testid="missing-everywhere">
              {t('veerkracht.missingEverywhere', {
                list: missingList(data.missingEverywhere, catalogue, locale),
                unit,
              })}
            </p>
          ) : null}
          {view.variant === 'absolute' && data.referenceAbsolute === 'mean-of-areas' ? (
            <p className="notice">
              {t('veerkracht.noCountry', {
                list: missingList(data.countryMissing, catalogue, locale),
              })}
            </p>
          ) : null}
          <p className="veerkracht-summary" role="status">
            {t('veerkracht.summary', {
              from: data.years.from,
              to: data.years.to,
              n: data.areas.length,
              unit,
              reference,
            })}
          </p>

          <div className="veerkracht-grid">
            <section className="card vk-map-card" aria-labelledby="vk-map-title">
              <h2 id="vk-map-title">{t('veerkracht.mapTitle', { reference })}</h2>
              <div className="vk-map-layout">
                <div className="vk-map">
                  {shapes.error ? (
                    <ErrorPanel error={shapes.error} />
                  ) : !shapes.data ? (
                    <Loading label={t('map.loading')} />
                  ) : (
                    <QuadrantMap
                      features={features}
                      bbox={shapes.data.bbox}
                      colours={QUADRANT_COLOURS}
                      basemap={meta.basemap}
                      ariaLabel={t('veerkracht.mapAria', {
                        unit,
                        from: data.years.from,
                        to: data.years.to,
                      })}
                      onSelect={(code) => navigate(areaPath(code))}
                      renderTooltip={(code) => {
                        const area = byCode.get(code);
                        return area ? (
                          <AreaTooltip
                            area={area}
                            everywhere={data.missingEverywhere}
                            variant={view.variant}
                            t={t}
                            locale={locale}
                            catalogue={catalogue}
                            quadrantLabel={quadrantLabel}
                          />
                        ) : null;
                      }}
                    />
                  )}
                </div>
                <QuadrantLegend
                  counts={counts}
                  focusCount={focusCount}
                  to={data.years.to}
                  t={t}
                  locale={locale}
                />
              </div>
            </section>

            <section className="card vk-scatter-card" aria-labelledby="vk-scatter-title">
              <h2 id="vk-scatter-title">{t('veerkracht.scatterTitle')}</h2>
              <p className="hint">
                {t('veerkracht.scatterLead', {
                  band: signed(data.config.stableBand, locale, 2).replace('+', ''),
                  n: points.length,
                  unit,
                })}
              </p>
              {points.length === 0 ? (
                <p className="notice" data-testid="no-points">
                  {t('veerkracht.noPoints', { unit })}
                </p>
              ) : null}
              <VeerkrachtScatter
                points={points}
                stableBand={data.config.stableBand}
                colours={QUADRANT_COLOURS}
                quadrantLabels={
                  Object.fromEntries(QUADRANTS.map((q) => [q, quadrantLabel(q)])) as Record<
                    Quadrant,
                    string
                  >
                }
                axisLabels={{ x: t('veerkracht.axisV'), y: t('veerkracht.axisN') }}
                label={t('veerkracht.scatterAria', { n: points.length, unit, reference })}
                instructions={t('veerkracht.scatterKeys')}
                describe={(p) => describe(byCode.get(p.code)!, view.variant)}
                locale={locale}
                onSelect={(code) => navigate(areaPath(code))}
              />
            </section>
          </div>

          <section className="card vk-table-card" aria-labelledby="vk-table-title">
            <h2 id="vk-table-title">{t('veerkracht.tableTitle')}</h2>
            <VeerkrachtTable
              areas={data.areas}
              everywhere={data.missingEverywhere}
              variant={view.variant}
              to={data.years.to}
              catalogue={catalogue}
              quadrantLabel={quadrantLabel}
            />
            <p className="hint">{t('veerkracht.tableNote')}</p>
          </section>
        </div>
      ) : null}
    </div>
  );
}

function AreaTooltip({
  area,
  everywhere,
  variant,
  t,
  locale,
  catalogue,
  quadrantLabel,
}: {
  area: VeerkrachtArea;
  everywhere: MissingInput[];
  variant: Variant;
  t: Translate;
  locale: Locale;
  catalogue: ReadonlyMap<string, Indicator>;
  quadrantLabel(q: Quadrant): string;
}) {
  const c = changesIn(area, variant);
  const q = area.quadrant[variant];
  return (
    <>
      <strong>{area.name}</strong>
      <span className="code">{area.code}</span>
      <span className="tooltip-value">
        {q ? quadrantLabel(q) : t('veerkracht.undetermined')}
        {area.focus ? ` · ${t('veerkracht.focusArea')}` : ''}
      </span>
      <span>
        {t('veerkracht.changeV')}{' '}
        {c.vulnerability === null ? '–' : `${signed(c.vulnerability, locale)} SD`}
      </span>
      <span>
        {t('veerkracht.changeN')} {c.nuisance === null ? '–' : `${signed(c.nuisance, locale)} SD`}
      </span>
      {ownGaps(area.missing, everywhere).length > 0 ? (
        <span className="hint">
          {t('veerkracht.missing', {
            list: missingList(ownGaps(area.missing, everywhere), catalogue, locale),
          })}
        </span>
      ) : null}
    </>
  );
}

function QuadrantLegend({
  counts,
  focusCount,
  to,
  t,
  locale,
}: {
  counts: Record<Quadrant | 'none', number>;
  focusCount: number;
  to: number;
  t: Translate;
  locale: Locale;
}) {
  return (
    <section className="legend vk-legend" aria-labelledby="vk-legend-title">
      <h3 id="vk-legend-title" className="panel-title">
        {t('map.legend')}
      </h3>
      <ul className="vk-legend-list" data-testid="quadrant-legend">
        {QUADRANTS.map((q) => (
          <li key={q}>
            <span
              className="swatch"
              style={{ background: QUADRANT_COLOURS[q] }}
              aria-hidden="true"
              data-colour={QUADRANT_COLOURS[q]}
            />
            <span className="vk-legend-text">
              <strong>{locale === 'nl' ? QUADRANT_LABELS[q].nl : QUADRANT_LABELS[q].en}</strong>
              <span className="hint">
                {locale === 'nl'
                  ? QUADRANT_LABELS[q].descriptionNl
                  : QUADRANT_LABELS[q].descriptionEn}
              </span>
            </span>
            <span className="legend-count">{counts[q]}</span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: UNDETERMINED_SWATCH }} aria-hidden="true" />
          <span className="vk-legend-text">
            <strong>{t('veerkracht.undetermined')}</strong>
            <span className="hint">{t('veerkracht.undeterminedHelp')}</span>
          </span>
          <span className="legend-count">{counts.none}</span>
        </li>
        <li>
          <span
            className="swatch focus-swatch"
            style={{ borderColor: FOCUS_OUTLINE }}
            aria-hidden="true"
          />
          <span className="vk-legend-text">
            <strong>{t('veerkracht.focusArea')}</strong>
            <span className="hint">{t('veerkracht.focusHelp', { year: to })}</span>
          </span>
          <span className="legend-count">{focusCount}</span>
        </li>
      </ul>
    </section>
  );
}
