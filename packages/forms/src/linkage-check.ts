import type { AppPackage, DefaultFromLinkage, FieldDef, FieldTypeCatalog, FormDef } from '@trellis/schema';
import { isFormOnlyPackage } from './form-only-package.js';
import { fieldByKey, formByKey, isColumnField, valueTypeOf, type FieldProblem } from './field-types/relation-options.js';
import { subtableColumns } from './subtable-rows.js';

/** The data-linkage default of a field, or undefined. */
export function linkageOf(field: FieldDef): DefaultFromLinkage | undefined {
  return field.defaultFrom?.kind === 'linkage' ? field.defaultFrom : undefined;
}

/**
 * Definition checks of a data-linkage default (`defaultFrom: { kind: 'linkage', form, match,
 * take }`), paths relative to the field: the source form and its fields exist and are stored
 * in columns, each `match` pair compares values of one type, and `take` holds values of this
 * field's type — or is `id`, the matched record itself, for a single relation to that form. A
sub-table is filled from a sub-table of the matched record: `take` names it and `rows` maps
each of this sub-table's columns to a column of that one, of the same value type. Skipped on a
 * `formOnlyPackage`, where the other forms are unknown.
 *
 * @example checkLinkage(contact.fields[2], contact, pkg, fieldTypes) // [] when well formed
 */
export function checkLinkage(field: FieldDef, form: FormDef, pkg: AppPackage, catalog: FieldTypeCatalog): readonly FieldProblem[] {
  const linkage = linkageOf(field);
  if (linkage === undefined || isFormOnlyPackage(pkg)) return [];
  const out: FieldProblem[] = [];
  const source = formByKey(pkg, linkage.form);
  if (source === undefined) return [{ path: '/defaultFrom/form', message: `data linkage of '${field.key}' reads form '${linkage.form}', which this app does not have; choose one of: ${pkg.forms.map((f) => f.key).join(', ')}` }];
  if (linkage.match.length === 0) out.push({ path: '/defaultFrom/match', message: `data linkage of '${field.key}' needs at least one match pair (a field of '${source.key}' equal to a field of this form)` });
  linkage.match.forEach((pair, i) => {
    const theirs = fieldByKey(source, pair.field);
    const ours = fieldByKey(form, pair.equals);
    if (theirs === undefined || !isColumnField(theirs, catalog)) {
      out.push({ path: `/defaultFrom/match/${i}/field`, message: `form '${source.key}' has no field '${pair.field}' stored in a column to match on` });
      return;
    }
    if (ours === undefined || !isColumnField(ours, catalog)) {
      out.push({ path: `/defaultFrom/match/${i}/equals`, message: `form '${form.key}' has no field '${pair.equals}' stored in a column to match with` });
      return;
    }
    if (ours.key === field.key) out.push({ path: `/defaultFrom/match/${i}/equals`, message: `data linkage of '${field.key}' cannot match on the field it fills` });
    const a = valueTypeOf(theirs, catalog);
    const b = valueTypeOf(ours, catalog);
    if (a !== b) out.push({ path: `/defaultFrom/match/${i}`, message: `'${source.key}.${theirs.key}' holds ${String(a)} values and '${form.key}.${ours.key}' holds ${String(b)}; match fields of one type` });
  });
  if (linkage.take === 'id') {
    // the matched record itself: fills a single relation to the linkage's form
    if (field.type !== 'relation' || field.options?.['form'] !== source.key || field.options?.['multiple'] === true) {
      out.push({ path: '/defaultFrom/take', message: `take 'id' (the matched record) fills a single relation to form '${source.key}'; '${field.key}' is not one` });
    }
    return out;
  }
  const take = fieldByKey(source, linkage.take);
  if (field.type === 'subtable') return [...out, ...checkRowLinkage(field, source, take, linkage, catalog)];
  if (take === undefined || !isColumnField(take, catalog)) {
    out.push({ path: '/defaultFrom/take', message: `form '${source.key}' has no field '${linkage.take}' stored in a column to copy` });
  } else if (catalog.has(field.type)) {
    if (!isColumnField(field, catalog)) out.push({ path: '/defaultFrom', message: `'${field.key}' is not stored in a column; data linkage fills column fields (use rows for sub-tables)` });
    else if (valueTypeOf(take, catalog) !== valueTypeOf(field, catalog)) {
      out.push({ path: '/defaultFrom/take', message: `'${source.key}.${take.key}' holds ${String(valueTypeOf(take, catalog))} values but '${field.key}' holds ${String(valueTypeOf(field, catalog))}; take a field of the same type` });
    }
  }
  return out;
}

/** A sub-table filled from a sub-table of the matched record: `take` is one, and `rows` maps columns of one type. */
function checkRowLinkage(field: FieldDef, source: FormDef, take: FieldDef | undefined, linkage: DefaultFromLinkage, catalog: FieldTypeCatalog): FieldProblem[] {
  if (take === undefined || take.type !== 'subtable') {
    return [{ path: '/defaultFrom/take', message: `'${field.key}' is a sub-table: take a sub-table of form '${source.key}' (${source.fields.filter((f) => f.type === 'subtable').map((f) => f.key).join(', ') || 'it has none'}) and map its columns with rows` }];
  }
  const rows = linkage.rows ?? {};
  if (Object.keys(rows).length === 0) return [{ path: '/defaultFrom/rows', message: `say which column of '${source.key}.${take.key}' fills each column of '${field.key}' (rows: { <this column>: <that column> })` }];
  const ours = new Map(subtableColumns(field).map((c) => [c.key, c]));
  const theirs = new Map(subtableColumns(take).map((c) => [c.key, c]));
  const out: FieldProblem[] = [];
  for (const [mine, other] of Object.entries(rows)) {
    const a = ours.get(mine);
    const b = theirs.get(other);
    if (a === undefined) out.push({ path: `/defaultFrom/rows/${mine}`, message: `sub-table '${field.key}' has no column '${mine}'; use one of: ${[...ours.keys()].join(', ')}` });
    else if (b === undefined) out.push({ path: `/defaultFrom/rows/${mine}`, message: `sub-table '${source.key}.${take.key}' has no column '${other}'; use one of: ${[...theirs.keys()].join(', ')}` });
    else if (catalog.has(a.type) && catalog.has(b.type) && catalog.valueType(a) !== catalog.valueType(b)) {
      out.push({ path: `/defaultFrom/rows/${mine}`, message: `'${take.key}.${other}' holds ${catalog.valueType(b)} values but '${field.key}.${mine}' holds ${catalog.valueType(a)}; map columns of one type` });
    }
  }
  return out;
}
