import { useId, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { KEY_PATTERN, suggestKey } from '../regions-view.js';

type Field = 'name' | 'key';

/**
 * Adding a line without an area: its name, and a key suggested from the name until it is
 * typed over. Checked here first (required, the key's form, a key taken by a region or line),
 * so the usual mistakes are said at their field; `onAdd` saves and says whether it worked.
 */
export function BudgetLineAdd({
  taken,
  busy,
  onAdd,
}: {
  /** Keys in use, regions' and lines' alike (a report row must mean one thing), to their names. */
  taken: ReadonlyMap<string, string>;
  busy: boolean;
  onAdd(line: { key: string; name: string }): Promise<boolean>;
}) {
  const { t } = useI18n();
  const id = useId();
  const inputs = { name: useRef<HTMLInputElement>(null), key: useRef<HTMLInputElement>(null) };
  const [draft, setDraft] = useState({ name: '', key: '', keyEdited: false });
  const [problem, setProblem] = useState<{ field: Field; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = draft.name.trim();
    const key = draft.key;
    const found: { field: Field; text: string } | null = !name
      ? { field: 'name', text: t('regions.error.nameRequired') }
      : !key
        ? { field: 'key', text: t('regions.error.keyRequired') }
        : !KEY_PATTERN.test(key)
          ? { field: 'key', text: t('regions.error.keyFormat') }
          : taken.has(key)
            ? { field: 'key', text: t('regions.error.keyTaken', { key, name: taken.get(key)! }) }
            : null;
    setProblem(found);
    if (found) return inputs[found.field].current?.focus();
    if (await onAdd({ key, name })) setDraft({ name: '', key: '', keyEdited: false });
  };

  const field = (name: Field, label: string, onChange: (value: string) => void) => {
    const error = problem?.field === name ? `${id}-${name}-error` : undefined;
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          ref={inputs[name]}
          id={`${id}-${name}`}
          value={draft[name]}
          autoComplete="off"
          spellCheck={name === 'name'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error}
          onChange={(e) => onChange(e.target.value)}
        />
        {error ? (
          <p className="form-error field-error" id={error}>
            {problem!.text}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form className="line-add" onSubmit={submit} noValidate>
      {field('name', t('lines.field.name'), (value) =>
        setDraft((d) => ({
          ...d,
          name: value,
          key: d.keyEdited ? d.key : suggestKey(value, new Set(taken.keys())),
        })),
      )}
      {field('key', t('lines.field.key'), (value) =>
        setDraft((d) => ({ ...d, key: value.trim(), keyEdited: true })),
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('lines.add')}
      </button>
    </form>
  );
}
