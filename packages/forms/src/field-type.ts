import type { EvalContext } from '@trellis/expr';
import type { AppPackage, ErrorDetail, FieldDef, FieldStorage, FieldTypeCatalog, FormDef, JsonSchema, LocalizedText, ValueType } from '@trellis/schema';
import type { CompiledForm } from './compile-form.js';
import type { FieldIssue } from './field-issue.js';
import type { FieldTypeRegistry } from './field-type-registry.js';

/**
 * What the pipeline hands a type that processes nested values ({@link FieldTypeDefinition.processNested}):
 * the submission's mode and language, the field's stored value (update), and a way to compile
 * nested fields as a form with the same registry (cached per form object).
 */
export interface NestedValueContext {
  readonly mode: 'create' | 'update';
  /** The stored value of this field (update mode), as the store returned it; `undefined` on create. */
  readonly existing: unknown;
  readonly ctx?: EvalContext;
  readonly locale?: string;
  /** The registry the parent form is compiled with. */
  readonly registry: FieldTypeRegistry;
  /** `compileForm(form, registry)`: the nested fields go through the very same pipeline. */
  compile(form: FormDef): CompiledForm;
}

/**
 * The result of processing a nested value: the cleaned (and computed) value, and every problem
 * inside it with a path *relative to the field* (`/0/qty` for column `qty` of the first row),
 * a code and a message already in the submission's language.
 */
export interface NestedValueResult {
  readonly value: unknown;
  readonly errors: readonly ErrorDetail[];
}

/** Palette groups of the form designer. Plugins may use their own group names. */
export type FieldTypeGroup = 'basic' | 'choice' | 'datetime' | 'advanced' | 'relation' | 'system' | (string & {});

/**
 * A field type: everything the engines need to know about fields of one `type`.
 * Built-ins and plugins use the same descriptor, registered in a `FieldTypeRegistry`.
 */
export interface FieldTypeDefinition {
  /** The `type` of a `FieldDef` (`text`, `number`, …), a key-like name. */
  readonly type: string;
  /** Name in the designer's palette. */
  readonly label: LocalizedText;
  readonly group: FieldTypeGroup;
  /**
   * File fields: `'many'` for a list of file refs (attachment, image), `'one'` for a single ref
   * (signature). The store then checks that each ref is a file uploaded to this field and
   * attaches it to the record in the write's transaction.
   */
  readonly files?: 'one' | 'many';
  /** JSON Schema of `FieldDef.options` (ajv strict mode); absent when the type takes no options. */
  readonly optionsSchema?: JsonSchema;
  /** The value type (decides the column type and how conditions compare values). */
  readonly valueType: ValueType | ((field: FieldDef) => ValueType);
  /** `false` for layout-only types that hold no value and get no column. Default `true`. */
  readonly storesValue?: boolean;
  /**
   * Where the value lives (default `'column'`): `child_table` for sub-table rows, `join_table`
   * for relations to many records, `computed` for values the store computes on read (lookup,
   * rollup). The store creates columns only for `column` fields.
   */
  readonly storage?: FieldStorage | ((field: FieldDef) => FieldStorage);
  /**
   * JSON Schema of one *cleaned, non-null* value of this field, compiled into the form's
   * ajv validator. `null` (no value) and `required` are handled by the pipeline.
   */
  valueSchema(field: FieldDef): JsonSchema;
  /** Normalises raw input; returns what it cannot understand unchanged (validation reports it). `null` = no value. */
  clean(value: unknown, field: FieldDef): unknown;
  /** Checks JSON Schema cannot do (calendar dates, safe patterns), run on a value that passed `valueSchema`. */
  check?(value: unknown, field: FieldDef): FieldIssue | undefined;
  /** A display string for lists, exports and notifications. Default: `String(value)`. */
  format?(value: unknown, field: FieldDef, locale: string): string;
  /** json-logic operators the list filter offers for this type (see docs/conditions.md). */
  readonly filterOperators: readonly string[];
  /**
   * For types whose value holds values of other fields (a sub-table's rows): runs in the CLEAN
   * step, after `clean`, on a non-null value, so the parent's later steps (formulas, visibility,
   * validation) see the processed value. Problems come back with paths relative to the field;
   * the pipeline prefixes `/data/<key>` and drops them when the field is hidden.
   */
  processNested?(value: unknown, field: FieldDef, context: NestedValueContext): NestedValueResult;
  /**
   * For types with `processNested`: the value with the formulas inside it computed, nothing
   * validated — what the browser shows live while the user types (a sub-table line's
   * `price * qty`). Part of `compileForm(form).compute`.
   */
  computeNested?(value: unknown, field: FieldDef, compile: (form: FormDef) => CompiledForm, ctx?: EvalContext): unknown;
  /**
   * Definition-time checks of a field (duplicate choices, min above max), paths relative to the
   * field. `catalog` is the registry running the check, for types whose checks depend on other
   * fields' types (a lookup's resolved value type). On a `formOnlyPackage` (one form checked on
   * its own by `compileForm`) checks that need the other forms must skip themselves. Types that
   * nest fields (a sub-table) validate them with `catalog`.
   */
  checkField?(field: FieldDef, form: FormDef, pkg: AppPackage, catalog: FieldTypeCatalog): readonly { path: string; message: string }[];
}

/**
 * Declares a field type. It returns its argument unchanged, typed: the place to look
 * for how field types are written.
 *
 * @example
 * export const ratingType = defineFieldType({
 *   type: 'rating', label: { 'zh-CN': '评分', en: 'Rating' }, group: 'advanced', valueType: 'number',
 *   valueSchema: () => ({ type: 'integer', minimum: 1, maximum: 5 }),
 *   clean: cleanNumber, filterOperators: ['==', '>=', '<='],
 * });
 * fieldTypes.register(ratingType);
 */
export function defineFieldType<const T extends FieldTypeDefinition>(definition: T): T {
  return definition;
}
