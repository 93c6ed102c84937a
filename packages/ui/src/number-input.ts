/**
 * Parses what a person typed into a number field: `null` when empty, a number when the
 * text is one (spaces and thousands separators allowed), otherwise the text itself so that
 * validation can report it.
 *
 * @example parseNumberInput('1,200.5') // 1200.5
 * @example parseNumberInput('abc')     // 'abc'
 */
export function parseNumberInput(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const normalized = trimmed.replace(/[,\s_]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalized)) return text;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : text;
}
