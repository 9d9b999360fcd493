import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { sendJson } from '../api-client.js';
import {
  useSpendingTargetsQuery,
  type SpendingLine,
  type SpendingTargetKind,
} from '../hooks/use-budget-spending-query.js';
import { useI18n } from '../i18n/i18n.js';
import { ErrorPanel, Loading } from './feedback.js';
import { usePhrase } from './phrase.js';
import { spendingProblem, type SpendingField as Field } from './spending-problem.js';

const KINDS: readonly SpendingTargetKind[] = ['region', 'buurt', 'complex', 'line'];

/**
 * One spending line entered by hand: date, what it is booked on (a region, buurt, complex or
 * line), category, amount, description, prestatieafspraken. The server checks it as the import
 * checks a row; what it refuses is shown at the field it names.
 */
export function BudgetSpendingForm({
  year,
  categories,
  onAdded,
}: {
  year: number;
  /** Categories already used, suggested while typing. */
  categories: readonly string[];
  onAdded(line: SpendingLine): void;
}) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const targets = useSpendingTargetsQuery(true);
  const [values, setValues] = useState({
    date: '',
    kind: 'region' as SpendingTargetKind,
    target: '',
    category: '',
    amount: '',
    description: '',
    agreements: '',
  });
  const [problem, setProblem] = useState<{ field: Field | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof typeof values, value: string) =>
    setValues((v) => ({ ...v, [key]: value, ...(key === 'kind' ? { target: '' } : {}) }));

  if (targets.error) return <ErrorPanel error={targets.error} onRetry={targets.reload} />;
  if (!targets.setup || !targets.complexes)
    return <Loading label={t('budget.spending.add.loadingTargets')} />;
  const { setup, complexes } = targets;

  const fail = (field: Field | null, text: string) => {
    setProblem({ field, text });
    if (field)
      form.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${field}`)}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.date) return fail('date', t('form.required'));
    if (!values.target) return fail('target', t('budget.spending.error.chooseTarget'));
    if (!values.category.trim()) return fail('category', t('form.required'));
    if (!values.amount.trim()) return fail('amount', t('form.required'));
    setBusy(true);
    setProblem(null);
    try {
      const { line } = await sendJson<{ line: SpendingLine }>('POST', '/api/budget/spending', {
        year,
        date: values.date.trim(),
        [values.kind]: values.target,
        category: values.category.trim(),
        amount: values.amount.trim(),
        description: values.description.trim() || null,
        prestatieafspraken: values.agreements === '' ? null : values.agreements === 'yes',
      });
      // The date and target often repeat for the next booking; the amount never does.
      setValues((v) => ({ ...v, amount: '', description: '' }));
      onAdded(line);
    } catch (error) {
      const problem = spendingProblem(error as Error, t, phrase, year);
      fail(problem.field, problem.text);
    } finally {
      setBusy(false);
    }
  };

  const options: Record<SpendingTargetKind, ReactNode> = {
    region: setup.regions.map((r) => (
      <option key={r.key} value={r.key}>
        {r.name}
      </option>
    )),
    buurt: setup.regions.map((r) => (
      <optgroup key={r.key} label={r.name}>
        {r.buurten.map((b) => (
          <option key={b.code} value={b.code}>
            {b.name} ({b.code})
          </option>
        ))}
      </optgroup>
    )),
    complex: complexes.map((c) => (
      <option key={c.corporationId} value={c.corporationId}>
        {c.name ? `${c.corporationId} – ${c.name}` : c.corporationId}
      </option>
    )),
    line: setup.lines.map((l) => (
      <option key={l.key} value={l.key}>
        {l.name}
      </option>
    )),
  };

  const at = (field: Field) => ({
    id: `${id}-${field}`,
    'aria-invalid': problem?.field === field ? true : undefined,
    'aria-describedby':
      [field === 'amount' ? `${id}-amount-hint` : '', problem?.field === field ? `${id}-error` : '']
        .filter(Boolean)
        .join(' ') || undefined,
  });
  const errorAt = (field: Field) =>
    problem?.field === field ? (
      <p className="form-error field-error" id={`${id}-error`} role="alert">
        {problem.text}
      </p>
    ) : null;
  const field = (name: Field, label: string, control: ReactNode, extra?: ReactNode) => (
    <div className={name === 'description' ? 'field wide' : 'field'}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {control}
      {extra}
      {errorAt(name)}
    </div>
  );

  return (
    <form
      ref={form}
      className="card budget-spending-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="spending-form"
    >
      <h3 id={`${id}-title`}>{t('budget.spending.add.title')}</h3>
      <p className="hint">{t('budget.spending.add.hint')}</p>
      <div className="form-grid">
        {field(
          'date',
          t('budget.spending.add.date'),
          <input
            placeholder={t('budget.spending.add.datePlaceholder')}
            autoComplete="off"
            value={values.date}
            onChange={(e) => set('date', e.target.value)}
            {...at('date')}
          />,
          <p className="hint" id={`${id}-date-hint`}>
            {t('budget.spending.add.dateHint', { year })}
          </p>,
        )}
        {field(
          'category',
          t('budget.spending.add.category'),
          <input
            list={`${id}-categories`}
            autoComplete="off"
            value={values.category}
            onChange={(e) => set('category', e.target.value)}
            {...at('category')}
          />,
          <datalist id={`${id}-categories`}>
            {categories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>,
        )}
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('budget.spending.add.kind')}</label>
          <select
            id={`${id}-kind`}
            value={values.kind}
            onChange={(e) => set('kind', e.target.value)}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`budget.spending.kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {field(
          'target',
          t(`budget.spending.kind.${values.kind}`),
          <select
            value={values.target}
            onChange={(e) => set('target', e.target.value)}
            {...at('target')}
          >
            <option value="">{t('budget.spending.add.choose')}</option>
            {options[values.kind]}
          </select>,
        )}
        {field(
          'amount',
          t('budget.spending.add.amount'),
          <input
            inputMode="decimal"
            autoComplete="off"
            value={values.amount}
            onChange={(e) => set('amount', e.target.value)}
            {...at('amount')}
          />,
          <p className="hint" id={`${id}-amount-hint`}>
            {t('budget.spending.add.amountHint')}
          </p>,
        )}
        {field(
          'agreements',
          t('budget.spending.add.agreements'),
          <select
            value={values.agreements}
            onChange={(e) => set('agreements', e.target.value)}
            {...at('agreements')}
          >
            <option value="">{t('budget.spending.agreements.unknown')}</option>
            <option value="yes">{t('budget.spending.agreements.yes')}</option>
            <option value="no">{t('budget.spending.agreements.no')}</option>
          </select>,
        )}
        {field(
          'description',
          t('budget.spending.add.description'),
          <input
            autoComplete="off"
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
            {...at('description')}
          />,
        )}
      </div>
      {problem && problem.field === null ? (
        <p className="form-error" role="alert">
          {problem.text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('budget.spending.add.busy') : t('budget.spending.add.submit')}
        </button>
      </div>
    </form>
  );
}
