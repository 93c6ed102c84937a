/**
 * Conversions between the API's datetime values (ISO 8601 in UTC) and the value of an
 * `<input type="datetime-local">` (wall-clock time in the browser's time zone, no zone).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * ISO 8601 instant → `YYYY-MM-DDTHH:mm` in local time; `''` for empty or unparseable input.
 *
 * @example isoToLocalInput('2026-11-22T06:40:00.000Z') // '2026-11-22T14:40' in Asia/Shanghai
 */
export function isoToLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * `YYYY-MM-DDTHH:mm` in local time → ISO 8601 instant in UTC; `null` for an empty input.
 * An unparseable string is returned unchanged so that validation reports it.
 *
 * @example localInputToIso('2026-11-22T14:40') // '2026-11-22T06:40:00.000Z' in Asia/Shanghai
 */
export function localInputToIso(local: string): string | null {
  if (local === '') return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}
