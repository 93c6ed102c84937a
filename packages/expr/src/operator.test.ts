import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkCondition, compileJs, compileSql, createOperatorRegistry, defineOperator, operators, type VarSchema } from './index.js';
import { PostgresQueryCompiler } from 'kysely';

const vars: VarSchema = { name: { type: 'text' }, due: { type: 'date' }, owner: { type: 'uuid', column: 'owner_id' } };
const compileToSql = (e: { toOperationNode(): unknown }) => new PostgresQueryCompiler().compileQuery(e.toOperationNode() as never, { queryId: 'q' } as never);

const isWeekend = defineOperator({
  name: 'isWeekend',
  arity: [1, 1],
  description: 'True on Saturday or Sunday (UTC).',
  predicate: true,
  check: (op, t) => {
    if (op.args[0]!.type !== 'date') t.error(op.args[0]!.path, "'isWeekend' expects a date");
    return { type: 'boolean', nullable: false };
  },
  js: (op, c) => {
    const d = c.value(op.args[0]!);
    return (r, x) => {
      const v = d(r, x);
      return typeof v === 'string' && [0, 6].includes(new Date(v).getUTCDay());
    };
  },
  sql: (op, c) => {
    const d = c.value(op.args[0]!);
    return (env) => ({ expr: sql`(extract(isodow from ${d(env).expr}) >= 6)`, nullable: true });
  },
});

describe('operator registry', () => {
  it('a registered operator compiles in both backends and is type-checked', () => {
    const registry = createOperatorRegistry().register(isWeekend);
    expect(compileJs({ isWeekend: { var: 'due' } }, vars, registry)({ due: '2026-05-16' })).toBe(true);
    expect(compileJs({ isWeekend: { var: 'due' } }, vars, registry)({ due: '2026-05-18' })).toBe(false);
    const q = compileToSql(compileSql({ isWeekend: { var: 'due' } }, vars, registry)(undefined, 't'));
    expect(q.sql).toBe('(extract(isodow from "t"."due") >= 6)');
    expect(checkCondition({ isWeekend: { var: 'name' } }, vars, registry)).toEqual([{ path: '/isWeekend', message: "'isWeekend' expects a date" }]);
  });

  it('an operator name can be registered only once', () => {
    expect(() => createOperatorRegistry().register({ ...isWeekend, name: 'and' })).toThrow(/already registered/);
  });

  it('the shared catalogue lists the built-ins the docs promise', () => {
    const names = operators.list().map((o) => o.name);
    for (const n of ['==', '!=', '<', '<=', '>', '>=', 'and', 'or', '!', '!!', 'in', 'between', 'if', 'missing', '+', '-', '*', '/', '%', 'min', 'max', 'cat', 'substr', 'lower', 'upper', 'startsWith', 'endsWith', 'contains', 'isEmpty', 'dateAdd', 'dateDiff', 'startOf']) {
      expect(names).toContain(n);
    }
  });
});

describe('compileSql', () => {
  it('binds values as parameters and quotes columns from the schema, qualified by the table', () => {
    const evil = "x'); drop table t; --";
    const q = compileToSql(compileSql({ and: [{ '==': [{ var: 'name' }, evil] }, { '==': [{ var: 'owner' }, { var: '$user.id' }] }] }, vars)(
      { user: { id: '9f1c2e4a-0b7d-4e53-8f0c-2d1a6b3c4e5f' } },
      'app_crm.deal',
    ));
    expect(q.sql).toBe('(("app_crm"."deal"."name" = $1::text) AND ("app_crm"."deal"."owner_id" = $2::uuid))');
    expect(q.parameters).toEqual([evil, '9f1c2e4a-0b7d-4e53-8f0c-2d1a6b3c4e5f']);
  });

  it('a uuid column in a $user id list is one array parameter (= ANY), one id a plain =, none false', () => {
    const a = '9f1c2e4a-0b7d-4e53-8f0c-2d1a6b3c4e5f';
    const b = '0b1c2e4a-0b7d-4e53-8f0c-2d1a6b3c4e5f';
    const where = compileSql({ in: [{ var: 'owner' }, { var: '$user.deptTree' }] }, vars);
    const many = compileToSql(where({ user: { id: 'u', deptTree: [a, b.toUpperCase(), 'not-a-uuid'] } }, 't'));
    expect(many.sql).toBe('("t"."owner_id" = ANY($1::uuid[]))');
    expect(many.parameters).toEqual([[a, b]]);
    const one = compileToSql(where({ user: { id: 'u', deptTree: [a] } }, 't'));
    expect(one.sql).toBe('("t"."owner_id" = $1::uuid)');
    expect(compileToSql(where({ user: { id: 'u', deptTree: [] } }, 't')).sql).toBe('false');
    expect(compileToSql(where({}, 't')).sql).toBe('false');
  });

  it("'in' a list of the context compares as the column's type (a uuid column against uuid[], so its index serves)", () => {
    const q = compileToSql(compileSql({ in: [{ var: 'owner' }, { var: '$user.deptTree' }] }, vars)({ user: { id: 'u', deptTree: ['9f1c2e4a-0b7d-4e53-8f0c-2d1a6b3c4e5f', '0b1c2e4a-0b7d-4e53-8f0c-2d1a6b3c4e5f'] } }, 't'));
    expect(q.sql).toContain('"t"."owner_id" = ANY(');
    expect(q.sql).toContain('::uuid[]');
    const text = compileToSql(compileSql({ in: [{ var: 'name' }, { var: '$user.roles' }] }, vars)({ user: { id: 'u', roles: ['rep'] } }, 't'));
    expect(text.sql).not.toContain('::text[][]');
  });

  it('a rule with unknown variables is refused with EXPR_INVALID listing each path', () => {
    try {
      compileSql({ or: [{ var: 'nope' }, { '>': [{ var: 'due' }, 'soon'] }] }, vars);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'EXPR_INVALID', status: 400 });
      expect((e as { details: { path: string }[] }).details.map((d) => d.path)).toEqual(['/or/0/var', '/or/1/>/1']);
    }
  });
});

describe('compileJs', () => {
  it('without a schema, variables are untyped and compare by their runtime type', () => {
    const f = compileJs({ and: [{ '>': [{ var: 'a.b' }, 2] }, { in: [{ var: 'tag' }, ['x', 'y']] }] });
    expect(f({ a: { b: 3 }, tag: 'y' })).toBe(true);
    expect(f({ a: { b: '3' }, tag: 'y' })).toBe(false);
    expect(f({})).toBe(false);
  });

  it('a field named like an Object property reads only the record itself', () => {
    const f = compileJs({ '==': [{ var: 'constructor' }, null] }, { constructor: { type: 'text' } });
    expect(f({})).toBe(true);
    expect(f({ constructor: 'x' })).toBe(false);
  });

  it('string values never become code', () => {
    const f = compileJs({ '==': [{ var: 'name' }, "'); throw new Error('x'); ('"] }, vars);
    expect(f({ name: "'); throw new Error('x'); ('" })).toBe(true);
  });
});
