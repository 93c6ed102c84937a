import { useEffect, useState } from 'react';
import { localize } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { parseNumberInput } from '../number-input.js';

/**
 * Number input. It keeps what the person typed as a draft (so `1.` or `-` survive while
 * typing) and reports the parsed number; text that is not a number is reported as typed,
 * so the form engine names the problem exactly as the server would.
 */
export function NumberEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const [draft, setDraft] = useState(() => (value == null ? '' : String(value)));
  useEffect(() => {
    // Follow outside changes (reset, reload) but not the echo of our own edits.
    if (parseNumberInput(draft) !== value) setDraft(value == null ? '' : String(value));
  }, [value]);
  const unit = typeof field.options?.['unit'] === 'string' ? field.options['unit'] : '';
  return (
    <span className="tr-input-group">
      <input
        id={id}
        name={field.key}
        type="text"
        inputMode="decimal"
        className="tr-input tr-input-number"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parseNumberInput(e.target.value));
        }}
        placeholder={localize(field.placeholder, locale)}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
      />
      {unit ? <span className="tr-input-addon">{unit}</span> : null}
    </span>
  );
}

/** The built-in widget of the `number` field type. */
export const numberWidget = defineFieldWidget({ type: 'number', Editor: NumberEditor });
