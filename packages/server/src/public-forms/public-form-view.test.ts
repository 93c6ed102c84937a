import { describe, expect, it } from 'vitest';
import { fieldTypes } from '@trellis/forms';
import type { FormDef } from '@trellis/schema';
import { checkLinkOptions, claimHash, claimValue, publicFormDef, shownFieldKeys } from './public-form-view.js';

const form: FormDef = {
  key: 'lead',
  name: 'Lead',
  fields: [
    { id: 'a1', key: 'name', type: 'text', label: 'Name', required: true },
    { id: 'a2', key: 'phone', type: 'text', label: 'Phone' },
    { id: 'a3', key: 'score', type: 'number', label: 'Score', required: true, defaultValue: 0 },
    { id: 'a4', key: 'notes', type: 'long_text', label: 'Notes' },
  ],
};

describe('public form view', () => {
  it('shows every field by default, else the named ones plus the one-per field and required fields without a default, in form order', () => {
    expect(shownFieldKeys(form, { fields: null, onePerField: null })).toEqual(['name', 'phone', 'score', 'notes']);
    expect(shownFieldKeys(form, { fields: ['notes'], onePerField: 'phone' })).toEqual(['name', 'phone', 'notes']);
  });

  it('also shows the fields that a shown field\'s visibility condition reads, transitively', () => {
    const withConditions: FormDef = {
      ...form,
      fields: [
        ...form.fields,
        { id: 'a5', key: 'kind', type: 'text', label: 'Kind', visibleWhen: { '==': [{ var: 'notes' }, 'x'] } },
        { id: 'a6', key: 'detail', type: 'text', label: 'Detail', visibleWhen: { and: [{ '==': [{ var: ['kind', ''] }, 'b2b'] }, { '!=': [{ var: '$user.id' }, null] }] } },
      ],
    };
    expect(shownFieldKeys(withConditions, { fields: ['detail'], onePerField: null })).toEqual(['name', 'notes', 'kind', 'detail']);
  });

  it('narrows the definition and replaces field ids by keys', () => {
    const def = publicFormDef({ ...form, layout: [{ kind: 'section', fields: ['score'] }, { kind: 'section', fields: ['name', 'notes'] }] }, ['name', 'notes']);
    expect(def.fields.map((f) => [f.id, f.key])).toEqual([['name', 'name'], ['notes', 'notes']]);
    expect(def.layout).toEqual([{ kind: 'section', fields: ['name', 'notes'] }]);
  });

  it('names each option that does not fit the form', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(checkLinkOptions(form, { fields: ['name'], onePerField: 'phone', expiresAt: '2026-07-01T00:00:00Z' }, fieldTypes, now)).toEqual([]);
    expect(checkLinkOptions(form, { fields: ['nope'], onePerField: 'score', expiresAt: '2026-05-01T00:00:00Z' }, fieldTypes, now).map((p) => p.path)).toEqual([
      '/fields/0',
      '/onePerField',
      '/expiresAt',
    ]);
  });

  it('normalises phones and emails so the same person cannot submit twice by writing them differently', () => {
    expect(claimValue(' +86 138-0013-8000 ')).toBe('13800138000');
    expect(claimValue('0086 (138) 0013.8000')).toBe('13800138000');
    expect(claimValue('010-6552 9988')).toBe('01065529988');
    expect(claimValue('Li.Lei@Example.COM ')).toBe('li.lei@example.com');
    expect(claimValue('   ')).toBeNull();
    expect(claimValue(null)).toBeNull();
    expect(claimHash('13800138000')).toMatch(/^[0-9a-f]{64}$/);
    expect(claimHash('13800138000')).not.toBe(claimHash('13800138001'));
  });
});
