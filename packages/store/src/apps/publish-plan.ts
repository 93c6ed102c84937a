import { SYSTEM_COLUMNS, type AppPackage, type FieldTypeCatalog, type FormDef, type ValueType } from '@trellis/schema';
import { StoreErrors } from '../errors.js';
import { appSchemaName, assertFieldKey, assertKey } from '../identifiers.js';
import { COLUMN_TYPES, isValueType } from './column-types.js';
import { canonicalJson } from './canonical-json.js';
import { childPlanChanged, planChildTables, type ChildTablePlan, type StoredChildTables } from '../child-tables/child-table-plan.js';
import { planJoinTables, type JoinTableChange } from '../relations/join-tables.js';

/** A field's column as the store records it (`trellis.app_fields`). */
export interface StoredField {
  readonly fieldId: string;
  readonly key: string;
  readonly column: string;
  readonly valueType: ValueType;
  readonly hidden: boolean;
}

/** A form's table as the store records it (`trellis.app_forms`), with its fields by id. */
export interface StoredForm {
  readonly form: string;
  readonly table: string;
  readonly hidden: boolean;
  readonly fields: ReadonlyMap<string, StoredField>;
}

/** What is live before a publish: the stored layout and the current package (absent for a new app). */
export interface CurrentState {
  readonly version: number | null;
  readonly forms: ReadonlyMap<string, StoredForm>;
  readonly package: AppPackage | null;
  /** The child tables of sub-table fields (see `child-tables/`); absent = none. */
  readonly childTables?: StoredChildTables;
}

/** A column to create, in a new table or an existing one. */
export interface ColumnChange {
  readonly form: string;
  readonly table: string;
  readonly fieldId: string;
  readonly key: string;
  readonly column: string;
  readonly valueType: ValueType;
  /** The Postgres column type (`numeric`, `timestamptz(3)`, …). */
  readonly columnType: string;
}

/** A field whose column exists and stays: hidden or restored. */
export interface FieldRef {
  readonly form: string;
  readonly fieldId: string;
  readonly key: string;
  readonly column: string;
}

/**
 * The difference between the live version of an app and a package about to be published:
 * what `POST /api/apps/import?dryRun=true` shows and what `publish` applies.
 */
export interface PublishPlan {
  readonly app: string;
  /** The Postgres schema of the app's tables (`app_<key>`). */
  readonly schema: string;
  readonly newApp: boolean;
  readonly fromVersion: number | null;
  readonly toVersion: number;
  readonly tablesToCreate: readonly { readonly form: string; readonly table: string; readonly columns: readonly ColumnChange[] }[];
  readonly columnsToAdd: readonly ColumnChange[];
  /** Forms removed from the definition: the table and its records stay, hidden. */
  readonly formsHidden: readonly { readonly form: string; readonly table: string }[];
  /** Hidden forms that are back in the definition. */
  readonly formsRestored: readonly { readonly form: string; readonly table: string }[];
  /** Join tables of multiple relations to create (`IF NOT EXISTS`: a relation that comes back keeps its rows). */
  readonly joinTablesToCreate: readonly JoinTableChange[];
  /** Fields removed from the definition: the column and its values stay, hidden. */
  readonly fieldsHidden: readonly FieldRef[];
  /** Hidden fields (same `id`) that are back in the definition, with their old values. */
  readonly fieldsRestored: readonly FieldRef[];
  /** Fields whose `key` changed; the column keeps its name and its data. */
  readonly keysRenamed: readonly { readonly form: string; readonly fieldId: string; readonly from: string; readonly to: string; readonly column: string }[];
  /** Forms and fields whose definition (labels, options, layout, …) differs from the live version. */
  readonly definitionsChanged: readonly { readonly form: string; readonly field?: string }[];
  /** New child tables, row columns, hidden/restored ones of sub-table fields. */
  readonly childTables: ChildTablePlan;
  /** Whether the app-level definition (name, navigation, flows, rules, …) differs. */
  readonly appChanged: boolean;
  /** False when the package is identical to the live version. */
  readonly changed: boolean;
}

/**
 * Computes the {@link PublishPlan} of publishing `pkg` over `current`. Pure: reads no
 * database. Refuses a change of a field's value type (its column type) with
 * `STORE_COLUMN_TYPE_CHANGE`: existing values are never cast silently.
 *
 * @example
 * const plan = planChanges(await loadCurrentState(db, 'crm'), pkg, fieldTypes);
 */
