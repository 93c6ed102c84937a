import type { FileRef } from '@trellis/forms';
import type { FieldDef } from '@trellis/schema';
import type { CellDisplay } from '../cell-display.js';
import { useFileAccess } from './file-access.js';
import { fileText } from './file-messages.js';

const refsOf = (value: unknown): FileRef[] =>
  (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).filter(
    (r): r is FileRef => typeof r === 'object' && r !== null && typeof (r as FileRef).id === 'string' && typeof (r as FileRef).name === 'string',
  );

/**
 * List cells of file fields: attachments as their file names, images as a small thumbnail
 * (with the count of the others), a signature as "已签名" / "Signed".
 *
 * @example formatFileCell([{ id, name: 'a.pdf', size: 1, type: 'application/pdf' }], attachmentField, 'en') // { kind: 'files', files: [...], images: false }
 */
export function formatFileCell(value: unknown, field: FieldDef, locale: string): CellDisplay {
  const refs = refsOf(value);
  if (refs.length === 0) return { kind: 'empty' };
  if (field.type === 'signature') return { kind: 'text', text: fileText(locale, 'signed') };
  return { kind: 'files', files: refs, images: field.type === 'image' };
}

/** Draws a `files` cell: names (linked for download when the app gives file access) or the first image's thumbnail. */
export function FileCell({ files, images }: { readonly files: readonly FileRef[]; readonly images: boolean }) {
  const access = useFileAccess();
  if (images && access !== undefined) {
    const first = files[0]!;
    return (
      <span className="tr-cell-files tr-cell-images" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <img className="tr-cell-thumb" src={access.url(first)} alt={first.name} title={files.map((f) => f.name).join(', ')} width={32} height={32} style={{ objectFit: 'cover', borderRadius: 3 }} loading="lazy" />
        {files.length > 1 ? <span className="tr-cell-more">+{files.length - 1}</span> : null}
      </span>
    );
  }
  return (
    <span className="tr-cell-files">
      {files.map((f, i) => (
        <span key={f.id}>
          {i > 0 ? ', ' : ''}
          {access === undefined ? (
            f.name
          ) : (
            <a href={access.url(f, { download: true })} download={f.name} onClick={(e) => e.stopPropagation()}>
              {f.name}
            </a>
          )}
        </span>
      ))}
    </span>
  );
}
