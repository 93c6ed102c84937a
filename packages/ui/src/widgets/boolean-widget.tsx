import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { uiText } from '../ui-messages.js';

/** A switch-styled checkbox; the value is `true` or `false` once touched, `null` before. */
export function BooleanEditor({ field, value, onChange, id, describedBy, invalid, disabled, locale }: FieldWidgetProps) {
  return (
    <span className="tr-switch">
      <input
        id={id}
        name={field.key}
        type="checkbox"
        role="switch"
        checked={value === true}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
      />
      <span className="tr-switch-text" aria-hidden="true">
        {uiText(locale, value === true ? 'yes' : 'no')}
      </span>
    </span>
  );
}

/** The built-in widget of the `boolean` field type. */
export const booleanWidget = defineFieldWidget({ type: 'boolean', Editor: BooleanEditor });
