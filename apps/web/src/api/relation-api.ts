import type { RelationOption, RelationSearchResult } from '@trellis/ui';
import { api } from './api.js';

const seg = encodeURIComponent;

/**
 * The relation picker's server calls: `GET …/forms/:form/fields/:field/options` with a
 * search text, or with the ids of records already chosen.
 *
 * @example await relationOptions('crm', 'contact', 'customer', '华为')
 */
export function relationOptions(app: string, form: string, field: string, search: string): Promise<RelationSearchResult> {
  const q = search === '' ? '' : `?search=${seg(search)}`;
  return api.request('GET', `/api/apps/${seg(app)}/forms/${seg(form)}/fields/${seg(field)}/options${q}`);
}

/** The display values of chosen records (at most 20 ids per call). */
export async function relationOptionsByIds(app: string, form: string, field: string, ids: readonly string[]): Promise<readonly RelationOption[]> {
  const out: RelationOption[] = [];
  for (let i = 0; i < ids.length; i += 20) {
    const page = await api.request<RelationSearchResult>('GET', `/api/apps/${seg(app)}/forms/${seg(form)}/fields/${seg(field)}/options?ids=${ids.slice(i, i + 20).map(seg).join(',')}`);
    out.push(...page.items);
  }
  return out;
}

/**
 * `POST …/forms/:form/linkage`: the data-linkage defaults for the current values, limited to
 * linkages matching on the `changed` keys.
 */
export async function fetchLinkedValues(app: string, form: string, data: Readonly<Record<string, unknown>>, changed: readonly string[]): Promise<Record<string, unknown>> {
  const body = await api.request<{ values: Record<string, unknown> }>('POST', `/api/apps/${seg(app)}/forms/${seg(form)}/linkage`, { data, changed });
  return body.values;
}
