import type { FieldDef } from '@trellis/schema';
import { divisionByCode, divisionsUnder, findDivision, isPlaceholderCity, type DivisionLevel } from '../china-divisions/china-divisions.js';
import { cleanText } from '../cleaners.js';
import { defineFieldType } from '../field-type.js';
import type { FieldIssue } from '../field-issue.js';

/** An address value: GB/T 2260 codes of the divisions (six digits each) and the detail line. */
export interface AddressValue {
  readonly province: string;
  readonly city: string | null;
  readonly district: string | null;
  readonly detail: string | null;
}

/** Longest detail line. */
export const ADDRESS_DETAIL_MAX_LENGTH = 200;

const LEVELS: readonly DivisionLevel[] = ['province', 'city', 'district'];

/** The deepest level a field asks for (`options.level`, default `district`). */
export function addressLevel(field: FieldDef): DivisionLevel {
  const l = field.options?.['level'];
  return l === 'province' || l === 'city' ? l : 'district';
}

/** Whether the field has a detail line (`options.detail`, default true). */
export function addressHasDetail(field: FieldDef): boolean {
  return field.options?.['detail'] !== false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A code or name resolved under `parent`; what cannot be resolved stays as it was sent. */
function resolve(raw: unknown, parent: string | undefined): unknown {
  const t = cleanText(raw);
  if (typeof t !== 'string') return t ?? null;
  return findDivision(t, parent)?.code ?? t;
}

/** `广东省 深圳市 南山区 科技园路 1 号` → codes and detail; `北京市 东城区` skips the municipality's city level. */
function parseAddressText(text: string): Record<string, unknown> | string {
  const tokens = text.normalize('NFKC').trim().split(/\s+/);
  const province = findDivision(tokens[0] ?? '');
  if (province === undefined) return text;
  let i = 1;
  let city = tokens[i] === undefined ? undefined : findDivision(tokens[i]!, province.code);
  if (city !== undefined) i += 1;
  let district = city === undefined || tokens[i] === undefined ? undefined : findDivision(tokens[i]!, city.code);
  if (city === undefined && tokens[i] !== undefined) {
    // "北京市 东城区", "河南省 济源市": a district whose city level is a placeholder.
    for (const c of divisionsUnder(province.code)) {
      if (!isPlaceholderCity(c)) continue;
      district = findDivision(tokens[i]!, c.code);
      if (district !== undefined) {
        city = c;
        break;
      }
    }
  }
  if (district !== undefined) i += 1;
  const detail = tokens.slice(i).join(' ');
  return { province: province.code, city: city?.code ?? null, district: district?.code ?? null, detail: detail === '' ? null : detail };
}

/**
 * Normalises an address: an object `{ province, city, district, detail }` whose parts are
 * codes (`440000`, `4403`, `440305`) or names (`广东省`, `深圳`, `南山区`), or one line of
 * text (`广东省 深圳市 南山区 科技园路 1 号`). Returns codes; what cannot be resolved
 * stays as sent so that validation names it. Empty → `null`.
 *
 * @example
 * cleanAddress({ province: '广东省', city: '深圳市', district: '南山区', detail: ' 科技园路 1 号 ' })
 * // { province: '440000', city: '440300', district: '440305', detail: '科技园路 1 号' }
 */
export function cleanAddress(value: unknown): unknown {
  let v: unknown = value;
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    v = parseAddressText(v);
    if (typeof v === 'string') return value;
  }
  if (!isObject(v)) return value;
  const known = new Set(['province', 'city', 'district', 'detail']);
  if (Object.keys(v).some((k) => !known.has(k))) return value;
  const province = resolve(v['province'], undefined);
  const provinceCode = typeof province === 'string' && divisionByCode(province)?.level === 'province' ? province : undefined;
  const city = provinceCode === undefined ? cleanText(v['city']) ?? null : resolve(v['city'], provinceCode);
  const cityCode = typeof city === 'string' && divisionByCode(city)?.parent === provinceCode && provinceCode !== undefined ? city : undefined;
  const district = cityCode === undefined ? cleanText(v['district']) ?? null : resolve(v['district'], cityCode);
  const detail = cleanText(v['detail']) ?? null;
  if (province === null && city === null && district === null && detail === null) return null;
  return { province, city, district, detail };
}

