import { useLocaleStore } from '../i18n/locale-store.js';
import { ApiClient } from './api-client.js';

/** The app's API client: same origin, `Accept-Language` from the active UI locale. */
export const api = new ApiClient({ locale: () => useLocaleStore.getState().locale });
