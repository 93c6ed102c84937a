import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { LoadError, Loading } from '../components/load-states.js';
import { LoginPage } from '../pages/login-page.js';
import { useAuth } from '../state/auth-store.js';

/**
 * The layout route around every page that needs a login: asks the server who is logged in
 * once, then shows the page, or the login page while nobody is (after a login the same
 * address opens). Public forms (`/f/:token`) are outside it.
 */
export function RequireAuth() {
  const status = useAuth((s) => s.status);
  const refresh = useAuth((s) => s.refresh);
  const [error, setError] = useState<Error | undefined>();
  useEffect(() => {
    if (status === 'unknown') refresh().catch((e: Error) => setError(e));
  }, [status, refresh]);
  if (status === 'authenticated') return <Outlet />;
  if (status === 'anonymous') return <LoginPage />;
  return error ? <LoadError error={error} onRetry={() => { setError(undefined); void refresh().catch((e: Error) => setError(e)); }} /> : <Loading />;
}
