import { localize } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { formatTypedCell } from '../type-cell-format.js';

type InputKind = { readonly inputMode: 'tel' | 'email' | 'url' | 'text'; readonly autoComplete: string; readonly maxLength: number };

/** A single-line input for a text value with a specific keyboard (phone pad, email, URL). The forms engine cleans and checks it. */
function makeTextLikeEditor(kind: InputKind) {
  return function TextLikeEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
    return (
      <input
        id={id}
        name={field.key}
        type="text"
        inputMode={kind.inputMode}
        autoComplete={kind.autoComplete}
        spellCheck={false}
        className="tr-input"
        value={typeof value === 'string' ? value : value == null ? '' : String(value)}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        placeholder={localize(field.placeholder, locale)}
        maxLength={kind.maxLength}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
      />
    );
  };
}

/** Phone number input (telephone keypad on phones). Lists show the number, masked when the field's `mask` option is on. */
export const PhoneEditor = makeTextLikeEditor({ inputMode: 'tel', autoComplete: 'tel', maxLength: 40 });
/** Email input (email keyboard). */
export const EmailEditor = makeTextLikeEditor({ inputMode: 'email', autoComplete: 'email', maxLength: 254 });
/** URL input (URL keyboard). */
export const UrlEditor = makeTextLikeEditor({ inputMode: 'url', autoComplete: 'url', maxLength: 2000 });
/** Resident ID number input. Lists mask the birth date when the field's `mask` option is on. */
export const IdNumberEditor = makeTextLikeEditor({ inputMode: 'text', autoComplete: 'off', maxLength: 40 });

/** The built-in widget of the `phone` field type. */
export const phoneWidget = defineFieldWidget({ type: 'phone', Editor: PhoneEditor, formatCell: formatTypedCell() });
/** The built-in widget of the `email` field type. */
export const emailWidget = defineFieldWidget({ type: 'email', Editor: EmailEditor, formatCell: formatTypedCell() });
/** The built-in widget of the `url` field type. */
export const urlWidget = defineFieldWidget({ type: 'url', Editor: UrlEditor, formatCell: formatTypedCell() });
/** The built-in widget of the `id_number` field type. */
export const idNumberWidget = defineFieldWidget({ type: 'id_number', Editor: IdNumberEditor, formatCell: formatTypedCell() });
