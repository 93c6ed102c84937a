import type { FieldDef } from '@trellis/schema';
import { fieldWidgets } from './built-in-widgets.js';
import { formatCell } from './cell-display.js';
import type { FieldWidgetRegistry } from './field-widget.js';
import type { RelatedById } from './relation-cell.js';
import { FileCell } from './files/file-cell.js';

/** Props of `CellValue`. */
export interface CellValueProps {
  readonly field: FieldDef;
  readonly value: unknown;
  readonly locale: string;
  /** Registry to take the field type's `formatCell` from; the default registry when absent. */
  readonly widgets?: FieldWidgetRegistry;
  /** Display values of the records a relation field points at (a list page's `related[field.key]`). */
  readonly related?: RelatedById;
}

/**
 * Shows a stored value in a list cell: coloured tags for selects, a yes/no badge for
 * booleans, locale-formatted dates and numbers, a dash for empty values.
 *
 * @example <CellValue field={industryField} value="it" locale="en" />
 */
export function CellValue({ field, value, locale, widgets = fieldWidgets, related }: CellValueProps) {
  const format = widgets.get(field.type)?.formatCell;
  const display = format ? format(value, field, locale, related !== undefined ? { related } : undefined) : formatCell(field, value, locale);
  switch (display.kind) {
    case 'empty':
      return <span className="tr-cell-empty">—</span>;
    case 'boolean':
      return <span className={display.value ? 'tr-bool tr-bool-yes' : 'tr-bool tr-bool-no'}>{display.text}</span>;
    case 'tags':
      return (
        <span className="tr-tags">
          {display.tags.map((tag) => (
            <span key={tag.value} className="tr-tag" style={tag.color ? { ['--tag-color' as string]: tag.color } : undefined}>
              {tag.label}
            </span>
          ))}
        </span>
      );
    case 'files':
      return <FileCell files={display.files} images={display.images} />;
    case 'text':
      return <span className={display.align === 'end' ? 'tr-cell-text tr-cell-number' : 'tr-cell-text'}>{display.text}</span>;
  }
}
