import type { CSSProperties } from 'react';
import { localize, type FieldDef, type FormDef, type PrintBlock, type PrintTemplate } from '@trellis/schema';
import { isSafeUrl } from '@trellis/forms';
import { CellValue, RichTextView } from '@trellis/ui';
import type { AppLocale } from '../i18n/messages.js';
import { printText } from './print-messages.js';
import { subtableColumns } from './print-model.js';

/** Props of `PrintDocument`. */
export interface PrintDocumentProps {
  readonly form: FormDef;
  readonly template: PrintTemplate;
  /** The record's data (as the API returns it). */
  readonly data: Readonly<Record<string, unknown>>;
  readonly locale: AppLocale;
  /** A heading line above the blocks (the record's title). */
  readonly title: string;
}

/**
 * One record laid out by a print template: header, the blocks top to bottom (labelled values
 * formatted as in list cells, rich text sanitised, sub-tables as tables, signatures, the
 * approval history), footer. One `.print-sheet` per record; print CSS breaks pages between them.
 */
export function PrintDocument({ form, template, data, locale, title }: PrintDocumentProps) {
  const byKey = new Map(form.fields.map((f) => [f.key, f]));
  return (
    <article className="print-sheet" aria-label={title}>
      {template.header !== undefined ? <header className="print-header">{localize(template.header, locale)}</header> : null}
      <h1 className="print-title">{title}</h1>
      {template.blocks.map((block, i) => (
        <PrintBlockView key={i} block={block} byKey={byKey} data={data} locale={locale} />
      ))}
      {template.footer !== undefined ? <footer className="print-footer">{localize(template.footer, locale)}</footer> : null}
    </article>
  );
}

function PrintBlockView({ block, byKey, data, locale }: { block: PrintBlock; byKey: ReadonlyMap<string, FieldDef>; data: Readonly<Record<string, unknown>>; locale: AppLocale }) {
  switch (block.kind) {
    case 'fields': {
      const fields = block.fields.map((k) => byKey.get(k)).filter((f): f is FieldDef => f !== undefined);
      return (
        <dl className="print-fields" style={{ ['--print-columns' as string]: String(block.columns ?? 2) } as CSSProperties}>
          {fields.map((field) => (
            <div key={field.key} className={`print-field${field.type === 'rich_text' || field.type === 'long_text' || field.type === 'description' ? ' print-field-wide' : ''}`} data-field={field.key}>
              {field.type === 'description' ? (
                <dd className="print-text">{localize(field.options?.['text'] as string | undefined, locale)}</dd>
              ) : (
                <>
                  <dt>{localize(field.label, locale)}</dt>
                  <dd>
                    <PrintValue field={field} value={data[field.key]} locale={locale} />
                  </dd>
                </>
              )}
            </div>
          ))}
        </dl>
      );
    }
    case 'text':
      return <p className="print-text">{localize(block.text, locale)}</p>;
    case 'subtable': {
      const field = byKey.get(block.field);
      if (!field) return null;
      const rows = Array.isArray(data[field.key]) ? (data[field.key] as Record<string, unknown>[]) : [];
      const columns = subtableColumns(field, rows);
      return (
        <section className="print-subtable" data-field={field.key}>
          <h2>{localize(field.label, locale)}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                {columns.map((c) => (
                  <th key={c.key} scope="col">
                    {localize(c.label, locale)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={columns.length + 1} className="print-empty">
                    {printText(locale, 'noRows')}
                  </td>
                </tr>
              ) : (
                rows.map((row, i) => (
                  <tr key={typeof row['id'] === 'string' ? row['id'] : i}>
                    <td>{i + 1}</td>
                    {columns.map((c) => (
                      <td key={c.key}>
                        <PrintValue field={c} value={row[c.key]} locale={locale} />
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </section>
      );
    }
    case 'signature': {
      const field = block.field === undefined ? undefined : byKey.get(block.field);
      const label = block.label !== undefined ? localize(block.label, locale) : field ? localize(field.label, locale) : printText(locale, 'signature');
      const src = field ? signatureSource(data[field.key]) : undefined;
      return (
        <div className="print-signature" data-field={field?.key}>
          <span className="print-signature-label">{label}</span>
          <span className="print-signature-line">{src ? <img src={src} alt={label} /> : null}</span>
          <span className="print-signature-label">{printText(locale, 'signedAt')}</span>
          <span className="print-signature-line print-signature-date" />
        </div>
      );
    }
    case 'approvals':
      return (
        <section className="print-approvals">
          <h2>{printText(locale, 'approvals')}</h2>
          <p className="print-empty">{printText(locale, 'noApprovals')}</p>
        </section>
      );
  }
}

/** A stored value as printed: rich text as sanitised HTML, anything else as its list cell. */
function PrintValue({ field, value, locale }: { field: FieldDef; value: unknown; locale: string }) {
  if (field.type === 'rich_text' && typeof value === 'string' && value !== '') return <RichTextView html={value} />;
  if (field.type === 'long_text' && typeof value === 'string') return <span className="print-text">{value}</span>;
  return <CellValue field={field} value={value} locale={locale} />;
}

/** The image of a signature value: a data URL of an image, or a safe `url` / `dataUrl` of a stored file. */
function signatureSource(value: unknown): string | undefined {
  const candidate = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? ((value as Record<string, unknown>)['dataUrl'] ?? (value as Record<string, unknown>)['url']) : undefined;
  if (typeof candidate !== 'string') return undefined;
  if (/^data:image\/(png|jpeg|svg\+xml|webp);base64,/i.test(candidate)) return candidate;
  return isSafeUrl(candidate) && !/^data:/i.test(candidate) ? candidate : undefined;
}
