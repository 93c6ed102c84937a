import { describe, expect, it } from 'vitest';
import { conditionVars } from './condition-vars.js';

describe('conditionVars', () => {
  it('lists the record fields a condition reads, once each, without sub-paths', () => {
    const rule = { and: [{ '==': [{ var: 'kind' }, 'b2b'] }, { or: [{ '>': [{ var: 'amount' }, 10] }, { '==': [{ var: 'kind' }, 'x'] }] }, { '==': [{ var: 'address.city' }, 'Xi’an'] }] };
    expect(conditionVars(rule)).toEqual({ fields: ['kind', 'amount', 'address'], user: false, now: false });
  });
  it('counts the field names of missing, defaults of var, and $user / $now', () => {
    expect(conditionVars({ missing: ['vat', 'iban'] }).fields).toEqual(['vat', 'iban']);
    expect(conditionVars({ '==': [{ var: ['a', 0] }, 1] }).fields).toEqual(['a']);
    const ctx = conditionVars({ and: [{ '==': [{ var: 'owner_id' }, { var: '$user.id' }] }, { '<': [{ var: 'due' }, { var: '$now' }] }] });
    expect(ctx).toEqual({ fields: ['owner_id', 'due'], user: true, now: true });
  });
  it('a constant condition reads nothing', () => {
    expect(conditionVars(true)).toEqual({ fields: [], user: false, now: false });
  });
  it('refuses a rule that does not compile, like compileJs', () => {
    expect(() => conditionVars({ '==': [{ var: 'nme' }, 1] }, { name: { type: 'text' } })).toThrow(/unknown variable 'nme'/);
  });
});
