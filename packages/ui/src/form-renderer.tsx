import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties, type FocusEvent } from 'react';
import { localize, type FieldDef, type FormDef } from '@trellis/schema';
import { fieldWidgets } from './built-in-widgets.js';
import type { FieldWidgetRegistry } from './field-widget.js';
import type { FieldErrors } from './field-errors.js';
import { cascadeClears } from './form-cascade.js';
import { FormFieldStore } from './form-field-store.js';
import { formLayout, type FormSection } from './form-sections.js';
import { FormTabs } from './form-tabs.js';
import { uiText } from './ui-messages.js';
import { fallbackWidget } from './widgets/fallback-widget.js';

const NO_ERRORS: FieldErrors = {};
/**
 * Rows off screen are skipped by the browser's style, layout and paint (`content-visibility:
 * auto`, sized by their last rendered height, 72 px before that), so a field shown or hidden
 * near the top does not lay out 500 rows again. Containment clips and anchors popups to the
 * row, so a row with the focus inside drops it (`ROW_ACTIVE`). Decision 0014.
 */
const ROW_IDLE: CSSProperties = { contentVisibility: 'auto', containIntrinsicSize: 'auto 72px' };
const ROW_ACTIVE: CSSProperties | undefined = undefined;

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
 * from the layout, one registered widget per field type, required marks, descriptions and
 * error messages bound to their inputs (`aria-describedby`), fields hidden while their
 * `visibleWhen` is false, inputs disabled while their `readOnlyWhen` holds, cascading selects
 * offering only the choices their parent allows. It is controlled: the caller owns the values and runs validation (`compileForm(form).process`).
 *
 * A keystroke re-renders only the rows whose field changed: each row is memoised and reads
 * its own value, messages, visibility, read-only state and (cascading) choices from a `FormFieldStore` that the props are synced
 * into, and visibility is updated by the form engine's `visibilityPlan` (only the
 * conditions that read the changed field run). See decision 0014.
 *
 * @example
 * <FormRenderer form={form} values={values} onChange={(k, v) => setValues((old) => ({ ...old, [k]: v }))} errors={errors} locale="en" />
 */
export function FormRenderer({ form, values, onChange, errors = NO_ERRORS, locale, disabled = false, widgets = fieldWidgets, idPrefix = 'field' }: FormRendererProps) {
  const blocks = useMemo(() => formLayout(form), [form]);
  const hasTabs = blocks.some((b) => b.kind === 'tabs');
  // One store per form; the props stay the source of truth (synced below after every render).
  const store = useMemo(() => new FormFieldStore(form, values, errors), [form]); // eslint-disable-line react-hooks/exhaustive-deps
  const onChangeRef = useRef(onChange);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    store.sync(values, errors);
  });
  // Stable for the life of the store, so memoised rows are not re-rendered by a new callback.
  const change = useCallback(
    (key: string, value: unknown) => {
      const clears = cascadeClears(form, store.values, key, value);
      store.setValue(key, value);
      onChangeRef.current(key, value);
      // a new parent value clears the cascading choices it no longer allows (callers apply changes functionally)
      for (const [k, v] of Object.entries(clears)) {
        store.setValue(k, v);
        onChangeRef.current(k, v);
      }
    },
    [store, form],
  );
  // Tab markers follow the messages; forms without tabs keep the tree independent of them.
  const tabErrors = hasTabs ? errors : NO_ERRORS;
  // The rows do not depend on values or errors (each reads its own field from the store), so a
  // keystroke re-renders none of this tree but the rows whose field state changed.
  const tree = useMemo(() => {
    const drawSection = (section: FormSection, i: number) => (
      <section key={i} className="tr-form-section">
        {section.title === undefined ? null : <h3 className="tr-form-section-title">{localize(section.title, locale)}</h3>}
        <div className="tr-form-grid" style={{ ['--tr-columns' as string]: String(section.columns) } as CSSProperties}>
          {section.fields.map((field) => (
            <FieldRow key={field.id} field={field} store={store} change={change} locale={locale} disabled={disabled} widgets={widgets} id={`${idPrefix}-${field.key}`} />
          ))}
        </div>
      </section>
    );
    return blocks.map((block, i) =>
      block.kind === 'tabs' ? (
        <FormTabs key={i} tabs={block.tabs} errors={tabErrors} locale={locale} idPrefix={`${idPrefix}-tabs-${i}`} renderSection={drawSection} />
      ) : (
        drawSection(block.section, i)
      ),
    );
  }, [blocks, store, change, locale, disabled, widgets, idPrefix, tabErrors]);
  return <div className="tr-form">{tree}</div>;
}

interface FieldRowProps {
  readonly field: FieldDef;
  readonly store: FormFieldStore;
  readonly change: (key: string, value: unknown) => void;
  readonly locale: string;
  readonly disabled: boolean;
  readonly widgets: FieldWidgetRegistry;
  readonly id: string;
}

/** One field: label, editor, description, messages. Memoised: it re-renders only when its own field state changes. */
const FieldRow = memo(function FieldRow({ field, store, change, locale, disabled, widgets, id }: FieldRowProps) {
  const key = field.key;
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const snapshot = useCallback(() => store.get(key), [store, key]);
  const { value, errors: allErrors, nestedErrors, hidden, readOnly, field: shown } = useSyncExternalStore(subscribe, snapshot, snapshot);
  const onChange = useCallback((v: unknown) => change(key, v), [change, key]);
  const [active, setActive] = useState(false);
  const onFocus = useCallback(() => setActive(true), []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setActive(false);
  }, []);
  if (hidden) return null;
  const rowStyle = active ? ROW_ACTIVE : ROW_IDLE;
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
      field={shown}
      value={value}
      onChange={onChange}
      id={id}
      describedBy={describedBy}
      invalid={errors.length > 0}
      required={required}
      disabled={disabled || readOnly}
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
      <div className={className} data-field={field.key} style={rowStyle} onFocus={onFocus} onBlur={onBlur}>
        {editor}
      </div>
    );
  }
  if (widget.labelling === 'group') {
    return (
      <fieldset className={className} data-field={field.key} style={rowStyle} onFocus={onFocus} onBlur={onBlur}>
        <legend className="tr-field-label">{labelText}</legend>
        {editor}
        {after}
      </fieldset>
    );
  }
  return (
    <div className={className} data-field={field.key} style={rowStyle} onFocus={onFocus} onBlur={onBlur}>
      <label className="tr-field-label" htmlFor={id}>
        {labelText}
      </label>
      {editor}
      {after}
    </div>
  );
});
