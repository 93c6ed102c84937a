import { localize } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';

/** Single-line text input. Empty input is `null`, so "required" means "has a value". */
export function TextEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const maxLength = typeof field.options?.['maxLength'] === 'number' ? field.options['maxLength'] : undefined;
  return (
    <input
      id={id}
      name={field.key}
      type="text"
      className="tr-input"
      value={typeof value === 'string' ? value : value == null ? '' : String(value)}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      placeholder={localize(field.placeholder, locale)}
      maxLength={maxLength}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}

/** The built-in widget of the `text` field type. */
export const textWidget = defineFieldWidget({ type: 'text', Editor: TextEditor });
