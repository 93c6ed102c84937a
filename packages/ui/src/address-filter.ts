import { provinces } from '@trellis/forms';

/**
 * Address fields are filtered by province: a row "地址 · 等于 · 广东省" compares the value's
 * `province` code (`{"==": [{"var": "address.province"}, "440000"]}`); "is empty" looks at the
 * whole address.
 */
const PROVINCE = '.province';

/** The variable a filter row on an address field compares: `<key>.province`, or the field for emptiness. */
export function addressFilterVar(field: string, op: string): string {
  return op === 'eq' || op === 'ne' ? `${field}${PROVINCE}` : field;
}

/** The field key of a variable written by {@link addressFilterVar} (`address.province` → `address`), else undefined. */
export function addressFieldOfVar(name: string): string | undefined {
  return name.endsWith(PROVINCE) ? name.slice(0, -PROVINCE.length) : undefined;
}

/** The provinces as filter choices (code → name). */
export function provinceFilterChoices(): { value: string; label: string }[] {
  return provinces().map((p) => ({ value: p.code, label: p.name }));
}
