/**
 * The definition language, version 1: the TypeScript shape of an *app package*.
 * The JSON Schemas in `app-package.schema.ts` describe the same shape for ajv;
 * `schema.test.ts` keeps the two in step.
 */

/** Locales the UI ships with. Labels may carry more; these two are the ones Trellis translates itself. */
export type Locale = 'zh-CN' | 'en';

/** A user-visible label: a plain string, or one string per locale (`{ "zh-CN": "客户", "en": "Customer" }`). */
export type LocalizedText = string | { readonly [locale: string]: string };

/** The schema version this package writes. Older versions are upgraded by `upgradePackage`. */
export const CURRENT_SCHEMA_VERSION = 1 as const;

/** Keys of apps, forms and fields: become SQL identifiers, so they are strictly limited. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,47}$/;

/** Field keys the system columns of every app table use; a field may not take them. */
export const SYSTEM_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'created_by',
  'updated_by',
  'owner_id',
  'dept_id',
  'version',
  'deleted_at',
  'deleted_by',
] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/** A complete app: what `POST /api/apps/import` accepts and `GET /api/apps/:app/package` returns. */
export interface AppPackage {
  readonly schemaVersion: typeof CURRENT_SCHEMA_VERSION;
  readonly app: AppDef;
  readonly forms: readonly FormDef[];
  /** Approval flows (filled in by the workflow engine issue). */
  readonly flows?: readonly PlaceholderDef[];
  /** Automation rules (filled in by the rule engine issue). */
  readonly rules?: readonly PlaceholderDef[];
  /** Dashboards and report widgets (filled in by the report engine issue). */
  readonly reports?: readonly PlaceholderDef[];
  /**
   * Roles the app ships with (a template's sales rep, manager, …). Importing an app creates
   * the roles it does not have yet; the roles' members and later edits live in the database.
   */
  readonly roles?: readonly RoleDef[];
}

export interface AppDef {
  readonly key: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** An icon name from the web app's icon set (e.g. `users`, `briefcase`). */
  readonly icon?: string;
  /** Accent colour as `#rrggbb`. */
  readonly color?: string;
  readonly defaultLocale?: Locale;
  /** The app's menu. When absent, the forms are listed in package order. */
  readonly navigation?: readonly NavItem[];
}

export type NavItem = NavFormItem | NavGroupItem;
export interface NavFormItem {
  readonly kind: 'form';
  readonly form: string;
  readonly label?: LocalizedText;
  readonly icon?: string;
}
export interface NavGroupItem {
  readonly kind: 'group';
  readonly label: LocalizedText;
  readonly icon?: string;
  readonly items: readonly NavItem[];
}

export interface FormDef {
  readonly key: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly icon?: string;
  readonly fields: readonly FieldDef[];
  /** The field whose value names a record (list links, pickers, titles). Defaults to the first text field. */
  readonly titleField?: string;
  /** Visual arrangement of the fields. When absent, fields are shown in order, one per row. */
  readonly layout?: readonly LayoutNode[];
  /** Print layouts of a record (see `PrintTemplate`). Without one, printing lists every field. */
  readonly printTemplates?: readonly PrintTemplate[];
}

/**
 * One field of a form. `id` is stable for the field's whole life (it survives renames of
 * `key`); `key` names its column and its property in record data; `type` names an entry of
 * the field-type registry, and `options` is validated by that entry's options schema.
 */
export interface FieldDef {
  readonly id: string;
  readonly key: string;
  readonly type: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  readonly placeholder?: LocalizedText;
  readonly required?: boolean;
  /** Static default value, cleaned like user input. */
  readonly defaultValue?: unknown;
  /**
   * A default computed when a record is created, instead of (or, for `linkage`, on top of)
   * the static `defaultValue`: a formula, the current user/department/date, or a value
   * fetched from another form's record (data linkage). See `DefaultFrom`.
   */
  readonly defaultFrom?: DefaultFrom;
  /** A condition (json-logic, see docs/conditions.md): the field is shown only when it holds. */
  readonly visibleWhen?: unknown;
  /**
   * A condition: while it holds the field is read-only (the browser disables the input and
   * the server keeps the stored value, or the default on create). `true` = always read-only.
   */
  readonly readOnlyWhen?: unknown;
  readonly options?: { readonly [name: string]: unknown };
}

