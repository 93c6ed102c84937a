import type { AppDef, AppPackage, FormPermission, RoleDef, DefaultFromContext, DefaultFromFormula, DefaultFromLinkage, FieldDef, FormDef, LayoutSection, LayoutTab, LayoutTabs, NavFormItem, NavGroupItem, SelectChoice } from './types.js';
import type { PrintApprovalsBlock, PrintFieldsBlock, PrintSignatureBlock, PrintSubtableBlock, PrintTemplate, PrintTextBlock } from './types.js';
import { CURRENT_SCHEMA_VERSION, FIELD_ACCESS_LEVELS, KEY_PATTERN, PERMISSION_ACTIONS } from './types.js';

/** A JSON Schema object (draft 2020-12 subset that ajv 8 understands). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One schema per property of `T`, no more, no fewer: the compiler keeps schema and type in step. */
type PropertiesOf<T> = { readonly [K in keyof T]-?: JsonSchema };
/** The keys of `T` that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * Lists the required properties of `T`; fails to compile when a required key of the
 * TypeScript type is missing from the list (or an optional one is in it).
 */
function requiredOf<T>() {
  return <const K extends readonly RequiredKeys<T>[]>(
    keys: K,
    ..._missing: [Exclude<RequiredKeys<T>, K[number]>] extends [never] ? [] : [missing: Exclude<RequiredKeys<T>, K[number]>]
  ): K => keys;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

const appProperties = {
  key: ref('key'),
  name: ref('localizedText'),
  description: ref('localizedText'),
  icon: ref('icon'),
  color: ref('color'),
  defaultLocale: { type: 'string', enum: ['zh-CN', 'en'] },
  navigation: { type: 'array', items: ref('navItem') },
} satisfies PropertiesOf<AppDef>;

const navFormProperties = {
  kind: { type: 'string', const: 'form' },
  form: ref('key'),
  label: ref('localizedText'),
  icon: ref('icon'),
} satisfies PropertiesOf<NavFormItem>;

const navGroupProperties = {
  kind: { type: 'string', const: 'group' },
  label: ref('localizedText'),
  icon: ref('icon'),
  items: { type: 'array', items: ref('navItem') },
} satisfies PropertiesOf<NavGroupItem>;

const formProperties = {
  key: ref('key'),
  name: ref('localizedText'),
  description: ref('localizedText'),
  icon: ref('icon'),
  fields: { type: 'array', items: ref('field') },
  titleField: ref('key'),
  layout: { type: 'array', items: ref('layoutNode') },
  printTemplates: { type: 'array', maxItems: 50, items: ref('printTemplate') },
} satisfies PropertiesOf<FormDef>;

const printTemplateProperties = {
  key: ref('key'),
  name: ref('localizedText'),
  paper: { type: 'string', enum: ['A4', 'A5', 'Letter'] },
  orientation: { type: 'string', enum: ['portrait', 'landscape'] },
  header: ref('localizedText'),
  footer: ref('localizedText'),
  blocks: { type: 'array', maxItems: 200, items: ref('printBlock') },
} satisfies PropertiesOf<PrintTemplate>;
const printFieldsProperties = {
  kind: { type: 'string', const: 'fields' },
  fields: { type: 'array', maxItems: 500, items: ref('key') },
  columns: { type: 'integer', minimum: 1, maximum: 4 },
} satisfies PropertiesOf<PrintFieldsBlock>;
const printTextProperties = {
  kind: { type: 'string', const: 'text' },
  text: ref('longLocalizedText'),
} satisfies PropertiesOf<PrintTextBlock>;
const printSubtableProperties = {
  kind: { type: 'string', const: 'subtable' },
  field: ref('key'),
} satisfies PropertiesOf<PrintSubtableBlock>;
const printSignatureProperties = {
  kind: { type: 'string', const: 'signature' },
  field: ref('key'),
  label: ref('localizedText'),
} satisfies PropertiesOf<PrintSignatureBlock>;
const printApprovalsProperties = {
  kind: { type: 'string', const: 'approvals' },
} satisfies PropertiesOf<PrintApprovalsBlock>;

const fieldProperties = {
  id: ref('fieldId'),
  key: ref('key'),
  type: { type: 'string', pattern: KEY_PATTERN.source },
  label: ref('localizedText'),
  description: ref('localizedText'),
  placeholder: ref('localizedText'),
  required: { type: 'boolean' },
  defaultValue: {},
  defaultFrom: ref('defaultFrom'),
  visibleWhen: { type: ['object', 'boolean'] },
  readOnlyWhen: { type: ['object', 'boolean'] },
  options: { type: 'object' },
} satisfies PropertiesOf<FieldDef>;

const defaultFormulaProperties = {
  kind: { type: 'string', const: 'formula' },
  formula: { type: 'string', minLength: 1, maxLength: 2000 },
} satisfies PropertiesOf<DefaultFromFormula>;

const defaultContextProperties = {
  kind: { type: 'string', enum: ['currentUser', 'currentDept', 'today', 'now'] },
} satisfies PropertiesOf<DefaultFromContext>;

const defaultLinkageProperties = {
  kind: { type: 'string', const: 'linkage' },
  form: ref('key'),
  match: {
    type: 'array',
    minItems: 1,
    maxItems: 5,
    items: {
      type: 'object',
      required: ['field', 'equals'],
      properties: { field: ref('key'), equals: ref('key') },
      additionalProperties: false,
    },
  },
  take: ref('key'),
  rows: { type: 'object', propertyNames: { pattern: KEY_PATTERN.source }, additionalProperties: ref('key') },
} satisfies PropertiesOf<DefaultFromLinkage>;

const layoutSectionProperties = {
  kind: { type: 'string', const: 'section' },
  title: ref('localizedText'),
  columns: { type: 'integer', minimum: 1, maximum: 4 },
  fields: { type: 'array', items: ref('key') },
} satisfies PropertiesOf<LayoutSection>;

const layoutTabsProperties = {
  kind: { type: 'string', const: 'tabs' },
  tabs: { type: 'array', minItems: 1, maxItems: 20, items: ref('layoutTab') },
} satisfies PropertiesOf<LayoutTabs>;

const layoutTabProperties = {
  title: ref('localizedText'),
  sections: { type: 'array', items: ref('layoutSection') },
} satisfies PropertiesOf<LayoutTab>;

const roleProperties = {
  key: ref('key'),
  name: ref('localizedText'),
  description: ref('localizedText'),
  design: { type: 'boolean' },
  forms: { type: 'object', maxProperties: 500, propertyNames: ref('key'), additionalProperties: ref('formPermission') },
} satisfies PropertiesOf<RoleDef>;

const formPermissionProperties = {
  actions: { type: 'array', uniqueItems: true, maxItems: PERMISSION_ACTIONS.length, items: { type: 'string', enum: PERMISSION_ACTIONS } },
  // a condition (json-logic); `validateApp` compiles it against the form's variables and `$user`
  scope: { type: ['object', 'boolean'] },
  fields: { type: 'object', maxProperties: 1000, propertyNames: ref('key'), additionalProperties: { type: 'string', enum: FIELD_ACCESS_LEVELS } },
} satisfies PropertiesOf<FormPermission>;

const choiceProperties = {
  value: { type: 'string', minLength: 1, maxLength: 100 },
};

const packageProperties = {
  schemaVersion: { type: 'integer', const: CURRENT_SCHEMA_VERSION },
  app: ref('app'),
  forms: { type: 'array', items: ref('form') },
  flows: { type: 'array', items: ref('placeholder') },
  rules: { type: 'array', items: ref('placeholder') },
  reports: { type: 'array', items: ref('placeholder') },
  roles: { type: 'array', maxItems: 200, items: ref('role') },
} satisfies PropertiesOf<AppPackage>;

/** Locale codes in label maps: `zh-CN`, `en`, `en-US`, `zh-Hant-TW`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Stable field ids: letters, digits, `_` and `-`, 1 to 64 characters (e.g. `f_name`, a nanoid or uuid). */
export const FIELD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Accent colours: `#rrggbb`. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/**
 * The JSON Schema of an app package, version 1 — the single structural definition ajv
 * validates against. Its `properties` objects are checked by the compiler against the
 * TypeScript types in `types.ts` (`PropertiesOf<T>`), so the two cannot drift.
 * Semantic rules (reserved words, duplicates, references, field-type options) live in
 * `semantic-checks.ts`, because JSON Schema cannot express them.
 *
 * @example
 * new Ajv({ allErrors: true, discriminator: true, allowUnionTypes: true }).compile(appPackageSchema);
 */
export const appPackageSchema = {
  $id: 'https://trellis.dev/schemas/app-package/v1.json',
  title: 'Trellis app package, version 1',
  type: 'object',
  required: requiredOf<AppPackage>()(['schemaVersion', 'app', 'forms']),
  properties: packageProperties,
  additionalProperties: false,
  $defs: {
    key: { type: 'string', pattern: KEY_PATTERN.source },
    fieldId: { type: 'string', pattern: FIELD_ID_PATTERN.source },
    icon: { type: 'string', minLength: 1, maxLength: 64 },
    color: { type: 'string', pattern: COLOR_PATTERN.source },
    localizedText: {
      type: ['string', 'object'],
      maxLength: 500,
      pattern: '\\S',
      minProperties: 1,
      propertyNames: { pattern: LOCALE_PATTERN.source },
      additionalProperties: { type: 'string', maxLength: 500, pattern: '\\S' },
    },
    longLocalizedText: {
      type: ['string', 'object'],
      maxLength: 5000,
      pattern: '\\S',
      minProperties: 1,
      propertyNames: { pattern: LOCALE_PATTERN.source },
      additionalProperties: { type: 'string', maxLength: 5000, pattern: '\\S' },
    },
    app: {
      type: 'object',
      required: requiredOf<AppDef>()(['key', 'name']),
      properties: appProperties,
      additionalProperties: false,
    },
    navItem: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind' },
      oneOf: [ref('navForm'), ref('navGroup')],
    },
    navForm: {
      type: 'object',
      required: requiredOf<NavFormItem>()(['kind', 'form']),
      properties: navFormProperties,
      additionalProperties: false,
    },
    navGroup: {
      type: 'object',
      required: requiredOf<NavGroupItem>()(['kind', 'label', 'items']),
      properties: navGroupProperties,
      additionalProperties: false,
    },
    form: {
      type: 'object',
      required: requiredOf<FormDef>()(['key', 'name', 'fields']),
      properties: formProperties,
      additionalProperties: false,
    },
    field: {
      type: 'object',
      required: requiredOf<FieldDef>()(['id', 'key', 'type', 'label']),
      properties: fieldProperties,
      additionalProperties: false,
    },
    defaultFrom: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string', enum: ['formula', 'currentUser', 'currentDept', 'today', 'now', 'linkage'] } },
      if: { properties: { kind: { const: 'formula' } } },
      then: { required: requiredOf<DefaultFromFormula>()(['kind', 'formula']), properties: defaultFormulaProperties, additionalProperties: false },
      else: {
        if: { properties: { kind: { const: 'linkage' } } },
        then: { required: requiredOf<DefaultFromLinkage>()(['kind', 'form', 'match', 'take']), properties: defaultLinkageProperties, additionalProperties: false },
        else: { required: requiredOf<DefaultFromContext>()(['kind']), properties: defaultContextProperties, additionalProperties: false },
      },
    },
    layoutNode: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind' },
      oneOf: [ref('layoutSection'), ref('layoutTabs')],
    },
    layoutTabs: {
      type: 'object',
      required: requiredOf<LayoutTabs>()(['kind', 'tabs']),
      properties: layoutTabsProperties,
      additionalProperties: false,
    },
    layoutTab: {
      type: 'object',
      required: requiredOf<LayoutTab>()(['title', 'sections']),
      properties: layoutTabProperties,
      additionalProperties: false,
    },
    layoutSection: {
      type: 'object',
      required: requiredOf<LayoutSection>()(['kind', 'fields']),
      properties: layoutSectionProperties,
      additionalProperties: false,
    },
    printTemplate: {
      type: 'object',
      required: requiredOf<PrintTemplate>()(['key', 'name', 'blocks']),
      properties: printTemplateProperties,
      additionalProperties: false,
    },
    printBlock: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind' },
      oneOf: [ref('printFields'), ref('printText'), ref('printSubtable'), ref('printSignature'), ref('printApprovals')],
    },
    printFields: { type: 'object', required: requiredOf<PrintFieldsBlock>()(['kind', 'fields']), properties: printFieldsProperties, additionalProperties: false },
    printText: { type: 'object', required: requiredOf<PrintTextBlock>()(['kind', 'text']), properties: printTextProperties, additionalProperties: false },
    printSubtable: { type: 'object', required: requiredOf<PrintSubtableBlock>()(['kind', 'field']), properties: printSubtableProperties, additionalProperties: false },
    printSignature: { type: 'object', required: requiredOf<PrintSignatureBlock>()(['kind']), properties: printSignatureProperties, additionalProperties: false },
    printApprovals: { type: 'object', required: requiredOf<PrintApprovalsBlock>()(['kind']), properties: printApprovalsProperties, additionalProperties: false },
    role: {
      type: 'object',
      required: requiredOf<RoleDef>()(['key', 'name', 'forms']),
      properties: roleProperties,
      additionalProperties: false,
    },
    formPermission: {
      type: 'object',
      required: requiredOf<FormPermission>()(['actions']),
      properties: formPermissionProperties,
      additionalProperties: false,
    },
    placeholder: {
      type: 'object',
      required: ['key'],
      properties: { key: ref('key') },
    },
  },
} as const satisfies JsonSchema;

/**
 * The schema of one select choice (`{ value, label, color? }`), standalone so field types
 * can embed it in their options schemas.
 *
 * @example
 * const optionsSchema = { type: 'object', properties: { choices: { type: 'array', items: choiceSchema } } };
 */
export const choiceSchema: JsonSchema = {
  type: 'object',
  required: requiredOf<SelectChoice>()(['value', 'label']),
  properties: {
    value: choiceProperties.value,
    label: appPackageSchema.$defs.localizedText,
    color: appPackageSchema.$defs.color,
  } satisfies PropertiesOf<SelectChoice>,
  additionalProperties: false,
};

/**
 * The schema of a label (`LocalizedText`), standalone for options schemas of field types.
 *
 * @example
 * const optionsSchema = { type: 'object', properties: { unitLabel: localizedTextSchema } };
 */
export const localizedTextSchema: JsonSchema = appPackageSchema.$defs.localizedText;
