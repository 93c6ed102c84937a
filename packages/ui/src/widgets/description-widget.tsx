import { localize } from '@trellis/schema';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';

/**
 * Description text (a layout element): the field's `options.text` in the current locale as
 * plain text — React escapes it, so markup in it shows as typed — with its line breaks, in
 * the `tone` of the options (`plain`, `info`, `warning`). A `warning` is announced as a note.
 */
export function DescriptionText({ field, id, locale }: FieldWidgetProps) {
  const text = localize(field.options?.['text'] as Parameters<typeof localize>[0], locale);
  const tone = field.options?.['tone'];
  const toneName = tone === 'info' || tone === 'warning' ? tone : 'plain';
  return (
    <div id={id} className={`tr-description tr-description-${toneName}`} role={toneName === 'plain' ? undefined : 'note'}>
      {text.split(/\r?\n/).map((line, i) => (
        <p key={i} className="tr-description-line">
          {line === '' ? '\u00a0' : line}
        </p>
      ))}
    </div>
  );
}

/** The built-in widget of the `description` layout type: no label, the whole row. */
export const descriptionWidget = defineFieldWidget({ type: 'description', Editor: DescriptionText, labelling: 'none', fullWidth: true });
