import { sql } from 'kysely';
import { pointer } from '@trellis/schema';
import type { ExprNode, VarNode } from '../expr-node.js';
import { deepEqual } from '../js-runtime.js';
import { defineOperator, type JsFn, type JsSourceGen, type JsTest, type SqlCompiler, type SqlFn } from '../operator.js';
import type { OpNode } from '../expr-node.js';
import { coerceLiteral, describeType, expectType, isUuidString } from '../type-rules.js';
import { domainOf } from './comparison.js';
import type { ExprType } from '../types.js';
import { SQL_TYPES } from '../sql-runtime.js';

/** How `in`/`contains` look for `needle` in `haystack`, decided by the haystack's static type. */
type Mode = 'array' | 'substring' | 'list-column' | 'dynamic';

function modeOf(haystack: ExprNode): Mode {
  if (haystack.kind === 'array') return 'array';
  if (haystack.type === 'text') return 'substring';
  if (haystack.type === 'text_list') return 'list-column';
  return 'dynamic';
}

/** A `$user` property holding a text list (`deptIds`, `deptTree`, …): ids as text in the context. */
function isUserList(node: ExprNode): boolean {
  return node.kind === 'var' && node.source === 'user' && node.type === 'text_list' && !node.fallback;
}

function checkMembership(name: string, needle: ExprNode, haystack: ExprNode, t: Parameters<typeof coerceLiteral>[2]): { needle: ExprNode; haystack: ExprNode } {
  const mode = modeOf(haystack);
  if (mode === 'array') {
    const elem = domainOf(needle.type, haystack.kind === 'array' ? haystack.elem : 'any');
    let hs = haystack;
    if (haystack.kind === 'array' && ['date', 'datetime', 'uuid'].includes(elem)) hs = coerceLiteral(haystack, elem, t) ?? haystack;
    else if (haystack.kind === 'array' && haystack.elem !== 'any' && haystack.elem !== 'null' && needle.type !== 'any' && needle.type !== 'null' && domainOf(needle.type, haystack.elem) !== needle.type) {
      t.error(needle.path, `'${name}' looks for ${describeType(needle)} in a list of ${haystack.elem} values; use values of one type`);
    }
    return { needle, haystack: hs };
  }
  // a uuid column in one of the user's id lists (`dept_id in $user.deptTree`)
  if (mode === 'list-column' && needle.type === 'uuid' && isUserList(haystack)) return { needle, haystack };
  if (mode === 'substring' || mode === 'list-column') expectType(needle, ['text'], t, name);
  else if (haystack.type !== 'any' && haystack.type !== 'null') {
    t.error(haystack.path, `'${name}' looks in a list or a text, not in ${describeType(haystack)}`);
  }
  return { needle, haystack };
}

function jsMembership(needle: ExprNode, haystack: ExprNode, fn: JsFn, fh: JsFn): JsTest {
  switch (modeOf(haystack)) {
    case 'array': {
      if (haystack.kind === 'array' && haystack.items.every((i) => i.kind === 'literal')) {
        const values = haystack.items.map((i) => (i as { value: unknown }).value).filter((v) => v !== null);
        if (domainOf(needle.type, haystack.kind === 'array' ? haystack.elem : 'any') === 'datetime') {
          const set = new Set(values.map((v) => Date.parse(v as string)));
          return (r, x) => {
            const v = fn(r, x);
            return v !== null && set.has(Date.parse(v as string));
          };
        }
        if (values.length <= 8) {
          return (r, x) => {
            const v = fn(r, x);
            return v !== null && values.includes(v);
          };
        }
        const set = new Set(values);
        return (r, x) => {
          const v = fn(r, x);
          return v !== null && set.has(v);
        };
      }
      return (r, x) => {
        const v = fn(r, x);
        const list = fh(r, x) as unknown[];
        return v !== null && list.some((i) => deepEqual(i, v));
      };
    }
    case 'substring':
      return (r, x) => {
        const v = fn(r, x);
        const s = fh(r, x);
        return typeof v === 'string' && typeof s === 'string' && s.includes(v);
      };
    case 'list-column':
      if (needle.type === 'uuid') {
        return (r, x) => {
          const v = fn(r, x);
          const l = fh(r, x);
          if (typeof v !== 'string' || !Array.isArray(l)) return false;
          const id = v.toLowerCase();
          return l.some((i) => typeof i === 'string' && i.toLowerCase() === id);
        };
      }
      return (r, x) => {
        const v = fn(r, x);
        const l = fh(r, x);
        return v !== null && Array.isArray(l) && l.includes(v);
      };
    case 'dynamic':
      return (r, x) => {
        const v = fn(r, x);
        const h = fh(r, x);
        if (v === null || h === null) return false;
        if (Array.isArray(h)) return h.some((i) => deepEqual(i, v));
        return typeof h === 'string' && typeof v === 'string' && h.includes(v);
      };
  }
}

