import { Ajv, type ValidateFunction } from 'ajv';
import { ajvErrorsToDetails } from './ajv-messages.js';
import { appPackageSchema } from './app-package.schema.js';
import { SchemaErrors } from './errors.js';
import { pointer } from './json-pointer.js';
import { checkPackageSemantics } from './semantic-checks.js';
import type { ErrorDetail } from './trellis-error.js';
import type { AppPackage, FieldDef, FieldTypeCatalog, FormDef } from './types.js';
import { fail, ok, type ValidationResult } from './validation-result.js';

/**
 * Creates the ajv instance the definition language uses: every error (`allErrors`),
 * strict schemas, `discriminator` for `kind` unions, `verbose` so messages can name
 * allowed values. Works in Node and in the browser.
 *
 * @example
 * const validate = createSchemaAjv().compile({ type: 'object', properties: { max: { type: 'number' } } });
 */
export function createSchemaAjv(): Ajv {
  return new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, discriminator: true, verbose: true });
}

let packageValidator: ValidateFunction | undefined;
let optionsAjv: Ajv | undefined;
const optionsValidators = new WeakMap<object, ValidateFunction>();

function compiledPackageValidator(): ValidateFunction {
  packageValidator ??= createSchemaAjv().compile(appPackageSchema);
  return packageValidator;
}

/** Compiles a field type's options schema once (cached by schema object). */
function optionsValidator(type: string, schema: object): ValidateFunction {
  let v = optionsValidators.get(schema);
  if (v === undefined) {
    optionsAjv ??= createSchemaAjv();
    try {
      v = optionsAjv.compile(schema);
    } catch (e) {
      throw SchemaErrors.create(
        'SCHEMA_FIELD_TYPE_INVALID',
        `[schema] the options schema of field type '${type}' does not compile (${(e as Error).message}); fix the field type's definition`,
      );
    }
    optionsValidators.set(schema, v);
  }
  return v;
}

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field-type checks: known type, options against the type's options schema. */
function checkFieldTypes(input: unknown, catalog: FieldTypeCatalog, out: ErrorDetail[]): void {
  if (!isObj(input) || !Array.isArray(input['forms'])) return;
  input['forms'].forEach((form, i) => {
    if (!isObj(form) || !Array.isArray(form['fields'])) return;
    form['fields'].forEach((field, j) => {
      if (!isObj(field) || typeof field['type'] !== 'string') return;
      const at = pointer('/forms', i, 'fields', j);
      const type = field['type'];
      if (!catalog.has(type)) {
        out.push({ path: pointer(at, 'type'), message: `unknown field type '${type}'; use a registered type (e.g. text, number, date, single_select) or install the plugin that provides it` });
        return;
      }
      const options = field['options'];
      if (options !== undefined && !isObj(options)) return; // reported by the structural check
      const schema = catalog.optionsSchema(type);
      if (schema === undefined) {
        if (options !== undefined && Object.keys(options).length > 0) {
          out.push({ path: pointer(at, 'options'), message: `field type '${type}' takes no options; remove them` });
        }
        return;
      }
      const validate = optionsValidator(type, schema);
      if (!validate(options ?? {})) out.push(...ajvErrorsToDetails(validate.errors ?? [], pointer(at, 'options')));
    });
  });
}

/** The type's own semantic checks; only for structurally valid packages (it receives typed definitions). */
function checkFieldsWithCatalog(pkg: AppPackage, catalog: FieldTypeCatalog, out: ErrorDetail[]): void {
  if (catalog.checkField === undefined) return;
  pkg.forms.forEach((form: FormDef, i) => {
    form.fields.forEach((field: FieldDef, j) => {
      if (!catalog.has(field.type)) return;
      const base = pointer('/forms', i, 'fields', j);
      for (const problem of catalog.checkField!(field, form, pkg)) {
        const rel = problem.path === '' || problem.path.startsWith('/') ? problem.path : '/' + problem.path;
        out.push({ path: base + rel, message: problem.message });
      }
    });
  });
}

/**
 * Validates untrusted input as an app package of the current `schemaVersion` and returns
 * every problem at once, each with a JSON-pointer path and a readable message: structure
 * (unknown properties, types, key patterns), reserved words and system columns,
 * duplicates, references, and — given a field-type `catalog` — field types and their
 * options. Conditions in `visibleWhen` are only checked for shape here; `@trellis/forms`
 * compiles them. Older packages should go through `upgradePackage` first.
 *
 * @example
 * const result = validateAppPackage(json, fieldTypes);
 * if (!result.ok) return reply.code(400).send({ error: { code: 'SCHEMA_INVALID', details: result.errors } });
 * publish(result.value);
 */
export function validateAppPackage(input: unknown, catalog?: FieldTypeCatalog): ValidationResult<AppPackage> {
  const validate = compiledPackageValidator();
  const structurallyValid = validate(input);
  const errors: ErrorDetail[] = structurallyValid ? [] : ajvErrorsToDetails(validate.errors ?? []);
  errors.push(...checkPackageSemantics(input));
  if (catalog !== undefined) {
    checkFieldTypes(input, catalog, errors);
    if (structurallyValid && errors.length === 0) checkFieldsWithCatalog(input as AppPackage, catalog, errors);
  }
  return errors.length === 0 ? ok(input as AppPackage) : fail(errors);
}

/**
 * Like `validateAppPackage`, but returns the typed package or throws
 * `TrellisError('SCHEMA_INVALID', 400)` whose `details` list every problem.
 *
 * @example
 * const pkg = assertAppPackage(JSON.parse(text), fieldTypes);
 */
export function assertAppPackage(input: unknown, catalog?: FieldTypeCatalog): AppPackage {
  const result = validateAppPackage(input, catalog);
  if (result.ok) return result.value;
  const n = result.errors.length;
  const first = result.errors[0]!;
  throw SchemaErrors.create(
    'SCHEMA_INVALID',
    `[schema] the app package has ${n} problem${n === 1 ? '' : 's'} (first: ${first.path || '/'} ${first.message}); fix them and try again`,
    result.errors,
  );
}
