import { createContext, useContext, type ReactNode } from 'react';
import type { FileRef } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';

/** Reports upload progress: bytes sent so far and the total. */
export type UploadProgress = (loaded: number, total: number) => void;

/**
 * How the file widgets reach the server, provided by the app (the record page, a public form):
 * the widgets never build API URLs themselves. `upload` sends one file for a field and resolves
 * to its ref; `url` gives where a stored file can be shown or downloaded.
 */
export interface FileAccess {
  upload(field: FieldDef, file: File, onProgress: UploadProgress, signal: AbortSignal): Promise<FileRef>;
  url(ref: FileRef, options?: { readonly download?: boolean }): string;
  /** The server's upload size cap, when it is lower than the fields' own limits. */
  readonly maxSize?: number;
}

const FileAccessContext = createContext<FileAccess | undefined>(undefined);

/**
 * Gives the file widgets below it their {@link FileAccess}.
 *
 * @example <FileAccessProvider access={recordFileAccess('crm', 'contract')}><FormRenderer … /></FileAccessProvider>
 */
export function FileAccessProvider({ access, children }: { readonly access: FileAccess; readonly children: ReactNode }) {
  return <FileAccessContext.Provider value={access}>{children}</FileAccessContext.Provider>;
}

/** The nearest {@link FileAccess}, or undefined (the widgets then show stored files as names only and take no uploads). */
export function useFileAccess(): FileAccess | undefined {
  return useContext(FileAccessContext);
}

/** An upload the server refused: its HTTP status and the Trellis error body's message when there is one. */
export class UploadError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  constructor(status: number, message: string, code?: string) {
    super(message);
    this.name = 'UploadError';
    this.status = status;
    this.code = code;
  }
}

/**
 * Uploads one file as `multipart/form-data` (part `file`) with `XMLHttpRequest`, whose upload
 * progress events drive the widgets' progress bars (`fetch` has none). Resolves to the JSON
 * answer; rejects with {@link UploadError} (the server's message) or an `AbortError`.
 *
 * `headers` adds request headers (the session's `x-csrf-token`).
 *
 * @example const ref = await xhrUpload('/api/apps/crm/forms/contract/fields/files/files', file, (l, t) => setPct(l / t), signal, 'zh-CN', { 'x-csrf-token': token });
 */
export function xhrUpload<T>(url: string, file: File, onProgress: UploadProgress, signal: AbortSignal, locale?: string, headers: Readonly<Record<string, string>> = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    if (locale !== undefined) xhr.setRequestHeader('Accept-Language', locale);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = xhr.response as { error?: { code?: string; message?: string } } | null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new UploadError(xhr.status, body?.error?.message ?? `HTTP ${xhr.status}`, body?.error?.code));
    };
    xhr.onerror = () => reject(new UploadError(0, 'network error'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
