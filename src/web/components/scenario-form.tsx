import { useId } from 'react';
import { defaultWeights, type DraftProblem, type ScenarioDraft } from '../budget-scenario-draft.js';
import type { BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import type { RankingSummary } from '../hooks/ranking-types.js';
import { useI18n } from '../i18n/i18n.js';
import { EarmarksFieldset, RegionLimitsFieldset } from './scenario-form-areas.js';
import { useScenarioFields } from './scenario-fields.js';

/**
 * The scenario's inputs in the order the arithmetic uses them: total and ranking, the fixed
 * lines, the need weights and base, floors and caps, earmarks. Every input is labelled, and a
 * problem is said next to its field (aria-describedby) the moment it is typed.
 */
export function ScenarioForm({
  draft,
  onChange,
  problems,
  nameTaken,
  setup,
  rankings,
  classCount,
}: {
  draft: ScenarioDraft;
  onChange(next: ScenarioDraft): void;
  problems: readonly DraftProblem[];
  nameTaken: boolean;
  setup: BudgetSetupView;
  rankings: readonly RankingSummary[];
  classCount: number;
}) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof ScenarioDraft>(key: K, value: ScenarioDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const fields = useScenarioFields(problems);
  const { field, money } = fields;
  const regionsByName = [...setup.regions].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const buurtOptions = regionsByName.flatMap((r) =>
    r.buurten.map((b) => ({ ...b, region: r.name })),
  );
  const weightKeys = Object.keys(draft.weights)
    .map(Number)
    .sort((a, b) => a - b);

  return (
    <div className="scenario-form">
      <fieldset className="form-section">
        <legend>{t('scenario.section.basics')}</legend>
        <div className="form-row">
          {field('name', t('scenario.field.name'), (props) => (
            <input
              {...props}
              value={draft.name}
              maxLength={200}
              onChange={(e) => set('name', e.target.value)}
            />
          ))}
          {field('year', t('scenario.field.year'), (props) => (
            <input
              {...props}
              type="number"
              min={1900}
              max={2100}
              value={draft.year}
              onChange={(e) => set('year', Number(e.target.value) || draft.year)}
            />
          ))}
        </div>
        {nameTaken ? (
          <p className="form-error" role="status">
            {t('scenario.nameTaken', { year: draft.year })}
          </p>
        ) : null}
        {field('ranking', t('scenario.field.ranking'), (props) => (
          <select
            {...props}
            value={draft.rankingId ?? ''}
            onChange={(e) => set('rankingId', e.target.value ? Number(e.target.value) : null)}
          >
            {rankings.map((r) => (
              <option key={r.id} value={r.id}>
                {t('scenario.field.rankingOption', {
                  method: r.method.name,
                  year: r.dataYear,
                  id: r.id,
                })}
              </option>
            ))}
          </select>
        ))}
        {money(
          'total',
          t('scenario.field.total'),
          draft.total,
          (v) => set('total', v),
          t('scenario.field.totalHint'),
        )}
      </fieldset>

      {setup.lines.length > 0 ? (
        <fieldset className="form-section">
          <legend>{t('scenario.section.lines')}</legend>
          <div className="form-row">
            {setup.lines.map((line) =>
              money(
                `fixedLines.${line.key}`,
                `${line.name} (€)`,
                draft.fixedLines[line.key] ?? '',
                (v) => set('fixedLines', { ...draft.fixedLines, [line.key]: v }),
              ),
            )}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="form-section">
        <legend>{t('scenario.section.need')}</legend>
        <div className="segmented field" role="radiogroup" aria-label={t('scenario.field.by')}>
          {(['class', 'decile'] as const).map((by) => (
            <label key={by} className={draft.by === by ? 'active' : undefined}>
              <input
                type="radio"
                name={`${id}-by`}
                checked={draft.by === by}
                onChange={() => onChange({ ...draft, by, weights: defaultWeights(by, classCount) })}
              />
              {t(by === 'class' ? 'scenario.field.byClass' : 'scenario.field.byDecile')}
            </label>
          ))}
        </div>
        <fieldset className="field weights-fieldset" aria-describedby={`${id}-weights-hint`}>
          <legend>{t('scenario.field.weights')}</legend>
          <div className="weights-grid">
            {weightKeys.map((n) => {
              const label = t(
                draft.by === 'class' ? 'scenario.field.classLabel' : 'scenario.field.decileLabel',
                { n },
              );
              return (
                <div key={n}>
                  {field(`weights.${n}`, label, (props) => (
                    <input
                      {...props}
                      inputMode="decimal"
                      value={draft.weights[n] ?? ''}
                      onChange={(e) => set('weights', { ...draft.weights, [n]: e.target.value })}
                    />
                  ))}
                </div>
              );
            })}
          </div>
        </fieldset>
        <p className="hint" id={`${id}-weights-hint`}>
          {t('scenario.field.weightsHint')}
        </p>
        <div className="form-row">
          {field(
            'unrankedWeight',
            t('scenario.field.unranked'),
            (props) => (
              <input
                {...props}
                inputMode="decimal"
                value={draft.unrankedWeight}
                onChange={(e) => set('unrankedWeight', e.target.value)}
              />
            ),
            t('scenario.field.unrankedHint'),
          )}
          {money(
            'basePerDaeb',
            t('scenario.field.base'),
            draft.basePerDaeb,
            (v) => set('basePerDaeb', v),
            t('scenario.field.baseHint'),
          )}
        </div>
      </fieldset>

      <RegionLimitsFieldset draft={draft} set={set} fields={fields} regions={regionsByName} />
      <EarmarksFieldset draft={draft} set={set} fields={fields} buurten={buurtOptions} />
    </div>
  );
}
