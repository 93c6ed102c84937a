import type { ValidateFunction } from 'ajv';
import type { AppPackage, FieldDef, FieldStorage, FieldTypeCatalog, FormDef, JsonSchema, ValueType } from '@trellis/schema';
import { FormsErrors } from './errors.js';
import type { FieldTypeDefinition } from './field-type.js';
import { createRecordAjv } from './record-ajv.js';
import { checkLinkage } from './linkage-check.js';
import { formulaProblems } from './formula-fields.js';

/**
 * The field types known to one installation, by name. It implements schema's
 * `FieldTypeCatalog`, so `validateAppPackage(pkg, registry)` checks field types and
 * options. The global `fieldTypes` holds the built-ins; plugins `register` more.
 *
 * @example
 * const registry = new FieldTypeRegistry(builtInFieldTypes);
 * registry.register(ratingType);
 * registry.get('rating')?.clean('4', field);
 */
export class FieldTypeRegistry implements FieldTypeCatalog {
  readonly #types = new Map<string, FieldTypeDefinition>();
  readonly #ajv = createRecordAjv();
  readonly #valueValidators = new WeakMap<JsonSchema, ValidateFunction>();

  constructor(definitions: readonly FieldTypeDefinition[] = []) {
    for (const d of definitions) this.register(d);
  }

  /** Adds a field type; a name that is already taken is refused (`FIELD_TYPE_DUPLICATE`). */
  register(definition: FieldTypeDefinition): this {
    if (this.#types.has(definition.type)) {
      throw FormsErrors.create('FIELD_TYPE_DUPLICATE', `[forms] field type '${definition.type}' is already registered; give the plugin's type another name`);
    }
    this.#types.set(definition.type, definition);
    return this;
  }

  /** The definition of `type`, or undefined. */
  get(type: string): FieldTypeDefinition | undefined {
    return this.#types.get(type);
  }

  /** The definition of `type`; throws `FIELD_TYPE_UNKNOWN` when it is not registered. */
  require(type: string): FieldTypeDefinition {
    const d = this.#types.get(type);
    if (d === undefined) {
      throw FormsErrors.create('FIELD_TYPE_UNKNOWN', `[forms] field type '${type}' is not registered; install the plugin that provides it or change the field's type`);
    }
    return d;
  }

  /** Every registered type, in registration order (the designer's palette). */
  list(): readonly FieldTypeDefinition[] {
    return [...this.#types.values()];
  }

  has(type: string): boolean {
    return this.#types.has(type);
  }

  optionsSchema(type: string): object | undefined {
    return this.#types.get(type)?.optionsSchema;
  }

  valueType(field: FieldDef): ValueType {
    const vt = this.require(field.type).valueType;
    return typeof vt === 'function' ? vt(field) : vt;
  }

  storesValue(field: FieldDef): boolean {
    return this.require(field.type).storesValue !== false;
  }

  storage(field: FieldDef): FieldStorage {
    const s = this.require(field.type).storage ?? 'column';
    return typeof s === 'function' ? s(field) : s;
  }

  fileRefs(field: FieldDef): 'one' | 'many' | undefined {
    return this.#types.get(field.type)?.files;
  }

  /** The type's own checks, plus: a `defaultValue` must be a valid value of the field. */
  checkField(field: FieldDef, form: FormDef, pkg: AppPackage): readonly { path: string; message: string }[] {
    const type = this.require(field.type);
    const out = [...(type.checkField?.(field, form, pkg, this) ?? []), ...checkLinkage(field, form, pkg, this), ...formulaProblems(field, form, this)];
    if (field.defaultValue !== undefined && field.defaultValue !== null && out.length === 0) {
      const problem = this.checkValue(field, type.clean(field.defaultValue, field));
      if (problem !== undefined) out.push({ path: '/defaultValue', message: `default value ${JSON.stringify(field.defaultValue)} is not a valid value of this field (${problem}); change or remove it` });
    }
    return out;
  }

  /** Validates one cleaned value against the field's value schema and check; a short reason or undefined. */
  checkValue(field: FieldDef, value: unknown): string | undefined {
    if (value === null) return undefined;
    const type = this.require(field.type);
    const schema = type.valueSchema(field);
    let validate = this.#valueValidators.get(schema);
    if (validate === undefined) {
      validate = this.#ajv.compile(schema);
      this.#ajv.removeSchema(schema);
      this.#valueValidators.set(schema, validate);
    }
    if (!validate(value)) return validate.errors?.map((e) => `${e.instancePath || 'value'} ${e.message ?? e.keyword}`).join('; ');
    const issue = type.check?.(value, field);
    return issue === undefined ? undefined : issue.code;
  }
}
