import { localize } from '@trellis/schema';
import { fieldChoices } from '../choices.js';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';

/**
 * One checkbox per choice, shown as toggle chips. The value keeps the order of the
 * choices, and an empty selection is `null`.
 */
export function MultiSelectEditor({ field, value, onChange, id, describedBy, invalid, disabled, locale }: FieldWidgetProps) {
  const choices = fieldChoices(field);
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
    </div>
  );
}

/** The built-in widget of the `multi_select` field type. */
export const multiSelectWidget = defineFieldWidget({ type: 'multi_select', Editor: MultiSelectEditor, labelling: 'group' });
