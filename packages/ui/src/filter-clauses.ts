import type { FieldDef, FieldTypeCatalog, FormDef, ValueType } from '@trellis/schema';
import { localInputToIso } from './datetime-input.js';
import { parseNumberInput } from './number-input.js';
import { addressFilterVar } from './address-filter.js';

/** How a field can be filtered, which decides its operators and its value input. */
export type FilterKind = 'text' | 'number' | 'date' | 'datetime' | 'choice' | 'choices' | 'boolean' | 'province';

/** The operators the filter builder offers (each has a label in the widgets' dictionary as `op_<name>`). */
export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'not_contains'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'before'
  | 'after'
  | 'is_empty'
  | 'is_not_empty'
  | 'is_true'
  | 'is_false';

/** One row of the filter builder: field, operator, and the value as typed (a string). */
export interface FilterClause {
  readonly field: string;
  readonly op: FilterOperator;
  readonly value?: string;
}

/** A whole filter: its rows and whether all or any must hold. */
export interface FilterState {
  readonly match: 'all' | 'any';
  readonly clauses: readonly FilterClause[];
}

/** The filter with no rows. */
export const EMPTY_FILTER: FilterState = { match: 'all', clauses: [] };

const OPERATORS: Record<FilterKind, readonly FilterOperator[]> = {
  text: ['contains', 'not_contains', 'eq', 'ne', 'is_empty', 'is_not_empty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'is_not_empty'],
  date: ['eq', 'before', 'after', 'is_empty', 'is_not_empty'],
  datetime: ['before', 'after', 'is_empty', 'is_not_empty'],
  choice: ['eq', 'ne', 'is_empty', 'is_not_empty'],
  choices: ['contains', 'not_contains', 'is_empty', 'is_not_empty'],
  boolean: ['is_true', 'is_false'],
  province: ['eq', 'ne', 'is_empty', 'is_not_empty'],
};

const BY_FIELD_TYPE: Record<string, FilterKind> = {
  text: 'text',
  long_text: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  single_select: 'choice',
  multi_select: 'choices',
  boolean: 'boolean',
  address: 'province',
};

const BY_VALUE_TYPE: Partial<Record<ValueType, FilterKind>> = {
  text: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  text_list: 'choices',
};

/**
 * How a field can be filtered: the basic types by type, other (plugin) types by the value
 * type the catalog reports; `undefined` when the field cannot be filtered (json, uuid).
 *
 * @example filterKindOf({ type: 'single_select', ... }) // 'choice'
 */
export function filterKindOf(field: FieldDef, catalog?: FieldTypeCatalog): FilterKind | undefined {
  // layout elements (description text) hold no value to filter on
  if (catalog?.has(field.type) && catalog.storesValue?.(field) === false) return undefined;
  const known = BY_FIELD_TYPE[field.type];
  if (known) return known;
  if (catalog?.has(field.type)) return BY_VALUE_TYPE[catalog.valueType(field)];
  return undefined;
}

/** The operators offered for a kind of field, the most useful first. */
export function filterOperators(kind: FilterKind): readonly FilterOperator[] {
  return OPERATORS[kind];
}

/** Whether an operator needs a value (`is_empty` does not). */
export function operatorTakesValue(op: FilterOperator): boolean {
  return !['is_empty', 'is_not_empty', 'is_true', 'is_false'].includes(op);
}

/**
 * Turns one row into json-logic (see docs/conditions.md), or `undefined` when the row is
 * incomplete (no value yet, a number that is not one) and should be ignored.
 *
 * @example clauseToJsonLogic({ field: 'name', op: 'contains', value: 'Acme' }, 'text')
 * // { in: ['Acme', { var: 'name' }] }
 */
export function clauseToJsonLogic(clause: FilterClause, kind: FilterKind): unknown {
  const v = { var: kind === 'province' ? addressFilterVar(clause.field, clause.op) : clause.field };
  switch (clause.op) {
    case 'is_empty':
      return { isEmpty: [v] };
    case 'is_not_empty':
      return { '!': [{ isEmpty: [v] }] };
    case 'is_true':
      return { '==': [v, true] };
    case 'is_false':
      return { '==': [v, false] };
  }
  const value = clauseValue(clause.value, kind);
  if (value === undefined) return undefined;
  switch (clause.op) {
    case 'eq':
      return { '==': [v, value] };
    case 'ne':
      return { '!=': [v, value] };
    case 'contains':
      return { in: [value, v] };
    case 'not_contains':
      return { '!': [{ in: [value, v] }] };
    case 'gt':
    case 'after':
      return { '>': [v, value] };
    case 'gte':
      return { '>=': [v, value] };
    case 'lt':
    case 'before':
      return { '<': [v, value] };
    case 'lte':
      return { '<=': [v, value] };
  }
}

function clauseValue(text: string | undefined, kind: FilterKind): string | number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (kind === 'number') {
    const n = parseNumberInput(text);
    return typeof n === 'number' ? n : undefined;
  }
  if (kind === 'datetime') {
    const iso = localInputToIso(text);
    return iso !== null && iso !== text ? iso : undefined;
  }
  if (kind === 'text') return text.trim();
  return text;
}

/**
 * Turns the builder's rows into one json-logic condition for the list API's `filter`
 * parameter: `undefined` when no row is complete, the row itself when one is, otherwise
 * `and`/`or` of the rows. Rows naming a field the form does not have are dropped.
 *
 * @example filterToJsonLogic({ match: 'any', clauses: [a, b] }, form) // { or: [..., ...] }
 */
export function filterToJsonLogic(filter: FilterState, form: FormDef, catalog?: FieldTypeCatalog): unknown {
  const parts: unknown[] = [];
  for (const clause of filter.clauses) {
    const field = form.fields.find((f) => f.key === clause.field);
    const kind = field && filterKindOf(field, catalog);
    if (!kind || !filterOperators(kind).includes(clause.op)) continue;
    const logic = clauseToJsonLogic(clause, kind);
    if (logic !== undefined) parts.push(logic);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { [filter.match === 'any' ? 'or' : 'and']: parts };
}

/** The number of rows that currently contribute to the filter (shown on the filter button). */
export function activeClauseCount(filter: FilterState, form: FormDef, catalog?: FieldTypeCatalog): number {
  return filter.clauses.filter((clause) => {
    const field = form.fields.find((f) => f.key === clause.field);
    const kind = field && filterKindOf(field, catalog);
    return kind !== undefined && clauseToJsonLogic(clause, kind) !== undefined;
  }).length;
}
