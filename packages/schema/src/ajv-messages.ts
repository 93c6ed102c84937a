import type { ErrorObject } from 'ajv';
import { appPackageSchema } from './app-package.schema.js';
import { pointer } from './json-pointer.js';
import type { ErrorDetail } from './trellis-error.js';

/** What a `$defs` entry of the app-package schema means, for messages about its `pattern`. */
const PATTERN_HINTS: Readonly<Record<string, string>> = {
  key: 'must start with a lowercase letter a–z and contain only a–z, 0–9 and _ (at most 48 characters), e.g. customer_name',
  fieldId: 'a field id may contain only letters, digits, _ and - (1 to 64 characters), e.g. f_name',
  color: 'must be a colour written as #rrggbb, e.g. #1677ff',
  localizedText: 'a label must not be blank',
};

/** The `kind` values of the discriminated unions of the app-package schema. */
const KIND_VALUES: Readonly<Record<string, readonly string[]>> = {
  navItem: ['form', 'group'],
  layoutNode: ['section', 'tabs'],
};

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'an object',
  array: 'a list (array)',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  const names = types.map((t) => TYPE_NAMES[String(t)] ?? String(t));
  if (types.includes('string') && types.includes('object')) return 'a text or a map of locales to texts, e.g. { "zh-CN": "客户", "en": "Customer" }';
  return names.join(' or ');
}

/** `$defs` entries by identity, to recognise a schema wherever ajv inlined it. */
const DEF_NAMES = new Map<unknown, string>();
for (const [name, def] of Object.entries(appPackageSchema.$defs)) {
  DEF_NAMES.set(def, name);
  const extra = (def as { additionalProperties?: unknown }).additionalProperties;
  if (typeof extra === 'object') DEF_NAMES.set(extra, name);
}

/** The `$defs` name of the schema that produced an error (by identity, else from `#/$defs/key/pattern`). */
function defName(e: ErrorObject): string | undefined {
  return DEF_NAMES.get(e.parentSchema) ?? /#\/\$defs\/([^/]+)\//.exec(e.schemaPath)?.[1];
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

function describeValue(value: unknown): string {
  const s = JSON.stringify(value);
  if (s === undefined) return String(value);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

/** Translates one ajv error into a path and a sentence a person understands. */
function translate(e: ErrorObject, basePath: string): ErrorDetail | undefined {
  const at = basePath + e.instancePath;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties) ?? {});
      const hint = allowed.length > 0 ? ` (allowed here: ${allowed.join(', ')})` : '';
      return { path: pointer(at, String(p['additionalProperty'])), message: `unknown property '${String(p['additionalProperty'])}'; remove it${hint}` };
    }
    case 'required':
      return { path: pointer(at, String(p['missingProperty'])), message: `'${String(p['missingProperty'])}' is required here; add it` };
    case 'type':
      if (at.endsWith('/visibleWhen')) return { path: at, message: `must be a condition (a json-logic object such as {"==": [{"var": "tier"}, "key"]}) or true/false, not ${describeValue(e.data)}` };
      return { path: at, message: `must be ${describeType(p['type'])}, not ${describeValue(e.data)}` };
    case 'pattern': {
      const def = defName(e);
      const hint = def === undefined ? undefined : PATTERN_HINTS[def];
      if (e.propertyName !== undefined && def === 'key') {
        return { path: pointer(at, e.propertyName), message: `'${e.propertyName}' is not a valid key here: ${PATTERN_HINTS['key']!}` };
      }
      if (e.propertyName !== undefined) {
        return { path: pointer(at, e.propertyName), message: `'${e.propertyName}' is not a locale code; use codes like zh-CN or en` };
      }
      if (hint !== undefined) return { path: at, message: def === 'localizedText' ? hint : `${describeValue(e.data)} is not valid here: ${hint}` };
      return { path: at, message: `${describeValue(e.data)} does not match the pattern ${String(p['pattern'])}` };
    }
    case 'propertyNames':
      return undefined; // the nested error (with propertyName) already says what is wrong
    case 'const':
      if (at.endsWith('/schemaVersion') || at === '/schemaVersion') {
        return { path: at, message: `schemaVersion must be ${describeValue(p['allowedValue'])}; upgrade older packages with upgradePackage()` };
      }
      return { path: at, message: `must be ${describeValue(p['allowedValue'])}` };
    case 'enum':
      return { path: at, message: `${describeValue(e.data)} is not allowed; use one of: ${(p['allowedValues'] as unknown[]).map((v) => describeValue(v)).join(', ')}` };
    case 'minLength':
      return { path: at, message: p['limit'] === 1 ? 'must not be empty' : `must be at least ${String(p['limit'])} characters long` };
    case 'maxLength':
      return { path: at, message: `must be at most ${String(p['limit'])} characters long` };
    case 'minItems':
      return { path: at, message: `must list at least ${String(p['limit'])} item(s)` };
    case 'maxItems':
      return { path: at, message: `must list at most ${String(p['limit'])} item(s)` };
    case 'uniqueItems':
      return { path: at, message: `must not list the same item twice (items ${String(p['j'])} and ${String(p['i'])} are equal)` };
    case 'minProperties':
      return { path: at, message: defName(e) === 'localizedText' ? 'must give at least one locale, e.g. { "zh-CN": "客户" }' : `must have at least ${String(p['limit'])} properties` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: at, message: `must be ${String(p['comparison'])} ${String(p['limit'])}` };
    case 'multipleOf':
      return { path: at, message: `must be a multiple of ${String(p['multipleOf'])}` };
    case 'discriminator': {
      const tag = String(p['tag']);
      if (p['error'] === 'tag' && isObject(e.data) && !(tag in e.data)) return undefined; // 'required' reports it
      const allowed = KIND_VALUES[defName(e) ?? ''] ?? [];
      const list = allowed.length > 0 ? `; use one of: ${allowed.join(', ')}` : '';
      return p['error'] === 'tag'
        ? { path: pointer(at, tag), message: `'${tag}' must be a string${list}` }
        : { path: pointer(at, tag), message: `unknown ${tag} ${describeValue(p['tagValue'])}${list}` };
    }
    case 'oneOf':
    case 'anyOf':
      return { path: at, message: 'does not match any of the allowed shapes here' };
    default:
      return { path: at, message: e.message ?? `fails the '${e.keyword}' rule` };
  }
}

/**
 * Turns ajv errors into Trellis `ErrorDetail`s: JSON-pointer paths (prefixed with
 * `basePath`) and plain-English messages. Duplicates (the same message at the same path)
 * are dropped. Compile the schema with `verbose: true` so messages can list allowed values.
 *
 * @example
 * if (!validate(data)) details.push(...ajvErrorsToDetails(validate.errors ?? [], '/forms/0/fields/1/options'));
 */
export function ajvErrorsToDetails(errors: readonly ErrorObject[], basePath = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const d = translate(e, basePath);
    if (d === undefined) continue;
    const id = d.path + '\u0000' + d.message;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(d);
  }
  return out;
}
