import { localize } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';

/** Multi-line text area; spans the whole row in multi-column sections. */
export function LongTextEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  return (
    <textarea
      id={id}
      name={field.key}
      className="tr-input tr-textarea"
      rows={4}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      placeholder={localize(field.placeholder, locale)}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}

/** The built-in widget of the `long_text` field type. */
export const longTextWidget = defineFieldWidget({ type: 'long_text', Editor: LongTextEditor, fullWidth: true });
