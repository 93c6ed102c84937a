import { useState, type FormEvent } from 'react';
import '../auth/auth.css';
import { useAuthT } from '../auth/auth-text.js';
import { loginErrorText } from '../auth/login-errors.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { useLocale } from '../i18n/use-t.js';
import { useAuth } from '../state/auth-store.js';

/**
 * The login page, shown in place of any app page while nobody is logged in (the address
 * stays, so the page opens after login). Says why a login failed: wrong credentials, too
 * many attempts, or a locked account.
 */
export function LoginPage() {
  const t = useAuthT();
  const locale = useLocale();
  const login = useAuth((s) => s.login);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(t('loginRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(loginErrorText(err, locale));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-frame">
      <main className="card login-card" id="main">
        <div className="login-top">
          <span className="brand">
            <span className="brand-mark" aria-hidden="true">
              T
            </span>
            <span className="brand-name">Trellis</span>
          </span>
          <LanguageSwitch />
        </div>
        <h1 className="page-title">{t('loginTitle')}</h1>
        <p className="page-subtitle">{t('loginSubtitle')}</p>
        <form className="auth-form" onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <div className="auth-field">
            <label htmlFor="login-username">{t('username')}</label>
            <input id="login-username" name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
          </div>
          <div className="auth-field">
            <label htmlFor="login-password">{t('password')}</label>
            <input id="login-password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          {error ? (
            <p className="auth-error" id="login-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('loggingIn') : t('logIn')}
          </button>
        </form>
      </main>
    </div>
  );
}
