import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { sendJson } from '../api-client.js';
import type { StockBuurt, StockComplex } from '../hooks/stock-types.js';
import { useI18n } from '../i18n/i18n.js';
import { complexProblems, type ComplexField, type ComplexProblems } from '../stock-messages.js';
import { houseNumberText } from '../stock-view.js';
import { usePhrase } from './phrase.js';

export type SavedComplex = StockComplex & { buurtName: string };
type Values = Record<ComplexField, string>;

// The order of the fields on screen: the first one with a problem gets the focus.
const FORM_ORDER: readonly ComplexField[] = [
  'complexId',
  'name',
  'yearBuilt',
  'units',
  'daebUnits',
  'address',
  'postcode',
  'houseNumber',
  'buurtCode',
  'x',
  'y',
];

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);

/** The form's values for a complex; a placed complex keeps only its point, to be placed again. */
function valuesOf(complex: StockComplex | null): Values {
  return {
    complexId: text(complex?.corporationId),
    name: text(complex?.name),
    address: text(complex?.address),
    postcode: text(complex?.postcode),
    houseNumber: complex ? houseNumberText(complex) : '',
    buurtCode: complex?.placedBy === 'file' ? complex.buurtCode : '',
    x: text(complex?.lon),
    y: text(complex?.lat),
    units: text(complex?.units),
    daebUnits: text(complex?.daebUnits),
    yearBuilt: text(complex?.yearBuilt),
  };
}

/**
 * Adding a complex, or changing one (`editing`), in a modal dialog. The server applies the
 * import's rules; what it refuses is shown at the field it names, in the interface language,
 * and the first such field gets the focus.
 */
export function StockComplexForm({
  editing,
  buurten,
  onSaved,
  onCancel,
}: {
  editing: (StockComplex & { buurtName: string }) | null;
  buurten: StockBuurt[];
  onSaved(complex: SavedComplex): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const inputs = useRef<Partial<Record<ComplexField, HTMLInputElement | null>>>({});
  const [values, setValues] = useState<Values>(() => valuesOf(editing));
  const [problems, setProblems] = useState<ComplexProblems>({ fields: {}, general: null });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, v.trim() === '' ? null : v.trim()]),
    );
    setBusy(true);
    try {
      const { complex } = editing
        ? await sendJson<{ complex: SavedComplex }>(
            'PUT',
            `/api/stock/complexes/${editing.id}`,
            body,
          )
        : await sendJson<{ complex: SavedComplex }>('POST', '/api/stock/complexes', body);
      onSaved(complex);
    } catch (error) {
      const found = complexProblems(error as Error);
      setProblems(found);
      const first = FORM_ORDER.find((f) => found.fields[f]);
      if (first) inputs.current[first]?.focus();
    } finally {
      setBusy(false);
    }
  };

  const field = (
    name: ComplexField,
    options: { numeric?: boolean; required?: boolean; hint?: string; list?: string } = {},
  ) => {
    const problem = problems.fields[name];
    const hintId = options.hint ? `${id}-${name}-hint` : '';
    const errorId = problem ? `${id}-${name}-error` : '';
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{t(`stock.field.${name}`)}</label>
        <input
          ref={(element) => {
            inputs.current[name] = element;
          }}
          id={`${id}-${name}`}
          name={name}
          value={values[name]}
          autoComplete="off"
          spellCheck={false}
          inputMode={options.numeric ? 'decimal' : undefined}
          list={options.list}
          aria-required={options.required || undefined}
          aria-invalid={problem ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
        {options.hint ? (
          <p className="hint" id={hintId}>
            {options.hint}
          </p>
        ) : null}
        {problem ? (
          <p className="form-error field-error" id={errorId}>
            {phrase(problem)}
          </p>
        ) : null}
      </div>
    );
  };

  const hasFieldProblems = Object.keys(problems.fields).length > 0;
  const title = editing
    ? t('stock.form.editTitle', { id: editing.corporationId })
    : t('stock.form.addTitle');
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog stock-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} noValidate data-testid="stock-form">
        <h2 id={`${id}-title`}>{title}</h2>
        <p className="hint">{t('stock.form.intro')}</p>
        <fieldset className="stock-fieldset">
          <legend>{t('stock.form.complex')}</legend>
          {field('complexId', { required: true })}
          {field('name')}
          {field('yearBuilt', { numeric: true })}
        </fieldset>
        <fieldset className="stock-fieldset">
          <legend>{t('stock.form.dwellings')}</legend>
          {field('units', { numeric: true, required: true })}
          {field('daebUnits', { numeric: true, required: true })}
        </fieldset>
        <fieldset className="stock-fieldset">
          <legend>{t('stock.form.location')}</legend>
          <p className="hint wide" id={`${id}-location-hint`}>
            {t('stock.form.locationHint')}
          </p>
          {field('address')}
          {field('postcode')}
          {field('houseNumber')}
          {field('buurtCode', {
            list: `${id}-buurten`,
            ...(editing?.placedBy === 'point'
              ? { hint: t('stock.form.placedNow', { buurt: editing.buurtName }) }
              : {}),
          })}
          {field('x', { numeric: true, hint: t('stock.field.coordinatesHint') })}
          {field('y', { numeric: true })}
          <datalist id={`${id}-buurten`}>
            {buurten.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name}
              </option>
            ))}
          </datalist>
        </fieldset>
        {problems.general || hasFieldProblems ? (
          <p className="form-error" role="alert">
            {problems.general ? phrase(problems.general) : t('stock.error.form')}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
