import type { AuditEntry } from '@trellis/store';

/** The columns of the audit export, in order. */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor', 'actorName', 'action', 'app', 'form', 'recordId', 'ip', 'before', 'after'] as const;

/**
 * One CSV cell (RFC 4180 quoting). A text starting with `=`, `+`, `-`, `@`, tab or CR gets a
 * leading `'`, so a spreadsheet never runs what someone typed into a record as a formula.
 *
 * @example csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The rows of the audit export (header first), each line ended by CRLF. `names` maps actor
 * ids to usernames for the `actorName` column.
 *
 * @example const csv = '\uFEFF' + auditCsvLines(entries, names).join('');
 */
export function auditCsvLines(entries: readonly AuditEntry[], names: ReadonlyMap<string, string>, header = true): string[] {
  const lines = header ? [`${AUDIT_CSV_COLUMNS.join(',')}\r\n`] : [];
  for (const e of entries) {
    const row = [e.id, e.at, e.actor, e.actor !== null ? (names.get(e.actor) ?? '') : '', e.action, e.app, e.form, e.recordId, e.ip, e.before, e.after];
    lines.push(`${row.map(csvCell).join(',')}\r\n`);
  }
  return lines;
}
