import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../domain/access/roles.js';
import { sendJson } from '../api-client.js';
import type { Organisation, UserAccount } from '../hooks/use-users-query.js';
import { useI18n } from '../i18n/i18n.js';
import { formatScopeCodes, parseScopeCodes } from '../scope-input.js';
import { problemOf } from '../server-messages.js';
import { usePhrase } from './phrase.js';

type Field = 'email' | 'name' | 'organisation' | 'role' | 'scope';
const FIELDS: readonly string[] = ['email', 'name', 'organisation', 'role', 'scope'];

export type SavedUser =
  | { kind: 'created'; user: UserAccount; password: string | null }
  | { kind: 'changed'; user: UserAccount };

/**
 * A new account, or changes to one (`editing`). Checks what it can before sending; what the
 * server refuses is shown at the field it names. A new account gets a generated password,
 * which the page shows once.
 */
export function UserForm({
  organisations,
  editing,
  onSaved,
  onCancel,
  focusOnMount = false,
}: {
  organisations: Organisation[];
  editing: UserAccount | null;
  focusOnMount?: boolean;
  onSaved(saved: SavedUser): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const id = useId();
  const initial = () => ({
    email: editing?.email ?? '',
    name: editing?.name ?? '',
    organisation: editing?.organisation.key ?? organisations[0]?.key ?? '',
    role: (editing?.role ?? 'viewer') as Role,
    scopeAll: editing?.scope.all ?? false,
    scope: editing ? formatScopeCodes(editing.scope.codes) : '',
  });
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<{ field: Field | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = {
    email: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
    organisation: useRef<HTMLSelectElement>(null),
    role: useRef<HTMLSelectElement>(null),
    scope: useRef<HTMLInputElement>(null),
  };

  // The page gives each account its own form (key); after a switch, continue typing here.
  useEffect(() => {
    if (focusOnMount) (editing ? refs.name : refs.email).current?.focus();
    // Only on mount: a form belongs to one account.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const admin = values.role === 'admin';
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const fail = (field: Field | null, text: string) => {
    setProblem({ field, text });
    if (field) refs[field].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing && !values.email.trim()) return fail('email', t('form.required'));
    if (!values.name.trim()) return fail('name', t('form.required'));
    const scope = parseScopeCodes(values.scope);
    if (scope.invalid.length > 0)
      return fail('scope', t('form.notScopeCode', { codes: scope.invalid.join(', ') }));
    if (!admin && !values.scopeAll && scope.codes.length === 0)
      return fail('scope', t('form.scopeNeeded'));
    const body = {
      name: values.name.trim(),
      organisation: values.organisation,
      role: values.role,
      scopeAll: values.scopeAll,
      scope: values.scopeAll ? [] : scope.codes,
    };
    setBusy(true);
    setProblem(null);
    try {
      if (editing) {
        const result = await sendJson<{ user: UserAccount }>(
          'PATCH',
          `/api/users/${editing.id}`,
          body,
        );
        onSaved({ kind: 'changed', user: result.user });
      } else {
        const result = await sendJson<{ user: UserAccount; password: string | null }>(
          'POST',
          '/api/users',
          { ...body, email: values.email.trim() },
        );
        setValues(initial());
        onSaved({ kind: 'created', user: result.user, password: result.password });
      }
    } catch (e) {
      const p = problemOf(e as Error);
      fail(FIELDS.includes(p.field ?? '') ? (p.field as Field) : null, phrase(p.phrase));
    } finally {
      setBusy(false);
    }
  };

  const describedBy = (field: Field, hint?: string) =>
    [hint ?? '', problem?.field === field ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const invalid = (field: Field) => (problem?.field === field ? true : undefined);
  const fieldError = (field: Field) =>
    problem?.field === field ? (
      <p className="form-error field-error" id={`${id}-error`} role="alert">
        {problem.text}
      </p>
    ) : null;

  return (
    <form
      className="card user-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="user-form"
    >
      <h2 id={`${id}-title`}>
        {editing ? t('users.editTitle', { name: editing.name }) : t('users.newTitle')}
      </h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('user.email')}</label>
          <input
            ref={refs.email}
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={values.email}
            disabled={editing !== null}
            onChange={(e) => set('email', e.target.value)}
            aria-invalid={invalid('email')}
            aria-describedby={describedBy('email')}
          />
          {fieldError('email')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('users.name')}</label>
          <input
            ref={refs.name}
            id={`${id}-name`}
            autoComplete="off"
            value={values.name}
            onChange={(e) => set('name', e.target.value)}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
          />
          {fieldError('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-organisation`}>{t('users.organisation')}</label>
          <select
            ref={refs.organisation}
            id={`${id}-organisation`}
            value={values.organisation}
            onChange={(e) => set('organisation', e.target.value)}
            aria-invalid={invalid('organisation')}
            aria-describedby={describedBy('organisation')}
          >
            {organisations.map((o) => (
              <option key={o.key} value={o.key}>
                {o.name}
              </option>
            ))}
          </select>
          {fieldError('organisation')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('user.role')}</label>
          <select
            ref={refs.role}
            id={`${id}-role`}
            value={values.role}
            onChange={(e) => set('role', e.target.value as Role)}
            aria-invalid={invalid('role')}
            aria-describedby={describedBy('role')}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
          {fieldError('role')}
        </div>
        <fieldset className="field wide scope-field" disabled={admin}>
          <legend>{t('user.scope')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={admin || values.scopeAll}
              onChange={(e) => set('scopeAll', e.target.checked)}
            />
            {t('users.scopeAll')}
          </label>
          <label htmlFor={`${id}-scope`} className="visually-hidden">
            {t('users.scopeCodes')}
          </label>
          <input
            ref={refs.scope}
            id={`${id}-scope`}
            placeholder="GM9901, WK990201"
            spellCheck={false}
            autoComplete="off"
            value={values.scope}
            disabled={admin || values.scopeAll}
            onChange={(e) => set('scope', e.target.value)}
            aria-invalid={invalid('scope')}
            aria-describedby={describedBy('scope', `${id}-scope-hint`)}
          />
          <p className="hint" id={`${id}-scope-hint`}>
            {admin ? t('users.scopeAdmin') : t('users.scopeHint')}
          </p>
          {fieldError('scope')}
        </fieldset>
      </div>
      {problem && problem.field === null ? (
        <p className="form-error" role="alert">
          {problem.text}
        </p>
      ) : null}
      <div className="form-actions">
        {!editing ? <p className="hint">{t('users.passwordGenerated')}</p> : null}
        {editing ? (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.saving') : editing ? t('form.save') : t('users.create')}
        </button>
      </div>
    </form>
  );
}
