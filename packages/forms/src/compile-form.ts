import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileJs, type EvalContext, type VarSchema } from '@trellis/expr';
import { pointer, type ErrorDetail, type FieldDef, type FormDef, type JsonSchema, type ValidationResult } from '@trellis/schema';
import { compileCompute } from './compute.js';
import { singlePassVisibility } from './single-pass-visibility.js';
import { FormsErrors } from './errors.js';
import { formOnlyPackage } from './form-only-package.js';
import type { FieldIssue } from './field-issue.js';
import type { FieldTypeDefinition } from './field-type.js';
import { FieldTypeRegistry } from './field-type-registry.js';
import { fieldTypes } from './field-types-global.js';
import { cascadeIssues, cascadeOf } from './field-types/cascade.js';
import { choiceLabel, choicesOf } from './field-types/choices.js';
import { issueMessage, messageLocale } from './messages.js';
import { compileReadOnly } from './read-only-fields.js';
import { createRecordAjv } from './record-ajv.js';
import { varSchemaOf } from './var-schema.js';

/** How `process` treats its input. */
export interface ProcessOptions {
  /** `create`: the input is a whole record and defaults apply. `update`: the input is a patch over `existing`. */
  readonly mode: 'create' | 'update';
  /** The stored record data (update mode); its values are cleaned again, so raw database values are fine. */
  readonly existing?: Readonly<Record<string, unknown>>;
  /** `$user` and `$now` for `visibleWhen` conditions. */
  readonly ctx?: EvalContext;
  /** Language of the error messages: `zh-CN` (default) or `en`. */
  readonly locale?: string;
}

/** A form compiled once for fast, repeated submissions. Immutable; cached per form object. */
export interface CompiledForm {
  readonly form: FormDef;
  /** Variables conditions over this form may use (fields and system columns, with value types). */
  readonly varSchema: VarSchema;
  /** The fields that store a value, in form order. */
  readonly valueFields: readonly FieldDef[];
  /**
   * The submission pipeline: clean (defaults on create) → compute (formulas) → visibility → validate.
   * Returns the complete record data (one property per value field, `null` when empty,
   * hidden fields `null`), or every problem as `{ path: '/data/<key>', code, message }`.
   */
  process(input: unknown, options: ProcessOptions): ValidationResult<Record<string, unknown>>;
  /** Like `process`, but returns the data or throws `RECORD_INVALID` (400) with the problems in `details`. */
  assert(input: unknown, options: ProcessOptions): Record<string, unknown>;
  /** The keys of the fields hidden by their `visibleWhen` for this data (what the form renderer hides). */
  hiddenFields(data: Readonly<Record<string, unknown>>, ctx?: EvalContext): ReadonlySet<string>;
  /**
   * `values` with every formula field computed from the others (cleaned first; nothing is
   * validated): what the browser shows as live results while the user types. Other values
   * are returned as given.
   */
  compute(values: Readonly<Record<string, unknown>>, ctx?: EvalContext): Record<string, unknown>;
  /** The keys of the fields whose `readOnlyWhen` holds for this data (what the form renderer disables; `process` ignores their input). */
  readOnlyFields(data: Readonly<Record<string, unknown>>, ctx?: EvalContext): ReadonlySet<string>;
}

type Predicate = (record: Record<string, unknown>, ctx?: EvalContext) => unknown;

/** json-logic truthiness: empty lists are false too. */
const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));
const isEmptyValue = (v: unknown): boolean => v === null || v === undefined || (Array.isArray(v) && v.length === 0);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ajv = createRecordAjv();
const cache = new WeakMap<FieldTypeRegistry, WeakMap<FormDef, CompiledForm>>();

