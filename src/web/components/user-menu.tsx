import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { Link, useLocation } from '../router.js';
import { useSession, type CurrentUser } from '../session.js';
import { problemOf } from '../server-messages.js';
import { usePhrase } from './phrase.js';

/** Who is logged in (name, organisation, role) and what they can do about it. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const phrase = usePhrase();
  const { logout, logoutEverywhere } = useSession();
  const { path } = useLocation();
  // Open on the page where it was opened: a new page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const setOpen = (value: boolean) => setOpenOn(value ? path : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // A disclosure, not an application menu: Escape and a click elsewhere close it.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpenOn(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(phrase(problemOf(e as Error).phrase));
      setBusy(false);
    }
  };

  const role = t(`role.${user.role}`);
  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
        data-testid="user-menu-button"
      >
        <span className="user-avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-text">
          <span className="user-name">{user.name}</span>
          <span className="user-org">
            {user.organisation ? `${user.organisation.name} · ` : ''}
            {role}
          </span>
        </span>
        <span className="chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={menuId} className="user-dropdown" hidden={!open}>
        <dl className="user-facts">
          <dt>{t('user.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('user.role')}</dt>
          <dd>{role}</dd>
          <dt>{t('user.scope')}</dt>
          <dd>{user.scope.all ? t('scope.all') : user.scope.codes.join(', ')}</dd>
        </dl>
        <ul>
          <li>
            <Link to="/account">{t('user.changePassword')}</Link>
          </li>
          <li>
            <button type="button" disabled={busy} onClick={() => run(logout)}>
              {t('user.logout')}
            </button>
          </li>
          <li>
            <button type="button" disabled={busy} onClick={() => run(logoutEverywhere)}>
              {t('user.logoutEverywhere')}
            </button>
          </li>
        </ul>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** "Pieter Gemeente" → "PG". */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}
