import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { formatTypedCell } from '../type-cell-format.js';
import { uiText } from '../ui-messages.js';

/** Hides the radio inputs but keeps them focusable and announced (works without the app's stylesheet). */
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** Stars as radio buttons (keyboard: arrows), 1..max; "clear" sets no rating. */
export function RatingEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const max = typeof field.options?.['max'] === 'number' ? field.options['max'] : 5;
  const current = typeof value === 'number' ? value : 0;
  const stars = Array.from({ length: max }, (_, i) => i + 1);
  return (
    <span className="tr-rating" role="radiogroup" aria-describedby={describedBy} aria-invalid={invalid || undefined} aria-required={required || undefined}>
      {stars.map((n) => (
        <label key={n} className={n <= current ? 'tr-star tr-star-on' : 'tr-star'} style={{ position: 'relative', cursor: disabled ? 'default' : 'pointer', fontSize: '1.25em', color: n <= current ? '#faad14' : '#bfbfbf' }}>
          <input
            id={n === 1 ? id : `${id}-${n}`}
            type="radio"
            name={field.key}
            value={n}
            checked={current === n}
            disabled={disabled}
            onChange={() => onChange(n)}
            style={VISUALLY_HIDDEN}
          />
          <span aria-hidden="true">{n <= current ? '★' : '☆'}</span>
          <span style={VISUALLY_HIDDEN}>{n}</span>
        </label>
      ))}
      {current > 0 && !disabled ? (
        <button type="button" className="tr-link-button" onClick={() => onChange(null)}>
          {uiText(locale, 'clearValue')}
        </button>
      ) : null}
    </span>
  );
}

/** The built-in widget of the `rating` field type. */
export const ratingWidget = defineFieldWidget({ type: 'rating', Editor: RatingEditor, labelling: 'group', formatCell: formatTypedCell() });
