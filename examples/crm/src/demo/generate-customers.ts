import { Random } from './random.js';
import { BRANDS, COMPANY_SUFFIXES, INDUSTRIES, MOBILE_PREFIXES, PROVINCES, type Province } from './vocabulary.js';

/** The data of one record (one property per field key), as `POST …/records` takes it. */
export type DemoRecord = Record<string, unknown>;

/** A generated customer set: the records and which of them are planted near-duplicates of which. */
export interface CustomerSet {
  readonly records: DemoRecord[];
  /** `index` is a near-duplicate of the earlier record `of` (same phone or e-mail, a variant of its name). */
  readonly duplicates: { readonly index: number; readonly of: number }[];
}

/** The day the demo data is "as of": all dates lie before it, so the data set never depends on the clock. */
export const DEMO_TODAY = '2025-06-30';

const SIZES: readonly (readonly [string, number, number, number])[] = [
  // value, weight, revenue range in 10k CNY
  ['micro', 30, 50, 2000],
  ['small', 30, 2000, 20000],
  ['medium', 22, 20000, 200000],
  ['large', 12, 200000, 2000000],
  ['enterprise', 6, 2000000, 20000000],
];
const SOURCES: readonly (readonly [string, number])[] = [
  ['website', 25], ['event', 15], ['sales_visit', 20], ['referral', 10], ['social', 8], ['ecommerce', 7], ['service', 5], ['third_party', 5], ['import', 5],
];
const TIERS: readonly (readonly [string, number])[] = [['strategic', 5], ['key', 20], ['normal', 75]];
const LIFECYCLE: readonly (readonly [string, number])[] = [['registered', 15], ['new', 15], ['active', 45], ['sleeping', 15], ['churned', 10]];
const TAGS = ['high_value', 'price_sensitive', 'new_product_fan', 'high_interaction', 'churn_risk', 'loyal'];
const DISTRICTS = ['高新区', '经济开发区', '滨江区', '工业园区', '朝阳区', '浦东新区', '南山区', '天河区', '江北区', '雨花台区'];
const ROADS = ['科技路', '创新大道', '人民路', '建设路', '中山路', '解放路', '长江路', '东方路', '学院路', '工业大道'];
const MAILBOXES = ['sales', 'info', 'contact', 'service', 'market', 'bd'];
const AREA_CODES: Readonly<Record<string, string>> = { 北京: '010', 上海: '021', 天津: '022', 重庆: '023', 广州: '020', 深圳: '0755', 杭州: '0571', 南京: '025', 成都: '028', 武汉: '027', 西安: '029', 苏州: '0512' };
const NOTES = ['客户对价格较敏感，需重点跟进', '年底有系统升级预算', '已参加产品发布会，意向较强', '决策链较长，需要高层拜访', '老客户转介绍，关系良好', '对数据安全要求高，需提供私有化方案'];
const round2 = (x: number) => Math.round(x * 100) / 100;

