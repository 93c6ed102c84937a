import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-client.js';
import { api } from '../api/api.js';
import '../auth/auth.css';
import { useAuthT } from '../auth/auth-text.js';
import { AppHeader } from '../components/app-header.js';
import { useAuth } from '../state/auth-store.js';

/** `/account`: who is logged in, the password change form, and logging out everywhere. */
export function AccountPage() {
  const t = useAuthT();
  const me = useAuth((s) => s.me);
  const logoutAll = useAuth((s) => s.logoutAll);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if ([...next].length < 8) return setError(t('passwordTooShort'));
    if (next !== confirm) return setError(t('passwordMismatch'));
    setBusy(true);
    setError(undefined);
    try {
      await api.changePassword(current, next);
      setDone(true);
      setCurrent('');
      setNext('');
      setConfirm('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message.replace(/^\[server\] /, '') : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page-frame">
      <AppHeader />
      <main className="home" id="main">
        <h1 className="page-title">{t('accountTitle')}</h1>
        {me ? (
          <p className="page-subtitle">
            {t('signedInAs', { name: me.displayName, username: me.username })}
            {me.isAdmin ? ` · ${t('administrator')}` : ''}
          </p>
        ) : null}
        <section className="card account-section" aria-labelledby="change-password">
          <h2 id="change-password">{t('changePassword')}</h2>
          <form className="auth-form" onSubmit={submit} noValidate>
            <div className="auth-field">
              <label htmlFor="current-password">{t('currentPassword')}</label>
              <input id="current-password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
            </div>
            <div className="auth-field">
              <label htmlFor="new-password">{t('newPassword')}</label>
              <input id="new-password" type="password" autoComplete="new-password" aria-describedby="new-password-hint" value={next} onChange={(e) => setNext(e.target.value)} />
              <span className="hint" id="new-password-hint">
                {t('passwordRule')}
              </span>
            </div>
            <div className="auth-field">
              <label htmlFor="confirm-password">{t('confirmPassword')}</label>
              <input id="confirm-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            </div>
            {error ? (
              <p className="auth-error" role="alert">
                {error}
              </p>
            ) : null}
            {done ? (
              <p className="auth-success" role="status">
                {t('passwordChanged')}
              </p>
            ) : null}
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('changePassword')}
            </button>
          </form>
        </section>
        <section className="card account-section" aria-labelledby="logout-everywhere">
          <h2 id="logout-everywhere">{t('logOutEverywhere')}</h2>
          <p className="page-subtitle">{t('logOutEverywhereHint')}</p>
          <button type="button" className="button button-danger-outline" onClick={() => void logoutAll()}>
            {t('logOutEverywhere')}
          </button>
        </section>
      </main>
    </div>
  );
}
