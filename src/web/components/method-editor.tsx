import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { THEMES, themeRank, type Indicator } from '../../domain/indicators/indicator.js';
import type {
  MethodDefinition,
  MethodDirection,
  Normalisation,
} from '../../domain/ranking/method.js';
import { ApiError, apiFetch, errorOf, sendJson } from '../api-client.js';
import { errorText } from '../error-text.js';
import { useAvailableIndicatorsQuery } from '../hooks/use-available-indicators-query.js';
import type { StoredMethod } from '../hooks/use-methods-query.js';
import { useI18n } from '../i18n/i18n.js';
import {
  decimalText,
  definitionOf,
  draftOf,
  fieldId,
  fieldOfIssue,
  groupIssues,
  issuePhrase,
  parseDecimal,
  weightShares,
  type IndicatorDraft,
  type MethodDraft,
  type MethodIssue,
} from '../method-draft.js';
import { formatShare, themeName } from '../method-format.js';
import type { MethodPreview } from '../method-preview-moves.js';
import { indicatorName } from './indicator-name.js';
import { MethodPreviewPanel } from './method-preview-panel.js';
import { RankingMaker } from './ranking-maker.js';
import { usePhrase } from './phrase.js';

export interface SaveOutcome {
  method: StoredMethod;
  created: boolean;
  /** The JSON that was sent: the message stays while the form still holds it. */
  sent: string;
}

export interface PreviewState {
  preview: MethodPreview | null;
  /** The last answer was for the current form (false while a newer question is on its way). */
  current: boolean;
  error: Error | null;
}

// Debounce of the live preview: long enough to let a slider settle, short enough to feel live.
const PREVIEW_DELAY_MS = 300;
const NORMALISATIONS: readonly Normalisation[] = ['percentile', 'zscore', 'minmax'];
const DIRECTIONS: readonly MethodDirection[] = ['higher_is_better', 'higher_is_worse'];
const SHOWN_FIELDS = new Set([
  'key',
  'name',
  'description',
  'universe.level',
  'universe.within',
  'normalisation',
  'antiCompensation',
  'completeness.minWeightShare',
  'flags.percentile',
  'indicators',
]);

function issuesOf(error: unknown): MethodIssue[] | null {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return null;
  const listed = error.details.issues;
  if (Array.isArray(listed)) return listed as MethodIssue[];
  const field = typeof error.details.field === 'string' ? error.details.field : '$';
  return [{ field, message: error.message.replace(/^[\w.[\]]+: /, '') }];
}

/**
 * The method form with its live preview. Every change is sent (debounced) to the preview
 * endpoint, which validates exactly as saving does: its problems are shown at their fields,
 * its ranks next to the form. Saving adds a version; a stored version never changes.
 */