const msg = (zh: string, en: string): FieldIssue => ({ code: 'FIELD_PATTERN', params: { message: { 'zh-CN': zh, en } } });

/**
 * Checks the divisions of a cleaned address: each code exists, the city lies in the
 * province and the district in the city, the address goes down to the field's level
 * (no further), and there is a detail line only when the field has one.
 */
export function addressProblem(value: AddressValue, field: FieldDef): FieldIssue | undefined {
  const level = LEVELS.indexOf(addressLevel(field));
  const province = value.province === null ? undefined : divisionByCode(value.province);
  if (province === undefined || province.level !== 'province') {
    return value.province === null
      ? msg('请选择省份', 'choose a province')
      : msg(`没有代码或名称为「${value.province}」的省份`, `there is no province with code or name '${value.province}'`);
  }
  const parts: [unknown, string, string][] = [
    [value.city, '城市', 'city'],
    [value.district, '区县', 'district'],
  ];
  let parent = province;
  for (let i = 0; i < parts.length; i += 1) {
    const [part, zh, en] = parts[i]!;
    const depth = i + 1;
    if (depth > level) {
      if (part !== null) return msg(`只需选到${level === 0 ? '省份' : '城市'}，请不要填写${zh}`, `goes down to the ${LEVELS[level]} only; leave the ${en} empty`);
      continue;
    }
    if (part === null) {
      if (divisionsUnder(parent.code).length === 0) continue; // 东莞市 has no districts
      return msg(`请选择${zh}`, `choose a ${en}`);
    }
    const d = divisionByCode(String(part));
    if (d === undefined || d.parent !== parent.code) {
      return msg(`${zh}「${String(part)}」不在「${parent.name}」内`, `${en} '${String(part)}' is not in ${parent.name}`);
    }
    parent = d;
  }
  if (value.detail !== null && !addressHasDetail(field)) return msg('该地址不含详细地址，请删除它', 'this address has no detail line; remove it');
  return undefined;
}

/** The address as one line of names: `广东省 深圳市 南山区 科技园路 1 号` (placeholder city levels left out). */
export function formatAddress(value: unknown): string {
  if (!isObject(value)) return '';
  const names: string[] = [];
  for (const key of LEVELS) {
    const code = value[key];
    if (typeof code !== 'string') continue;
    const d = divisionByCode(code);
    if (d === undefined) names.push(code);
    else if (!isPlaceholderCity(d)) names.push(d.name);
  }
  if (typeof value['detail'] === 'string' && value['detail'] !== '') names.push(value['detail']);
  return names.join(' ');
}

const part = { anyOf: [{ type: 'string', maxLength: 12 }, { type: 'null' }] };

/**
 * Chinese address (地址): province / city / district over the GB/T 2260 divisions, plus
 * a detail line. Options: `level` (`province`, `city` or `district`, default `district`),
 * `detail` (default true). Value: `{ province, city, district, detail }` holding six-digit
 * division codes (names are derived, not stored; see docs/decisions/0011), stored as jsonb.
 * Conditions read the parts: `{"==": [{"var": "address.province"}, "440000"]}`.
 */
export const addressType = defineFieldType({
  type: 'address',
  label: { 'zh-CN': '地址', en: 'Address' },
  group: 'advanced',
  valueType: 'json',
  optionsSchema: {
    type: 'object',
    properties: { level: { enum: ['province', 'city', 'district'] }, detail: { type: 'boolean' } },
    additionalProperties: false,
  },
  valueSchema: () => ({
    type: 'object',
    properties: { province: part, city: part, district: part, detail: { anyOf: [{ type: 'string', maxLength: ADDRESS_DETAIL_MAX_LENGTH }, { type: 'null' }] } },
    required: ['province', 'city', 'district', 'detail'],
    additionalProperties: false,
  }),
  clean: (value) => cleanAddress(value),
  check: (value, field) => addressProblem(value as AddressValue, field),
  format: (value) => formatAddress(value),
  filterOperators: ['isEmpty'],
});
