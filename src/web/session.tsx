import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Permission, Role } from '../domain/access/roles.js';
import { configureSession, fetchJson, sendJson } from './api-client.js';
import { clearQueries } from './hooks/use-query.js';
import { LOGIN_PATH, loginPath } from './login-path.js';
import { navigate } from './router.js';

export interface CurrentUser {
  email: string;
  name: string;
  role: Role;
  organisation: { key: string; name: string; kind: string } | null;
  scope: { all: boolean; codes: string[] };
  permissions: Permission[];
  /** Figures reach this user with disclosure control: small counts are hidden. */
  restricted: boolean;
}

export interface DemoAccount {
  email: string;
  role: Role;
  organisation: string;
  scope: string;
}

interface SessionResponse {
  user: CurrentUser | null;
  csrfToken: string | null;
  oidc: { label: string } | null;
  demoAccounts: DemoAccount[] | null;
}

/** Why the login page is shown again: said once on it. */
export type LoginNotice =
  { kind: 'expired' } | { kind: 'loggedOut' } | { kind: 'loggedOutEverywhere'; sessions: number };

interface SessionState {
  status: 'loading' | 'ready' | 'error';
  error: Error | null;
  user: CurrentUser | null;
  oidc: { label: string } | null;
  demoAccounts: DemoAccount[] | null;
  notice: LoginNotice | null;
}

export interface Session extends SessionState {
  can(permission: Permission): boolean;
  /** Throws ApiError: 401 wrong credentials, 429 too many attempts. */
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
  reload(): void;
}

const SessionContext = createContext<Session | null>(null);

const LOADING: SessionState = {
  status: 'loading',
  error: null,
  user: null,
  oidc: null,
  demoAccounts: null,
  notice: null,
};

/**
 * The one place that knows who is logged in. Loads /api/auth/session at start, keeps the CSRF
 * token for the API client, and sends the user to the login page (keeping the page they were
 * on) when any request answers 401.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(LOADING);

  // Only the answer sets state, so the first load can run from an effect.
  const fetchSession = useCallback(() => {
    fetchJson<SessionResponse>('/api/auth/session').then(
      (body) => {
        configureSession({ csrfToken: body.csrfToken });
        setState((s) => ({
          ...s,
          status: 'ready',
          error: null,
          user: body.user,
          oidc: body.oidc,
          demoAccounts: body.demoAccounts,
        }));
      },
      (error: Error) => setState((s) => ({ ...s, status: 'error', error })),
    );
  }, []);
  useEffect(fetchSession, [fetchSession]);

  const load = useCallback(() => {
    setState((s) => ({ ...s, status: 'loading', error: null }));
    fetchSession();
  }, [fetchSession]);

  // The 401 handler runs outside React: it reads the user through a ref.
  const userRef = useRef<CurrentUser | null>(null);
  useEffect(() => {
    userRef.current = state.user;
  }, [state.user]);

  useEffect(() => {
    configureSession({
      onUnauthenticated: () => {
        if (!userRef.current) return;
        userRef.current = null;
        configureSession({ csrfToken: null });
        // State before address, so no render sees the login page with the old user.
        setState((s) => ({ ...s, user: null, notice: { kind: 'expired' } }));
        navigate(loginPath(window.location.pathname + window.location.search), {
          replace: true,
        });
        // Again: the login page offers the demo accounts while the demo is loaded.
        load();
      },
    });
    return () => configureSession({ onUnauthenticated: null });
  }, [load]);

  // Once nobody is logged in (and the pages that watched answers have gone), forget every
  // answer: the next user may see other areas and other figures.
  useEffect(() => {
    if (state.status === 'ready' && !state.user) clearQueries();
  }, [state.status, state.user]);

  const login = useCallback(async (email: string, password: string) => {
    const body = await sendJson<{ user: CurrentUser; csrfToken: string }>(
      'POST',
      '/api/auth/login',
      { email, password },
    );
    configureSession({ csrfToken: body.csrfToken });
    clearQueries();
    setState((s) => ({ ...s, status: 'ready', user: body.user, notice: null }));
  }, []);

  const loggedOut = useCallback(
    (notice: LoginNotice) => {
      configureSession({ csrfToken: null });
      setState((s) => ({ ...s, user: null, notice }));
      navigate(LOGIN_PATH, { replace: true });
      load();
    },
    [load],
  );

  const logout = useCallback(async () => {
    await sendJson('POST', '/api/auth/logout');
    loggedOut({ kind: 'loggedOut' });
  }, [loggedOut]);

  const logoutEverywhere = useCallback(async () => {
    const body = await sendJson<{ sessionsEnded: number }>('POST', '/api/auth/logout-everywhere');
    loggedOut({ kind: 'loggedOutEverywhere', sessions: body.sessionsEnded });
  }, [loggedOut]);

  const value = useMemo<Session>(
    () => ({
      ...state,
      can: (permission) => state.user?.permissions.includes(permission) ?? false,
      login,
      logout,
      logoutEverywhere,
      reload: load,
    }),
    [state, login, logout, logoutEverywhere, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The logged-in user, for pages that only render behind the login. */
export function useUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}
