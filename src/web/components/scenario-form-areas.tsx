import type { ScenarioDraft } from '../budget-scenario-draft.js';
import type { BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import { useI18n } from '../i18n/i18n.js';
import type { ScenarioFields } from './scenario-fields.js';

type SetDraft = <K extends keyof ScenarioDraft>(key: K, value: ScenarioDraft[K]) => void;

/** A floor and a cap per region, on the region's total; empty is no limit. */
export function RegionLimitsFieldset({
  draft,
  set,
  fields: { money },
  regions: regionsByName,
}: {
  draft: ScenarioDraft;
  set: SetDraft;
  fields: ScenarioFields;
  regions: BudgetSetupView['regions'];
}) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section">
      <legend>{t('scenario.section.limits')}</legend>
      <p className="hint">{t('scenario.limits.hint')}</p>
      {regionsByName.map((region) => {
        const limit = draft.limits[region.key] ?? { floor: '', cap: '' };
        const setLimit = (change: Partial<typeof limit>) =>
          set('limits', { ...draft.limits, [region.key]: { ...limit, ...change } });
        return (
          <div key={region.key} className="form-row">
            {money(
              `limits.${region.key}.floor`,
              t('scenario.field.floor', { region: region.name }),
              limit.floor,
              (v) => setLimit({ floor: v }),
            )}
            {money(
              `limits.${region.key}.cap`,
              t('scenario.field.cap', { region: region.name }),
              limit.cap,
              (v) => setLimit({ cap: v }),
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Fixed amounts for named buurten, taken off before the division. */
export function EarmarksFieldset({
  draft,
  set,
  fields: { field, money },
  buurten: buurtOptions,
}: {
  draft: ScenarioDraft;
  set: SetDraft;
  fields: ScenarioFields;
  buurten: Array<{ code: string; name: string; region: string }>;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section">
      <legend>{t('scenario.section.earmarks')}</legend>
      <p className="hint">{t('scenario.earmarks.hint')}</p>
      {draft.earmarks.map((earmark, i) => {
        const setEarmark = (change: Partial<typeof earmark>) =>
          set(
            'earmarks',
            draft.earmarks.map((e, n) => (n === i ? { ...e, ...change } : e)),
          );
        return (
          <div key={i} className="form-row earmark-row">
            {field(`earmarks.${i}.buurt`, t('scenario.earmarks.buurt'), (props) => (
              <select
                {...props}
                value={earmark.buurt}
                onChange={(e) => setEarmark({ buurt: e.target.value })}
              >
                <option value="">{t('scenario.earmarks.choose')}</option>
                {buurtOptions.map((b) => (
                  <option key={b.code} value={b.code}>
                    {b.name} ({b.region})
                  </option>
                ))}
              </select>
            ))}
            {money(`earmarks.${i}.amount`, t('scenario.earmarks.amount'), earmark.amount, (v) =>
              setEarmark({ amount: v }),
            )}
            {field(`earmarks.${i}.note`, t('scenario.earmarks.note'), (props) => (
              <input
                {...props}
                value={earmark.note}
                maxLength={200}
                onChange={(e) => setEarmark({ note: e.target.value })}
              />
            ))}
            <button
              type="button"
              className="button secondary small remove-button"
              aria-label={t('scenario.earmarks.remove', { n: i + 1 })}
              onClick={() =>
                set(
                  'earmarks',
                  draft.earmarks.filter((_, n) => n !== i),
                )
              }
            >
              ✕
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button secondary small"
        onClick={() => set('earmarks', [...draft.earmarks, { buurt: '', amount: '', note: '' }])}
      >
        {t('scenario.earmarks.add')}
      </button>
    </fieldset>
  );
}