/** Where a field's default comes from, besides a static `defaultValue`. */
export type DefaultFrom = DefaultFromFormula | DefaultFromContext | DefaultFromLinkage;

/** The default is a formula (`TODAY()`, `CONCAT(name, '-', code)`) over the record being created. */
export interface DefaultFromFormula {
  readonly kind: 'formula';
  /** Formula text in the formula language of `@trellis/expr` (docs/formulas.md). */
  readonly formula: string;
}

/** The default is the current user, one of their departments, today's date or the current time. */
export interface DefaultFromContext {
  readonly kind: 'currentUser' | 'currentDept' | 'today' | 'now';
}

/**
 * Data linkage (数据联动): when the fields named in `match` are filled, the default is taken
 * from the first live record of form `form` whose fields equal them (`match[i].field` of that
 * form equals `match[i].equals` of this one). `take` names the field of that record to copy;
 * for a sub-table or relation field, `rows` maps the target's sub-table columns (or the
 * related record) to this field's columns.
 */
export interface DefaultFromLinkage {
  readonly kind: 'linkage';
  readonly form: string;
  readonly match: readonly { readonly field: string; readonly equals: string }[];
  readonly take: string;
  readonly rows?: { readonly [column: string]: string };
}

/** The visual arrangement of a form: sections, and tab groups holding sections. */
export type LayoutNode = LayoutSection | LayoutTabs;
export interface LayoutSection {
  readonly kind: 'section';
  readonly title?: LocalizedText;
  /** 1 to 4 columns; fields flow left to right. */
  readonly columns?: number;
  /** Field keys, in display order. */
  readonly fields: readonly string[];
}

/** Tabs: each tab holds sections; one tab shows at a time (fields on other tabs still validate). */
export interface LayoutTabs {
  readonly kind: 'tabs';
  readonly tabs: readonly LayoutTab[];
}
export interface LayoutTab {
  readonly title: LocalizedText;
  readonly sections: readonly LayoutSection[];
}

/**
 * A print layout of one record of a form: paper, orientation, an optional running header
 * and footer, and blocks printed top to bottom. The browser's print dialog makes the PDF
 * (docs/decisions/0013-print-templates.md).
 */
export interface PrintTemplate {
  /** Unique among the form's templates; `?template=<key>` in the print page's address. */
  readonly key: string;
  readonly name: LocalizedText;
  /** Default `A4`. */
  readonly paper?: 'A4' | 'A5' | 'Letter';
  /** Default `portrait`. */
  readonly orientation?: 'portrait' | 'landscape';
  /** Printed above the blocks of each record. */
  readonly header?: LocalizedText;
  /** Printed below the blocks of each record. */
  readonly footer?: LocalizedText;
  readonly blocks: readonly PrintBlock[];
}

/** One block of a print template, by `kind`. */
export type PrintBlock = PrintFieldsBlock | PrintTextBlock | PrintSubtableBlock | PrintSignatureBlock | PrintApprovalsBlock;
/** Labelled values of the named fields, in 1 to 4 columns (default 2). */
export interface PrintFieldsBlock {
  readonly kind: 'fields';
  readonly fields: readonly string[];
  readonly columns?: number;
}
/** Fixed text (plain text; line breaks kept). */
export interface PrintTextBlock {
  readonly kind: 'text';
  readonly text: LocalizedText;
}
/** A sub-table field as a table of its rows. */
export interface PrintSubtableBlock {
  readonly kind: 'subtable';
  readonly field: string;
}
/** A signature: the signature field's image, or, without `field`, a blank line to sign on paper. */
export interface PrintSignatureBlock {
  readonly kind: 'signature';
  readonly field?: string;
  /** Caption of the line; default the field's label, or "Signature". */
  readonly label?: LocalizedText;
}
/** The record's approval history (empty until approval flows exist). */
export interface PrintApprovalsBlock {
  readonly kind: 'approvals';
}

/** What a role may do with a form's records. */
export type PermissionAction = 'view' | 'create' | 'edit' | 'delete' | 'import' | 'export' | 'manage';
export const PERMISSION_ACTIONS: readonly PermissionAction[] = ['view', 'create', 'edit', 'delete', 'import', 'export', 'manage'];

/**
 * How a role sees one field: `editable` (the default for fields a role does not name),
 * `readonly`, `masked` (read-only and shown masked, e.g. `138****1234`) or `hidden`.
 */
