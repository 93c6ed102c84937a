import { defineFieldWidget } from '../field-widget.js';
import { formatFileCell } from './file-cell.js';
import { FileListEditor } from './file-list-editor.js';
import { SignatureEditor } from './signature-editor.js';

/** The built-in widget of `attachment` fields: upload list with progress bars. */
export const attachmentWidget = defineFieldWidget({ type: 'attachment', Editor: FileListEditor, fullWidth: true, formatCell: formatFileCell });
/** The built-in widget of `image` fields: upload list with thumbnails. */
export const imageWidget = defineFieldWidget({ type: 'image', Editor: FileListEditor, fullWidth: true, formatCell: formatFileCell });
/** The built-in widget of `signature` fields: the signature pad. */
export const signatureWidget = defineFieldWidget({ type: 'signature', Editor: SignatureEditor, formatCell: formatFileCell });