/** Maps one ajv error on a field value to a field issue. */
function issueFromAjv(e: ErrorObject, field: FieldDef, type: FieldTypeDefinition, raw: unknown, registry: FieldTypeRegistry, locale: string): FieldIssue {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return { code: 'FIELD_TYPE', params: { expected: registry.valueType(field), value: raw } };
    case 'minLength':
      return { code: 'FIELD_TOO_SHORT', params: { limit: p['limit'] } };
    case 'maxLength':
      return { code: 'FIELD_TOO_LONG', params: { limit: p['limit'] } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { code: 'FIELD_TOO_SMALL', params: { limit: p['limit'] } };
    case 'maximum':
    case 'exclusiveMaximum':
      return { code: 'FIELD_TOO_LARGE', params: { limit: p['limit'] } };
    case 'enum': {
      const loc = messageLocale(locale);
      const allowed = choicesOf(field).length > 0
        ? choicesOf(field).map((c) => choiceLabel(field, c.value, loc)).join(loc === 'zh-CN' ? '、' : ', ')
        : (p['allowedValues'] as unknown[]).join(', ');
      return { code: 'FIELD_NOT_A_CHOICE', params: { value: e.data, allowed } };
    }
    case 'minItems':
      return { code: 'FIELD_TOO_FEW', params: { limit: p['limit'] } };
    case 'maxItems':
      return { code: 'FIELD_TOO_MANY', params: { limit: p['limit'] } };
    case 'pattern':
      return { code: 'FIELD_PATTERN' };
    default:
      return { code: 'FIELD_INVALID', params: { reason: `${type.type}: ${e.message ?? e.keyword}` } };
  }
}

/** Refuses definitions the engine must never run (unsafe patterns, min above max…), before any data arrives. */
function checkDefinition(form: FormDef, fields: readonly FieldDef[], registry: FieldTypeRegistry): void {
  const pkg = formOnlyPackage(form);
  const problems: ErrorDetail[] = [];
  fields.forEach((field) => {
    const index = form.fields.indexOf(field);
    for (const p of registry.checkField(field, form, pkg)) problems.push({ path: `/fields/${index}${p.path}`, message: p.message });
  });
  if (problems.length > 0) {
    throw FormsErrors.create(
      'FORM_DEFINITION_INVALID',
      `[forms] form '${form.key}' cannot be compiled: ${problems[0]!.path} ${problems[0]!.message}; validate the app with validateApp and fix it`,
      problems,
    );
  }
}

