import { useEffect, useState } from 'react';
import { localize } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { parseTagsInput, tagsToInput } from '../tags-input.js';
import { formatTagsCell } from '../type-cell-format.js';

/**
 * Free tags typed as a comma-separated list (`vip, 华东`), with the field's `suggestions` offered
 * in a datalist. The draft keeps what is typed; the value is the list of tags.
 */
export function TagsEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const [draft, setDraft] = useState(() => tagsToInput(value));
  useEffect(() => {
    if (JSON.stringify(parseTagsInput(draft)) !== JSON.stringify(value ?? null)) setDraft(tagsToInput(value));
  }, [value]);
  const suggestions = Array.isArray(field.options?.['suggestions']) ? (field.options['suggestions'] as string[]) : [];
  const listId = suggestions.length > 0 ? `${id}-suggestions` : undefined;
  return (
    <>
      <input
        id={id}
        name={field.key}
        type="text"
        className="tr-input tr-input-tags"
        value={draft}
        list={listId}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(parseTagsInput(e.target.value));
        }}
        placeholder={localize(field.placeholder, locale)}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        disabled={disabled}
      />
      {listId === undefined ? null : (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </>
  );
}

/** The built-in widget of the `tags` field type. */
export const tagsWidget = defineFieldWidget({ type: 'tags', Editor: TagsEditor, formatCell: formatTagsCell });