export function planChanges(current: CurrentState, pkg: AppPackage, catalog: FieldTypeCatalog): PublishPlan {
  const app = pkg.app.key;
  assertKey(app, '/app/key');
  const tablesToCreate: { form: string; table: string; columns: ColumnChange[] }[] = [];
  const columnsToAdd: ColumnChange[] = [];
  const formsHidden: { form: string; table: string }[] = [];
  const formsRestored: { form: string; table: string }[] = [];
  const fieldsHidden: FieldRef[] = [];
  const fieldsRestored: FieldRef[] = [];
  const keysRenamed: { form: string; fieldId: string; from: string; to: string; column: string }[] = [];
  const definitionsChanged: { form: string; field?: string }[] = [];
  const typeChanges: { path: string; message: string }[] = [];
  const previousForms = new Map((current.package?.forms ?? []).map((f) => [f.key, f]));

  pkg.forms.forEach((form, formIndex) => {
    const formPath = `/forms/${formIndex}`;
    assertKey(form.key, `${formPath}/key`);
    const stored = current.forms.get(form.key);
    const table = stored?.table ?? form.key;
    if (stored?.hidden) formsRestored.push({ form: form.key, table });
    const usedColumns = new Set<string>([...SYSTEM_COLUMNS, ...[...(stored?.fields.values() ?? [])].map((f) => f.column)]);
    const seenIds = new Set<string>();
    const newColumns: ColumnChange[] = [];

    form.fields.forEach((field, fieldIndex) => {
      const fieldPath = `${formPath}/fields/${fieldIndex}`;
      assertFieldKey(field.key, `${fieldPath}/key`);
      if (typeof field.id !== 'string' || field.id === '' || seenIds.has(field.id)) {
        throw StoreErrors.create('STORE_IDENTIFIER_INVALID', `[store] field '${field.key}' of form '${form.key}' needs a unique, non-empty id; give every field its own stable id`, [
          { path: `${fieldPath}/id`, message: 'missing or duplicate field id' },
        ]);
      }
      seenIds.add(field.id);
      if (catalog.storesValue && !catalog.storesValue(field)) return;
      if ((catalog.storage?.(field) ?? 'column') !== 'column') return;
      const valueType = catalog.valueType(field);
      if (!isValueType(valueType)) {
        throw StoreErrors.create('STORE_IDENTIFIER_INVALID', `[store] field type '${field.type}' of field '${field.key}' reports value type '${String(valueType)}', which the store cannot hold; fix the field type's definition`, [
          { path: `${fieldPath}/type`, message: `unknown value type '${String(valueType)}'` },
        ]);
      }
      const old = stored?.fields.get(field.id);
      if (!old) {
        const column = allocateColumn(field.key, usedColumns);
        newColumns.push({ form: form.key, table, fieldId: field.id, key: field.key, column, valueType, columnType: COLUMN_TYPES[valueType] });
        return;
      }
      if (old.valueType !== valueType) {
        typeChanges.push({
          path: `${fieldPath}/type`,
          message: `field '${field.key}' of form '${form.key}' holds ${old.valueType} values (column '${old.column}'); type '${field.type}' holds ${valueType}`,
        });
      }
      if (old.hidden) fieldsRestored.push({ form: form.key, fieldId: field.id, key: field.key, column: old.column });
      if (old.key !== field.key) keysRenamed.push({ form: form.key, fieldId: field.id, from: old.key, to: field.key, column: old.column });
    });

    if (stored) {
      for (const old of stored.fields.values()) {
        if (!old.hidden && !seenIds.has(old.fieldId)) fieldsHidden.push({ form: form.key, fieldId: old.fieldId, key: old.key, column: old.column });
      }
      columnsToAdd.push(...newColumns);
    } else {
      tablesToCreate.push({ form: form.key, table, columns: newColumns });
    }
    const previous = previousForms.get(form.key);
    if (previous) definitionsChanged.push(...formDefinitionChanges(previous, form));
  });

  const formKeys = new Set(pkg.forms.map((f) => f.key));
  for (const stored of current.forms.values()) {
    if (!stored.hidden && !formKeys.has(stored.form)) formsHidden.push({ form: stored.form, table: stored.table });
  }

  if (typeChanges.length > 0) {
    throw StoreErrors.create(
      'STORE_COLUMN_TYPE_CHANGE',
      `[store] publishing app '${app}' would change the type of ${typeChanges.length} existing field(s); values are never converted silently: keep the type, or add a new field (new id) and hide the old one`,
      typeChanges,
    );
  }

  const parentTables = new Map(pkg.forms.map((f) => [f.key, current.forms.get(f.key)?.table ?? f.key]));
  const childTables = planChildTables(current.childTables ?? new Map(), parentTables, pkg, catalog);

  const joinTablesToCreate = planJoinTables(current, pkg);
  const appChanged = current.package !== null && canonicalJson({ ...current.package, forms: [] }) !== canonicalJson({ ...pkg, forms: [] });
  const changed =
    current.package === null ||
    appChanged ||
    childPlanChanged(childTables) ||
    tablesToCreate.length + columnsToAdd.length + joinTablesToCreate.length + formsHidden.length + formsRestored.length + fieldsHidden.length + fieldsRestored.length + keysRenamed.length + definitionsChanged.length > 0 ||
    canonicalJson(current.package.forms.map((f) => f.key)) !== canonicalJson(pkg.forms.map((f) => f.key));

  return {
    app,
    schema: appSchemaName(app),
    newApp: current.version === null,
    fromVersion: current.version,
    toVersion: (current.version ?? 0) + 1,
    tablesToCreate,
    columnsToAdd,
    joinTablesToCreate,
    formsHidden,
    formsRestored,
    fieldsHidden,
    fieldsRestored,
    keysRenamed,
    definitionsChanged,
    childTables,
    appChanged,
    changed,
  };
}

/** The field's key as its column name, or `key_2`, `key_3`, … when a hidden or renamed field already holds that name. */
function allocateColumn(key: string, used: Set<string>): string {
  let column = key;
  for (let n = 2; used.has(column); n += 1) column = `${key}_${n}`;
  used.add(column);
  return column;
}

/** Which parts of a form's definition differ: the form itself (name, layout, …) and each field by id. */
function formDefinitionChanges(previous: FormDef, next: FormDef): { form: string; field?: string }[] {
  const changes: { form: string; field?: string }[] = [];
  if (canonicalJson({ ...previous, fields: previous.fields.map((f) => f.id) }) !== canonicalJson({ ...next, fields: next.fields.map((f) => f.id) })) {
    changes.push({ form: next.key });
  }
  const before = new Map(previous.fields.map((f) => [f.id, f]));
  for (const field of next.fields) {
    const old = before.get(field.id);
    if (old && canonicalJson(old) !== canonicalJson(field)) changes.push({ form: next.key, field: field.key });
  }
  return changes;
}
