import { localize, pointer, type ErrorDetail, type FieldDef, type FormDef } from '@trellis/schema';
import type { EvalContext } from '@trellis/expr';
import type { CompiledForm } from './compile-form.js';
import type { NestedValueContext, NestedValueResult } from './field-type.js';
import { messageLocale } from './messages.js';

/** The most rows one sub-table may hold (and the highest `maxRows`): a record is not a spreadsheet. */
export const SUBTABLE_MAX_ROWS = 500;

/** Row-column keys a sub-table refuses besides the system columns: the child table's own columns. */
export const SUBTABLE_RESERVED_KEYS: readonly string[] = ['id', 'parent_id', 'position'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The columns of a sub-table field (`options.fields`), or none. */
export function subtableColumns(field: Pick<FieldDef, 'options'>): readonly FieldDef[] {
  const fields = field.options?.['fields'];
  return Array.isArray(fields) ? (fields as FieldDef[]) : [];
}

const rowForms = new WeakMap<FieldDef, FormDef>();

/**
 * The row columns of a sub-table field as a form of their own (`{ key, name, fields }`), one
 * object per field definition, so `compileForm` compiles it once and caches it.
 *
 * @example compileForm(subtableRowForm(itemsField)).process(row, { mode: 'create' })
 */
export function subtableRowForm(field: FieldDef): FormDef {
  let form = rowForms.get(field);
  if (form === undefined) {
    form = { key: field.key, name: field.label, fields: subtableColumns(field) };
    rowForms.set(field, form);
  }
  return form;
}

/** Rows of a stored sub-table value by id (update mode matches incoming rows to them). */
function storedRows(existing: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(existing)) return out;
  for (const row of existing) if (isPlainObject(row) && typeof row['id'] === 'string') out.set(row['id'].toLowerCase(), row);
  return out;
}

/**
 * Runs every row of a sub-table value through the row form's pipeline (clean → defaults →
 * formulas → visibility → validate). A row with the `id` of a stored row is processed as an
 * update of that row (absent columns keep their values); any other row as a new one (defaults
 * apply). Row problems come back relative to the field (`/0/qty`) with the row named in the
 * message (「明细」第 1 行：… / 'Items' row 1: …). A value that is not an array is returned
 * unchanged for the value schema to report.
 *
 * @example
 * processSubtableRows([{ qty: '2' }], itemsField, context) // → { value: [{ qty: 2, … }], errors: [] }
 */
/**
 * The rows of a sub-table with their formula columns computed (`compute` of the row form on
 * each row), for live results in the browser; values that are not rows are returned as given.
 *
 * @example computeSubtableRows([{ price: 2, qty: 3 }], linesField, compile) // [{ price: 2, qty: 3, amount: 6 }]
 */
export function computeSubtableRows(value: unknown, field: FieldDef, compile: (form: FormDef) => CompiledForm, ctx?: EvalContext): unknown {
  if (!Array.isArray(value)) return value;
  const row = compile(subtableRowForm(field));
  return value.map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? row.compute(r as Record<string, unknown>, ctx) : r));
}

export function processSubtableRows(value: unknown, field: FieldDef, context: NestedValueContext): NestedValueResult {
  if (!Array.isArray(value)) return { value, errors: [] };
  const loc = messageLocale(context.locale);
  const label = localize(field.label, loc) || field.key;
  const errors: ErrorDetail[] = [];
  const max = Math.min((field.options?.['maxRows'] as number | undefined) ?? SUBTABLE_MAX_ROWS, SUBTABLE_MAX_ROWS);
  const min = (field.options?.['minRows'] as number | undefined) ?? 0;
  if (value.length > max) {
    const message = loc === 'zh-CN' ? `「${label}」最多 ${max} 行，现在有 ${value.length} 行` : `'${label}' may have at most ${max} rows, not ${value.length}`;
    return { value, errors: [{ path: '', code: 'FIELD_TOO_MANY', message }] };
  }
  if (value.length > 0 && value.length < min) {
    const message = loc === 'zh-CN' ? `「${label}」至少需要 ${min} 行，现在只有 ${value.length} 行` : `'${label}' needs at least ${min} rows, not ${value.length}`;
    errors.push({ path: '', code: 'FIELD_TOO_FEW', message });
  }
  const rowName = (i: number) => (loc === 'zh-CN' ? `「${label}」第 ${i + 1} 行` : `'${label}' row ${i + 1}`);
  const compiled = context.compile(subtableRowForm(field));
  const stored = context.mode === 'update' ? storedRows(context.existing) : new Map<string, Record<string, unknown>>();
  const seen = new Set<string>();
  const rows = value.map((row, i) => {
    if (!isPlainObject(row)) {
      const message = loc === 'zh-CN' ? `${rowName(i)}必须是「列 → 值」的对象` : `${rowName(i)} must be an object of column values`;
      errors.push({ path: pointer('', i), code: 'FIELD_INVALID', message });
      return row;
    }
    const { id, ...cells } = row;
    let rowId: string | undefined;
    if (id !== undefined && id !== null && id !== '') {
      if (typeof id !== 'string' || !UUID.test(id) || seen.has(id.toLowerCase())) {
        const message = loc === 'zh-CN' ? `${rowName(i)}的 id 必须是本表中唯一的记录 ID（uuid），收到的是 ${JSON.stringify(id)}` : `${rowName(i)}: id must be a uuid not used by another row, not ${JSON.stringify(id)}`;
        errors.push({ path: pointer('', i, 'id'), code: 'FIELD_TYPE', message });
      } else {
        rowId = id.toLowerCase();
        seen.add(rowId);
      }
    }
    const existing = rowId === undefined ? undefined : stored.get(rowId);
    const r = compiled.process(cells, existing === undefined ? { mode: 'create', ctx: context.ctx, locale: context.locale } : { mode: 'update', existing, ctx: context.ctx, locale: context.locale });
    if (!r.ok) {
      for (const e of r.errors) {
        const rel = e.path.startsWith('/data') ? e.path.slice('/data'.length) : e.path;
        errors.push({ ...e, path: pointer('', i) + rel, message: loc === 'zh-CN' ? `${rowName(i)}：${e.message}` : `${rowName(i)}: ${e.message}` });
      }
      return row;
    }
    return rowId === undefined ? r.value : { id: rowId, ...r.value };
  });
  return { value: rows, errors };
}
