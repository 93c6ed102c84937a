import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';

/** Native date picker; the value is `YYYY-MM-DD` as on the wire. */
export function DateEditor({ field, value, onChange, id, describedBy, invalid, required, disabled }: FieldWidgetProps) {
  const min = typeof field.options?.['min'] === 'string' ? field.options['min'] : undefined;
  const max = typeof field.options?.['max'] === 'string' ? field.options['max'] : undefined;
  return (
    <input
      id={id}
      name={field.key}
      type="date"
      className="tr-input tr-input-date"
      value={typeof value === 'string' ? value : ''}
      min={min}
      max={max}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}

/** The built-in widget of the `date` field type. */
export const dateWidget = defineFieldWidget({ type: 'date', Editor: DateEditor });
