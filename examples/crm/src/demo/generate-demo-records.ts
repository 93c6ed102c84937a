import { DEMO_TODAY, generateCustomerSet, mobileNumber, type DemoRecord } from './generate-customers.js';
import { Random } from './random.js';
import { BRANDS, COMPETITORS, INDUSTRIES, GIVEN_NAMES, POSITIONS, PROJECT_WORDS, PROVINCES, SURNAMES } from './vocabulary.js';

/** Demo records per form key of the CRM package. */
export interface DemoRecords {
  readonly customer: DemoRecord[];
  readonly contact: DemoRecord[];
  readonly lead: DemoRecord[];
  readonly opportunity: DemoRecord[];
  /** Planted near-duplicates among the customers (`index` duplicates `of`). */
  readonly customerDuplicates: { readonly index: number; readonly of: number }[];
  /** With `options.owners`: the owner of each record. */
  readonly owners?: DemoOwners;
}

/**
 * Who owns which demo record: a username (or null: nobody, e.g. in the public pool) per
 * record, in the order of the records of each form.
 */
export interface DemoOwners {
  readonly customer: (string | null)[];
  readonly contact: (string | null)[];
  readonly lead: (string | null)[];
  readonly opportunity: (string | null)[];
}

/** A possible owner of demo records: a username and, optionally, the sales regions (the customer `region` values) they cover. */
export interface DemoOwner {
  readonly username: string;
  readonly regions?: readonly string[];
}

/** Options of `generateDemoRecords`. */
export interface DemoOptions {
  /** Spread the records over these owners (see `DemoRecords.owners`); without it, no owners are assigned. */
  readonly owners?: readonly DemoOwner[];
}

/** How many records `generateDemoRecords` makes. */
export interface DemoSizes {
  readonly customers: number;
  readonly leads: number;
  readonly opportunities: number;
}

const DEFAULT_SIZES: DemoSizes = { customers: 200, leads: 80, opportunities: 120 };

const STAGES: readonly (readonly [string, number, number])[] = [
  // stage, weight, win probability %
  ['initial_contact', 20, 10],
  ['needs_analysis', 18, 20],
  ['proposal', 16, 40],
  ['negotiation', 12, 60],
  ['won', 20, 100],
  ['lost', 14, 0],
];
const LEAD_STATUS: readonly (readonly [string, number])[] = [['new', 25], ['contacted', 25], ['qualified', 20], ['converted', 15], ['returned', 8], ['invalid', 7]];
const INVALID_REASONS = ['空号或联系不上', '同行咨询', '重复线索', '个人用户，无采购需求'];
const LEAD_NEEDS = ['希望统一管理各渠道客户信息', '需要销售过程管理和业绩看板', '要求与现有 ERP 系统对接', '关注移动端使用体验', '预算有限，先试用标准版'];
const SOURCES = ['website', 'event', 'sales_visit', 'referral', 'social', 'ecommerce', 'service', 'third_party'];

function personName(rng: Random): { name: string; pinyin: string } {
  const [s, sp] = rng.pick(SURNAMES);
  const [g, gp] = rng.pick(GIVEN_NAMES);
  return { name: s + g, pinyin: `${gp}.${sp}` };
}

