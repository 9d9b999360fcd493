import { useEffect, useRef } from 'react';
import type { Locale } from '../domain/format/format-value.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { ErrorPanel, Loading } from './components/feedback.js';
import { useMetaQuery } from './hooks/use-meta-query.js';
import { useI18n } from './i18n/i18n.js';
import { AdminImportsPage } from './pages/admin-imports-page.js';
import { AreaPage } from './pages/area-page.js';
import { MapPage } from './pages/map-page.js';
import { Link, useLocation } from './router.js';

/** The shell: header with language switch, the demo banner while demo data is loaded, the page. */
export function App() {
  const { t, locale, setLocale } = useI18n();
  const { path } = useLocation();
  const meta = useMetaQuery();
  const corporation = meta.data?.organisations.find((o) => o.kind === 'corporation');
  const areaMatch = /^\/gebied\/([^/]+)$/.exec(path);
  // After navigating to another page, move focus to it, so screen readers and keyboards
  // start there instead of on the link that was left behind.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) mainRef.current?.focus();
    firstPath.current = '';
  }, [path]);

  let page: React.ReactNode;
  if (meta.error) page = <ErrorPanel error={meta.error} onRetry={meta.reload} />;
  else if (!meta.data) page = <Loading label="…" />;
  else if (path === '/') page = <MapPage meta={meta.data} />;
  else if (path === '/beheer/imports') page = <AdminImportsPage />;
  else if (areaMatch)
    page = <AreaPage key={areaMatch[1]} code={decodeURIComponent(areaMatch[1]!).toUpperCase()} />;
  else
    page = (
      <div className="page narrow">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.body')}</p>
        <Link to="/">{t('nav.map')}</Link>
      </div>
    );

  return (
    <div className={path === '/' ? 'app fixed' : 'app'}>
      <a className="skip-link" href="#content">
        {t('skip.content')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          <svg viewBox="0 0 32 32" width="30" height="30" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#f7f3ea" />
            <path d="M6 22 L12 10 L16 17 L20 12 L26 22 Z" fill="#d9822b" />
            <rect x="6" y="23" width="20" height="3" rx="1.5" fill="#3b7a5a" />
          </svg>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="main-nav">
          <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
            {t('nav.map')}
          </Link>
          <Link to="/beheer/imports" aria-current={path.startsWith('/beheer') ? 'page' : undefined}>
            {t('nav.admin')}
          </Link>
          <a href="/api/docs">{t('nav.api')}</a>
        </nav>
        <div className="header-right">
          {corporation ? <span className="org">{corporation.name}</span> : null}
          <div className="lang-switch" role="group" aria-label={t('lang.switch')}>
            {(['nl', 'en'] as Locale[]).map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                aria-pressed={locale === l}
                onClick={() => setLocale(l)}
                title={t(`lang.${l}`)}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      </header>
      {meta.data?.demo ? (
        <div className="demo-banner" role="note">
          <strong>Demo</strong> {t('demo.banner')}
        </div>
      ) : null}
      <main id="content" tabIndex={-1} ref={mainRef}>
        <ErrorBoundary
          resetKey={path}
          fallback={
            <div className="error-panel" role="alert">
              <strong>{t('error.title')}</strong>
              <p>{t('app.crashed')}</p>
              <button type="button" className="button" onClick={() => window.location.reload()}>
                {t('app.reload')}
              </button>
            </div>
          }
        >
          {page}
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <span>{t('footer.sources')}</span>
        <span>{t('footer.signal')}</span>
      </footer>
    </div>
  );
}
