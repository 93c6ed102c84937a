import { useEffect, useState } from 'react';
import { FILE_SIZE_CAP } from '@trellis/forms';

const MIB = 1024 * 1024;

/** Bytes as the MB number the size editor shows (`1.5` for 1.5 MiB). */
export function bytesToMb(bytes: unknown): string {
  return typeof bytes === 'number' ? String(Math.round((bytes / MIB) * 100) / 100) : '';
}

/** The MB number typed into the size editor as bytes, capped at the server-wide limit; `undefined` when blank or not a positive number. */
export function mbToBytes(text: string): number | undefined {
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n <= 0) return undefined;
  return Math.min(Math.max(1, Math.round(n * MIB)), FILE_SIZE_CAP);
}

/** A comma-separated list typed into a list editor (`.pdf, image/*`) as its items, or undefined when empty. */
export function parseList(text: string): string[] | undefined {
  const items = [...new Set(text.split(/[,，;；\s]+/).map((s) => s.trim()).filter((s) => s !== ''))];
  return items.length === 0 ? undefined : items;
}

/**
 * The editor of a file field's `maxSize`: a number of megabytes (the option holds bytes),
 * at most the server-wide cap of 50 MB.
 */
export function FileSizeOption({ id, name, value, onChange }: { id: string; name: string; value: unknown; onChange: (v: unknown) => void }) {
  const [text, setText] = useState(() => bytesToMb(value));
  useEffect(() => {
    if (mbToBytes(text) !== value) setText(bytesToMb(value));
  }, [value]);
  return (
    <div className="designer-prop">
      <label htmlFor={id}>{name} (MB)</label>
      <input
        id={id}
        className="tr-input"
        type="number"
        min={0.01}
        max={FILE_SIZE_CAP / MIB}
        step="any"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(mbToBytes(e.target.value));
        }}
      />
    </div>
  );
}

/** The editor of a list of short strings (a file field's `accept`, tag suggestions): one comma-separated text input. */
export function StringListOption({ id, name, value, placeholder, onChange }: { id: string; name: string; value: unknown; placeholder?: string; onChange: (v: unknown) => void }) {
  const shown = Array.isArray(value) ? value.join(', ') : '';
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (JSON.stringify(parseList(text)) !== JSON.stringify(Array.isArray(value) && value.length > 0 ? value : undefined)) setText(shown);
  }, [value]);
  return (
    <div className="designer-prop">
      <label htmlFor={id}>{name}</label>
      <input id={id} className="tr-input" value={text} placeholder={placeholder} onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }} />
    </div>
  );
}
