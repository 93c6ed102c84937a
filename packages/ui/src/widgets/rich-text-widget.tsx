import { useEffect, useRef } from 'react';
import { sanitizeHtml } from '@trellis/forms';
import { defineFieldWidget, type FieldWidgetProps } from '../field-widget.js';
import { formatTypedCell } from '../type-cell-format.js';
import { uiText } from '../ui-messages.js';

const COMMANDS = [
  { command: 'bold', label: 'B', title: 'richBold' },
  { command: 'italic', label: 'I', title: 'richItalic' },
  { command: 'underline', label: 'U', title: 'richUnderline' },
  { command: 'insertUnorderedList', label: '•', title: 'richList' },
] as const;

/**
 * A small rich-text editor (bold, italic, underline, bullet list) over `contentEditable`.
 * It only ever inserts sanitised HTML (`sanitizeHtml` from the forms engine, the same
 * allow-list the server applies) and reports sanitised HTML, so no script reaches the page.
 */
export function RichTextEditor({ field, value, onChange, id, describedBy, invalid, required, disabled, locale }: FieldWidgetProps) {
  const ref = useRef<HTMLDivElement>(null);
  const lastReported = useRef<string | null>(null);
  useEffect(() => {
    const el = ref.current;
    const html = typeof value === 'string' ? value : '';
    // Do not reset the caret on the echo of our own edit.
    if (el !== null && html !== lastReported.current) el.innerHTML = sanitizeHtml(html);
  }, [value]);
  const report = () => {
    const html = sanitizeHtml(ref.current?.innerHTML ?? '');
    lastReported.current = html;
    onChange(html === '' ? null : html);
  };
  return (
    <div className="tr-rich-text">
      {disabled ? null : (
        <div className="tr-rich-toolbar" role="toolbar" aria-controls={id}>
          {COMMANDS.map((c) => (
            <button
              key={c.command}
              type="button"
              className="tr-rich-button"
              title={uiText(locale, c.title)}
              aria-label={uiText(locale, c.title)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                document.execCommand(c.command);
                report();
              }}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
      <div
        id={id}
        ref={ref}
        className="tr-input tr-rich-area"
        style={{ minHeight: '6em', height: 'auto', overflowY: 'auto' }}
        role="textbox"
        aria-multiline="true"
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy}
        aria-disabled={disabled || undefined}
        contentEditable={!disabled}
        suppressContentEditableWarning
        tabIndex={0}
        onInput={report}
        onBlur={report}
        data-field={field.key}
      />
    </div>
  );
}

/** Shows stored rich text read-only: only the sanitised HTML is ever inserted. */
export function RichTextView({ html }: { readonly html: string }) {
  return <div className="tr-rich-view" dangerouslySetInnerHTML={{ __html: sanitizeHtml(html) }} />;
}

/** The built-in widget of the `rich_text` field type; list cells show its plain text. */
export const richTextWidget = defineFieldWidget({ type: 'rich_text', Editor: RichTextEditor, fullWidth: true, formatCell: formatTypedCell() });