function membershipSource(needle: ExprNode, haystack: ExprNode, g: JsSourceGen): string | undefined {
  const mode = modeOf(haystack);
  const t = g.temp();
  if (mode === 'substring') {
    const h = g.temp();
    return `typeof (${t} = ${g.value(needle)}) === 'string' && typeof (${h} = ${g.value(haystack)}) === 'string' && ${h}.includes(${t})`;
  }
  if (mode !== 'array' || haystack.kind !== 'array' || !haystack.items.every((i) => i.kind === 'literal')) return undefined;
  if (domainOf(needle.type, haystack.elem) === 'datetime' || needle.type === 'any' || haystack.elem === 'any') return undefined;
  const values = haystack.items.map((i) => (i as { value: unknown }).value).filter((v) => v !== null);
  if (values.length === 0) return 'false';
  if (values.length > 8) return `${g.constant(new Set(values))}.has(${g.value(needle)})`;
  // a null needle equals none of the (non-null) values
  return `(${t} = ${g.value(needle)}) === ${values.map((v) => (typeof v === 'number' ? `(${String(v)})` : g.constant(v))).join(` || ${t} === `)}`;
}

function sqlMembership(needle: ExprNode, haystack: ExprNode, c: SqlCompiler): SqlFn {
  const mode = modeOf(haystack);
  if (mode === 'array' && haystack.kind === 'array') {
    const domain = domainOf(needle.type, haystack.elem);
    const fn = c.valueAs(needle, domain);
    const items = haystack.items.filter((i) => i.type !== 'null').map((i) => c.valueAs(i, domain));
    if (items.length === 0) return () => ({ expr: sql`false`, nullable: false });
    return (env) => {
      const n = fn(env);
      const parts = items.map((f) => f(env));
      return { expr: sql`(${n.expr} IN (${sql.join(parts.map((p) => p.expr))}))`, nullable: true };
    };
  }
  const fn = c.value(needle);
  if (mode === 'list-column' && needle.type === 'uuid' && haystack.kind === 'var') {
    // One array parameter, `= ANY($1::uuid[])`: one plan for any list length (no OR chain),
    // and an index on the column serves it. Entries that are no UUID can equal no row and
    // are dropped (casting them would fail the query).
    const key = haystack.key;
    return (env) => {
      const list = env.ctx?.user?.[key];
      const ids = Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && isUuidString(v)).map((v) => v.toLowerCase()) : [];
      if (ids.length === 0) return { expr: sql`false`, nullable: false };
      // one id: plain `=`, so an index on (column, created_at, id) also yields the rows in order
      if (ids.length === 1) return { expr: sql`(${fn(env).expr} = ${ids[0]}::uuid)`, nullable: true };
      return { expr: sql`(${fn(env).expr} = ANY(${ids}::uuid[]))`, nullable: true };
    };
  }
  const fh = c.value(haystack);
  if (mode === 'substring') {
    return (env) => ({ expr: sql`(strpos(${fh(env).expr}, ${fn(env).expr}) > 0)`, nullable: true });
  }
  // a list from the context (`$user.deptTree`) is bound as text[]: compare it as the needle's
  // type (uuid[] for an id column), so the column keeps its type and its index; the cast is a
  // name from the fixed SQL_TYPES table, chosen by the compiled type, never by rule text
  const elemType = SQL_TYPES[needle.type];
  const typed = elemType !== undefined && needle.type !== 'text' && needle.type !== 'json' && needle.type !== 'text_list';
  return (env) => ({ expr: typed ? sql`(${fn(env).expr} = ANY(${fh(env).expr}::${sql.raw(elemType!)}[]))` : sql`(${fn(env).expr} = ANY(${fh(env).expr}))`, nullable: true });
}

/** `in`: `{"in": [x, [a, b]]}` (x is one of), `{"in": ["ab", text]}` (substring), `{"in": ["vip", tags]}` (a text list contains). */
export const inOperator = defineOperator({
  name: 'in',
  arity: [2, 2],
  description: 'Membership: value in a list, substring of a text, or element of a text-list field. False when the value has none.',
  predicate: true,
  check: (op, t) => {
    const r = checkMembership('in', op.args[0]!, op.args[1]!, t);
    return { type: 'boolean', nullable: false, args: [r.needle, r.haystack] };
  },
  js: (op, c) => jsMembership(op.args[0]!, op.args[1]!, c.value(op.args[0]!), c.value(op.args[1]!)),
  jsSource: (op, g) => membershipSource(op.args[0]!, op.args[1]!, g),
  sql: (op, c) => sqlMembership(op.args[0]!, op.args[1]!, c),
});

