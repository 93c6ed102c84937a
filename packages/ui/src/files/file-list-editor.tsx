import { useEffect, useRef, useState, type DragEvent } from 'react';
import { fileFieldLimits, formatFileSize, type FileRef } from '@trellis/forms';
import type { FieldWidgetProps } from '../field-widget.js';
import { useFileAccess, UploadError } from './file-access.js';
import { acceptAttribute, checkChosenFile, remainingSlots } from './file-checks.js';
import { fileText } from './file-messages.js';

/** One file on its way to the server. */
interface Pending {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  loaded: number;
  error?: string;
  readonly file: File;
  controller: AbortController;
}

const asRefs = (value: unknown): FileRef[] => (Array.isArray(value) ? (value as FileRef[]) : []);

const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/**
 * The editor of attachment and image fields: choose files (or drop them on the box), each
 * checked against the field's size and type limits before it is sent, uploaded with a
 * progress bar of its own, and removable. Image fields show thumbnails. Uploads go through
 * the app's {@link FileAccess}; the value is the list of file refs.
 */
export function FileListEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const access = useFileAccess();
  const limits = fileFieldLimits(field)!;
  const images = limits.imagesOnly;
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [previews, setPreviews] = useState<ReadonlyMap<string, string>>(new Map());
  const latest = useRef<FileRef[]>(asRefs(value));
  latest.current = asRefs(value);
  const nextKey = useRef(1);
  const input = useRef<HTMLInputElement>(null);

  // On unmount: stop running uploads and free the thumbnails of fresh uploads.
  const live = useRef({ pending, previews });
  live.current = { pending, previews };
  useEffect(
    () => () => {
      for (const p of live.current.pending) p.controller.abort();
      for (const url of live.current.previews.values()) URL.revokeObjectURL(url);
    },
    [],
  );

  const update = (key: number, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const start = (file: File, key: number) => {
    if (access === undefined) return;
    const controller = new AbortController();
    update(key, { controller, loaded: 0, error: undefined } as Partial<Pending>);
    access
      .upload(field, file, (loaded) => update(key, { loaded }), controller.signal)
      .then((ref) => {
        const next = [...latest.current.filter((r) => r.id !== ref.id), ref];
        latest.current = next;
        onChange(next);
        if (images) setPreviews((m) => new Map(m).set(ref.id, URL.createObjectURL(file)));
        setPending((list) => list.filter((p) => p.key !== key));
      })
      .catch((e: unknown) => {
        if ((e as { name?: string }).name === 'AbortError') return;
        const message =
          e instanceof UploadError && e.status === 413
            ? fileText(locale, 'tooLarge', { name: file.name, limit: formatFileSize(Math.min(limits.maxSize, access.maxSize ?? Infinity)) })
            : e instanceof UploadError && e.status === 415
              ? fileText(locale, images ? 'notImage' : 'wrongType', { name: file.name, allowed: (limits.accept ?? []).join(', ') })
              : `${fileText(locale, 'uploadFailed')}: ${(e as Error).message}`;
        update(key, { error: message });
      });
  };

  const choose = (files: readonly File[]) => {
    const refused: string[] = [];
    let slots = remainingSlots(limits, latest.current.length, pending.filter((p) => p.error === undefined).length);
    const accepted: Pending[] = [];
    for (const file of files) {
      const problem = checkChosenFile(field, file, locale, access?.maxSize);
      if (problem !== undefined) refused.push(problem);
      else if (slots <= 0) refused.push(fileText(locale, 'tooMany', { limit: limits.maxFiles }));
      else {
        slots--;
        accepted.push({ key: nextKey.current++, name: file.name, size: file.size, loaded: 0, file, controller: new AbortController() });
      }
    }
    setProblems([...new Set(refused)]);
    if (accepted.length === 0) return;
    setPending((list) => [...list, ...accepted]);
    for (const p of accepted) start(p.file, p.key);
  };

  const remove = (ref: FileRef) => {
    const next = latest.current.filter((r) => r.id !== ref.id);
    latest.current = next;
    onChange(next.length === 0 ? null : next);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled && access !== undefined) choose([...e.dataTransfer.files]);
  };

  const refs = asRefs(value);
  const canAdd = !disabled && access !== undefined && refs.length + pending.length < limits.maxFiles;
  const srcOf = (ref: FileRef) => previews.get(ref.id) ?? access?.url(ref);

  return (
    <div
      className={`tr-files${images ? ' tr-files-images' : ''}${dragging ? ' tr-files-dragging' : ''}`}
      onDragOver={(e) => {
        if (canAdd) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-describedby={describedBy}
      style={{ border: `1px dashed ${dragging ? '#1677ff' : invalid ? '#ff4d4f' : '#d9d9d9'}`, borderRadius: 6, padding: 8 }}
    >
      {refs.length === 0 ? null : (
        <ul className="tr-file-list" style={{ listStyle: 'none', margin: '0 0 8px', padding: 0, display: images ? 'flex' : 'block', flexWrap: 'wrap', gap: 8 }}>
          {refs.map((ref) => {
            const name =
              access === undefined ? (
                <span className="tr-file-name">{ref.name}</span>
              ) : (
                <a className="tr-file-name" href={access.url(ref, { download: true })} download={ref.name} title={ref.name}>
                  {ref.name}
                </a>
              );
            const removeButton = disabled ? null : (
              <button type="button" className="tr-file-remove" onClick={() => remove(ref)} aria-label={`${fileText(locale, 'remove')} ${ref.name}`}>
                ×
              </button>
            );
            const src = images ? srcOf(ref) : undefined;
            return images ? (
              <li key={ref.id} className="tr-file tr-file-tile" style={{ display: 'flex', flexDirection: 'column', gap: 4, width: 96 }}>
                {src === undefined ? null : <img className="tr-file-thumb" src={src} alt={ref.name} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }} />}
                <span style={{ display: 'flex', alignItems: 'center', gap: 4, minWidth: 0, fontSize: '0.85em' }}>
                  {name}
                  {removeButton}
                </span>
              </li>
            ) : (
              <li key={ref.id} className="tr-file" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '2px 0' }}>
                {name}
                <span className="tr-file-size" style={{ color: '#8c8c8c', fontSize: '0.85em' }}>
                  {formatFileSize(ref.size)}
                </span>
                {removeButton}
              </li>
            );
          })}
        </ul>
      )}
      {pending.length === 0 ? null : (
        <ul className="tr-file-uploads" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {pending.map((p) => (
            <li key={p.key} className="tr-file-upload" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <span className="tr-file-name">{p.name}</span>
              {p.error === undefined ? (
                <progress className="tr-file-progress" max={p.size || 1} value={Math.min(p.loaded, p.size || 1)} aria-label={`${fileText(locale, 'uploading')} ${p.name}`} />
              ) : (
                <>
                  <span className="tr-file-error" role="alert" style={{ color: '#ff4d4f' }}>
                    {p.error}
                  </span>
                  <button type="button" onClick={() => start(p.file, p.key)}>
                    {fileText(locale, 'retry')}
                  </button>
                </>
              )}
              <button
                type="button"
                className="tr-file-remove"
                onClick={() => {
                  p.controller.abort();
                  setPending((list) => list.filter((x) => x.key !== p.key));
                }}
                aria-label={`${fileText(locale, 'remove')} ${p.name}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length === 0 ? null : (
        <ul className="tr-file-problems" role="alert" style={{ margin: '4px 0', paddingLeft: 16, color: '#ff4d4f' }}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {access === undefined ? (
        refs.length === 0 ? <span className="tr-file-unavailable" style={{ color: '#8c8c8c' }}>{fileText(locale, 'unavailable')}</span> : null
      ) : (
        <div className="tr-file-add" style={{ display: disabled ? 'none' : 'flex', alignItems: 'center', gap: 8 }}>
          <button type="button" className="tr-button" onClick={() => input.current?.click()} disabled={!canAdd} aria-describedby={describedBy}>
            {fileText(locale, images ? 'chooseImages' : 'choose')}
          </button>
          <span style={{ color: '#8c8c8c', fontSize: '0.85em' }}>
            {fileText(locale, 'drop')} · ≤ {formatFileSize(Math.min(limits.maxSize, access.maxSize ?? Infinity))}
          </span>
          <input
            ref={input}
            id={id}
            name={field.key}
            type="file"
            multiple={limits.maxFiles > 1}
            accept={acceptAttribute(field)}
            style={VISUALLY_HIDDEN}
            tabIndex={-1}
            aria-invalid={invalid || undefined}
            aria-required={required || undefined}
            disabled={!canAdd}
            onChange={(e) => {
              choose([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </div>
      )}
    </div>
  );
}
