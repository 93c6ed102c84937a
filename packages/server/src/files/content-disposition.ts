/**
 * A `Content-Disposition` header value for a download: `inline` or `attachment`, with an ASCII
 * `filename` fallback (non-ASCII, quotes and backslashes replaced by `_`) and the exact name as
 * RFC 5987 `filename*=UTF-8''…` for clients that read it (all current browsers).
 *
 * @example contentDisposition('attachment', '报价 v2.pdf') // `attachment; filename="__ v2.pdf"; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%20v2.pdf`
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  // eslint-disable-next-line no-control-regex
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Types a browser would run as a page or script from our origin if it ever rendered them. */
const ACTIVE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'text/xml',
  'application/xml',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'text/ecmascript',
  'application/x-javascript',
]);

/**
 * The `Content-Type` a download is sent with: the stored type, except that types a browser
 * could execute (HTML, SVG, XML, JavaScript) go out as `application/octet-stream`, so not even
 * a `<script src>` on a compromised page could run an uploaded file.
 *
 * @example servedContentType('text/html') // 'application/octet-stream'
 */
export function servedContentType(type: string): string {
  return ACTIVE_TYPES.has(type) ? 'application/octet-stream' : type;
}
