import pg from 'pg';
import { types as pgliteTypes } from '@electric-sql/pglite';

/** Postgres type OIDs whose text form the store normalises. */
export const PG_OID = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

/** A Date (or anything `Date` accepts) as an ISO 8601 string in UTC; `infinity` and other non-dates stay as the server wrote them. */
function toIso(parsed: unknown, raw: string): string {
  const date = parsed instanceof Date ? parsed : new Date(String(parsed));
  return Number.isNaN(date.getTime()) ? raw : date.toISOString();
}

const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * Postgres' text form of a timestamptz in a UTC session (`2026-01-02 03:04:05.6+00`) as
 * ISO 8601 (`2026-01-02T03:04:05.600Z`) by string surgery — lists read two per row, and
 * going through `Date` costs more than the rest of the row. Anything else (other zones,
 * BC dates, infinity) takes the general path.
 */
export function timestamptzToIso(raw: string, general: (raw: string) => unknown): string {
  const m = UTC_TIMESTAMP.exec(raw);
  if (m === null) return toIso(general(raw), raw);
  const ms = ((m[3] ?? '') + '000').slice(0, 3);
  return `${m[1]}T${m[2]}.${ms}Z`;
}

/** `numeric` and `bigint` text as a JS number (the wire shape promises JSON numbers). */
function toNumber(raw: string): number {
  return Number(raw);
}

const defaultPgTimestamptz = pg.types.getTypeParser(PG_OID.timestamptz, 'text') as (value: string) => unknown;
const defaultPgTimestamp = pg.types.getTypeParser(PG_OID.timestamp, 'text') as (value: string) => unknown;

/**
 * Type parsers for the store's own `pg` pool (passed as the pool's `types`, never set on
 * the process-wide `pg.types`): numbers as JS numbers, timestamptz as ISO strings, and
 * `date` untouched as `YYYY-MM-DD` so no timezone can shift it.
 */
export const pgTypeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary');
    switch (oid) {
      case PG_OID.int8:
      case PG_OID.numeric:
        return toNumber;
      case PG_OID.date:
        return (raw: string) => raw;
      case PG_OID.timestamptz:
        return (raw: string) => timestamptzToIso(raw, defaultPgTimestamptz);
      case PG_OID.timestamp:
        // A timestamp without zone is read as UTC (sessions run in UTC).
        return (raw: string) => toIso(defaultPgTimestamp(`${raw}+00`), raw);
      default:
        return pg.types.getTypeParser(oid, 'text');
    }
  }) as pg.CustomTypesConfig['getTypeParser'],
};

const pgliteParsers = pgliteTypes.parsers as Record<number, (value: string, typeId?: number) => unknown>;

/** The same normalisation for a PGlite instance (its `parsers` option). */
export const pgliteTypeParsers: Record<number, (value: string) => unknown> = {
  [PG_OID.int8]: toNumber,
  [PG_OID.numeric]: toNumber,
  [PG_OID.date]: (raw: string) => raw,
  [PG_OID.timestamptz]: (raw: string) => timestamptzToIso(raw, (r) => pgliteParsers[PG_OID.timestamptz]!(r, PG_OID.timestamptz)),
  [PG_OID.timestamp]: (raw: string) => toIso(new Date(`${raw.replace(' ', 'T')}Z`), raw),
};
