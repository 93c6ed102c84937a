import type { FileRef } from '@trellis/forms';
import { xhrUpload, type FileAccess } from '@trellis/ui';
import { api } from '../api/api.js';
import { useLocaleStore } from '../i18n/locale-store.js';
import './files.css';

const fileUrl = (ref: FileRef, options?: { readonly download?: boolean }) => `/api/files/${encodeURIComponent(ref.id)}${options?.download === true ? '?download=true' : ''}`;
const locale = () => useLocaleStore.getState().locale;

/**
 * The file widgets' access for the record pages of one form: uploads to
 * `POST /api/apps/:app/forms/:form/fields/:field/files`, downloads from `GET /api/files/:id`.
 *
 * @example <FileAccessProvider access={recordFileAccess('crm', 'contract')}>…</FileAccessProvider>
 */
export function recordFileAccess(app: string, form: string): FileAccess {
  return {
    upload: (field, file, onProgress, signal) =>
      xhrUpload<FileRef>(`/api/apps/${encodeURIComponent(app)}/forms/${encodeURIComponent(form)}/fields/${encodeURIComponent(field.key)}/files`, file, onProgress, signal, locale(), api.authHeaders()),
    url: fileUrl,
  };
}

/**
 * The file widgets' access on a public form: anonymous uploads to
 * `POST /api/public/forms/:token/fields/:field/files`. Files just uploaded are previewed from
 * the browser (a visitor cannot download unattached files).
 */
export function publicFileAccess(token: string): FileAccess {
  return {
    upload: (field, file, onProgress, signal) =>
      xhrUpload<FileRef>(`/api/public/forms/${encodeURIComponent(token)}/fields/${encodeURIComponent(field.key)}/files`, file, onProgress, signal, locale()),
    url: fileUrl,
  };
}
