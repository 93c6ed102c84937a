import { DIVISIONS_DATA } from './divisions-data.js';

/** The three levels of a Chinese address: province (省级), city (地级), district (县级). */
export type DivisionLevel = 'province' | 'city' | 'district';

/** One administrative division: its six-digit GB/T 2260 code, its name and its parent's code. */
export interface Division {
  readonly code: string;
  readonly name: string;
  readonly level: DivisionLevel;
  /** The code of the province (for a city) or the city (for a district). */
  readonly parent?: string;
}

interface Index {
  readonly byCode: ReadonlyMap<string, Division>;
  readonly children: ReadonlyMap<string, readonly Division[]>;
  readonly provinces: readonly Division[];
}

let index: Index | undefined;

/** Parses the packed data once, on first use (a few milliseconds). */
function load(): Index {
  if (index !== undefined) return index;
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const provinces: Division[] = [];
  const add = (d: Division) => {
    byCode.set(d.code, d);
    if (d.parent !== undefined) {
      let list = children.get(d.parent);
      if (list === undefined) children.set(d.parent, (list = []));
      list.push(d);
    } else provinces.push(d);
  };
  for (const line of DIVISIONS_DATA.split('\n')) {
    const [head, ...cities] = line.split('|');
    const pp = head!.slice(0, 2);
    const province: Division = { code: `${pp}0000`, name: head!.slice(2), level: 'province' };
    add(province);
    for (const c of cities) {
      const [cityPart, districtPart] = c.split(':');
      const city: Division = { code: `${pp}${cityPart!.slice(0, 2)}00`, name: cityPart!.slice(2), level: 'city', parent: province.code };
      add(city);
      for (const d of districtPart ? districtPart.split(',') : []) {
        add({ code: `${city.code.slice(0, 4)}${d.slice(0, 2)}`, name: d.slice(2), level: 'district', parent: city.code });
      }
    }
  }
  index = { byCode, children, provinces };
  return index;
}

/** The division with this six-digit code, or undefined. */
export function divisionByCode(code: string): Division | undefined {
  return load().byCode.get(code);
}

/** The provinces, municipalities and autonomous regions, in code order. */
export function provinces(): readonly Division[] {
  return load().provinces;
}

/** The cities of a province or the districts of a city, in code order (empty for an unknown code). */
export function divisionsUnder(code: string): readonly Division[] {
  return load().children.get(code) ?? [];
}

/**
 * City-level placeholders that addresses do not spell out: "省直辖县级行政区划" (counties
 * governed by the province), Chongqing's "县", and a municipality's own name.
 */
export function isPlaceholderCity(city: Division): boolean {
  if (city.level !== 'city') return false;
  if (city.name === '县' || city.name.endsWith('直辖县级行政区划')) return true;
  return city.name === divisionByCode(city.parent ?? '')?.name;
}

const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '地区', '省', '市', '盟', '区', '县', '旗'];

/** A name without its administrative suffix (`广东省` → `广东`), for matching short names. */
function shortName(name: string): string {
  for (const s of SUFFIXES) if (name.length > s.length + 1 && name.endsWith(s)) return name.slice(0, -s.length);
  return name;
}

/**
 * Finds a division by what a person or an importer typed: a code (two, four or six digits)
 * or a name, exact (`南山区`) or without its suffix (`南山`), among the provinces or under
 * the division `parent`. Returns undefined when nothing or more than one division matches.
 *
 * @example
 * findDivision('广东省')?.code            // '440000'
 * findDivision('深圳', '440000')?.code    // '440300'
 */
export function findDivision(text: string, parent?: string): Division | undefined {
  const t = text.normalize('NFKC').trim();
  if (t === '') return undefined;
  const candidates = parent === undefined ? provinces() : divisionsUnder(parent);
  if (/^\d{2}(\d{2}(\d{2})?)?$/.test(t)) {
    const code = t.padEnd(6, '0');
    return candidates.find((d) => d.code === code);
  }
  const exact = candidates.filter((d) => d.name === t);
  if (exact.length === 1) return exact[0];
  const short = shortName(t);
  const loose = candidates.filter((d) => shortName(d.name) === short);
  return loose.length === 1 ? loose[0] : undefined;
}
