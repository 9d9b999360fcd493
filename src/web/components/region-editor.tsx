import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, sendJson } from '../api-client.js';
import type { BudgetSetupView } from '../hooks/use-budget-setup-query.js';
import { usePickerGemeenten } from '../hooks/use-picker-gemeenten.js';
import { useI18n } from '../i18n/i18n.js';
import { KEY_PATTERN, suggestKey } from '../regions-view.js';
import { problemOf } from '../server-messages.js';
import { usePhrase } from './phrase.js';
import { RegionBuurtPicker, type BuurtOwner } from './region-buurt-picker.js';
import { RegionMoveSummary } from './region-move-summary.js';

type Region = BudgetSetupView['regions'][number];
type Field = 'name' | 'key' | 'buurten';
type Problems = Partial<Record<Field | 'general', string>>;

/**
 * Adding a region (`region` null) or changing its name and buurten, saved through PUT
 * /api/budget/setup. The buurten are chosen per gemeente and wijk; a buurt of another region
 * moves when it is ticked, and the summary says so before saving.
 */
export function RegionEditor({
  region,
  setup,
  onSaved,
  onCancel,
}: {
  region: Region | null;
  setup: BudgetSetupView;
  onSaved(saved: { name: string; count: number; created: boolean }): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(region?.name ?? '');
  const [key, setKey] = useState(region?.key ?? '');
  const [keyEdited, setKeyEdited] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(region?.buurtCodes));
  const [filter, setFilter] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const ownBuurten = useMemo(() => region?.buurtCodes ?? [], [region]);

  useEffect(() => nameRef.current?.focus(), []);

  // Regions and lines share one key space: a report row must mean one thing.
  const taken = useMemo(
    () =>
      new Map([
        ...setup.regions.map((r) => [r.key, r.name] as const),
        ...setup.lines.map((l) => [l.key, l.name] as const),
      ]),
    [setup],
  );
  const ownerOf = useMemo(() => {
    const owners = new Map<string, BuurtOwner>();
    for (const r of setup.regions)
      if (r.key !== region?.key) for (const c of r.buurtCodes) owners.set(c, r);
    return owners;
  }, [setup, region]);
  const { gemeenten, openAtStart, others } = usePickerGemeenten(setup, ownBuurten, added);

  const change = (codes: readonly string[], on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      for (const code of codes)
        if (on) next.add(code);
        else next.delete(code);
      return next;
    });

  const check = (): Problems => {
    const found: Problems = {};
    if (!name.trim()) found.name = t('regions.error.nameRequired');
    if (!region) {
      if (!key) found.key = t('regions.error.keyRequired');
      else if (!KEY_PATTERN.test(key)) found.key = t('regions.error.keyFormat');
      else if (taken.has(key))
        found.key = t('regions.error.keyTaken', { key, name: taken.get(key)! });
    }
    if (chosen.size === 0) found.buurten = t('regions.error.noBuurten');
    return found;
  };

  const show = (found: Problems) => {
    setProblems(found);
    if (found.name) nameRef.current?.focus();
    else if (found.key) keyRef.current?.focus();
    else if (found.buurten) filterRef.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    try {
      const buurten = [...chosen].sort();
      await sendJson('PUT', '/api/budget/setup', {
        regions: [{ key, name: name.trim(), buurten }],
      });
      onSaved({ name: name.trim(), count: buurten.length, created: !region });
    } catch (error) {
      show(serverProblems(error as Error));
    } finally {
      setBusy(false);
    }
  };

  // The server's refusals a form can meet, at their field; anything else as it says it.
  const serverProblems = (error: Error): Problems => {
    const message = error.message;
    if (error instanceof ApiError && error.code === 'forbidden')
      return { general: t('regions.error.wholeArea') };
    if (/needs at least one buurt/.test(message)) return { buurten: t('regions.error.noBuurten') };
    if (/already a line|also a region key/.test(message))
      return { key: t('regions.error.keyTaken', { key, name: taken.get(key) ?? key }) };
    return { general: phrase(problemOf(error).phrase) };
  };

  const fieldError = (field: Field) =>
    problems[field] ? (
      <p className="form-error field-error" id={`${id}-${field}-error`}>
        {problems[field]}
      </p>
    ) : null;
  const describedBy = (field: Field, hint?: string) =>
    [hint, problems[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="region-editor" onSubmit={submit} noValidate data-testid="region-editor">
      <h2 id={`${id}-title`}>
        {region ? t('regions.form.editTitle', { name: region.name }) : t('regions.form.addTitle')}
      </h2>
      <div className="region-editor-fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('regions.field.name')}</label>
          <input
            ref={nameRef}
            id={`${id}-name`}
            value={name}
            autoComplete="off"
            aria-required
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={describedBy('name')}
            onChange={(e) => {
              setName(e.target.value);
              if (!region && !keyEdited) setKey(suggestKey(e.target.value, new Set(taken.keys())));
            }}
          />
          {fieldError('name')}
        </div>
        {region ? (
          <p className="region-key-fixed">{t('regions.field.keyFixed', { key: region.key })}</p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-key`}>{t('regions.field.key')}</label>
            <input
              ref={keyRef}
              id={`${id}-key`}
              value={key}
              autoComplete="off"
              spellCheck={false}
              aria-required
              aria-invalid={problems.key ? true : undefined}
              aria-describedby={describedBy('key', `${id}-key-hint`)}
              onChange={(e) => {
                setKeyEdited(true);
                setKey(e.target.value.trim());
              }}
            />
            <p className="hint" id={`${id}-key-hint`}>
              {t('regions.field.keyHint')}
            </p>
            {fieldError('key')}
          </div>
        )}
      </div>
      <fieldset className="region-buurten" aria-describedby={`${id}-buurten-hint`}>
        <legend>{t('regions.buurten')}</legend>
        <p className="hint" id={`${id}-buurten-hint`}>
          {t('regions.buurtenHint')}
        </p>
        {fieldError('buurten')}
        <div className="region-picker-tools">
          <div className="field">
            <label htmlFor={`${id}-filter`}>{t('regions.filter')}</label>
            <input
              ref={filterRef}
              id={`${id}-filter`}
              type="search"
              value={filter}
              placeholder={t('regions.filterPlaceholder')}
              autoComplete="off"
              aria-describedby={describedBy('buurten')}
              onChange={(e) => setFilter(e.target.value)}
            />
          </div>
          {others.length > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-gemeente`}>{t('regions.addGemeente')}</label>
              <select
                id={`${id}-gemeente`}
                value=""
                onChange={(e) => e.target.value && setAdded((a) => [...a, e.target.value])}
              >
                <option value="">{t('regions.addGemeenteChoose')}</option>
                {others.map((g) => (
                  <option key={g.code} value={g.code}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        {gemeenten.length === 0 ? <p className="notice">{t('regions.noGemeenten')}</p> : null}
        <RegionBuurtPicker
          gemeenten={gemeenten}
          openAtStart={openAtStart}
          chosen={chosen}
          ownerOf={ownerOf}
          filter={filter}
          onChange={change}
        />
      </fieldset>
      <div className="region-editor-actions">
        <RegionMoveSummary
          regionKey={region?.key ?? null}
          chosen={chosen}
          regions={setup.regions}
        />
        {problems.general ? (
          <p className="form-error" role="alert">
            {problems.general}
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
      </div>
    </form>
  );
}
