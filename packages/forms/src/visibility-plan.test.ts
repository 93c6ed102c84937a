import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FieldDef, FormDef } from '@trellis/schema';
import { compileForm } from './compile-form.js';
import { visibilityPlan } from './visibility-plan.js';

const text = (key: string, visibleWhen?: unknown): FieldDef => ({ id: `f_${key}`, key, type: 'text', label: key, ...(visibleWhen === undefined ? {} : { visibleWhen }) });

/** Chains and fan-in: b reads a, c reads b, d reads a and c, e reads nothing conditional, f is always hidden, g reads $user. */
const chained: FormDef = {
  key: 'chain',
  name: 'Chain',
  fields: [
    text('a'),
    text('b', { contains: [{ var: 'a' }, 'x'] }),
    text('c', { '!!': [{ var: 'b' }] }),
    text('d', { or: [{ startsWith: [{ var: 'a' }, 'y'] }, { '==': [{ var: 'c' }, 'x'] }] }),
    text('e', { missing: ['a'] }),
    text('f', false),
    text('g', { '==': [{ var: 'a' }, { var: '$user.id' }] }),
    text('h'),
  ],
};

/** a and b show each other: a cycle, where update falls back to evaluating everything. */
const cycle: FormDef = {
  key: 'cycle',
  name: 'Cycle',
  fields: [text('s'), text('a', { or: [{ '!!': [{ var: 'b' }] }, { '==': [{ var: 's' }, 'x'] }] }), text('b', { '!!': [{ var: 'a' }] })],
};

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('visibilityPlan', () => {
  it('knows which conditions read a field, and orders conditions after the fields they read', () => {
    const plan = visibilityPlan(chained);
    expect([...plan.readers('a')].sort()).toEqual(['b', 'd', 'e', 'g']);
    expect(plan.readers('b')).toEqual(['c']);
    expect(plan.readers('h')).toEqual([]);
    const at = (k: string) => plan.conditional.indexOf(k);
    expect(at('b')).toBeLessThan(at('c'));
    expect(at('c')).toBeLessThan(at('d'));
    expect(plan.cyclic).toBe(false);
    expect(visibilityPlan(cycle).cyclic).toBe(true);
  });

  it('a change no condition reads returns the same set without evaluating anything', () => {
    const plan = visibilityPlan(chained);
    const before = plan.hidden({ a: 'x' });
    expect(plan.update(before, { a: 'x', h: 'typed' }, ['h'])).toBe(before);
  });

  it('a flip cascades to the fields that read the flipped one', () => {
    const plan = visibilityPlan(chained);
    let data: Record<string, unknown> = { a: 'x', b: 'x', c: 'x' };
    let hidden = plan.hidden(data);
    expect(sorted(hidden)).toEqual(['e', 'f', 'g']);
    data = { ...data, a: 'z' }; // b hides, so c (reads b) and d (reads c) hide too
    hidden = plan.update(hidden, data, ['a']);
    expect(sorted(hidden)).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
  });

  for (const [name, form] of [['an acyclic form', chained], ['a cyclic form', cycle]] as const) {
    it(`after any sequence of changes, update agrees with compileForm().hiddenFields (${name})`, () => {
      const keys = form.fields.map((f) => f.key);
      const value = fc.oneof(fc.constant(null), fc.constantFrom('x', 'y', 'yx', 'u1', ''));
      const change = fc.record({ key: fc.constantFrom(...keys), value });
      fc.assert(
        fc.property(fc.array(change, { minLength: 1, maxLength: 12 }), fc.constantFrom(undefined, { user: { id: 'u1' } }), (changes, ctx) => {
          const plan = visibilityPlan(form);
          const engine = compileForm(form);
          let data: Record<string, unknown> = {};
          let hidden = plan.hidden(data, ctx);
          for (const c of changes) {
            data = { ...data, [c.key]: c.value };
            hidden = plan.update(hidden, data, [c.key], ctx);
            expect(sorted(hidden)).toEqual(sorted(engine.hiddenFields(data, ctx)));
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
