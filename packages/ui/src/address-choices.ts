import { divisionsUnder, provinces, type Division } from '@trellis/forms';

/** What the address editor edits: division codes (or null) and the detail line. */
export interface AddressDraft {
  readonly province: string | null;
  readonly city: string | null;
  readonly district: string | null;
  readonly detail: string | null;
}

const EMPTY: AddressDraft = { province: null, city: null, district: null, detail: null };

/** The draft of a stored value (anything that is not an address object is empty). */
export function addressDraft(value: unknown): AddressDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return EMPTY;
  const v = value as Record<string, unknown>;
  const s = (x: unknown) => (typeof x === 'string' && x !== '' ? x : null);
  return { province: s(v['province']), city: s(v['city']), district: s(v['district']), detail: s(v['detail']) };
}

/**
 * The next value after choosing `code` at `level` (or typing the detail): choosing a
 * province clears city and district, choosing a city clears the district — the cascade.
 * An address left with nothing is `null`.
 *
 * @example chooseAddressPart(draft, 'province', '440000') // { province: '440000', city: null, district: null, detail }
 */
export function chooseAddressPart(draft: AddressDraft, level: 'province' | 'city' | 'district' | 'detail', code: string | null): AddressDraft | null {
  const next: AddressDraft =
    level === 'province'
      ? { ...draft, province: code, city: null, district: null }
      : level === 'city'
        ? { ...draft, city: code, district: null }
        : level === 'district'
          ? { ...draft, district: code }
          : { ...draft, detail: code };
  return next.province === null && next.city === null && next.district === null && next.detail === null ? null : next;
}

/** The options of the three selects for a draft: provinces, the province's cities, the city's districts. */
export function addressOptions(draft: AddressDraft): { readonly province: readonly Division[]; readonly city: readonly Division[]; readonly district: readonly Division[] } {
  return {
    province: provinces(),
    city: draft.province === null ? [] : divisionsUnder(draft.province),
    district: draft.city === null ? [] : divisionsUnder(draft.city),
  };
}
