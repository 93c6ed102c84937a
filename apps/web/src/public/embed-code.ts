/**
 * The full address of a public form page.
 *
 * @example publicFormUrl('https://trellis.example.com', 'abc') // 'https://trellis.example.com/f/abc'
 */
export function publicFormUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/f/${encodeURIComponent(token)}`;
}

/**
 * The `<iframe>` snippet that embeds a public form in another site. `?embed=1` makes the
 * page drop its own header and background so it sits inside the host page.
 *
 * @example embedSnippet('https://t.example', 'abc', 'Sign-up')
 * // '<iframe src="https://t.example/f/abc?embed=1" title="Sign-up" width="100%" height="720" style="border:0;max-width:720px" loading="lazy"></iframe>'
 */
export function embedSnippet(origin: string, token: string, title: string): string {
  const src = `${publicFormUrl(origin, token)}?embed=1`;
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="720" style="border:0;max-width:720px" loading="lazy"></iframe>`;
}

/** True when the page was opened with `?embed=1` (inside an iframe snippet). */
export function isEmbedded(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
