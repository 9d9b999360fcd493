import { useEffect, useRef, useState } from 'react';
import { ROLES } from '../../domain/access/roles.js';
import { sendJson } from '../api-client.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { ErrorPanel, Loading } from '../components/feedback.js';
import { usePhrase } from '../components/phrase.js';
import { UserForm, type SavedUser } from '../components/user-form.js';
import { useUsersQuery, type UserAccount } from '../hooks/use-users-query.js';
import { useI18n } from '../i18n/i18n.js';
import { problemOf } from '../server-messages.js';
import { useUser } from '../session.js';

type Pending = { kind: 'reset' | 'disable'; user: UserAccount };

/**
 * Accounts (users:manage): who may log in, at which organisation, in which role and for which
 * areas. A new or reset password is shown once, here, and never again.
 */
export function UsersPage() {
  const { t, locale } = useI18n();
  const phrase = usePhrase();
  const me = useUser();
  const query = useUsersQuery();
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [secret, setSecret] = useState<{ email: string; password: string; reset: boolean } | null>(
    null,
  );
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  // Focus moves into the form when the user switches it, not when the page opens.
  const [formTouched, setFormTouched] = useState(false);

  const saved = (result: SavedUser) => {
    query.reload();
    if (result.kind === 'created') {
      setMessage({ error: false, text: t('users.created', { email: result.user.email }) });
      if (result.password)
        setSecret({ email: result.user.email, password: result.password, reset: false });
    } else {
      setFormTouched(true);
      setEditing(null);
      setMessage({ error: false, text: t('users.changed', { name: result.user.name }) });
    }
  };

  const edit = (user: UserAccount) => {
    setFormTouched(true);
    setEditing(user);
    setMessage(null);
    formRef.current?.scrollIntoView({ block: 'start' });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setMessage(null);
    try {
      if (pending.kind === 'reset') {
        const result = await sendJson<{ password: string }>(
          'POST',
          `/api/users/${pending.user.id}/reset-password`,
        );
        setSecret({ email: pending.user.email, password: result.password, reset: true });
      } else {
        await sendJson('PATCH', `/api/users/${pending.user.id}`, { disabled: true });
        setMessage({ error: false, text: t('users.disabledDone', { name: pending.user.name }) });
      }
      query.reload();
    } catch (e) {
      setMessage({ error: true, text: phrase(problemOf(e as Error).phrase) });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const enable = async (user: UserAccount) => {
    setMessage(null);
    try {
      await sendJson('PATCH', `/api/users/${user.id}`, { disabled: false });
      setMessage({ error: false, text: t('users.enabledDone', { name: user.name }) });
      query.reload();
    } catch (e) {
      setMessage({ error: true, text: phrase(problemOf(e as Error).phrase) });
    }
  };

  const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const users = [...(query.data?.users ?? [])].sort(
    (a, b) => Number(a.disabled) - Number(b.disabled) || a.name.localeCompare(b.name, 'nl'),
  );

  return (
    <div className="page admin-page users-page">
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.lead')}</p>
      {query.error ? (
        <ErrorPanel error={query.error} onRetry={query.reload} />
      ) : !query.data ? (
        <Loading label="…" />
      ) : (
        <>
          <div className="admin-grid" ref={formRef}>
            <UserForm
              key={editing?.id ?? 'new'}
              focusOnMount={formTouched}
              organisations={query.data.organisations}
              editing={editing}
              onSaved={saved}
              onCancel={() => {
                setFormTouched(true);
                setEditing(null);
              }}
            />
            {secret ? (
              <PasswordOnce {...secret} onDone={() => setSecret(null)} />
            ) : (
              <RolesExplainer />
            )}
          </div>
          <section className="runs" aria-labelledby="accounts-title">
            <h2 id="accounts-title">
              {t('users.accounts')} <span className="count">({users.length})</span>
            </h2>
            <div aria-live="polite">
              {message ? (
                <p className={message.error ? 'form-error' : 'form-ok'} role="status">
                  {message.text}
                </p>
              ) : null}
            </div>
            <div className="table-wrap">
              <table className="data-table users-table" data-testid="users-table">
                <thead>
                  <tr>
                    <th scope="col">{t('users.name')}</th>
                    <th scope="col">{t('users.organisation')}</th>
                    <th scope="col">{t('user.role')}</th>
                    <th scope="col">{t('user.scope')}</th>
                    <th scope="col">{t('users.lastLogin')}</th>
                    <th scope="col">{t('admin.status')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('users.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id} className={u.disabled ? 'disabled' : undefined}>
                      <th scope="row">
                        <span className="user-cell-name">{u.name}</span>
                        <span className="user-cell-email">{u.email}</span>
                      </th>
                      <td>{u.organisation.name}</td>
                      <td>{t(`role.${u.role}`)}</td>
                      <td className="scope-cell">
                        {u.scope.all || u.role === 'admin'
                          ? t('scope.all')
                          : u.scope.codes.join(', ')}
                      </td>
                      <td className="last-login">
                        {u.lastLoginAt ? when.format(new Date(u.lastLoginAt)) : t('users.never')}
                      </td>
                      <td>
                        <span className="badges">
                          <span className={`badge ${u.disabled ? 'failed' : 'succeeded'}`}>
                            {u.disabled ? t('users.disabled') : t('users.active')}
                          </span>
                          {u.isDemo ? <span className="badge demo">demo</span> : null}
                          {u.oidcLinked ? <span className="badge neutral">SSO</span> : null}
                        </span>
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => edit(u)}
                          aria-label={t('users.editOf', { name: u.name })}
                        >
                          {t('users.edit')}
                        </button>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => setPending({ kind: 'reset', user: u })}
                          aria-label={t('users.resetOf', { name: u.name })}
                        >
                          {t('users.reset')}
                        </button>
                        {u.disabled ? (
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => enable(u)}
                            aria-label={t('users.enableOf', { name: u.name })}
                          >
                            {t('users.enable')}
                          </button>
                        ) : u.email !== me.email ? (
                          <button
                            type="button"
                            className="link-button danger-text"
                            onClick={() => setPending({ kind: 'disable', user: u })}
                            aria-label={t('users.disableOf', { name: u.name })}
                          >
                            {t('users.disable')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
      {pending ? (
        <ConfirmDialog
          title={
            pending.kind === 'reset'
              ? t('users.resetTitle', { name: pending.user.name })
              : t('users.disableTitle', { name: pending.user.name })
          }
          confirmLabel={pending.kind === 'reset' ? t('users.reset') : t('users.disable')}
          danger={pending.kind === 'disable'}
          busy={busy}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        >
          <p>{pending.kind === 'reset' ? t('users.resetBody') : t('users.disableBody')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

/** A generated password, shown this once, with a copy button. */
function PasswordOnce({
  email,
  password,
  reset,
  onDone,
}: {
  email: string;
  password: string;
  reset: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const ref = useRef<HTMLElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [password]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      // No clipboard access (an older browser or a denied permission): select it instead.
      const range = document.createRange();
      if (codeRef.current) range.selectNodeContents(codeRef.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied('no');
    }
  };
  return (
    <section
      className="card password-once"
      aria-labelledby="password-once-title"
      tabIndex={-1}
      ref={ref}
      data-testid="password-once"
    >
      <h2 id="password-once-title">
        {reset ? t('users.secretResetTitle') : t('users.secretTitle')}
      </h2>
      <p>{t('users.secretFor', { email })}</p>
      <div className="secret-row">
        <code ref={codeRef} className="secret">
          {password}
        </code>
        <button type="button" className="button secondary small" onClick={copy}>
          {t('users.copy')}
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied === 'yes' ? t('users.copied') : copied === 'no' ? t('users.copyManually') : ''}
      </p>
      <p className="warning">{t('users.secretWarning')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('users.secretDone')}
        </button>
      </div>
    </section>
  );
}

function RolesExplainer() {
  const { t } = useI18n();
  return (
    <section className="card explainer" aria-labelledby="roles-title">
      <h2 id="roles-title">{t('users.rolesTitle')}</h2>
      <dl className="roles-list">
        {ROLES.map((r) => (
          <div key={r}>
            <dt>{t(`role.${r}`)}</dt>
            <dd>{t(`users.roleInfo.${r}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('users.rolesNote')}</p>
    </section>
  );
}
