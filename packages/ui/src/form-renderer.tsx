import { useMemo, type CSSProperties } from 'react';
import { localize, type FieldDef, type FormDef } from '@trellis/schema';
import { fieldWidgets } from './built-in-widgets.js';
import type { FieldWidgetRegistry } from './field-widget.js';
import type { FieldErrors } from './field-errors.js';
import { hiddenFieldKeys } from './form-visibility.js';
import { cascadeClears, cascadeField } from './form-cascade.js';
import { readOnlyFieldKeys } from './form-read-only.js';
import { formLayout, type FormSection } from './form-sections.js';
import { FormTabs } from './form-tabs.js';
import { uiText } from './ui-messages.js';
import { fallbackWidget } from './widgets/fallback-widget.js';

/** Props of `FormRenderer`. */
export interface FormRendererProps {
  readonly form: FormDef;
  /** Record data by field key, in wire format. */
  readonly values: Readonly<Record<string, unknown>>;
  /**
   * Reports a changed value. One edit may report several (a new parent value also clears the
   * cascading choices it no longer allows), so apply each change to the latest values
   * (`setValues((v) => ({ ...v, [key]: value }))`).
   */
  readonly onChange: (key: string, value: unknown) => void;
  /** Messages per field key (see `groupErrorsByField`); shown under each field. */
  readonly errors?: FieldErrors;
  readonly locale: string;
  readonly disabled?: boolean;
  /** Widget registry; the default one with the built-in widgets when absent. */
  readonly widgets?: FieldWidgetRegistry;
  /** Prefix of the input ids, when two forms share a page. */
  readonly idPrefix?: string;
}

/**
 * Renders a form definition as labelled inputs: sections, tab groups (`FormTabs`) and columns
 * from the layout, one registered widget per field type, required marks, descriptions and error messages bound
 * to their inputs (`aria-describedby`), fields hidden while their `visibleWhen` is false,
 * inputs disabled while their `readOnlyWhen` holds, cascading selects offering only the
 * choices their parent allows.
 * It is controlled: the caller owns the values and runs validation (`compileForm(form).process`).
 *
 * @example
 * <FormRenderer form={form} values={values} onChange={(k, v) => setValues((old) => ({ ...old, [k]: v }))} errors={errors} locale="en" />
 */
export function FormRenderer({ form, values, onChange, errors = {}, locale, disabled = false, widgets = fieldWidgets, idPrefix = 'field' }: FormRendererProps) {
  const blocks = useMemo(() => formLayout(form), [form]);
  const hidden = useMemo(() => hiddenFieldKeys(form, values), [form, values]);
  const readOnly = useMemo(() => readOnlyFieldKeys(form, values), [form, values]);
  // a new parent value clears the cascading choices it no longer allows (callers must apply changes functionally)
  const change = (key: string, value: unknown) => {
    onChange(key, value);
    for (const [k, v] of Object.entries(cascadeClears(form, values, key, value))) onChange(k, v);
  };
  const drawSection = (section: FormSection, i: number) => (
        <section key={i} className="tr-form-section">
          {section.title === undefined ? null : <h3 className="tr-form-section-title">{localize(section.title, locale)}</h3>}
          <div className="tr-form-grid" style={{ ['--tr-columns' as string]: String(section.columns) } as CSSProperties}>
            {section.fields
              .filter((field) => !hidden.has(field.key))
              .map((field) => (
                <FieldRow
                  key={field.id}
                  field={cascadeField(field, values)}
                  value={values[field.key] ?? null}
                  onChange={(value) => change(field.key, value)}
                  errors={errors[field.key] ?? []}
                  nestedErrors={nestedErrorsOf(errors, field.key)}
                  locale={locale}
                  disabled={disabled || readOnly.has(field.key)}
                  widgets={widgets}
                  id={`${idPrefix}-${field.key}`}
                />
              ))}
          </div>
        </section>
  );
  return (
    <div className="tr-form">
      {blocks.map((block, i) =>
        block.kind === 'tabs' ? (
          <FormTabs key={i} tabs={block.tabs} errors={errors} locale={locale} idPrefix={`${idPrefix}-tabs-${i}`} renderSection={drawSection} />
        ) : (
          drawSection(block.section, i)
        ),
      )}
    </div>
  );
}

interface FieldRowProps {
  readonly field: FieldDef;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly errors: readonly string[];
  readonly nestedErrors: FieldErrors;
  readonly locale: string;
  readonly disabled: boolean;
  readonly widgets: FieldWidgetRegistry;
  readonly id: string;
}

/** The messages below a field (`items/0/qty` → `0/qty`), for editors of nested values. */
function nestedErrorsOf(errors: FieldErrors, key: string): FieldErrors {
  const out: Record<string, readonly string[]> = {};
  for (const [path, messages] of Object.entries(errors)) if (path.startsWith(`${key}/`)) out[path.slice(key.length + 1)] = messages;
  return out;
}

function FieldRow({ field, value, onChange, errors: allErrors, nestedErrors, locale, disabled, widgets, id }: FieldRowProps) {
  const widget = widgets.get(field.type) ?? fallbackWidget;
  // An editor that shows problems inside its value in place leaves only the field's own ones here.
  const inside = widget.showsNestedErrors ? new Set(Object.values(nestedErrors).flat()) : undefined;
  const errors = inside === undefined ? allErrors : allErrors.filter((m) => !inside.has(m));
  const description = localize(field.description, locale);
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const required = field.required === true;
  const labelText = (
    <>
      {localize(field.label, locale)}
      {required ? (
        <span className="tr-required" title={uiText(locale, 'required')} aria-hidden="true">
          *
        </span>
      ) : null}
    </>
  );
  const editor = (
    <widget.Editor
      field={field}
      value={value}
      onChange={onChange}
      id={id}
      describedBy={describedBy}
      invalid={errors.length > 0}
      required={required}
      disabled={disabled}
      locale={locale}
      nestedErrors={nestedErrors}
      widgets={widgets}
    />
  );
  const className = ['tr-field', widget.fullWidth ? 'tr-field-wide' : '', errors.length > 0 ? 'tr-field-invalid' : '']
    .filter(Boolean)
    .join(' ');
  const after = (
    <>
      {description ? (
        <p id={descriptionId} className="tr-field-description">
          {description}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="tr-field-error" data-field={field.key}>
          {errors.join('; ')}
        </p>
      ) : null}
    </>
  );
  if (widget.labelling === 'none') {
    return (
      <div className={className} data-field={field.key}>
        {editor}
      </div>
    );
  }
  if (widget.labelling === 'group') {
    return (
      <fieldset className={className} data-field={field.key}>
        <legend className="tr-field-label">{labelText}</legend>
        {editor}
        {after}
      </fieldset>
    );
  }
  return (
    <div className={className} data-field={field.key}>
      <label className="tr-field-label" htmlFor={id}>
        {labelText}
      </label>
      {editor}
      {after}
    </div>
  );
}
