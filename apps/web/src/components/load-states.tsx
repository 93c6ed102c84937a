import { useT } from '../i18n/use-t.js';
import type { ApiError } from '../api/api-client.js';

/** Shown while a page's data loads. */
export function Loading() {
  const t = useT();
  return (
    <div className="state-box" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('loading')}
    </div>
  );
}

/** A failed load: the server's message and a retry button. */
export function LoadError({ error, onRetry }: { readonly error: ApiError | Error; readonly onRetry?: () => void }) {
  const t = useT();
  const network = 'code' in error && error.code === 'NETWORK';
  return (
    <div className="state-box state-error" role="alert">
      <p>{network ? t('networkError') : error.message}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}
