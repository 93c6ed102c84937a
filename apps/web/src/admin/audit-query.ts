/** The filters of the audit log search, as the form holds them (empty strings = not set). */
export interface AuditFilters {
  readonly app: string;
  readonly actor: string;
  readonly action: string;
  /** `YYYY-MM-DD`, the first day included. */
  readonly from: string;
  /** `YYYY-MM-DD`, the last day included. */
  readonly to: string;
}

/** No filter. */
export const EMPTY_AUDIT_FILTERS: AuditFilters = { app: '', actor: '', action: '', from: '', to: '' };

/** Turns a local calendar day into the instant it starts, as ISO 8601 (the browser's time zone). */
function dayStart(day: string, offsetDays = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + offsetDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The query string of `GET /api/audit` and `/api/audit/export`: empty filters left out,
 * `to` as the start of the day after (so the whole last day is included), paging by `beforeId`.
 *
 * @example auditQuery({ ...EMPTY_AUDIT_FILTERS, app: 'crm' }, { limit: 50 }) // 'app=crm&limit=50'
 */
export function auditQuery(filters: AuditFilters, page: { readonly beforeId?: number | null; readonly limit?: number } = {}): string {
  const q = new URLSearchParams();
  const text = (name: keyof AuditFilters) => {
    const v = filters[name].trim();
    if (v !== '') q.set(name, v);
  };
  text('app');
  text('actor');
  text('action');
  const from = dayStart(filters.from);
  if (from) q.set('from', from);
  const to = dayStart(filters.to, 1);
  if (to) q.set('to', to);
  if (page.beforeId !== undefined && page.beforeId !== null) q.set('beforeId', String(page.beforeId));
  if (page.limit !== undefined) q.set('limit', String(page.limit));
  return q.toString();
}

/**
 * The address of the CSV export for the same filters (no paging: the server streams all).
 *
 * @example auditExportUrl(EMPTY_AUDIT_FILTERS) // '/api/audit/export'
 */
export function auditExportUrl(filters: AuditFilters): string {
  const q = auditQuery(filters);
  return `/api/audit/export${q ? `?${q}` : ''}`;
}

/** Every audit action the server writes (see `AuditAction` in the store), for the action filter. */
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'restore', 'publish',
  'login', 'login_failed', 'logout', 'password_change', 'user_create', 'user_update', 'api_key_create', 'api_key_revoke',
  'department_create', 'department_update', 'department_delete', 'role_create', 'role_update', 'role_delete', 'role_members',
] as const;

/** An audit action. */
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];
