import { localize, type FieldTypeCatalog, type FormDef } from '@trellis/schema';
import { fieldChoices } from './choices.js';
import {
  filterKindOf,
  filterOperators,
  operatorTakesValue,
  type FilterClause,
  type FilterKind,
  type FilterOperator,
  type FilterState,
} from './filter-clauses.js';
import { uiText } from './ui-messages.js';
import { provinceFilterChoices } from './address-filter.js';

/** Props of `FilterBuilder`. */
export interface FilterBuilderProps {
  readonly form: FormDef;
  readonly value: FilterState;
  readonly onChange: (next: FilterState) => void;
  readonly locale: string;
  /** Field-type catalog, to filter plugin types by their value type. */
  readonly catalog?: FieldTypeCatalog;
}

/**
 * Rows of "field · operator · value" and an all/any switch; the caller turns the state
 * into json-logic with `filterToJsonLogic`. Value inputs follow the field: choices for
 * selects, date pickers for dates, plain text otherwise.
 *
 * @example <FilterBuilder form={form} value={filter} onChange={setFilter} locale="en" />
 */
export function FilterBuilder({ form, value, onChange, locale, catalog }: FilterBuilderProps) {
  const fields = form.fields.filter((f) => filterKindOf(f, catalog) !== undefined);
  const setClause = (index: number, clause: FilterClause) =>
    onChange({ ...value, clauses: value.clauses.map((c, i) => (i === index ? clause : c)) });
  const addClause = () => {
    const first = fields[0];
    if (!first) return;
    const kind = filterKindOf(first, catalog)!;
    onChange({ ...value, clauses: [...value.clauses, { field: first.key, op: filterOperators(kind)[0]!, value: '' }] });
  };
  return (
    <div className="tr-filter">
      {value.clauses.length > 1 ? (
        <select
          className="tr-input tr-select tr-filter-match"
          aria-label={uiText(locale, 'filterMatchAll')}
          value={value.match}
          onChange={(e) => onChange({ ...value, match: e.target.value === 'any' ? 'any' : 'all' })}
        >
          <option value="all">{uiText(locale, 'filterMatchAll')}</option>
          <option value="any">{uiText(locale, 'filterMatchAny')}</option>
        </select>
      ) : null}
      {value.clauses.map((clause, index) => {
        const field = fields.find((f) => f.key === clause.field) ?? fields[0];
        if (!field) return null;
        const kind = filterKindOf(field, catalog)!;
        return (
          <div className="tr-filter-row" key={index}>
            <select
              className="tr-input tr-select"
              aria-label={uiText(locale, 'filterField')}
              value={field.key}
              onChange={(e) => {
                const next = fields.find((f) => f.key === e.target.value)!;
                const nextKind = filterKindOf(next, catalog)!;
                setClause(index, { field: next.key, op: filterOperators(nextKind)[0]!, value: '' });
              }}
            >
              {fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {localize(f.label, locale)}
                </option>
              ))}
            </select>
            <select
              className="tr-input tr-select"
              aria-label={uiText(locale, 'filterOperator')}
              value={clause.op}
              onChange={(e) => setClause(index, { ...clause, op: e.target.value as FilterOperator })}
            >
              {filterOperators(kind).map((op) => (
                <option key={op} value={op}>
                  {uiText(locale, `op_${op}`)}
                </option>
              ))}
            </select>
            {operatorTakesValue(clause.op) ? (
              <ValueInput
                kind={kind}
                choices={kind === 'province' ? provinceFilterChoices() : fieldChoices(field).map((c) => ({ value: c.value, label: localize(c.label, locale) }))}
                value={clause.value ?? ''}
                onChange={(v) => setClause(index, { ...clause, value: v })}
                locale={locale}
              />
            ) : (
              <span className="tr-filter-novalue" />
            )}
            <button
              type="button"
              className="tr-icon-button"
              aria-label={uiText(locale, 'filterRemove')}
              title={uiText(locale, 'filterRemove')}
              onClick={() => onChange({ ...value, clauses: value.clauses.filter((_, i) => i !== index) })}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="tr-link-button" onClick={addClause} disabled={fields.length === 0}>
        + {uiText(locale, 'filterAdd')}
      </button>
    </div>
  );
}

interface ValueInputProps {
  readonly kind: FilterKind;
  readonly choices: readonly { value: string; label: string }[];
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly locale: string;
}

function ValueInput({ kind, choices, value, onChange, locale }: ValueInputProps) {
  const label = uiText(locale, 'filterValue');
  if (kind === 'choice' || kind === 'choices' || kind === 'province') {
    return (
      <select className="tr-input tr-select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{uiText(locale, 'selectPlaceholder')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  const type = kind === 'date' ? 'date' : kind === 'datetime' ? 'datetime-local' : 'text';
  return (
    <input
      className="tr-input"
      aria-label={label}
      type={type}
      inputMode={kind === 'number' ? 'decimal' : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
