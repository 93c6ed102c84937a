import type { FieldTypeCatalog, FormDef } from '@trellis/schema';
import { isoToLocalInput } from './datetime-input.js';
import { filterKindOf, filterOperators, type FilterClause, type FilterOperator, type FilterState } from './filter-clauses.js';
import { addressFieldOfVar, addressFilterVar } from './address-filter.js';

type Rule = Record<string, unknown>;

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

function varName(value: unknown): string | undefined {
  return isRule(value) && typeof value['var'] === 'string' ? value['var'] : undefined;
}

function valueText(value: unknown, kindDatetime: boolean): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return kindDatetime ? isoToLocalInput(value) : value;
  return undefined;
}

function parseClause(rule: unknown, form: FormDef, catalog?: FieldTypeCatalog): FilterClause | undefined {
  if (!isRule(rule)) return undefined;
  const [op, raw] = Object.entries(rule)[0]!;
  const args = Array.isArray(raw) ? raw : [raw];
  const clause = (field: string | undefined, fop: FilterOperator, value?: unknown): FilterClause | undefined => {
    const key = field === undefined ? undefined : (addressFieldOfVar(field) ?? field);
    const def = key === undefined ? undefined : form.fields.find((f) => f.key === key);
    const kind = def && filterKindOf(def, catalog);
    if (def === undefined || kind === undefined) return undefined;
    if (kind === 'province' && addressFilterVar(def.key, fop) !== field) return undefined; // address rows compare address.province
    const mapped: FilterOperator = kind === 'date' || kind === 'datetime' ? (fop === 'gt' ? 'after' : fop === 'lt' ? 'before' : fop) : fop;
    if (!filterOperators(kind).includes(mapped)) return undefined;
    if (value === undefined) return { field: def.key, op: mapped };
    const text = valueText(value, kind === 'datetime');
    return text === undefined ? undefined : { field: def.key, op: mapped, value: text };
  };
  switch (op) {
    case 'isEmpty':
      return clause(varName(args[0]), 'is_empty');
    case '!': {
      const inner = args[0];
      if (!isRule(inner)) return undefined;
      if ('isEmpty' in inner) {
        const a = inner['isEmpty'];
        return clause(varName(Array.isArray(a) ? a[0] : a), 'is_not_empty');
      }
      if ('in' in inner && Array.isArray(inner['in'])) return clause(varName(inner['in'][1]), 'not_contains', inner['in'][0]);
      return undefined;
    }
    case '==':
      if (args[1] === true) return clause(varName(args[0]), 'is_true');
      if (args[1] === false) return clause(varName(args[0]), 'is_false');
      return clause(varName(args[0]), 'eq', args[1]);
    case '!=':
      return clause(varName(args[0]), 'ne', args[1]);
    case 'in':
      return clause(varName(args[1]), 'contains', args[0]);
    case '>':
      return clause(varName(args[0]), 'gt', args[1]);
    case '>=':
      return clause(varName(args[0]), 'gte', args[1]);
    case '<':
      return clause(varName(args[0]), 'lt', args[1]);
    case '<=':
      return clause(varName(args[0]), 'lte', args[1]);
    default:
      return undefined;
  }
}

/**
 * Reads a json-logic condition back into builder rows: the inverse of `filterToJsonLogic`
 * for the shapes it writes (one comparison, or an `and`/`or` of comparisons on fields of
 * `form`). `undefined` when the condition has another shape (a formula, nesting, an unknown
 * field), so the caller can offer the raw JSON instead. An absent condition is no rows.
 *
 * @example
 * conditionToFilter({ '==': [{ var: 'tier' }, 'gold'] }, form) // { match: 'all', clauses: [{ field: 'tier', op: 'eq', value: 'gold' }] }
 */
export function conditionToFilter(rule: unknown, form: FormDef, catalog?: FieldTypeCatalog): FilterState | undefined {
  if (rule === undefined || rule === null) return { match: 'all', clauses: [] };
  if (isRule(rule) && (Array.isArray(rule['and']) || Array.isArray(rule['or']))) {
    const match = Array.isArray(rule['or']) ? 'any' : 'all';
    const parts = (rule['and'] ?? rule['or']) as unknown[];
    const clauses: FilterClause[] = [];
    for (const part of parts) {
      const c = parseClause(part, form, catalog);
      if (c === undefined) return undefined;
      clauses.push(c);
    }
    return { match, clauses };
  }
  const one = parseClause(rule, form, catalog);
  return one === undefined ? undefined : { match: 'all', clauses: [one] };
}