/** `contains`: `{"contains": [text, part]}` or `{"contains": [tags, "vip"]}` — `in` with the arguments swapped. */
export const containsOperator = defineOperator({
  name: 'contains',
  arity: [2, 2],
  description: 'True when the text contains the part, or the list contains the element (`in` with the arguments swapped).',
  predicate: true,
  check: (op, t) => {
    const r = checkMembership('contains', op.args[1]!, op.args[0]!, t);
    return { type: 'boolean', nullable: false, args: [r.haystack, r.needle] };
  },
  js: (op, c) => jsMembership(op.args[1]!, op.args[0]!, c.value(op.args[1]!), c.value(op.args[0]!)),
  jsSource: (op, g) => membershipSource(op.args[1]!, op.args[0]!, g),
  sql: (op, c) => sqlMembership(op.args[1]!, op.args[0]!, c),
});

/** `isEmpty`: no value, '', an empty list, or (json) an empty object. */
export const isEmptyOperator = defineOperator({
  name: 'isEmpty',
  arity: [1, 1],
  description: 'True when the value is missing, "", an empty list or an empty json object/list.',
  predicate: true,
  check: () => ({ type: 'boolean', nullable: false }),
  js: (op, c) => {
    const f = c.value(op.args[0]!);
    return (r, x) => {
      const v = f(r, x);
      if (v === null || v === '') return true;
      if (Array.isArray(v)) return v.length === 0;
      return typeof v === 'object' && !(v instanceof Date) && Object.keys(v).length === 0;
    };
  },
  sql: (op, c) => {
    const f = c.value(op.args[0]!);
    const type: ExprType = op.args[0]!.type;
    return (env) => {
      const e = f(env).expr;
      switch (type) {
        case 'text':
          return { expr: sql`(${e} IS NULL OR ${e} = '')`, nullable: false };
        case 'text_list':
          return { expr: sql`(${e} IS NULL OR cardinality(${e}) = 0)`, nullable: false };
        case 'json':
          return { expr: sql`(${e} IS NULL OR ${e} IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb))`, nullable: false };
        default:
          return { expr: sql`(${e} IS NULL)`, nullable: false };
      }
    };
  },
});

/** `missing`: the names (of those given) whose variables have no value or ''. */
export const missingOperator = defineOperator({
  name: 'missing',
  arity: [1, Infinity],
  description: 'The list of the given variable names whose value is missing or "" (empty list when all are present).',
  check: (op, t) => {
    const args: ExprNode[] = [];
    op.args.forEach((a, i) => {
      if (a.kind !== 'literal' || typeof a.value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(a.value)) {
        t.error(a.path, `'missing' takes variable names as strings, found ${JSON.stringify(a.kind === 'literal' ? a.value : a.kind)}`);
        return;
      }
      const key = a.value;
      const def = t.vars ? (Object.prototype.hasOwnProperty.call(t.vars, key) ? t.vars[key] : undefined) : { type: 'any' as const };
      if (!def) {
        t.error(a.path ?? pointer(op.path, 'missing', i), `unknown variable '${key}' in 'missing'`);
        return;
      }
      const v: VarNode = { kind: 'var', path: a.path, type: def.type, nullable: true, source: 'record', name: key, key, column: 'column' in def && def.column ? def.column : key, subPath: [] };
      args.push(v);
    });
    return { type: 'text_list', nullable: false, args };
  },
  js: (op: OpNode, c) => {
    const fs = op.args.map((a) => [(a as VarNode).key, c.value(a)] as const);
    return (r, x) => {
      const out: string[] = [];
      for (const [k, f] of fs) {
        const v = f(r, x);
        if (v === null || v === '') out.push(k);
      }
      return out;
    };
  },
  sql: (op, c) => {
    const fs = op.args.map((a) => [(a as VarNode).key, a.type, c.value(a)] as const);
    return (env) => {
      const items = fs.map(([k, type, f]) => {
        const e = f(env).expr;
        const empty = type === 'text' || type === 'any' ? sql`(${e} IS NULL OR ${e} = '')` : sql`(${e} IS NULL)`;
        return sql`CASE WHEN ${empty} THEN ${k}::text END`;
      });
      return { expr: sql`array_remove(ARRAY[${sql.join(items)}]::text[], NULL)`, nullable: false };
    };
  },
});
