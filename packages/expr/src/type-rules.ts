import { pointer } from '@trellis/schema';
import type { ArrayNode, ExprNode, LiteralNode } from './expr-node.js';
import type { TypeChecker } from './operator.js';
import type { ExprType } from './types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isDateString(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Parses a datetime literal (`YYYY-MM-DD` = midnight UTC, or ISO 8601 with a zone) to its canonical ISO form, or undefined. */
export function canonicalDatetime(s: string): string | undefined {
  if (isDateString(s)) return new Date(s + 'T00:00:00.000Z').toISOString();
  if (!DATETIME_RE.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Whether `s` is a UUID in its textual form. */
export function isUuidString(s: string): boolean {
  return UUID_RE.test(s);
}

/** Types whose values order (`<`, `between`, `min`). */
export const ORDERED_TYPES: ReadonlySet<ExprType> = new Set<ExprType>(['number', 'text', 'date', 'datetime', 'boolean', 'uuid', 'any']);

/**
 * Converts a text literal (or an array literal of them) to `target` when a date, datetime or
 * uuid is expected, validating it; returns undefined (after reporting) when it cannot.
 */
export function coerceLiteral(node: ExprNode, target: ExprType, t: TypeChecker): ExprNode | undefined {
  if (node.kind === 'array') {
    const items: ExprNode[] = [];
    for (const item of node.items) {
      const c = item.type === target || item.type === 'null' || item.type === 'any' ? item : coerceLiteral(item, target, t);
      if (!c) return undefined;
      items.push(c);
    }
    return { ...node, items, elem: target } satisfies ArrayNode;
  }
  if (node.kind !== 'literal' || typeof node.value !== 'string') return undefined;
  const s = node.value;
  let value: string | undefined;
  if (target === 'date') value = isDateString(s) ? s : undefined;
  else if (target === 'datetime') value = canonicalDatetime(s);
  else if (target === 'uuid') value = isUuidString(s) ? s.toLowerCase() : undefined;
  else if (target === 'text') value = s;
  if (value === undefined) {
    const expected: Record<string, string> = {
      date: "a date written 'YYYY-MM-DD'",
      datetime: "a datetime in ISO 8601 with a time zone ('2026-01-31T09:00:00Z') or a date",
      uuid: 'a UUID',
    };
    t.error(node.path, `'${s}' is not ${expected[target] ?? `a ${target}`}; write it in that form`);
    return undefined;
  }
  return { ...node, type: target, value } satisfies LiteralNode;
}

function canCoerce(node: ExprNode): boolean {
  return (node.kind === 'literal' && typeof node.value === 'string') || (node.kind === 'array' && node.items.every(canCoerce));
}

/**
 * Finds the common type two operands are compared in (the *domain*), coercing text
 * literals to dates, datetimes or uuids. Reports a mismatch at `path` and returns undefined.
 */
export function unifyOperands(
  a: ExprNode,
  b: ExprNode,
  t: TypeChecker,
  path: string,
  opName: string,
): { domain: ExprType; a: ExprNode; b: ExprNode } | undefined {
  const ta = a.type;
  const tb = b.type;
  if (ta === 'null' || ta === 'any') return { domain: tb === 'null' ? ta : tb, a, b };
  if (tb === 'null' || tb === 'any') return { domain: ta, a, b };
  if (ta === tb && ta !== 'list') return { domain: ta, a, b };
  if ((ta === 'date' && tb === 'datetime') || (ta === 'datetime' && tb === 'date')) return { domain: 'datetime', a, b };
  // json values compare with scalar literals (a sub-path like address.city against "Shenzhen")
  if ((ta === 'json' && b.kind === 'literal') || (tb === 'json' && a.kind === 'literal')) return { domain: 'json', a, b };
  // the user's id (text in the context) against a uuid column
  const fromUser = (n: ExprNode) => n.kind === 'var' && n.source === 'user' && n.type === 'text';
  if ((ta === 'uuid' && fromUser(b)) || (tb === 'uuid' && fromUser(a))) return { domain: 'uuid', a, b };
  for (const [x, y, swap] of [[a, b, false], [b, a, true]] as const) {
    const wanted = x.type === 'list' ? undefined : x.type;
    if (wanted && y.type !== wanted && canCoerce(y) && (wanted !== 'text_list' || y.kind === 'array')) {
      const target = wanted === 'text_list' ? 'text' : wanted;
      if (y.kind === 'literal' && !['date', 'datetime', 'uuid', 'text'].includes(target)) break;
      const c = coerceLiteral(y, target, t);
      if (!c) return undefined;
      const coerced = wanted === 'text_list' ? { ...c, type: 'text_list' as const } : c;
      return swap ? { domain: wanted, a: coerced, b: x } : { domain: wanted, a: x, b: coerced };
    }
  }
  if (ta === 'list' && tb === 'list') return { domain: 'list', a, b };
  t.error(pointer(path, opName), `'${opName}' cannot compare ${describeType(a)} with ${describeType(b)}; compare values of the same type`);
  return undefined;
}

/** A short description of a node's type for messages (`a number`, `the text field 'name'`). */
export function describeType(node: ExprNode): string {
  const art = (s: string) => (/^[aeiou]/.test(s) ? `an ${s}` : `a ${s}`);
  const name = node.type === 'list' ? 'list' : node.type === 'text_list' ? 'text list' : node.type;
  if (node.kind === 'var') return `the ${name} variable '${node.name}'`;
  return art(name);
}

/** Reports unless `node` has one of `types` (or is null/any); returns whether it has. */
export function expectType(node: ExprNode, types: readonly ExprType[], t: TypeChecker, opName: string): boolean {
  if (node.type === 'any' || node.type === 'null' || types.includes(node.type)) return true;
  t.error(node.path, `'${opName}' expects ${types.join(' or ')} here, not ${describeType(node)}`);
  return false;
}