/** A date-time between two dates, on working hours in China (UTC+8), as ISO UTC. */
function workingTime(rng: Random, from: string, to: string): string {
  const day = rng.date(from, to);
  const hour = rng.int(9, 18) - 8; // 09:00–18:59 Beijing time
  return `${day}T${String(hour).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
}

function contactsFor(rng: Random, customer: DemoRecord, domain: string): DemoRecord[] {
  const out: DemoRecord[] = [];
  const n = rng.weighted([[1, 5], [2, 3], [3, 2]] as const);
  for (const [k, [position, department, role]] of rng.sample(POSITIONS, n).entries()) {
    const person = personName(rng);
    const c: DemoRecord = {
      name: person.name,
      customer_name: customer['name'],
      position,
      department,
      decision_role: role,
      mobile: mobileNumber(rng),
      email: `${person.pinyin}@${domain}`,
      gender: rng.pick(['male', 'female']),
      is_primary: k === 0,
    };
    if (rng.chance(0.5)) c['wechat'] = `wx_${person.pinyin.replace('.', '_')}${rng.int(1, 999)}`;
    if (rng.chance(0.4)) c['birthday'] = rng.date('1965-01-01', '1998-12-31');
    out.push(c);
  }
  return out;
}

function lead(rng: Random, customers: readonly DemoRecord[]): DemoRecord {
  const province = rng.pick(PROVINCES);
  const industry = rng.pick(INDUSTRIES);
  const existing = customers.length > 0 && rng.chance(0.2) ? rng.pick(customers) : undefined;
  const [brand] = rng.pick(BRANDS);
  const [word] = rng.pick(industry.words);
  const person = personName(rng);
  const budget = rng.pick([50_000, 100_000, 200_000, 300_000, 500_000, 800_000, 1_200_000]);
  const status = rng.weighted(LEAD_STATUS);
  const r: DemoRecord = {
    company_name: existing?.['name'] ?? `${rng.pick(province.cities)}${brand}${word}有限公司`,
    contact_name: person.name,
    mobile: mobileNumber(rng),
    source: rng.pick(SOURCES),
    industry: existing?.['industry'] ?? industry.value,
    province: existing?.['province'] ?? province.value,
    region: existing?.['region'] ?? province.region,
    budget,
    grade: budget >= 500_000 ? 'a' : budget >= 200_000 ? 'b' : 'c',
    status,
    description: rng.pick(LEAD_NEEDS),
  };
  if (rng.chance(0.6)) r['email'] = `${person.pinyin}@example.cn`;
  if (status === 'invalid') r['invalid_reason'] = rng.pick(INVALID_REASONS);
  if (status !== 'new') {
    const first = workingTime(rng, '2025-01-01', DEMO_TODAY);
    r['first_follow_up_at'] = first;
    r['last_follow_up_at'] = rng.chance(0.5) ? first : workingTime(rng, first.slice(0, 10), DEMO_TODAY);
  }
  return r;
}

function opportunity(rng: Random, customers: readonly DemoRecord[]): { record: DemoRecord; customer: number } {
  const index = rng.int(0, customers.length - 1);
  const customer = customers[index]!;
  const [stage, , probability] = rng.weighted(STAGES.map((s) => [s, s[1]] as const));
  const closed = stage === 'won' || stage === 'lost';
  const r: DemoRecord = {
    name: `${String(customer['name']).replace(/(股份有限公司|集团有限公司|有限责任公司|有限公司)$/, '')}${rng.pick(PROJECT_WORDS)}`,
    customer_name: customer['name'],
    stage,
    amount: rng.int(500, 50_000) * 100,
    probability,
    expected_close_date: closed ? rng.date('2024-07-01', DEMO_TODAY) : rng.date(DEMO_TODAY, '2025-12-31'),
    products: rng.sample(['standard', 'enterprise', 'implementation', 'training', 'maintenance'], rng.int(1, 3)),
  };
  if (rng.chance(0.4)) r['competitor'] = rng.pick(COMPETITORS);
  if (!closed) r['next_step'] = rng.pick(['安排产品演示', '提交正式报价', '约见采购负责人', '准备技术方案', '确认合同条款']);
  if (stage === 'lost') r['lost_reason'] = rng.pick(['price', 'competitor', 'budget', 'timing', 'no_decision', 'other']);
  if (closed) r['actual_close_date'] = r['expected_close_date'];
  return { record: r, customer: index };
}

/**
 * Owners for the records, from their own random stream (so the records are the same with or
 * without owners): a customer goes to an owner covering its region (any owner when none
 * does) unless it is in the public pool; its contacts and opportunities follow it (a pool
 * customer's opportunity goes to whoever covers the region); a lead returned to the pool
 * has no owner.
 */
function assignOwners(seed: number, owners: readonly DemoOwner[], records: Omit<DemoRecords, 'owners' | 'customerDuplicates'>, contactOf: readonly number[], opportunityOf: readonly number[]): DemoOwners {
  if (owners.length === 0) throw new Error('[example-crm] generateDemoRecords: `owners` is empty; pass at least one owner or leave the option out');
  const rng = new Random(seed ^ 0x5bd1e995);
  const forRegion = (region: unknown): string => {
    const covering = owners.filter((o) => o.regions?.includes(String(region)));
    return rng.pick(covering.length > 0 ? covering : owners).username;
  };
  const regionOwner = records.customer.map((c) => forRegion(c['region']));
  const customer = records.customer.map((c, i) => (c['in_public_pool'] === true ? null : regionOwner[i]!));
  return {
    customer,
    contact: contactOf.map((i) => customer[i]!),
    lead: records.lead.map((l) => (l['status'] === 'returned' ? null : forRegion(l['region']))),
    opportunity: opportunityOf.map((i) => customer[i] ?? regionOwner[i]!),
  };
}

/**
 * A complete, deterministic demo data set for the CRM package: customers (with planted
 * near-duplicates), 1–3 contacts for each customer, leads (some from existing
 * customers) and opportunities across every stage. Every record passes its form. With
 * `options.owners` it also says who owns each record (`owners`), e.g. the demo accounts.
 *
 * @example
 * const demo = generateDemoRecords(7);
 * for (const form of ['customer', 'contact', 'lead', 'opportunity'] as const)
 *   for (const data of demo[form]) await store.records.create('crm', form, data);
 * const owned = generateDemoRecords(7, {}, { owners: [{ username: 'sunli', regions: ['east'] }, { username: 'zhengyu', regions: ['north'] }] });
 * owned.owners?.customer[0]; // 'sunli', 'zhengyu' or null (public pool)
 */
export function generateDemoRecords(seed: number, sizes: Partial<DemoSizes> = {}, options: DemoOptions = {}): DemoRecords {
  const { customers: nCustomers, leads: nLeads, opportunities: nOpps } = { ...DEFAULT_SIZES, ...sizes };
  const { records: customers, duplicates } = generateCustomerSet(nCustomers, seed);
  const rng = new Random(seed ^ 0x9e3779b9);
  const contactOf: number[] = [];
  const contacts = customers.flatMap((c, i) => {
    const cs = contactsFor(rng, c, String(c['email']).split('@')[1]!.toLowerCase());
    for (let k = 0; k < cs.length; k += 1) contactOf.push(i);
    return cs;
  });
  const leads = Array.from({ length: nLeads }, () => lead(rng, customers));
  const opps = nCustomers === 0 ? [] : Array.from({ length: nOpps }, () => opportunity(rng, customers));
  const records = { customer: customers, contact: contacts, lead: leads, opportunity: opps.map((o) => o.record) };
  if (options.owners === undefined) return { ...records, customerDuplicates: duplicates };
  const owners = assignOwners(seed, options.owners, records, contactOf, opps.map((o) => o.customer));
  return { ...records, customerDuplicates: duplicates, owners };
}
