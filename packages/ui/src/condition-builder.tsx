import { useEffect, useRef, useState } from 'react';
import type { FieldTypeCatalog, FormDef } from '@trellis/schema';
import { conditionText } from './condition-messages.js';
import { conditionToFilter } from './condition-parse.js';
import { FilterBuilder } from './filter-builder.js';
import { filterToJsonLogic, type FilterState } from './filter-clauses.js';

/** Props of `ConditionBuilder`. */
export interface ConditionBuilderProps {
  /** The fields the condition may read (e.g. the form without the field the condition belongs to). */
  readonly form: FormDef;
  /** The current condition (`@trellis/expr` json-logic), or `undefined` for none. */
  readonly value: unknown;
  /** Called with the new condition, `undefined` when every row was removed. */
  readonly onChange: (next: unknown) => void;
  readonly locale: string;
  readonly catalog?: FieldTypeCatalog;
  /** Accessible name of the group. */
  readonly label?: string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Edits a condition as rows of "field · operator · value" joined by all/any, and writes it as
 * `@trellis/expr` json-logic (the shape the list filter writes). Used for a field's
 * visible-when in the form designer and meant for the rule builder. A condition the rows
 * cannot show (a formula, nesting) is edited as JSON instead, never silently dropped.
 *
 * @example
 * <ConditionBuilder form={otherFields} value={field.visibleWhen} onChange={(c) => update({ visibleWhen: c })} locale="en" />
 */
export function ConditionBuilder({ form, value, onChange, locale, catalog, label }: ConditionBuilderProps) {
  const [rows, setRows] = useState<FilterState | undefined>(() => conditionToFilter(value, form, catalog));
  const written = useRef<unknown>(value);
  useEffect(() => {
    // the value changed from outside (undo, another editor): show it again
    if (!same(value, written.current)) {
      written.current = value;
      setRows(conditionToFilter(value, form, catalog));
    }
  }, [value, form, catalog]);

  const emit = (next: unknown) => {
    written.current = next;
    onChange(next);
  };

  if (rows === undefined) return <RawCondition value={value} locale={locale} label={label} onChange={(next) => { setRows(conditionToFilter(next, form, catalog)); emit(next); }} />;
  return (
    <div className="tr-condition" role="group" aria-label={label}>
      {rows.clauses.length === 0 ? <p className="tr-condition-none">{conditionText(locale, 'conditionNone')}</p> : null}
      <FilterBuilder
        form={form}
        value={rows}
        locale={locale}
        {...(catalog ? { catalog } : {})}
        onChange={(next) => {
          setRows(next);
          emit(filterToJsonLogic(next, form, catalog));
        }}
      />
    </div>
  );
}

function RawCondition({ value, onChange, locale, label }: { value: unknown; onChange: (next: unknown) => void; locale: string; label: string | undefined }) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [invalid, setInvalid] = useState(false);
  return (
    <div className="tr-condition" role="group" aria-label={label}>
      <p className="tr-condition-note">{conditionText(locale, 'conditionRaw')}</p>
      <textarea
        className="tr-input tr-condition-json"
        aria-label={label}
        aria-invalid={invalid}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          try {
            onChange(text.trim() === '' ? undefined : JSON.parse(text));
            setInvalid(false);
          } catch {
            setInvalid(true);
          }
        }}
      />
      {invalid ? <p className="tr-field-error">{conditionText(locale, 'conditionRawInvalid')}</p> : null}
      <button type="button" className="tr-link-button" onClick={() => onChange(undefined)}>
        {conditionText(locale, 'conditionClear')}
      </button>
    </div>
  );
}
