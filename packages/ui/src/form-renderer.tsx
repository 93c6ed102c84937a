import { useMemo, type CSSProperties } from 'react';
import { localize, type FieldDef, type FormDef } from '@trellis/schema';
import { fieldWidgets } from './built-in-widgets.js';
import type { FieldWidgetRegistry } from './field-widget.js';
import type { FieldErrors } from './field-errors.js';
import { hiddenFieldKeys } from './form-visibility.js';
import { formSections } from './form-sections.js';
import { liveValues } from './form-compute.js';
import { uiText } from './ui-messages.js';
import { fallbackWidget } from './widgets/fallback-widget.js';

/** Props of `FormRenderer`. */
export interface FormRendererProps {
  readonly form: FormDef;
  /** Record data by field key, in wire format. */
  readonly values: Readonly<Record<string, unknown>>;
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
 * Renders a form definition as labelled inputs: sections and columns from the layout, one
 * registered widget per field type, required marks, descriptions and error messages bound
 * to their inputs (`aria-describedby`), fields hidden while their `visibleWhen` is false.
 * It is controlled: the caller owns the values and runs validation (`compileForm(form).process`).
 *
 * @example
 * <FormRenderer form={form} values={values} onChange={(k, v) => setValues({ ...values, [k]: v })} errors={errors} locale="en" />
 */
export function FormRenderer({ form, values, onChange, errors = {}, locale, disabled = false, widgets = fieldWidgets, idPrefix = 'field' }: FormRendererProps) {
  const sections = useMemo(() => formSections(form), [form]);
  const shown = useMemo(() => liveValues(form, values), [form, values]); // formula fields computed live
  const hidden = useMemo(() => hiddenFieldKeys(form, shown), [form, shown]);
  return (
    <div className="tr-form">
      {sections.map((section, i) => (
        <section key={i} className="tr-form-section">
          {section.title === undefined ? null : <h3 className="tr-form-section-title">{localize(section.title, locale)}</h3>}
          <div className="tr-form-grid" style={{ ['--tr-columns' as string]: String(section.columns) } as CSSProperties}>
            {section.fields
              .filter((field) => !hidden.has(field.key))
              .map((field) => (
                <FieldRow
                  key={field.id}
                  field={field}
                  value={shown[field.key] ?? null}
                  onChange={(value) => onChange(field.key, value)}
                  errors={errors[field.key] ?? []}
                  locale={locale}
                  disabled={disabled}
                  widgets={widgets}
                  id={`${idPrefix}-${field.key}`}
                />
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}

interface FieldRowProps {
  readonly field: FieldDef;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly errors: readonly string[];
  readonly locale: string;
  readonly disabled: boolean;
  readonly widgets: FieldWidgetRegistry;
  readonly id: string;
}

function FieldRow({ field, value, onChange, errors, locale, disabled, widgets, id }: FieldRowProps) {
  const widget = widgets.get(field.type) ?? fallbackWidget;
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
