import { useRef, useState, type FormEvent } from 'react';
import { sendJson } from '../api-client.js';
import { usePhrase } from '../components/phrase.js';
import { useI18n } from '../i18n/i18n.js';
import { problemOf } from '../server-messages.js';
import { useUser } from '../session.js';

// The server's rule; checked here too so the form can say so before sending.
const MIN_PASSWORD_LENGTH = 12;

type Field = 'currentPassword' | 'newPassword' | 'repeat';

/** The account: who you are here, and a new password (your other sessions end). */
export function AccountPage() {
  const { t } = useI18n();
  const phrase = usePhrase();
  const user = useUser();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    repeat: '',
  });
  const [problem, setProblem] = useState<{ field: Field | null; text: string } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };

  const fail = (field: Field | null, text: string) => {
    setProblem({ field, text });
    if (field) refs[field].current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!values.currentPassword) return fail('currentPassword', t('form.required'));
    if (values.newPassword.length < MIN_PASSWORD_LENGTH)
      return fail('newPassword', t('form.passwordTooShort', { n: MIN_PASSWORD_LENGTH }));
    if (values.newPassword !== values.repeat) return fail('repeat', t('account.noMatch'));
    setBusy(true);
    setProblem(null);
    try {
      await sendJson('POST', '/api/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setValues({ currentPassword: '', newPassword: '', repeat: '' });
      setDone(true);
    } catch (e) {
      const p = problemOf(e as Error);
      const field = (['currentPassword', 'newPassword'] as const).find((f) => f === p.field);
      fail(field ?? null, phrase(p.phrase));
    } finally {
      setBusy(false);
    }
  };

  const input = (field: Field, label: string, autoComplete: string, hint?: string) => {
    const invalid = problem?.field === field;
    return (
      <div className="field">
        <label htmlFor={`account-${field}`}>{label}</label>
        <input
          ref={refs[field]}
          id={`account-${field}`}
          type="password"
          autoComplete={autoComplete}
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          aria-invalid={invalid || undefined}
          aria-describedby={
            [hint ? `account-${field}-hint` : '', invalid ? 'account-error' : '']
              .filter(Boolean)
              .join(' ') || undefined
          }
        />
        {hint ? (
          <p className="hint" id={`account-${field}-hint`}>
            {hint}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <div className="page admin-page account-page">
      <h1>{t('account.title')}</h1>
      <p className="lead">{t('account.lead')}</p>
      <div className="admin-grid">
        <form className="card" onSubmit={submit} noValidate aria-labelledby="password-title">
          <h2 id="password-title">{t('user.changePassword')}</h2>
          {/* The account name helps password managers store the new password with it. */}
          <input
            type="email"
            autoComplete="username"
            value={user.email}
            readOnly
            hidden
            aria-hidden="true"
          />
          <div className="form-stack">
            {input('currentPassword', t('account.current'), 'current-password')}
            {input(
              'newPassword',
              t('account.new'),
              'new-password',
              t('account.newHint', { n: MIN_PASSWORD_LENGTH }),
            )}
            {input('repeat', t('account.repeat'), 'new-password')}
          </div>
          <div aria-live="polite">
            {problem ? (
              <p className="form-error" id="account-error" role="alert">
                {problem.text}
              </p>
            ) : null}
            {done ? (
              <p className="form-ok" role="status">
                {t('account.done')}
              </p>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('form.saving') : t('account.submit')}
            </button>
          </div>
        </form>
        <section className="card" aria-labelledby="me-title">
          <h2 id="me-title">{t('account.me')}</h2>
          <dl className="summary-list">
            <dt>{t('users.name')}</dt>
            <dd>{user.name}</dd>
            <dt>{t('user.email')}</dt>
            <dd>{user.email}</dd>
            <dt>{t('users.organisation')}</dt>
            <dd>{user.organisation?.name ?? '–'}</dd>
            <dt>{t('user.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
            <dt>{t('user.scope')}</dt>
            <dd>{user.scope.all ? t('scope.all') : user.scope.codes.join(', ')}</dd>
          </dl>
          {user.restricted ? <p className="hint">{t('account.restricted')}</p> : null}
        </section>
      </div>
    </div>
  );
}
