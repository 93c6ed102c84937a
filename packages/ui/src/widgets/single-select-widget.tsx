import { localize } from '@trellis/schema';
import { fieldChoices } from '../choices.js';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { uiText } from '../ui-messages.js';
import { SingleSelectOtherEditor } from './select-other-editor.js';

/** Drop-down of the field's choices, with an empty first entry; with `allowOther`, also "Other…" and a text input. */
export function SingleSelectEditor(props: FieldWidgetProps) {
  if (props.field.options?.['allowOther'] === true) return <SingleSelectOtherEditor {...props} />;
  return <PlainSingleSelect {...props} />;
}

function PlainSingleSelect({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const choices = fieldChoices(field);
  const current = typeof value === 'string' ? value : '';
  const known = current === '' || choices.some((c) => c.value === current);
  return (
    <select
      id={id}
      name={field.key}
      className="tr-input tr-select"
      value={current}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
    >
      <option value="">{localize(field.placeholder, locale) || uiText(locale, 'selectPlaceholder')}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {localize(c.label, locale)}
        </option>
      ))}
      {known ? null : <option value={current}>{current}</option>}
    </select>
  );
}

/** The built-in widget of the `single_select` field type. */
export const singleSelectWidget = defineFieldWidget({ type: 'single_select', Editor: SingleSelectEditor });