export function MethodEditor({
  initial,
  stored,
  newest,
  isNew,
  catalogue,
  outcome,
  onSaved,
  existingKeys = [],
  onRankingMade,
}: {
  /** A ranking was stored with this version (its count of rankings changed). */
  onRankingMade?(): void;
  initial: MethodDefinition;
  /** Keys already in use: a new method under one of them would be a new version of it. */
  existingKeys?: readonly string[];
  /** The version the form started from (null for a new method). */
  stored: StoredMethod | null;
  /** The newest version of this key: the preview's baseline. */
  newest: StoredMethod | null;
  isNew: boolean;
  catalogue: Indicator[];
  outcome: SaveOutcome | null;
  onSaved(outcome: SaveOutcome): void;
}) {
  const { t, locale } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  // The form starts once per version: a change of language does not reset it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const start = useMemo(() => draftOf(initial, locale), [initial]);
  const [draft, setDraft] = useState<MethodDraft>(start);
  const [year, setYear] = useState<number | null>(null);
  const [issues, setIssues] = useState<MethodIssue[]>([]);
  const [preview, setPreview] = useState<PreviewState>({
    preview: null,
    current: false,
    error: null,
  });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLSelectElement>(null);
  const focusWeight = useRef<number | null>(null);

  const json = useMemo(() => definitionOf(draft), [draft]);
  const sent = JSON.stringify(json);
  const dirty = sent !== JSON.stringify(definitionOf(start));
  const byKey = useMemo(() => new Map(catalogue.map((i) => [i.key, i])), [catalogue]);

  // The data years to preview and rank with: those of the method's indicators at its level.
  const available = useAvailableIndicatorsQuery(draft.level, null);
  const years = useMemo(() => {
    const keys = new Set(draft.indicators.map((i) => i.key));
    const all = (available.data?.indicators ?? [])
      .filter((i) => keys.has(i.key))
      .flatMap((i) => i.years);
    return [...new Set(all)].sort((a, b) => b - a);
  }, [available.data, draft.indicators]);
  const previewYear = year !== null && years.includes(year) ? year : (years[0] ?? null);
  const withData = useMemo(
    () => new Set((available.data?.indicators ?? []).map((i) => i.key)),
    [available.data],
  );

  useEffect(() => {
    if (previewYear === null) return;
    // Not aborted but ignored when outdated: an aborted request is noise in the browser's log.
    let live = true;
    const body = JSON.stringify({ definition: JSON.parse(sent) as unknown, year: previewYear });
    setPreview((p) => (p.current ? { ...p, current: false } : p));
    const timer = window.setTimeout(async () => {
      try {
        const response = await apiFetch('/api/methods/preview', {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/json' },
        });
        if (!response.ok) throw await errorOf(response);
        const answer = (await response.json()) as MethodPreview;
        if (!live) return;
        setIssues([]);
        setPreview({ preview: answer, current: true, error: null });
      } catch (error) {
        if (!live) return;
        const found = issuesOf(error);
        if (found) {
          setIssues(found);
          setPreview((p) => ({ ...p, current: true, error: null }));
        } else setPreview((p) => ({ ...p, current: true, error: error as Error }));
      }
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [sent, previewYear]);

  // After adding an indicator, continue at its weight.
  useEffect(() => {
    if (focusWeight.current === null) return;
    document.getElementById(fieldId(`indicators[${focusWeight.current}].weight`))?.focus();
    focusWeight.current = null;
  }, [draft.indicators.length]);

  const shown = (field: string) => {
    if (SHOWN_FIELDS.has(field)) return field !== 'key' || isNew;
    const m = /^indicators\[(\d+)\]\.(key|weight|direction|theme)$/.exec(field);
    return m !== null && Number(m[1]) < draft.indicators.length;
  };
  const { byField } = groupIssues(issues, shown);
  const problemCount = issues.length;

  const set = <K extends keyof MethodDraft>(key: K, value: MethodDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setIndicator = (index: number, change: Partial<IndicatorDraft>) =>
    setDraft((d) => ({
      ...d,
      indicators: d.indicators.map((i, n) => (n === index ? { ...i, ...change } : i)),
    }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    try {
      const result = await sendJson<{ method: StoredMethod; created: boolean }>(
        'POST',
        '/api/methods',
        json,
      );
      onSaved({ ...result, sent });
    } catch (error) {
      const found = issuesOf(error);
      if (found) {
        setIssues(found);
        summaryRef.current?.focus();
      } else setSaveError(error as Error);
    } finally {
      setSaving(false);
    }
  };

  // Issues of a field: the text under it, and what the field's aria attributes point at.
  const errorsOf = (field: string) => byField.get(field) ?? [];
  const aria = (field: string, hint?: string) => {
    const invalid = errorsOf(field).length > 0;
    const described = [hint, invalid ? `${fieldId(field)}-error` : undefined].filter(Boolean);
    return {
      id: fieldId(field),
      'aria-invalid': invalid || undefined,
      'aria-describedby': described.length > 0 ? described.join(' ') : undefined,
    };
  };
  const fieldError = (field: string) => {
    const list = errorsOf(field);
    if (list.length === 0) return null;
    return (
      <p className="form-error field-error" id={`${fieldId(field)}-error`}>
        {list.map((issue) => phrase(issuePhrase(issue))).join(' ')}
      </p>
    );
  };

  const shares = weightShares(draft.indicators);
  const inMethod = new Set(draft.indicators.map((i) => i.key));
  const addable = catalogue
    .filter((i) => i.kind !== 'count' && i.kind !== 'class' && !inMethod.has(i.key))
    .sort(
      (a, b) =>
        themeRank(a.theme) - themeRank(b.theme) ||
        indicatorName(a, locale).localeCompare(indicatorName(b, locale), locale),
    );
  const addableThemes = [...new Set(addable.map((i) => i.theme))];
  const [toAdd, setToAdd] = useState('');
  const add = () => {
    const entry = byKey.get(toAdd);
    if (!entry) return;
    focusWeight.current = draft.indicators.length;
    setDraft((d) => ({
      ...d,
      indicators: [
        ...d.indicators,
        {
          key: entry.key,
          // A neutral figure has no catalogue direction: the form starts with one, visibly.
          direction: entry.direction === 'neutral' ? 'higher_is_worse' : entry.direction,
          weight: '1',
          theme: entry.theme,
        },
      ],
    }));
    setToAdd('');
  };
  const remove = (index: number) => {
    setDraft((d) => ({ ...d, indicators: d.indicators.filter((_, n) => n !== index) }));
    addRef.current?.focus();
  };
  const themeOptions = [...new Set([...draft.indicators.map((i) => i.theme), ...THEMES])];

  const showOutcome = outcome !== null && ((outcome.created && !dirty) || outcome.sent === sent);

  const aboutSection = (
    <Section title={t('methods.section.about')}>
      {isNew ? (
        <div className="field">
          <label htmlFor={fieldId('key')}>{t('methods.key')}</label>
          <input
            {...aria('key', `${id}-key-hint`)}
            value={draft.key}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('key', e.target.value)}
          />
          <p className="hint" id={`${id}-key-hint`}>
            {t('methods.keyHint')}
          </p>
          {existingKeys.includes(draft.key.trim()) ? (
            <p className="notice warning-notice" role="status">
              {t('methods.keyExists', { key: draft.key.trim() })}
            </p>
          ) : null}
          {fieldError('key')}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId('name')}>{t('methods.name')}</label>
        <input {...aria('name')} value={draft.name} onChange={(e) => set('name', e.target.value)} />
        {fieldError('name')}
      </div>
      <div className="field">
        <label htmlFor={fieldId('description')}>{t('methods.description')}</label>
        <textarea
          {...aria('description', `${id}-description-hint`)}
          rows={7}
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
        />
        <p className="hint" id={`${id}-description-hint`}>
          {t('methods.descriptionHint')}
        </p>
        {fieldError('description')}
      </div>
    </Section>
  );

  return (
    <div className="method-layout">
      <form className="method-form" onSubmit={save} noValidate aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`} className="visually-hidden">
          {t('methods.editTitle')}
        </h2>
        {problemCount > 0 ? (
          <div
            className="form-error issue-summary"
            ref={summaryRef}
            tabIndex={-1}
            data-testid="issue-summary"
          >
            <strong>{t('methods.problems', { n: problemCount })}</strong>
            <ul>
              {issues.map((issue, n) => {
                const field = shown(fieldOfIssue(issue.field)) ? issue.field : null;
                const text = `${fieldLabel(issue.field, draft, byKey, locale, t)}: ${phrase(issuePhrase(issue))}`;
                return (
                  <li key={n}>
                    {field ? <a href={`#${fieldId(fieldOfIssue(field))}`}>{text}</a> : text}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}

        {isNew ? aboutSection : null}
        <Section title={t('methods.section.indicators')} lead={t('methods.weightsHint')}>
          <div className="table-wrap">
            <table className="data-table weights-table" data-testid="weights-table">
              <caption className="visually-hidden">{t('methods.section.indicators')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('methods.indicator')}</th>
                  <th scope="col">{t('methods.theme')}</th>
                  <th scope="col">{t('methods.direction')}</th>
                  <th scope="col">{t('methods.weight')}</th>
                  <th scope="col" className="num">
                    {t('methods.share')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('methods.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.indicators.map((indicator, n) => {
                  const entry = byKey.get(indicator.key);
                  const name = entry ? indicatorName(entry, locale) : indicator.key;
                  const at = `indicators[${n}]`;
                  const weight = parseDecimal(indicator.weight);
                  const sliderMax = Math.max(10, Math.ceil(weight ?? 0));
                  const rowErrors = ['key', 'theme', 'direction', 'weight'].flatMap((f) =>
                    errorsOf(`${at}.${f}`),
                  );
                  return (
                    <tr
                      key={`${indicator.key}-${n}`}
                      className={rowErrors.length > 0 ? 'has-error' : undefined}
                    >
                      <th scope="row" id={fieldId(`${at}.key`)} tabIndex={-1}>
                        <span className="indicator-label">{name}</span>
                        <span className="code">{indicator.key}</span>
                        {!withData.has(indicator.key) && available.data ? (
                          <span className="hint"> · {t('methods.noFigures')}</span>
                        ) : null}
                        {fieldError(`${at}.key`)}
                      </th>
                      <td>
                        <input
                          {...aria(`${at}.theme`)}
                          className="theme-input"
                          list={`${id}-themes`}
                          aria-label={t('methods.themeOf', { name })}
                          value={indicator.theme}
                          onChange={(e) => setIndicator(n, { theme: e.target.value })}
                        />
                        {fieldError(`${at}.theme`)}
                      </td>
                      <td>
                        <select
                          {...aria(`${at}.direction`)}
                          aria-label={t('methods.directionOf', { name })}
                          value={indicator.direction}
                          onChange={(e) =>
                            setIndicator(n, { direction: e.target.value as MethodDirection })
                          }
                        >
                          {DIRECTIONS.map((d) => (
                            <option key={d} value={d}>
                              {t(`direction.${d}`)}
                            </option>
                          ))}
                        </select>
                        {fieldError(`${at}.direction`)}
                      </td>
                      <td>
                        <div className="weight-input">
                          <input
                            type="range"
                            min={0.5}
                            max={sliderMax}
                            step={0.5}
                            value={weight !== null && weight > 0 ? weight : 0.5}
                            aria-label={t('methods.weightSliderOf', { name })}
                            aria-valuetext={indicator.weight}
                            onChange={(e) =>
                              setIndicator(n, {
                                weight: decimalText(Number(e.target.value), locale),
                              })
                            }
                          />
                          <input
                            {...aria(`${at}.weight`)}
                            className="weight-number"
                            inputMode="decimal"
                            aria-label={t('methods.weightOf', { name })}
                            value={indicator.weight}
                            onChange={(e) => setIndicator(n, { weight: e.target.value })}
                          />
                        </div>
                        {fieldError(`${at}.weight`)}
                      </td>
                      <td className="num">
                        {shares[n] !== null && shares[n] !== undefined
                          ? formatShare(shares[n]!, locale)
                          : '–'}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button secondary remove-button"
                          aria-label={t('methods.removeOf', { name })}
                          title={t('methods.removeOf', { name })}
                          onClick={() => remove(n)}
                        >
                          <span aria-hidden="true">×</span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <datalist id={`${id}-themes`}>
            {themeOptions.map((theme) => (
              <option key={theme} value={theme}>
                {themeName(theme, t)}
              </option>
            ))}
          </datalist>
          {fieldError('indicators')}
          <div className="add-indicator">
            <div className="field">
              <label htmlFor={`${id}-add`}>{t('methods.addIndicator')}</label>
              <select
                id={`${id}-add`}
                ref={addRef}
                value={toAdd}
                onChange={(e) => setToAdd(e.target.value)}
                aria-describedby={`${id}-add-hint`}
              >
                <option value="">{t('methods.choose')}</option>
                {addableThemes.map((theme) => (
                  <optgroup key={theme} label={themeName(theme, t)}>
                    {addable
                      .filter((i) => i.theme === theme)
                      .map((i) => (
                        <option key={i.key} value={i.key}>
                          {indicatorName(i, locale)}
                          {available.data && !withData.has(i.key)
                            ? ` (${t('methods.noFigures')})`
                            : ''}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <button type="button" className="button secondary" onClick={add} disabled={!toAdd}>
              {t('methods.add')}
            </button>
          </div>
          <p className="hint" id={`${id}-add-hint`}>
            {t('methods.addHint')}
          </p>
        </Section>

        {isNew ? null : aboutSection}
        <Section title={t('methods.section.universe')}>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={fieldId('universe.level')}>{t('methods.level')}</label>
              <select
                {...aria('universe.level')}
                value={draft.level}
                onChange={(e) => set('level', e.target.value as MethodDraft['level'])}
              >
                {(['buurt', 'wijk', 'gemeente'] as const).map((level) => (
                  <option key={level} value={level}>
                    {t(`map.level.${level}`)}
                  </option>
                ))}
              </select>
              {fieldError('universe.level')}
            </div>
          </div>
          <fieldset className="field choice-list">
            <legend>{t('methods.within')}</legend>
            {(['working-area', 'country', 'codes'] as const).map((kind) => (
              <label key={kind} className="check">
                <input
                  type="radio"
                  name={`${id}-within`}
                  value={kind}
                  checked={draft.withinKind === kind}
                  onChange={() => set('withinKind', kind)}
                />
                {t(`methods.within.${kind}`)}
              </label>
            ))}
            {draft.withinKind === 'codes' ? (
              <div className="codes-input">
                <label htmlFor={fieldId('universe.within')} className="visually-hidden">
                  {t('methods.withinCodes')}
                </label>
                <input
                  {...aria('universe.within', `${id}-codes-hint`)}
                  value={draft.withinCodes}
                  spellCheck={false}
                  placeholder="GM9901, GM9902"
                  onChange={(e) => set('withinCodes', e.target.value)}
                />
                <p className="hint" id={`${id}-codes-hint`}>
                  {t('methods.withinCodesHint')}
                </p>
              </div>
            ) : null}
            {fieldError('universe.within')}
          </fieldset>
        </Section>

        <Section title={t('methods.section.computation')}>
          <fieldset className="field choice-list">
            <legend>{t('methods.normalisation')}</legend>
            {NORMALISATIONS.map((n) => (
              <label key={n} className="check with-help">
                <input
                  type="radio"
                  name={`${id}-normalisation`}
                  value={n}
                  checked={draft.normalisation === n}
                  onChange={() => set('normalisation', n)}
                  aria-describedby={`${id}-norm-${n}`}
                />
                <span>
                  <strong>{t(`methods.normalisation.${n}`)}</strong>
                  <span className="hint" id={`${id}-norm-${n}`}>
                    {t(`methods.normalisation.${n}.help`)}
                  </span>
                </span>
              </label>
            ))}
            {fieldError('normalisation')}
          </fieldset>
          <div className="field">
            <label className="check with-help">
              <input
                {...aria('antiCompensation', `${id}-anti-help`)}
                type="checkbox"
                checked={draft.antiCompensation}
                onChange={(e) => set('antiCompensation', e.target.checked)}
              />
              <span>
                <strong>{t('methods.antiCompensation')}</strong>
                <span className="hint" id={`${id}-anti-help`}>
                  {t('methods.antiCompensation.help')}
                </span>
              </span>
            </label>
            {fieldError('antiCompensation')}
          </div>
          <div className="form-grid">
            <PercentField
              field="completeness.minWeightShare"
              label={t('methods.completeness')}
              help={t('methods.completeness.help')}
              value={draft.minWeightShare}
              onChange={(v) => set('minWeightShare', v)}
              aria={aria}
              error={fieldError('completeness.minWeightShare')}
            />
            <PercentField
              field="flags.percentile"
              label={t('methods.flags')}
              help={t('methods.flags.help')}
              value={draft.flagPercentile}
              onChange={(v) => set('flagPercentile', v)}
              aria={aria}
              error={fieldError('flags.percentile')}
            />
          </div>
        </Section>

        <div className="save-bar">
          <button type="submit" className="button" disabled={saving || (!dirty && !isNew)}>
            {saving ? t('form.saving') : t('methods.save')}
          </button>
          <p className="hint">{isNew ? t('methods.saveHintNew') : t('methods.saveHint')}</p>
          <div aria-live="polite" className="save-status">
            {showOutcome ? (
              <p className="form-ok" data-testid="save-outcome">
                {outcome.created
                  ? t('methods.savedAs', { n: outcome.method.version })
                  : t('methods.unchanged', { n: outcome.method.version })}
              </p>
            ) : null}
            {saveError ? (
              <p className="form-error" role="alert">
                {errorText(saveError, t).message}
              </p>
            ) : null}
          </div>
        </div>
      </form>

      <aside className="method-side" aria-label={t('methods.previewTitle')}>
        <MethodPreviewPanel
          state={preview}
          hasProblems={problemCount > 0}
          years={years}
          year={previewYear}
          onYear={setYear}
          catalogue={byKey}
          newest={newest}
        />
        {stored && !isNew ? (
          <RankingMaker
            method={stored}
            years={years}
            dirty={dirty}
            {...(onRankingMade ? { onMade: onRankingMade } : {})}
          />
        ) : null}
      </aside>
    </div>
  );
}

function Section({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card method-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead ? <p className="hint section-lead">{lead}</p> : null}
      <div className="form-stack">{children}</div>
    </section>
  );
}

function PercentField({
  field,
  label,
  help,
  value,
  onChange,
  aria,
  error,
}: {
  field: string;
  label: string;
  help: string;
  value: string;
  onChange(value: string): void;
  aria(field: string, hint?: string): Record<string, unknown>;
  error: ReactNode;
}) {
  const helpId = `${fieldId(field)}-help`;
  return (
    <div className="field">
      <label htmlFor={fieldId(field)}>{label}</label>
      <div className="percent-input">
        <input
          {...aria(field, helpId)}
          inputMode="decimal"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <span aria-hidden="true">%</span>
      </div>
      <p className="hint" id={helpId}>
        {help}
      </p>
      {error}
    </div>
  );
}

/** The name of the field an issue is about, as the form labels it. */
function fieldLabel(
  field: string,
  draft: MethodDraft,
  byKey: ReadonlyMap<string, Indicator>,
  locale: 'nl' | 'en',
  t: ReturnType<typeof useI18n>['t'],
): string {
  const m = /^indicators\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (m) {
    const indicator = draft.indicators[Number(m[1])];
    const entry = indicator ? byKey.get(indicator.key) : undefined;
    const name = entry ? indicatorName(entry, locale) : (indicator?.key ?? field);
    const part = m[2] && m[2] !== 'key' ? ` (${t(`methods.${m[2]}` as 'methods.weight')})` : '';
    return `${name}${part}`;
  }
  const labels: Record<string, Parameters<typeof t>[0]> = {
    key: 'methods.key',
    name: 'methods.name',
    description: 'methods.description',
    'universe.level': 'methods.level',
    'universe.within': 'methods.within',
    normalisation: 'methods.normalisation',
    antiCompensation: 'methods.antiCompensation',
    'completeness.minWeightShare': 'methods.completeness',
    'flags.percentile': 'methods.flags',
    indicators: 'methods.section.indicators',
  };
  const label = labels[fieldOfIssue(field)];
  return label ? t(label) : field;
}
