import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { formatTypedCell } from '../type-cell-format.js';

/** The browser's time picker; it reports `HH:MM` (or `HH:MM:SS` with the `withSeconds` option). */
export function TimeEditor({ field, value, onChange, id, describedBy, invalid, required, disabled }: FieldWidgetProps) {
  const withSeconds = field.options?.['withSeconds'] === true;
  return (
    <input
      id={id}
      name={field.key}
      type="time"
      step={withSeconds ? 1 : 60}
      className="tr-input tr-input-time"
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}

/** The built-in widget of the `time` field type. */
export const timeWidget = defineFieldWidget({ type: 'time', Editor: TimeEditor, formatCell: formatTypedCell() });