/** An 11-digit mainland mobile number. */
export function mobileNumber(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** A company name: `[city]brand industry-word suffix`, e.g. 杭州恒信精密机械有限公司. */
export function companyName(rng: Random, city: string | undefined, brand: string, word: string): string {
  return `${city ?? ''}${brand}${word}${rng.weighted(COMPANY_SUFFIXES)}`;
}

/** A believable variant of a company name, as a second channel would type it. */
function nameVariant(rng: Random, name: string, city: string): string {
  const withoutCity = name.startsWith(city) ? name.slice(city.length) : name;
  const variants = [
    // 杭州恒信精密机械有限公司 → 恒信精密机械（杭州）有限公司
    withoutCity.replace(/(股份有限公司|集团有限公司|有限责任公司|有限公司)$/, `（${city}）$1`),
    // legal form typed differently
    name.endsWith('有限责任公司') ? name.replace(/有限责任公司$/, '有限公司') : name.replace(/有限公司$/, '有限责任公司'),
    // the city left out
    withoutCity === name ? `${city}${name}` : withoutCity,
    // a space slipped in after the brand
    `${withoutCity.slice(0, 2)} ${withoutCity.slice(2)}`,
  ];
  return rng.pick(variants);
}

function customerFrom(rng: Random, index: number): { record: DemoRecord; city: string } {
  const province: Province = rng.weighted(PROVINCES.map((p) => [p, p.weight] as const));
  const city = rng.pick(province.cities);
  const industry = rng.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const [brand, brandPinyin] = rng.pick(BRANDS);
  const [word, wordPinyin] = rng.pick(industry.words);
  const [size, , revMin, revMax] = rng.weighted(SIZES.map((s) => [s, s[1]] as const));
  const lifecycle = rng.weighted(LIFECYCLE);
  const domain = `${brandPinyin}-${wordPinyin}.com`;
  const record: DemoRecord = {
    name: companyName(rng, rng.chance(0.7) ? city : undefined, brand, word),
    customer_code: `C${100001 + index}`,
    industry: industry.value,
    company_size: size,
    province: province.value,
    region: province.region,
    city,
    source: rng.weighted(SOURCES),
    tier: rng.weighted(TIERS),
    lifecycle_stage: lifecycle,
    phone: rng.chance(0.8) ? mobileNumber(rng) : `${AREA_CODES[city] ?? '0' + rng.int(310, 998)}-${rng.int(20_000_000, 89_999_999)}`,
    email: `${rng.pick(MAILBOXES)}@${domain}`,
    website: `https://www.${domain}`,
    address: `${province.name}${city === province.name.replace(/[市省]$/, '') ? '' : city + '市'}${rng.pick(DISTRICTS)}${rng.pick(ROADS)}${rng.int(1, 999)}号`,
    annual_revenue: round2(revMin + rng.next() * (revMax - revMin)),
    last_interaction_date: rng.date('2024-01-01', DEMO_TODAY),
    in_public_pool: rng.chance(0.15),
  };
  const tags = rng.sample(TAGS, rng.weighted([[0, 4], [1, 4], [2, 2]] as const));
  if (tags.length > 0) record['tags'] = tags;
  if (lifecycle !== 'registered') {
    const first = rng.date('2019-01-01', '2024-12-31');
    record['first_purchase_date'] = first;
    record['last_purchase_date'] = rng.date(first, DEMO_TODAY);
    record['rfm_segment'] = lifecycle === 'new' ? 'new' : rng.weighted([['high_value', 10], ['potential', 25], ['general', 65]] as const);
    if (rng.chance(0.5)) record['renewal_date'] = rng.date(DEMO_TODAY, '2026-06-30');
  }
  if (rng.chance(0.25)) record['notes'] = rng.pick(NOTES);
  return { record, city };
}

/**
 * Generates `count` customers deterministically from `seed`: Chinese company names,
 * provinces with their regions and cities, industries, sizes, 11-digit mobiles or
 * landlines, e-mail domains, purchase dates consistent with the lifecycle stage — and
 * about 3 % planted near-duplicates (a later record with the same phone or e-mail and a
 * variant of an earlier name: `（杭州）` moved, 有限责任公司 for 有限公司, a stray space), for
 * the dedup features. Every record passes the `customer` form of `app.json`.
 *
 * @example
 * const { records, duplicates } = generateCustomerSet(1000, 42);
 */
export function generateCustomerSet(count: number, seed: number): CustomerSet {
  const rng = new Random(seed);
  const records: DemoRecord[] = [];
  const cities: string[] = [];
  const duplicates: { index: number; of: number }[] = [];
  for (let i = 0; i < count; i++) {
    const planted = i >= 10 && rng.chance(0.03);
    const { record, city } = customerFrom(rng, i);
    if (planted) {
      const of = rng.int(0, i - 1);
      const original = records[of]!;
      record['name'] = nameVariant(rng, String(original['name']), cities[of]!);
      record['industry'] = original['industry'];
      record['province'] = original['province'];
      record['region'] = original['region'];
      record['city'] = cities[of];
      if (rng.chance(0.6)) record['phone'] = original['phone'];
      else record['email'] = String(original['email']).toUpperCase();
      duplicates.push({ index: i, of });
      cities.push(cities[of]!);
    } else {
      cities.push(city);
    }
    records.push(record);
  }
  return { records, duplicates };
}

/**
 * `count` customer records from `seed` (see `generateCustomerSet`).
 *
 * @example
 * for (const data of generateCustomers(50, 1)) await api.post('/api/apps/crm/forms/customer/records', { data });
 */
export function generateCustomers(count: number, seed: number): DemoRecord[] {
  return generateCustomerSet(count, seed).records;
}
