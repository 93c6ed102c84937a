/** Splits what a person typed into a tags input: commas (also full-width), semicolons, `、`, new lines. Empty parts are dropped, duplicates kept once. */
export function parseTagsInput(text: string): string[] | null {
  const out: string[] = [];
  for (const part of text.split(/[,，;；、\n]/)) {
    const t = part.trim();
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out.length === 0 ? null : out;
}

/** Shows a tags value in a tags input (`['a', 'b']` → `a, b`). */
export function tagsToInput(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : typeof value === 'string' ? value : '';
}
