import { useMemo, useState, type FormEvent } from 'react';
import { ApiError, apiUrl, sendJson } from '../api-client.js';
import {
  draftFromInput,
  emptyDraft,
  scenarioFileOf,
  type ScenarioDraft,
} from '../budget-scenario-draft.js';
import { AllocationView } from '../components/allocation-view.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { ScenarioForm } from '../components/scenario-form.js';
import { useBudgetSetupQuery } from '../hooks/use-budget-setup-query.js';
import { useMethodsQuery } from '../hooks/use-methods-query.js';
import { invalidateQueries, OWN_DATA_QUERIES, useQuery } from '../hooks/use-query.js';
import { useRankingsQuery } from '../hooks/use-rankings-query.js';
import { useScenarioPreview } from '../hooks/use-scenario-preview.js';
import { useI18n } from '../i18n/i18n.js';
import { Link, navigate, useLocation } from '../router.js';
import { scenarioProblems } from '../scenario-messages.js';
import { useUser } from '../session.js';
import '../budget.css';
import '../scenario.css';

export const SCENARIO_EDITOR_PATH = '/begroting/scenario';

// Without a year in the address: next year's begroting, the one usually being prepared.
const NEXT_YEAR = new Date().getFullYear() + 1;

/**
 * A new allocation scenario (`?jaar=`; `?van=<id>` starts from a copy of another): the form on
 * the left, on the right the allocation it gives, computed by the server as saving would, a
 * moment after every change.
 */
export function ScenarioEditorPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const user = useUser();
  const wholeArea = user.scope.all || user.role === 'admin';
  const setup = useBudgetSetupQuery();
  const rankings = useRankingsQuery();
  const methods = useMethodsQuery();
  const from = Number(search.get('van')) || null;
  const source = useQuery<{ input: Record<string, unknown>; name: string }>(
    from ? apiUrl(`/api/budget/scenarios/${from}`) : null,
  );
  const year = Number(search.get('jaar')) || NEXT_YEAR;
  const buurtRankings = useMemo(
    () => (rankings.data?.rankings ?? []).filter((r) => r.level === 'buurt'),
    [rankings.data],
  );

  const failed = setup.error ?? rankings.error ?? methods.error ?? source.error;
  if (failed) return <ErrorPanel error={failed} onRetry={() => window.location.reload()} />;
  if (!setup.data || !rankings.data || !methods.data || (from && !source.data))
    return <Loading label={t('scenario.editor.loading')} />;

  const header = (
    <header className="budget-header">
      <div>
        <p className="eyebrow">{t('scenario.editor.eyebrow')}</p>
        <h1>{t('scenario.editor.title')}</h1>
        <p className="lead">{t('scenario.editor.lead')}</p>
      </div>
      <Link className="button secondary" to={`/begroting?jaar=${year}`}>
        {t('scenario.editor.back')}
      </Link>
    </header>
  );
  const missing = !wholeArea
    ? t('scenario.refused.wholeArea')
    : setup.data.regions.length === 0
      ? t('scenario.editor.noRegions')
      : buurtRankings.length === 0
        ? t('scenario.editor.noRankings')
        : null;
  if (missing)
    return (
      <div className="page budget-page">
        {header}
        <p className="notice">{missing}</p>
      </div>
    );

  const classCountOf = (rankingId: number | null) => {
    const ranking = buurtRankings.find((r) => r.id === rankingId);
    const method = methods.data!.methods.find(
      (m) => m.key === ranking?.method.key && m.version === ranking?.method.version,
    );
    return method?.definition.classes.count ?? 5;
  };
  const newest = buurtRankings[0]!.id;
  const initial = source.data
    ? { ...draftFromInput(source.data.input, year), name: '' }
    : emptyDraft(
        year,
        newest,
        setup.data.lines.map((l) => l.key),
        classCountOf(newest),
      );
  return (
    <div className="page budget-page scenario-editor-page">
      {header}
      <Editor
        key={`${from ?? 'new'}:${year}`}
        initial={initial}
        setup={setup.data}
        rankings={buurtRankings}
        classCountOf={classCountOf}
      />
    </div>
  );
}

