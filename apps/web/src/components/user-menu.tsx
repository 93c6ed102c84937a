import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import '../auth/auth.css';
import { useAuthT } from '../auth/auth-text.js';
import { useAuth } from '../state/auth-store.js';
import { useNoticeStore } from '../state/notice-store.js';

/**
 * The logged-in user in the header: a menu (a native disclosure, so it works with the
 * keyboard; Escape closes it) with the account page and logging out.
 */
export function UserMenu() {
  const t = useAuthT();
  const me = useAuth((s) => s.me);
  const logout = useAuth((s) => s.logout);
  const details = useRef<HTMLDetailsElement>(null);
  if (me === null) return null;
  const close = () => details.current?.removeAttribute('open');
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && details.current?.open) {
      close();
      details.current.querySelector('summary')?.focus();
    }
  };
  return (
    <details className="user-menu" ref={details} onKeyDown={onKeyDown}>
      <summary aria-label={t('userMenu', { name: me.displayName })}>
        <span className="user-avatar" aria-hidden="true">
          {[...me.displayName][0]?.toUpperCase() ?? '?'}
        </span>
        <span className="user-menu-name">{me.displayName}</span>
      </summary>
      <ul className="user-menu-list">
        <li>
          <Link to="/account" onClick={close}>
            {t('changePassword')}
          </Link>
        </li>
        <li>
          <button type="button" onClick={() => { close(); logout().catch((e: Error) => useNoticeStore.getState().show(e.message)); }}>
            {t('logOut')}
          </button>
        </li>
      </ul>
    </details>
  );
}
