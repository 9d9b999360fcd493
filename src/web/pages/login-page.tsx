import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api-client.js';
import { BrandMark } from '../components/brand-mark.js';
import { LangSwitch } from '../components/lang-switch.js';
import { useI18n } from '../i18n/i18n.js';
import { safeReturnPath } from '../login-path.js';
import { useLocation } from '../router.js';
import { useSession, type DemoAccount } from '../session.js';

// Every demo account has this password; the login page says so, the README too.
const DEMO_PASSWORD = 'buurtbalans-demo';
const OIDC_ERRORS = new Set(['oidc_failed', 'unknown_account', 'disabled']);

/**
 * The login page: e-mail and password, the organisation's identity provider when configured,
 * and while the demo is loaded its accounts, one click each. Where to go afterwards comes
 * from `?terug=`; the app goes there once the session knows the user.
 */
export function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  const returnTo = safeReturnPath(search.get('terug'));
  const oidcError = search.get('fout');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  const logIn = async (address: string, secret: string) => {
    setBusy(address);
    setError(null);
    try {
      await session.login(address.trim(), secret);
    } catch (e) {
      setError(loginError(e as Error, t));
      setBusy(null);
      emailRef.current?.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError(t('login.fillIn'));
      return;
    }
    void logIn(email, password);
  };

  const pickDemo = (account: DemoAccount) => {
    setEmail(account.email);
    setPassword(DEMO_PASSWORD);
    void logIn(account.email, DEMO_PASSWORD);
  };

  const notice = session.notice;
  const noticeText =
    notice?.kind === 'expired'
      ? t('login.expired')
      : notice?.kind === 'loggedOut'
        ? t('login.loggedOut')
        : notice?.kind === 'loggedOutEverywhere'
          ? t('login.loggedOutEverywhere', { n: notice.sessions })
          : oidcError
            ? t(
                OIDC_ERRORS.has(oidcError)
                  ? `login.oidc.${oidcError as 'disabled'}`
                  : 'login.oidc.oidc_failed',
              )
            : null;
  const demo =
    session.demoAccounts && session.demoAccounts.length > 0 ? session.demoAccounts : null;

  return (
    <div className="login-page">
      <div className="login-top">
        <LangSwitch />
      </div>
      <main id="content" className={demo ? 'login-layout with-demo' : 'login-layout'}>
        <section className="card login-card" aria-labelledby="login-title">
          <div className="login-brand">
            <BrandMark size={44} />
            <div>
              <p className="login-brand-name">{t('app.name')}</p>
              <p className="login-brand-tagline">{t('app.tagline')}</p>
            </div>
          </div>
          <h1 id="login-title">{t('login.title')}</h1>
          {noticeText ? (
            <p className={oidcError && !notice ? 'form-error' : 'notice'} role="status">
              {noticeText}
            </p>
          ) : null}
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="login-email">{t('login.email')}</label>
              <input
                ref={emailRef}
                id="login-email"
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'login-error' : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor="login-password">{t('login.password')}</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? 'login-error' : undefined}
              />
            </div>
            {error ? (
              <p id="login-error" className="form-error" role="alert">
                {error}
              </p>
            ) : null}
            <button type="submit" className="button wide" disabled={busy !== null}>
              {busy !== null ? t('login.busy') : t('login.submit')}
            </button>
          </form>
          {session.oidc ? (
            <>
              <p className="login-or">
                <span>{t('login.or')}</span>
              </p>
              <a
                className="button secondary wide"
                href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
              >
                {session.oidc.label}
              </a>
            </>
          ) : null}
        </section>
        {demo ? (
          <section className="card demo-accounts" aria-labelledby="demo-title">
            <h2 id="demo-title">
              <span className="demo-chip">Demo</span> {t('login.demoTitle')}
            </h2>
            <p className="hint">
              {t('login.demoLead')} <code>{DEMO_PASSWORD}</code>
            </p>
            <ul>
              {demo.map((account) => (
                <li key={account.email}>
                  <button
                    type="button"
                    className="demo-account"
                    disabled={busy !== null}
                    aria-busy={busy === account.email}
                    onClick={() => pickDemo(account)}
                  >
                    <span className="demo-head">
                      <span className="demo-role">{t(`role.${account.role}`)}</span>
                      <span className="demo-email">{account.email}</span>
                    </span>
                    <span className="demo-org">{account.organisation}</span>
                    <span className="demo-org">
                      {t('login.demoScope', {
                        // The server writes "alle gebieden" for an unlimited scope.
                        scope: account.scope === 'alle gebieden' ? t('scope.all') : account.scope,
                      })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
      <footer className="app-footer">
        <span>{t('footer.sources')}</span>
        <span>{t('footer.signal')}</span>
      </footer>
    </div>
  );
}

function loginError(error: Error, t: ReturnType<typeof useI18n>['t']): string {
  if (!(error instanceof ApiError)) return t('error.network');
  switch (error.code) {
    case 'unauthenticated':
      return t('login.wrong');
    case 'too_many_requests': {
      const seconds = Number(error.details.retryAfterSeconds ?? 900);
      return t('login.tooMany', { n: Math.max(1, Math.ceil(seconds / 60)) });
    }
    case 'validation_failed':
      return t('login.fillIn');
    case 'network':
      return t('error.network');
    default:
      return `${t('error.server')} (${error.code})`;
  }
}