function Editor({
  initial,
  setup,
  rankings,
  classCountOf,
}: {
  initial: ScenarioDraft;
  setup: NonNullable<ReturnType<typeof useBudgetSetupQuery>['data']>;
  rankings: NonNullable<ReturnType<typeof useRankingsQuery>['data']>['rankings'];
  classCountOf(rankingId: number | null): number;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const forPreview = useMemo(() => scenarioFileOf(draft, false), [draft]);
  const { preview, error, current } = useScenarioPreview(forPreview.file);
  const regionNames = new Map(setup.regions.map((r) => [r.key, r.name]));
  const regionName = (key: string) => regionNames.get(key) ?? key;
  const forSaving = useMemo(() => scenarioFileOf(draft, true), [draft]);
  // A value that is not an amount shows at once; an empty required field only after trying to
  // save: a fresh form is not a list of errors.
  const problems = submitted
    ? forSaving.problems
    : forPreview.problems.filter((p) => p.kind !== 'required');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setSaveError(null);
    if (!forSaving.file) return;
    setSaving(true);
    try {
      await sendJson('POST', '/api/budget/scenarios', forSaving.file);
      invalidateQueries(OWN_DATA_QUERIES);
      navigate(`/begroting?jaar=${draft.year}&opgeslagen=${encodeURIComponent(draft.name.trim())}`);
    } catch (e) {
      const err = e as Error;
      if (err instanceof ApiError && err.code === 'conflict') {
        setSaveError(t('scenario.nameTaken', { year: draft.year }));
      } else if (err instanceof ApiError && err.status === 403) {
        setSaveError(t('scenario.refused.wholeArea'));
      } else {
        const text =
          err instanceof ApiError && err.code === 'validation_failed'
            ? scenarioProblems(err, locale, regionName).join(' ')
            : err.message;
        setSaveError(t('scenario.saveFailed', { message: text }));
      }
      setSaving(false);
    }
  };

  return (
    <div className="scenario-layout">
      <form
        className="scenario-editor"
        onSubmit={save}
        noValidate
        aria-label={t('scenario.editor.title')}
      >
        <ScenarioForm
          draft={draft}
          onChange={(next) => {
            setDraft(
              next.rankingId !== draft.rankingId &&
                next.by === 'class' &&
                Object.keys(next.weights).length !== classCountOf(next.rankingId)
                ? {
                    ...next,
                    weights: emptyDraft(next.year, null, [], classCountOf(next.rankingId)).weights,
                  }
                : next,
            );
          }}
          problems={problems}
          nameTaken={preview?.nameTaken === true && current && draft.name.trim() !== ''}
          setup={setup}
          rankings={rankings}
          classCount={classCountOf(draft.rankingId)}
        />
        <div className="save-bar">
          <div aria-live="polite" className="save-status">
            {submitted && forSaving.problems.length > 0 ? (
              <p className="form-error" role="status">
                {t('scenario.problems', { n: forSaving.problems.length })}
              </p>
            ) : null}
            {saveError ? (
              <p className="form-error" role="alert">
                {saveError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('scenario.saving') : t('scenario.save')}
          </button>
        </div>
      </form>
      <section
        className="scenario-preview card"
        aria-labelledby="scenario-preview-title"
        aria-busy={!current}
      >
        <h2 id="scenario-preview-title">
          {t('scenario.preview.title')}
          {forPreview.file && !current ? (
            <span className="hint"> · {t('scenario.preview.busy')}</span>
          ) : null}
        </h2>
        {!forPreview.file ? (
          <p className="hint">
            {forPreview.problems.some((p) => p.kind !== 'required')
              ? t('scenario.problems', {
                  n: forPreview.problems.filter((p) => p.kind !== 'required').length,
                })
              : t('scenario.preview.waiting')}
          </p>
        ) : error ? (
          <div className="error-panel" role="alert" data-testid="scenario-preview-error">
            <strong>{t('scenario.preview.failed')}</strong>
            <ul>
              {scenarioProblems(error, locale, regionName).map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {preview && !error ? (
          <div className={current ? 'current-view' : 'stale-view'}>
            <AllocationView result={preview.result} regionName={regionName} />
          </div>
        ) : null}
      </section>
    </div>
  );
}