function build(form: FormDef, registry: FieldTypeRegistry): CompiledForm {
  const types = new Map<string, FieldTypeDefinition>();
  for (const field of form.fields) types.set(field.key, registry.require(field.type));
  const valueFields = form.fields.filter((f) => registry.storesValue(f));
  checkDefinition(form, valueFields, registry);
  const byKey = new Map(valueFields.map((f) => [f.key, f]));
  const varSchema = varSchemaOf(form, registry);

  const properties: Record<string, JsonSchema> = {};
  for (const f of valueFields) properties[f.key] = types.get(f.key)!.valueSchema(f);
  const schema = { type: 'object', properties };
  const validate: ValidateFunction = ajv.compile(schema);
  ajv.removeSchema(schema); // the compiled function stays valid; ajv's cache must not grow with every form

  const checks = valueFields.flatMap((field) => {
    const check = types.get(field.key)!.check?.bind(types.get(field.key));
    return check ? [{ key: field.key, check, field }] : [];
  });
  const scratch: Record<string, unknown> = Object.fromEntries(valueFields.map((f) => [f.key, undefined]));
  // the hot loop reads the type beside the field instead of a map lookup per field and call
  const typed = valueFields.map((f) => ({ f, type: types.get(f.key)! }));
  const cascading = valueFields.filter((f) => cascadeOf(f) !== undefined);
  const readOnly = compileReadOnly(valueFields, varSchema);
  const computing = compileCompute(form, valueFields, types, varSchema, registry, (n) => compileForm(n, registry));
  const conditions = new Map<string, Predicate>();
  for (const f of form.fields) {
    if (f.visibleWhen === undefined || f.visibleWhen === true) continue;
    conditions.set(f.key, f.visibleWhen === false ? () => false : (compileJs(f.visibleWhen, varSchema) as Predicate));
  }

  const singlePass = singlePassVisibility(new Map(form.fields.filter((f) => conditions.has(f.key)).map((f) => [f.key, f.visibleWhen])), conditions);
  const hiddenFields = (data: Readonly<Record<string, unknown>>, ctx?: EvalContext): ReadonlySet<string> => {
    if (singlePass) return singlePass(data, ctx);
    const hidden = new Set<string>();
    if (conditions.size === 0) return hidden;
    // Hidden fields count as empty for the conditions of others; repeat until nothing changes.
    for (let pass = 0; pass <= conditions.size; pass++) {
      const record: Record<string, unknown> = { ...data };
      for (const k of hidden) record[k] = null;
      let changed = false;
      for (const [key, predicate] of conditions) {
        let visible = true;
        try {
          visible = truthy(predicate(record, ctx));
        } catch {
          visible = true; // a condition that fails at run time shows the field rather than dropping its data
        }
        if (visible === hidden.has(key)) {
          changed = true;
          if (visible) hidden.delete(key);
          else hidden.add(key);
        }
      }
      if (!changed) break;
    }
    return hidden;
  };

  const process = (input: unknown, options: ProcessOptions): ValidationResult<Record<string, unknown>> => {
    const locale = options.locale;
    const errors: ErrorDetail[] = [];
    const detail = (key: string, issue: FieldIssue): ErrorDetail => ({
      path: key === '' ? '/data' : `/data/${key}`,
      code: issue.code,
      message: issueMessage(issue, byKey.get(key), form, locale),
    });
    if (!isPlainObject(input)) {
      const msg = messageLocale(locale) === 'zh-CN' ? '记录数据必须是「字段 → 值」的对象' : 'record data must be an object of field values';
      return { ok: false, errors: [{ path: '/data', code: 'FIELD_INVALID', message: msg }] };
    }
    for (const key in input) {
      if (Object.hasOwn(input, key) && !byKey.has(key)) errors.push({ ...detail('', { code: 'FIELD_UNKNOWN', params: { key } }), path: pointer('/data', key) });
    }

    // 1. clean, 2. defaults (create) or merge over existing (update)
    const data: Record<string, unknown> = {};
    const nestedErrors = new Map<string, ErrorDetail[]>();
    const take = (f: FieldDef, useInput: boolean, type: FieldTypeDefinition = types.get(f.key)!): void => {
      let raw: unknown;
      if (useInput && Object.prototype.hasOwnProperty.call(input, f.key)) raw = input[f.key];
      else if (options.mode === 'create') raw = computing.initial(f, options.ctx);
      else raw = options.existing?.[f.key];
      const v = raw === undefined || raw === null ? null : type.clean(raw, f);
      data[f.key] = v === undefined ? null : v;
      if (type.processNested !== undefined) {
        nestedErrors.delete(f.key);
        if (data[f.key] === null) return;
        const nested = type.processNested(data[f.key], f, { mode: options.mode, existing: options.existing?.[f.key], ctx: options.ctx, locale, registry, compile: (n) => compileForm(n, registry) });
        data[f.key] = nested.value;
        if (nested.errors.length > 0) nestedErrors.set(f.key, nested.errors.map((e) => ({ ...e, path: pointer('/data', f.key) + e.path })));
      }
    };
    for (const { f, type } of typed) take(f, true, type);
    // 2b. read-only (readOnlyWhen): the input of a read-only field is ignored — the default on create, the stored value on update
    let given: Readonly<Record<string, unknown>> = input;
    if (readOnly.any) {
      const record = () => (options.mode === 'update' && options.existing !== undefined ? { ...options.existing, ...data } : data);
      const ignored: string[] = [];
      readOnly.settle(record, options.ctx, (k) => {
        ignored.push(k);
        take(byKey.get(k)!, false);
      });
      // an ignored input counts as absent, so a default formula applies to it on create
      if (ignored.length > 0) given = Object.fromEntries(Object.entries(input).filter(([k]) => !ignored.includes(k)));
    }

    // 2c. compute: formula fields (input ignored) and default formulas, in dependency order
    computing.run(data, given, options);

    // 3. visibility: hidden fields are not required and their values are dropped
    const evalRecord = options.mode === 'update' && options.existing !== undefined ? { ...options.existing, ...data } : data;
    const hidden = hiddenFields(evalRecord, options.ctx);
    for (const k of hidden) data[k] = null;

    // 4. validate: required, then the value schemas, then the types' own checks
    // one object of stable shape reused per call: ajv skips properties that are undefined
    const present = scratch;
    for (const f of valueFields) {
      present[f.key] = undefined;
      if (hidden.has(f.key)) continue;
      const v = data[f.key];
      if (isEmptyValue(v)) {
        data[f.key] = null;
        if (f.required === true) errors.push(detail(f.key, { code: 'FIELD_REQUIRED' }));
      } else present[f.key] = v;
    }
    const failed = new Set<string>();
    for (const [key, nested] of nestedErrors) {
      if (hidden.has(key)) continue;
      failed.add(key);
      errors.push(...nested);
    }
    if (!validate(present)) {
      for (const e of validate.errors ?? []) {
        const key = e.instancePath.split('/')[1] ?? '';
        const field = byKey.get(key);
        if (field === undefined || failed.has(key)) continue;
        failed.add(key);
        const raw = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : present[key];
        errors.push(detail(key, issueFromAjv(e, field, types.get(key)!, raw, registry, locale ?? '')));
      }
    }
    for (const [key, issue] of cascading.length === 0 ? [] : cascadeIssues(cascading, data, form, locale)) {
      if (failed.has(key) || hidden.has(key)) continue;
      failed.add(key);
      errors.push(detail(key, issue));
    }
    for (const { key, check, field } of checks) {
      const value = present[key];
      if (value === undefined || failed.has(key)) continue;
      const issue = check(value, field);
      if (issue !== undefined) errors.push(detail(key, issue));
    }
    return errors.length === 0 ? { ok: true, value: data } : { ok: false, errors };
  };

  return {
    form,
    varSchema,
    valueFields,
    process,
    assert(input, options) {
      const r = process(input, options);
      if (r.ok) return r.value;
      const n = r.errors.length;
      throw FormsErrors.create(
        'RECORD_INVALID',
        `[forms] the record for form '${form.key}' has ${n} problem${n === 1 ? '' : 's'} (first: ${r.errors[0]!.path} ${r.errors[0]!.message}); fix the fields named in details`,
        r.errors,
      );
    },
    hiddenFields: (data, ctx) => hiddenFields(data, ctx),
    compute: computing.compute,
    readOnlyFields: (data, ctx) => readOnly.evaluate(data, ctx),
  };
}

/**
 * Compiles a form once — an ajv validator for its values, a closure per `visibleWhen`
 * condition — and caches the result per form object (definitions are immutable), so
 * each submission only runs the pipeline. Throws `FIELD_TYPE_UNKNOWN` for an
 * unregistered type, `FORM_DEFINITION_INVALID` for options the engine must not run
 * (unsafe patterns…) and `EXPR_INVALID` for a condition that does not compile.
 *
 * @example
 * const customer = compileForm(pkg.forms[0]);
 * const r = customer.process({ name: ' 华为 ', employees: '1,200' }, { mode: 'create', locale: 'en' });
 * if (r.ok) await store.records.create(app, 'customer', r.value);
 */
export function compileForm(form: FormDef, registry: FieldTypeRegistry = fieldTypes): CompiledForm {
  let forms = cache.get(registry);
  if (forms === undefined) {
    forms = new WeakMap();
    cache.set(registry, forms);
  }
  let compiled = forms.get(form);
  if (compiled === undefined) {
    compiled = build(form, registry);
    forms.set(form, compiled);
  }
  return compiled;
}

