import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { isoToLocalInput, localInputToIso } from '../datetime-input.js';

/** Native date-and-time picker in the viewer's time zone; the value is an ISO instant in UTC. */
export function DateTimeEditor({ field, value, onChange, id, describedBy, invalid, required, disabled }: FieldWidgetProps) {
  return (
    <input
      id={id}
      name={field.key}
      type="datetime-local"
      className="tr-input tr-input-date"
      value={isoToLocalInput(value)}
      onChange={(e) => onChange(localInputToIso(e.target.value))}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      aria-describedby={describedBy}
      disabled={disabled}
    />
  );
}

/** The built-in widget of the `datetime` field type. */
export const dateTimeWidget = defineFieldWidget({ type: 'datetime', Editor: DateTimeEditor });
