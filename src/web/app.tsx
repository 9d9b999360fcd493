import { useEffect, useRef } from 'react';
import type { Permission } from '../domain/access/roles.js';
import { BrandMark } from './components/brand-mark.js';
import { ErrorBoundary } from './components/error-boundary.js';
import { ErrorPanel, Loading } from './components/feedback.js';
import { LangSwitch } from './components/lang-switch.js';
import { UserMenu } from './components/user-menu.js';
import { useMetaQuery } from './hooks/use-meta-query.js';
import { useI18n } from './i18n/i18n.js';
import { LOGIN_PATH, loginPath, safeReturnPath } from './login-path.js';
import { AccountPage } from './pages/account-page.js';
import { AdminImportsPage } from './pages/admin-imports-page.js';
import { AreaPage } from './pages/area-page.js';
import { AuditPage } from './pages/audit-page.js';
import { BUDGET_PATH, BudgetPage } from './pages/budget-page.js';
import { LoginPage } from './pages/login-page.js';
import { MapPage } from './pages/map-page.js';
import { MethodPage } from './pages/method-page.js';
import { MethodsPage } from './pages/methods-page.js';
import { SCENARIO_EDITOR_PATH, ScenarioEditorPage } from './pages/scenario-editor-page.js';
import { RankingRoutes } from './pages/ranking-page.js';
import { REGIONS_PATH, RegionsPage } from './pages/regions-page.js';
import { STOCK_PATH, StockPage } from './pages/stock-page.js';
import { UsersPage } from './pages/users-page.js';
import { VeerkrachtPage } from './pages/veerkracht-page.js';
import { Link, navigate, useLocation } from './router.js';
import { useSession, type CurrentUser } from './session.js';

/**
 * Who sees what: until the session is known, a spinner; without a user, the login page (any
 * other address goes there, remembering itself); with one, the app.
 */
export function App() {
  const session = useSession();
  const { path, search } = useLocation();
  const query = search.toString();
  const here = path + (query ? `?${query}` : '');
  const onLogin = path === LOGIN_PATH;
  const ready = session.status === 'ready';
  const user = session.user;

  useEffect(() => {
    if (!ready) return;
    if (!user && !onLogin) navigate(loginPath(here), { replace: true });
    if (user && onLogin) navigate(safeReturnPath(search.get('terug')), { replace: true });
  }, [ready, user, onLogin, here, search]);

  if (session.status === 'error')
    return (
      <div className="app">
        <main id="content">
          <ErrorPanel error={session.error!} onRetry={session.reload} />
        </main>
      </div>
    );
  if (!ready || !user !== onLogin)
    return (
      <div className="app">
        <Loading label="…" />
      </div>
    );
  if (!user)
    return (
      <div className="app">
        <LoginPage />
      </div>
    );
  return <Shell user={user} />;
}

/** The pages, each with the permission it needs (the server checks again). */
const ADMIN_PAGES: Array<{
  path: string;
  permission: Permission;
  label: 'nav.admin' | 'nav.users' | 'nav.audit';
}> = [
  { path: '/beheer/imports', permission: 'imports:read', label: 'nav.admin' },
  { path: '/beheer/gebruikers', permission: 'users:manage', label: 'nav.users' },
  { path: '/beheer/auditlog', permission: 'audit:read', label: 'nav.audit' },
];

/** The shell: header with navigation, user menu and language switch, the demo banner, the page. */
function Shell({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { path } = useLocation();
  const meta = useMetaQuery();
  const areaMatch = /^\/gebied\/([^/]+)$/.exec(path);
  const methodMatch = /^\/methoden\/([^/]+)$/.exec(path);
  // After navigating to another page, move focus to it, so screen readers and keyboards
  // start there instead of on the link that was left behind.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) mainRef.current?.focus();
    firstPath.current = '';
  }, [path]);
  useEffect(() => {
    document.title = t('app.name');
  }, [t, path]);

  const adminPage = ADMIN_PAGES.find((p) => p.path === path);
  let page: React.ReactNode;
  if (meta.error) page = <ErrorPanel error={meta.error} onRetry={meta.reload} />;
  else if (!meta.data) page = <Loading label="…" />;
  else if (adminPage && !can(adminPage.permission)) page = <NoAccess />;
  else if (path === '/') page = <MapPage meta={meta.data} />;
  else if (path === '/beheer/imports') page = <AdminImportsPage />;
  else if (path === '/beheer/gebruikers') page = <UsersPage />;
  else if (path === '/beheer/auditlog') page = <AuditPage />;
  else if (path === '/account') page = <AccountPage />;
  else if (path === '/rangorde' || path.startsWith('/rangorde/'))
    page = can('figures:read') ? <RankingRoutes path={path} /> : <NoAccess />;
  else if (path === BUDGET_PATH) page = can('figures:read') ? <BudgetPage /> : <NoAccess />;
  else if (path === SCENARIO_EDITOR_PATH)
    page = can('budgets:write') ? <ScenarioEditorPage /> : <NoAccess />;
  else if (path === STOCK_PATH) page = can('figures:read') ? <StockPage /> : <NoAccess />;
  else if (path === REGIONS_PATH) page = can('figures:read') ? <RegionsPage /> : <NoAccess />;
  else if (path === '/methoden') page = <MethodsPage />;
  else if (methodMatch) page = <MethodPage methodKey={decodeURIComponent(methodMatch[1]!)} />;
  else if (path === '/veerkracht') page = <VeerkrachtPage meta={meta.data} />;
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
          <BrandMark />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="main-nav">
          <Link to="/" aria-current={path === '/' ? 'page' : undefined}>
            {t('nav.map')}
          </Link>
          {can('figures:read') ? (
            <Link
              to="/rangorde"
              aria-current={
                path === '/rangorde' || path.startsWith('/rangorde/') ? 'page' : undefined
              }
            >
              {t('nav.ranking')}
            </Link>
          ) : null}
          {can('figures:read') ? (
            <Link
              to={BUDGET_PATH}
              aria-current={
                path === BUDGET_PATH || path === SCENARIO_EDITOR_PATH ? 'page' : undefined
              }
            >
              {t('nav.budget')}
            </Link>
          ) : null}
          {can('figures:read') ? (
            <Link
              to={STOCK_PATH}
              aria-current={path === STOCK_PATH || path === REGIONS_PATH ? 'page' : undefined}
            >
              {t('nav.stock')}
            </Link>
          ) : null}
          <Link
            to="/methoden"
            aria-current={path === '/methoden' || methodMatch ? 'page' : undefined}
          >
            {t('nav.methods')}
          </Link>
          <Link to="/veerkracht" aria-current={path === '/veerkracht' ? 'page' : undefined}>
            {t('nav.veerkracht')}
          </Link>
          {ADMIN_PAGES.filter((p) => can(p.permission)).map((p) => (
            <Link key={p.path} to={p.path} aria-current={path === p.path ? 'page' : undefined}>
              {t(p.label)}
            </Link>
          ))}
          <a href="/api/docs">{t('nav.api')}</a>
        </nav>
        <div className="header-right">
          <UserMenu user={user} />
          <LangSwitch />
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

function NoAccess() {
  const { t } = useI18n();
  return (
    <div className="page narrow">
      <div className="error-panel" role="alert">
        <strong>{t('noAccess.title')}</strong>
        <p>{t('noAccess.body')}</p>
        <Link to="/">{t('area.backToMap')}</Link>
      </div>
    </div>
  );
}
