import { ApiError } from '../api/api-client.js';
import type { AppLocale } from '../i18n/messages.js';
import { authText } from './auth-text.js';

/**
 * What the login page says about a failed login: wrong credentials, too many attempts (with
 * the seconds to wait), a locked account (with the minutes), or the server's own message.
 *
 * @example loginErrorText(new ApiError(423, 'AUTH_LOCKED', 'm', [], 900), 'en') // '… Try again in 15 minutes.'
 */
export function loginErrorText(error: unknown, locale: AppLocale): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const wait = error.retryAfter;
  switch (error.code) {
    case 'AUTH_INVALID_CREDENTIALS':
      return authText(locale, 'loginInvalid');
    case 'AUTH_RATE_LIMITED':
      return authText(locale, 'loginRateLimited', { seconds: wait ?? 60 });
    case 'AUTH_LOCKED':
      return authText(locale, 'loginLocked', { minutes: Math.max(1, Math.ceil((wait ?? 900) / 60)) });
    case 'SERVER_REQUEST_INVALID':
      return authText(locale, 'loginRequired');
    default:
      return error.message;
  }
}
