import { useState } from 'react';
import { localize } from '@trellis/schema';
import { fieldChoices } from '../choices.js';
import type { FieldWidgetProps } from '../field-widget.js';
import { uiText } from '../ui-messages.js';

const OTHER = '\u0000other';

/**
 * A single select with `allowOther`: the choices plus "Other…", which opens a text input
 * whose text is the value. A stored value that is not a choice shows as "Other" with its text.
 */
export function SingleSelectOtherEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const choices = fieldChoices(field);
  const current = typeof value === 'string' ? value : '';
  const isChoice = choices.some((c) => c.value === current);
  const [otherOpen, setOtherOpen] = useState(current !== '' && !isChoice);
  const showOther = otherOpen || (current !== '' && !isChoice);
  return (
    <span className="tr-select-other">
      <select
        id={id}
        name={field.key}
        className="tr-input tr-select"
        value={showOther ? OTHER : current}
        onChange={(e) => {
          if (e.target.value === OTHER) {
            setOtherOpen(true);
            onChange(null);
          } else {
            setOtherOpen(false);
            onChange(e.target.value === '' ? null : e.target.value);
          }
        }}
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
        <option value={OTHER}>{uiText(locale, 'otherChoice')}</option>
      </select>
      {showOther ? (
        <input
          id={`${id}-other`}
          type="text"
          className="tr-input tr-input-other"
          value={isChoice ? '' : current}
          maxLength={200}
          placeholder={uiText(locale, 'otherPlaceholder')}
          aria-label={uiText(locale, 'otherPlaceholder')}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          disabled={disabled}
        />
      ) : null}
    </span>
  );
}
