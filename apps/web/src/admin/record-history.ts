import { localize, type FieldDef, type FormDef } from '@trellis/schema';
import { formatCell } from '@trellis/ui';

/** One audit entry of a record, as `GET …/records/:id/history` returns it (newest first). */
export interface HistoryEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly ip?: string | null;
}

/** One changed field of a history entry: labels and values already turned into plain text. */
export interface FieldChange {
  readonly key: string;
  readonly label: string;
  /** `''` when there was no value. */
  readonly before: string;
  readonly after: string;
}

/** What the timeline shows for one entry. */
export interface TimelineItem {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: string;
  readonly changes: readonly FieldChange[];
}

/** Record-level values the history shows besides the form's fields. */
const SYSTEM_KEYS = ['ownerId', 'deptId'] as const;

function dataOf(snapshot: unknown): Readonly<Record<string, unknown>> {
  if (typeof snapshot !== 'object' || snapshot === null) return {};
  const data = (snapshot as { data?: unknown }).data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

function systemOf(snapshot: unknown, key: string): unknown {
  return typeof snapshot === 'object' && snapshot !== null ? (snapshot as Record<string, unknown>)[key] : undefined;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const sameValue = (a: unknown, b: unknown): boolean => (isEmpty(a) && isEmpty(b)) || JSON.stringify(a) === JSON.stringify(b);

/**
 * A stored value as plain text, the way a list cell shows it (select labels, dates, yes/no);
 * objects and sub-table rows as compact JSON. Never HTML: the caller renders it as text.
 *
 * @example valueText(statusField, 'won', 'en') // 'Won'
 */
export function valueText(field: FieldDef | undefined, value: unknown, locale: string): string {
  if (isEmpty(value)) return '';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  const cell = formatCell(field, value, locale);
  switch (cell.kind) {
    case 'empty':
      return '';
    case 'text':
    case 'boolean':
      return cell.text;
    case 'tags':
      return cell.tags.map((t) => t.label).join(', ');
    case 'files':
      return cell.files.map((f) => f.name).join(', ');
  }
}

/**
 * The fields one audit entry changed, in the form's field order, then system values
 * (owner, department), then keys the form no longer has. A create lists the values it
 * set; a delete or restore usually lists nothing (the data did not change).
 *
 * @example diffEntry(form, { before: { data: { name: 'A' } }, after: { data: { name: 'B' } } }, 'en') // [{ key: 'name', label: 'Name', before: 'A', after: 'B' }]
 */
export function diffEntry(form: FormDef, entry: Pick<HistoryEntry, 'before' | 'after'>, locale: string, labels: Readonly<Record<string, string>> = {}): FieldChange[] {
  const before = dataOf(entry.before);
  const after = dataOf(entry.after);
  const fields = new Map(form.fields.map((f) => [f.key, f]));
  const keys = [...form.fields.map((f) => f.key), ...new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !fields.has(k)))];
  const out: FieldChange[] = [];
  for (const key of keys) {
    if (sameValue(before[key], after[key])) continue;
    const field = fields.get(key);
    out.push({ key, label: field ? localize(field.label, locale) || key : key, before: valueText(field, before[key], locale), after: valueText(field, after[key], locale) });
  }
  for (const key of SYSTEM_KEYS) {
    const b = systemOf(entry.before, key);
    const a = systemOf(entry.after, key);
    // a create carries them in `after` only: those are the store's defaults, not a change anybody made
    if (entry.before === null || entry.before === undefined || sameValue(b, a)) continue;
    out.push({ key, label: labels[key] ?? key, before: isEmpty(b) ? '' : String(b), after: isEmpty(a) ? '' : String(a) });
  }
  return out;
}

/**
 * The timeline of a record: one item per audit entry, each with its changed fields.
 *
 * @example recordTimeline(form, entries, 'zh-CN')[0].changes
 */
export function recordTimeline(form: FormDef, entries: readonly HistoryEntry[], locale: string, labels: Readonly<Record<string, string>> = {}): TimelineItem[] {
  return entries.map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, changes: diffEntry(form, e, locale, labels) }));
}

/**
 * Who did it, for people: the display name when the directory knows the id, otherwise the
 * id as stored (`cli`, a uuid), or `fallback` for the system.
 *
 * @example actorName('u1', new Map([['u1', 'Li Lei']]), 'System') // 'Li Lei'
 */
export function actorName(actor: string | null, names: ReadonlyMap<string, string>, fallback: string): string {
  if (actor === null || actor === '') return fallback;
  return names.get(actor) ?? actor;
}
