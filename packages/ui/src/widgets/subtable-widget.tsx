import { useEffect, useRef } from 'react';
import { localize, type FieldDef } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { subtableText } from '../subtable-messages.js';
import { moveBy, newRow, removeAt, rowsOf, setCell, type SubtableRow } from '../subtable-rows.js';
import { formatTypedCell } from '../type-cell-format.js';
import { uiText } from '../ui-messages.js';
import { fallbackWidget } from './fallback-widget.js';

let nextRowKey = 0;

/** Hidden from sight, read by screen readers (inline: the widget must not depend on an app stylesheet for it). */
const srOnly = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** The row columns of a sub-table field (`options.fields`). */
function columnsOf(field: FieldDef): readonly FieldDef[] {
  const fields = field.options?.['fields'];
  return Array.isArray(fields) ? (fields as FieldDef[]) : [];
}

/**
 * The sub-table editor: a table with one column per row column, each cell edited by that
 * column type's own widget; rows are added, removed and moved with buttons (keyboard
 * reachable, named for screen readers: "删除第 2 行" / "Remove row 2"); each cell has a hidden
 * label naming its row and column, and its problems (`nestedErrors` `0/qty`) under it.
 */
export function SubtableEditor({ field, value, onChange, id, describedBy, invalid, disabled, locale, nestedErrors = {}, widgets }: FieldWidgetProps) {
  const columns = columnsOf(field);
  const rows = rowsOf(value);
  const max = typeof field.options?.['maxRows'] === 'number' ? (field.options['maxRows'] as number) : 500;
  // Stable React keys for rows (new rows have no id yet); rebuilt when the value changes from outside.
  const keys = useRef<string[]>([]);
  if (keys.current.length !== rows.length) keys.current = rows.map((r) => (typeof r['id'] === 'string' ? r['id'] : `new-${nextRowKey++}`));
  const focusAfter = useRef<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusAfter.current === null) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-focus="${focusAfter.current}"]`) ?? root.current?.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    focusAfter.current = null;
    // a cell wrapper hands the focus to its editor's first input
    const inner = el?.matches('.tr-subtable-editor') ? el.querySelector<HTMLElement>('input, select, textarea, [contenteditable="true"], button') : null;
    (inner ?? el)?.focus();
  });

  const commit = (next: readonly SubtableRow[], nextKeys: string[], focus: string | null) => {
    keys.current = nextKeys;
    focusAfter.current = focus;
    onChange(next);
  };
  const add = () => {
    const key = `new-${nextRowKey++}`;
    commit([...rows, newRow(columns)], [...keys.current, key], `${key}:first`);
  };
  const remove = (i: number) => {
    const nextKeys = removeAt(keys.current, i);
    commit(removeAt(rows, i), nextKeys, nextKeys[i] !== undefined ? `${nextKeys[i]}:remove` : nextKeys[i - 1] !== undefined ? `${nextKeys[i - 1]}:remove` : null);
  };
  const move = (i: number, delta: number) => {
    const k = keys.current[i]!;
    const nextKeys = moveBy(keys.current, i, delta);
    const to = i + delta;
    const atEdge = to === 0 || to === rows.length - 1;
    // Keep focus on the button pressed, or on the other one when the row reached the edge.
    commit(moveBy(rows, i, delta), nextKeys, `${k}:${atEdge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down'}`);
  };

  const label = localize(field.label, locale) || field.key;
  return (
    <div className="tr-subtable" ref={root}>
      <div className="tr-subtable-scroll">
        <table className="tr-subtable-table" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          <caption style={srOnly}>{label}</caption>
          <thead>
            <tr>
              <th scope="col" className="tr-subtable-index">
                {subtableText(locale, 'subtableRowNumber')}
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.id}>
                  {localize(c.label, locale) || c.key}
                  {c.required === true ? (
                    <span className="tr-required" title={uiText(locale, 'required')} aria-hidden="true">
                      *
                    </span>
                  ) : null}
                </th>
              ))}
              <th scope="col" className="tr-subtable-actions">
                <span style={srOnly}>{subtableText(locale, 'subtableActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length + 2} className="tr-subtable-empty">
                  {subtableText(locale, 'subtableEmpty')}
                </td>
              </tr>
            ) : null}
            {rows.map((row, i) => {
              const rowKey = keys.current[i]!;
              const rowErrors = [...(nestedErrors[String(i)] ?? []), ...(nestedErrors[`${i}/id`] ?? [])];
              return (
                <tr key={rowKey} data-row={i}>
                  <th scope="row" className="tr-subtable-index">
                    {i + 1}
                    {rowErrors.length > 0 ? (
                      <p className="tr-field-error tr-subtable-row-error" role="alert">
                        {rowErrors.join('; ')}
                      </p>
                    ) : null}
                  </th>
                  {columns.map((c, ci) => {
                    const widget = widgets?.get(c.type) ?? fallbackWidget;
                    const cellId = `${id}-${i}-${c.key}`;
                    const errors = nestedErrors[`${i}/${c.key}`] ?? [];
                    const errorId = errors.length > 0 ? `${cellId}-error` : undefined;
                    return (
                      <td key={c.id} className={errors.length > 0 ? 'tr-subtable-cell tr-subtable-cell-invalid' : 'tr-subtable-cell'} data-column={c.key}>
                        <label style={srOnly} htmlFor={cellId}>
                          {`${label} ${subtableText(locale, 'subtableRow', i + 1)} ${localize(c.label, locale) || c.key}`}
                        </label>
                        <span data-focus={ci === 0 ? `${rowKey}:first` : undefined} className="tr-subtable-editor" tabIndex={-1}>
                          <widget.Editor
                            field={c}
                            value={row[c.key] ?? null}
                            onChange={(v) => onChange(setCell(rows, i, c.key, v))}
                            id={cellId}
                            describedBy={errorId}
                            invalid={errors.length > 0}
                            required={c.required === true}
                            disabled={disabled}
                            locale={locale}
                            widgets={widgets}
                          />
                        </span>
                        {errorId ? (
                          <p id={errorId} className="tr-field-error tr-subtable-cell-error" data-field={`${field.key}/${i}/${c.key}`}>
                            {errors.join('; ')}
                          </p>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="tr-subtable-actions">
                    <button type="button" className="tr-subtable-button" data-focus={`${rowKey}:up`} aria-label={subtableText(locale, 'subtableMoveUp', i + 1)} title={subtableText(locale, 'subtableMoveUp', i + 1)} disabled={disabled || i === 0} onClick={() => move(i, -1)}>
                      ↑
                    </button>
                    <button type="button" className="tr-subtable-button" data-focus={`${rowKey}:down`} aria-label={subtableText(locale, 'subtableMoveDown', i + 1)} title={subtableText(locale, 'subtableMoveDown', i + 1)} disabled={disabled || i === rows.length - 1} onClick={() => move(i, 1)}>
                      ↓
                    </button>
                    <button type="button" className="tr-subtable-button tr-subtable-remove" data-focus={`${rowKey}:remove`} aria-label={subtableText(locale, 'subtableRemoveRow', i + 1)} title={subtableText(locale, 'subtableRemoveRow', i + 1)} disabled={disabled} onClick={() => remove(i)}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="tr-subtable-footer">
        <button type="button" id={id} className="tr-subtable-add" onClick={add} disabled={disabled || rows.length >= max}>
          + {subtableText(locale, 'subtableAddRow')}
        </button>
        <span className="tr-subtable-count" aria-live="polite">
          {rows.length === 1 ? subtableText(locale, 'subtableRowCountOne') : subtableText(locale, 'subtableRowCount', rows.length)}
        </span>
      </div>
    </div>
  );
}

/** The built-in widget of the `subtable` field type: a table editor, and "3 行" / "3 rows" in lists. */
export const subtableWidget = defineFieldWidget({
  type: 'subtable',
  Editor: SubtableEditor,
  labelling: 'group',
  fullWidth: true,
  showsNestedErrors: true,
  formatCell: formatTypedCell(),
});
