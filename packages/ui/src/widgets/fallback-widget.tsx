import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { uiText } from '../ui-messages.js';

/**
 * Shown for a field type that has no registered widget (a plugin missing in this build):
 * the value stays visible, read-only, instead of disappearing.
 */
export function FallbackEditor({ field, value, id, describedBy, locale }: FieldWidgetProps) {
  return (
    <output id={id} className="tr-fallback" aria-describedby={describedBy}>
      <span className="tr-fallback-type">
        {uiText(locale, 'unknownFieldType')}: {field.type}
      </span>
      {value == null ? null : <code>{JSON.stringify(value)}</code>}
    </output>
  );
}

/** The widget used when no widget is registered for a field's type. */
export const fallbackWidget = defineFieldWidget({ type: '*', Editor: FallbackEditor });
