import { localize } from '@trellis/schema';
import { fieldChoices } from '../choices.js';
import { useState } from 'react';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { otherValues, withOtherValues } from '../select-other.js';
import { uiText } from '../ui-messages.js';

/**
 * One checkbox per choice, shown as toggle chips. The value keeps the order of the
 * choices, and an empty selection is `null`. With `allowOther`, a text input takes further
 * free-text answers (comma-separated).
 */
export function MultiSelectEditor({ field, value, onChange, id, describedBy, invalid, disabled, locale }: FieldWidgetProps) {
  const choices = fieldChoices(field);
  const allowOther = field.options?.['allowOther'] === true;
  const [otherDraft, setOtherDraft] = useState(() => otherValues(field, value).join(', '));
  const selected = new Set(Array.isArray(value) ? (value as unknown[]).map(String) : []);
  const toggle = (choice: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(choice);
    else next.delete(choice);
    const ordered = [
      ...choices.map((c) => c.value).filter((v) => next.has(v)),
      ...[...next].filter((v) => !choices.some((c) => c.value === v)),
    ];
    onChange(ordered.length === 0 ? null : ordered);
  };
  return (
    <div className="tr-chips" role="group" aria-describedby={describedBy} aria-invalid={invalid || undefined}>
      {choices.map((c, i) => {
        const inputId = i === 0 ? id : `${id}-${i}`;
        return (
          <label key={c.value} className="tr-chip" htmlFor={inputId} style={c.color ? { ['--chip-color' as string]: c.color } : undefined}>
            <input
              id={inputId}
              type="checkbox"
              name={field.key}
              value={c.value}
              checked={selected.has(c.value)}
              onChange={(e) => toggle(c.value, e.target.checked)}
              disabled={disabled}
            />
            <span>{localize(c.label, locale)}</span>
          </label>
        );
      })}
      {allowOther ? (
        <input
          id={`${id}-other`}
          type="text"
          className="tr-input tr-input-other"
          value={otherDraft}
          placeholder={uiText(locale, 'otherPlaceholder')}
          aria-label={uiText(locale, 'otherChoice')}
          onChange={(e) => {
            setOtherDraft(e.target.value);
            onChange(withOtherValues(field, value, e.target.value));
          }}
          disabled={disabled}
        />
      ) : null}
    </div>
  );
}

/** The built-in widget of the `multi_select` field type. */
export const multiSelectWidget = defineFieldWidget({ type: 'multi_select', Editor: MultiSelectEditor, labelling: 'group' });