export type FieldAccess = 'editable' | 'readonly' | 'masked' | 'hidden';
export const FIELD_ACCESS_LEVELS: readonly FieldAccess[] = ['hidden', 'masked', 'readonly', 'editable'];

/** A role's rights on one form. */
export interface FormPermission {
  readonly actions: readonly PermissionAction[];
  /**
   * Row scope: a condition (json-logic, the condition language) over the form's fields and
   * system columns with `$user` (`id`, `deptIds`, `deptTree`, `managedDeptTree`, `roles`),
   * e.g. `{ "==": [{ "var": "owner_id" }, { "var": "$user.id" }] }`. Absent: every record.
   */
  readonly scope?: unknown;
  /** Field key → access; fields not named are `editable`. */
  readonly fields?: Readonly<Record<string, FieldAccess>>;
}

/** A role of an app: data rights per form, and whether its members may design the app. */
export interface RoleDef {
  readonly key: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  /** May edit drafts and publish the app (design rights are separate from data rights). */
  readonly design?: boolean;
  /** Form key → rights; a form not named is invisible to the role. */
  readonly forms: Readonly<Record<string, FormPermission>>;
}

/** Flows, rules and reports in version 1: an object with a key; later issues define the rest. */
export interface PlaceholderDef {
  readonly key: string;
  readonly [property: string]: unknown;
}

/** Choice of a single or multi select. */
export interface SelectChoice {
  readonly value: string;
  readonly label: LocalizedText;
  /** `#rrggbb` */
  readonly color?: string;
}

/**
 * The kind of value a field holds, as conditions and storage see it. Each maps to one
 * column type: text→text, number→numeric, boolean→boolean, date→date ('YYYY-MM-DD'),
 * datetime→timestamptz (ISO 8601 string in JSON), json→jsonb, text_list→text[], uuid→uuid.
 */
export type ValueType = 'text' | 'number' | 'boolean' | 'date' | 'datetime' | 'json' | 'text_list' | 'uuid';
export const VALUE_TYPES: readonly ValueType[] = ['text', 'number', 'boolean', 'date', 'datetime', 'json', 'text_list', 'uuid'];

/** Where a field's value is stored; see `FieldTypeCatalog.storage`. */
export type FieldStorage = 'column' | 'child_table' | 'join_table' | 'computed';

/**
 * What the validator needs to know about field types. The form engine's registry implements
 * it; the schema package itself knows no field type, so plugins can add types.
 */
export interface FieldTypeCatalog {
  has(type: string): boolean;
  /** JSON Schema of the type's `options`, or undefined when the type takes none. */
  optionsSchema(type: string): object | undefined;
  /** The value type of a field of this type (decides its column type and how conditions compare it). */
  valueType(field: FieldDef): ValueType;
  /** Layout-only types (section, description text) hold no value and get no column. */
  storesValue?(field: FieldDef): boolean;
  /**
   * Where a value-holding field's value lives (default `column`): its own column of the
   * form's table, a child table (sub-table rows), a join table (a relation to many records),
   * or nowhere because it is computed when records are read (lookup, rollup).
   */
  storage?(field: FieldDef): FieldStorage;
  /**
   * File fields (attachment, image, signature): whether the value is one file ref or a list of
   * them; undefined for other types. The store attaches the referenced uploads to the record.
   */
  fileRefs?(field: FieldDef): 'one' | 'many' | undefined;
  /** Extra semantic checks (e.g. a select without choices), returning problems relative to the field. */
  checkField?(field: FieldDef, form: FormDef, pkg: AppPackage): readonly { path: string; message: string }[];
}

/** Picks the label for a locale, falling back to zh-CN, en, then any. */
export function localize(text: LocalizedText | undefined, locale: string = 'zh-CN'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

/**
 * The sections of a form's layout in display order, with the sections of tab groups
 * flattened in (tab by tab). What code needs that only cares where fields are placed.
 *
 * @example layoutSections(form).flatMap((s) => s.fields) // every placed field key
 */
export function layoutSections(form: Pick<FormDef, 'layout'>): readonly LayoutSection[] {
  const out: LayoutSection[] = [];
  for (const node of form.layout ?? []) {
    if (node.kind === 'tabs') for (const tab of node.tabs) out.push(...tab.sections);
    else out.push(node);
  }
  return out;
}
